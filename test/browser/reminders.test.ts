/**
 * 催报通知 in Chromium against the fake Excel: county sheets filled through the fake, rolled up
 * in the 汇总 tab, then one notice per county shown in the pane, one copied to the clipboard,
 * and the notices written as a 催报 sheet — asked before that sheet is replaced.
 */
import { CHROMIUM, describeWith } from '../support/env';
import { fake, fillSampleQuarter, usePane } from './harness';

describeWith(CHROMIUM, 'Chromium', '催报通知 against a fake Excel', () => {
  const pane = usePane();

  it('shows a notice per county, copies one, and writes the 催报 sheet', async () => {
    const page = await pane.open();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    await fillSampleQuarter(page);

    await page.getByRole('tab', { name: '汇总' }).click();
    const panel = page.getByRole('tabpanel', { name: '汇总' });
    const remind = panel.getByRole('button', { name: '催报通知' });
    await panel.getByRole('checkbox', { name: '新密市' }).waitFor();
    // nothing rolled up yet: no summary to remind from
    await expect(remind.isDisabled()).resolves.toBe(true);

    await panel.getByRole('button', { name: '开始汇总' }).click();
    await panel.getByRole('status').filter({ hasText: '汇总完成' }).waitFor();
    await remind.click();

    const notices = panel.getByRole('region', { name: '催报通知' });
    // 荥阳市 left its copy blank: not reported; the others filled one task of many: incomplete
    const xingyang = notices.getByRole('group', { name: '荥阳市' });
    await xingyang.waitFor();
    await expect(xingyang.textContent()).resolves.toContain('尚未报送2024年第2季度重点任务进展情况');
    await expect(notices.getByRole('group', { name: '登封市' }).textContent()).resolves.toContain('需补充完善');

    await xingyang.getByRole('button', { name: '复制' }).click();
    await panel.getByRole('status').filter({ hasText: '已复制荥阳市的催报通知' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^荥阳市：截至目前/);

    await notices.getByRole('button', { name: '复制全部' }).click();
    await panel.getByRole('status').filter({ hasText: '已复制全部催报通知' }).waitFor();
    const all = await page.evaluate(() => navigator.clipboard.readText());
    expect(all).toContain(copied);
    expect(all.split('\n\n').length).toBeGreaterThanOrEqual(2);

    await notices.getByRole('button', { name: '写入催报表' }).click();
    await panel.getByRole('status').filter({ hasText: '已写入工作表“催报”' }).waitFor();
    expect(await fake<string[]>(page, 'sheetNames')).toContain('催报');
    expect(await fake(page, 'cellValue', '催报', 'A1')).toBe('催报通知(2024年第2季度)');
    const counties = await Promise.all(['A3', 'A4', 'A5'].map((a) => fake<string>(page, 'cellValue', '催报', a)));
    expect(counties).toContain('荥阳市');
    await pane.shot(page, 'reminders');

    // again: the sheet is there, so the pane asks; Cancel leaves it, Replace rewrites it
    await notices.getByRole('button', { name: '写入催报表' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('工作簿中已有工作表“催报”').waitFor();
    await dialog.getByRole('button', { name: '取消' }).click();
    await panel.getByRole('status').filter({ hasText: '已取消' }).waitFor();
    await notices.getByRole('button', { name: '写入催报表' }).click();
    await dialog.getByRole('button', { name: '替换' }).click();
    await panel.getByRole('status').filter({ hasText: '已替换工作表“催报”的内容' }).waitFor();
    expect((await fake<string[]>(page, 'sheetNames')).filter((n) => n.startsWith('催报'))).toEqual(['催报']);
    await pane.shot(page, 'reminders');
    await pane.close(page);
  });
});
