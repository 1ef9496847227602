/**
 * The Diagnostics tab in Chromium against the fake Excel: the self-check a deployer runs once in
 * Excel desktop and once in Excel on the web shows a row per capability, every one passed here.
 */
import { CHROMIUM, describeWith } from '../support/env';
import { fake, usePane } from './harness';

describeWith(CHROMIUM, 'Chromium', 'Diagnostics tab against a fake Excel', () => {
  const pane = usePane();

  it('runs every check on a scratch sheet, shows each passed, and leaves the workbook as it was', async () => {
    const page = await pane.open('?api=1.18');
    await page.getByRole('tab', { name: '诊断' }).click();
    const panel = page.getByRole('tabpanel', { name: '诊断' });
    await panel.getByRole('button', { name: '运行诊断' }).click();
    const done = panel.getByRole('status').filter({ hasText: '诊断完成' });
    await done.waitFor({ timeout: 60_000 });
    await expect(done.textContent()).resolves.toContain('失败 0 项');
    const table = panel.getByRole('table', { name: '诊断' });
    const rows = await table.getByRole('row').allInnerTexts();
    // a header row, then one per requirement set and per capability
    expect(rows.length).toBeGreaterThan(18);
    const body = rows.slice(1);
    expect(body.filter((r) => !r.includes('通过'))).toEqual([]);
    expect(body.join('\n')).toContain('深度隐藏工作表及其删除');
    expect(body.join('\n')).toContain('ExcelApi 1.18 需求集');
    await pane.shot(page, 'diagnostics');
    await expect(fake(page, 'sheetNames')).resolves.toEqual(['Sheet1']);
  });
});
