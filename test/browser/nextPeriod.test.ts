/**
 * 开始新一期 in the built task pane, in Chromium against the fake Excel: the county copies are
 * filled for one quarter, the button offers the next quarter, and confirming moves the figures.
 */
import { CHROMIUM, describeWith } from '../support/env';
import { fake, generateSample, rowOf, until, usePane } from './harness';
import type { Page } from 'playwright-core';

const COUNTIES = ['新密市', '登封市', '荥阳市'];

/** Column letter of the header whose text, without `*`, is `header` (rows 4–5). */
async function columnOf(page: Page, sheet: string, header: string): Promise<string> {
  const values = await fake<unknown[][]>(page, 'sheetValues', sheet);
  for (const r of [3, 4]) {
    const c = values[r].findIndex((v) => String(v).replace(/^\*/, '') === header);
    if (c >= 0) return String.fromCharCode(65 + c);
  }
  throw new Error(`no ${header} on ${sheet}`);
}

async function valueUnder(page: Page, sheet: string, id: string, header: string): Promise<unknown> {
  return fake(page, 'cellValue', sheet, `${await columnOf(page, sheet, header)}${await rowOf(page, sheet, id)}`);
}

describeWith(CHROMIUM, 'Chromium', '开始新一期 in the task pane', () => {
  const pane = usePane();

  it('offers the next quarter, and confirming moves 本期完成值 to 上期完成值 and empties the period', async () => {
    const page = await pane.open();
    await generateSample(page, COUNTIES.join('、'));
    await page.getByRole('status').filter({ hasText: '生成完成' }).waitFor();
    for (const [i, c] of COUNTIES.entries()) {
      await fake(page, 'setCell', c, 'E2', '2024年第2季度');
      const row = await rowOf(page, c, '2');
      await fake(page, 'setCell', c, `${await columnOf(page, c, '本期完成值')}${row}`, i + 1);
      await fake(page, 'setCell', c, `${await columnOf(page, c, '进展情况')}${row}`, '推进中');
    }

    // Cancel first: nothing changes
    await page.getByRole('button', { name: '开始新一期' }).click();
    let dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '取消' }).click();
    await page.getByRole('status').filter({ hasText: '已取消，工作簿未改动' }).waitFor();
    await expect(valueUnder(page, '登封市', '2', '本期完成值')).resolves.toBe(2);

    const before = await fake<number>(page, 'syncCount');
    await page.getByRole('button', { name: '开始新一期' }).click();
    dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await dialog.getByText('当前报送期：2024年第2季度').waitFor();
    await expect(dialog.getByRole('textbox', { name: '新一期报送期' }).inputValue()).resolves.toBe('2024年第3季度');
    await dialog.getByText('本期完成值将移入“上期完成值”列').waitFor();
    await pane.shot(page, 'zh-next-period-dialog');
    await dialog.getByRole('button', { name: '开始新一期' }).click();

    const done = page.getByRole('status').filter({ hasText: '已开始新一期' });
    await done.waitFor();
    await expect(done.textContent()).resolves.toContain('3 个数值移入上期完成值');
    await pane.shot(page, 'zh-next-period-done');
    // one read batch, one write batch
    expect((await fake<number>(page, 'syncCount')) - before).toBeLessThanOrEqual(3);

    await expect(valueUnder(page, '登封市', '2', '上期完成值')).resolves.toBe(2);
    await expect(valueUnder(page, '荥阳市', '2', '上期完成值')).resolves.toBe(3);
    await expect(valueUnder(page, '登封市', '2', '本期完成值')).resolves.toBe('');
    await expect(valueUnder(page, '登封市', '2', '进展情况')).resolves.toBe('');
    await expect(fake(page, 'cellValue', '新密市', 'E2')).resolves.toBe('2024年第3季度');
    const names = await until(
      () => fake<string[]>(page, 'sheetNames'),
      (n) => n.includes('keytask_periods'),
    );
    expect(names).toContain('keytask_periods');
    await pane.close(page);
  });

  it('says why it refuses an earlier period, and writes nothing', async () => {
    const page = await pane.open();
    await generateSample(page, '新密市');
    await page.getByRole('status').filter({ hasText: '生成完成' }).waitFor();
    await fake(page, 'setCell', '新密市', 'E2', '2024年第2季度');
    await page.getByRole('button', { name: '开始新一期' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('textbox', { name: '新一期报送期' }).fill('2024年第1季度');
    await dialog.getByRole('button', { name: '开始新一期' }).click();
    await page.getByRole('alert').filter({ hasText: '早于当前报送期' }).waitFor();
    await expect(fake(page, 'cellValue', '新密市', 'E2')).resolves.toBe('2024年第2季度');
    await pane.close(page);
  });
});
