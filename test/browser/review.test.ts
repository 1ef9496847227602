/**
 * The Review tab in Chromium against the fake Excel: a broken cell is found, shown, selected,
 * marked and cleared, and gone once fixed; the findings sheet asks before taking another name;
 * a list of hundreds of findings shows the first page.
 */
import type { Page } from 'playwright-core';
import { CHROMIUM, describeWith } from '../support/env';
import { fake, generateSample, rowOf, until, usePane } from './harness';

const CITY = '重点任务清单';
/** Task 4 of the sample is cumulative: 200 (2023), 240 (2024), 300 (2025) 亿元; J is 2024. */
const Y2024 = 'J';
const DECREASING = '累计目标2024年为150,低于2023年的200';

async function review(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '审核' }).click();
  const panel = page.getByRole('tabpanel', { name: '审核' });
  await panel.getByRole('button', { name: '开始审核' }).click();
  await panel.getByRole('status').filter({ hasText: '审核完成' }).waitFor();
}

describeWith(CHROMIUM, 'Chromium', 'Review tab against a fake Excel', () => {
  const pane = usePane();

  it('finds a broken milestone, goes to it, marks it with a note, clears it, and drops it once fixed', async () => {
    const page = await pane.open('?api=1.18');
    await generateSample(page, '新密市');
    await page.getByRole('status').filter({ hasText: '生成完成' }).waitFor();
    const cell = `${Y2024}${await rowOf(page, CITY, '4')}`;
    await fake(page, 'setCell', CITY, cell, 150);

    await review(page);
    const panel = page.getByRole('tabpanel', { name: '审核' });
    await expect(panel.getByRole('status').filter({ hasText: '审核完成' }).textContent()).resolves.toContain(`已审核：${CITY}、新密市`);
    const item = panel.getByRole('button').filter({ hasText: DECREASING });
    await expect(item.count()).resolves.toBe(1);
    await expect(item.textContent()).resolves.toContain(`${CITY}!${cell}`);
    await expect(item.textContent()).resolves.toContain('序号 4');
    // Counts by severity and by kind head the list.
    await expect(panel.getByLabel('按问题类型').textContent()).resolves.toContain('累计目标下降1');
    await pane.shot(page, 'review');

    await item.click();
    const at = { sheet: CITY, address: cell };
    await expect(
      until(
        () => fake(page, 'selection'),
        (v) => JSON.stringify(v) === JSON.stringify(at),
      ),
    ).resolves.toEqual(at);

    // Grouped by sheet, the same finding sits under its sheet.
    await panel.getByRole('radio', { name: '按工作表' }).check();
    await panel.getByRole('region', { name: CITY }).getByRole('button').filter({ hasText: DECREASING }).waitFor();
    await pane.shot(page, 'review-by-sheet');

    const fillBefore = await fake<string>(page, 'fill', CITY, cell);
    await panel.getByRole('button', { name: '标记单元格' }).click();
    const marked = panel.getByRole('status').filter({ hasText: '已标记' });
    await marked.waitFor();
    await expect(marked.textContent()).resolves.toContain('问题写在单元格的备注中');
    await expect(fake(page, 'fill', CITY, cell)).resolves.toBe('#FFC7CE');
    await expect(fake<Record<string, string>>(page, 'notes', CITY).then((n) => n[cell])).resolves.toContain(DECREASING);
    await pane.shot(page, 'review-marked');

    await panel.getByRole('button', { name: '清除标记' }).click();
    await panel.getByRole('status').filter({ hasText: '已清除' }).waitFor();
    // The cell gets back the fill it had (the template's input colour), not none.
    await expect(fake(page, 'fill', CITY, cell)).resolves.toBe(fillBefore);
    await expect(fake<Record<string, string>>(page, 'notes', CITY).then((n) => n[cell])).resolves.toBeUndefined();

    // Fixed in the sheet, the next review no longer lists it.
    await fake(page, 'setCell', CITY, cell, 240);
    await panel.getByRole('button', { name: '开始审核' }).click();
    await expect(
      until(
        () => panel.getByRole('button').filter({ hasText: DECREASING }).count(),
        (n) => n === 0,
      ),
    ).resolves.toBe(0);
    await panel.getByRole('radio', { name: '按工作表' }).waitFor();
    await pane.close(page);
  });

  it('writes the findings sheet, asking first when a sheet of the user’s holds the name', async () => {
    const page = await pane.open();
    await generateSample(page, '新密市');
    await page.getByRole('status').filter({ hasText: '生成完成' }).waitFor();
    await fake(page, 'addSheet', '审核意见', [['我的审核意见']]);
    await review(page);
    const panel = page.getByRole('tabpanel', { name: '审核' });

    await panel.getByRole('button', { name: '生成审核意见表' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('工作表“审核意见”已存在且不是本工具生成的，将改用“审核意见 (2)”。');
    await dialog.getByRole('button', { name: '取消' }).click();
    await panel.getByRole('status').filter({ hasText: '未生成审核意见表' }).waitFor();
    await expect(fake<string[]>(page, 'sheetNames')).resolves.not.toContain('审核意见 (2)');

    await panel.getByRole('button', { name: '生成审核意见表' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '继续' }).click();
    await panel.getByRole('status').filter({ hasText: '已生成审核意见表“审核意见 (2)”' }).waitFor();
    await expect(fake<unknown[][]>(page, 'sheetValues', '审核意见')).resolves.toEqual([['我的审核意见']]);
    await expect(fake<string[]>(page, 'sheetNames')).resolves.toContain('审核意见 (2)');
    await pane.close(page);
  });

  it('lists hundreds of findings as a few entries, errors first, each opening onto its cells', async () => {
    const page = await pane.open();
    await generateSample(page, '新密市、登封市、荥阳市、巩义市、中牟县');
    await page.getByRole('status').filter({ hasText: '生成完成' }).waitFor();
    // Every task of every sheet loses its lead and its text: two findings a row.
    await page.evaluate(() => {
      const f = (
        window as unknown as { __keytaskFake: { sheetValues(n: string): unknown[][]; setCell(s: string, a: string, v: unknown): void } }
      ).__keytaskFake;
      for (const sheet of ['重点任务清单', '新密市', '登封市', '荥阳市', '巩义市', '中牟县']) {
        f.sheetValues(sheet).forEach((row, r) => {
          if (!/^\d+$/.test(String(row[0]))) return;
          f.setCell(sheet, `C${r + 1}`, '');
          f.setCell(sheet, `L${r + 1}`, '');
        });
      }
    });
    await review(page);
    const panel = page.getByRole('tabpanel', { name: '审核' });
    // the city list's missing leads, once, marked as in every county copy
    const lead = panel.getByRole('region', { name: '缺少牵头单位' }).getByRole('listitem');
    await expect(lead.count()).resolves.toBe(1);
    await expect(lead.textContent()).resolves.toMatch(
      /缺少牵头单位 × 54：任务没有牵头单位.*序号 1–54.*各县区表沿用：新密市、登封市、荥阳市、巩义市、中牟县/,
    );
    // each county copy not filled yet: one 未填报 each, after the errors
    const sections = await panel.getByRole('region').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(sections.indexOf('未填报')).toBeGreaterThan(sections.indexOf('缺少牵头单位'));
    await expect(panel.getByRole('region', { name: '未填报' }).getByRole('listitem').count()).resolves.toBe(5);
    await expect(panel.getByRole('button', { name: /^显示更多/ }).count()).resolves.toBe(0);
    // opened, the entry lists its cells; one goes to its cell
    await lead.getByRole('button', { name: '展开 54 个单元格' }).click();
    const cells = lead.getByRole('list').getByRole('button');
    await expect(cells.count()).resolves.toBe(54);
    await cells.first().click();
    await expect(
      until(
        () => fake<{ sheet: string; address: string }>(page, 'selection'),
        (v) => v?.sheet === '重点任务清单' && /^L\d+$/.test(v.address),
      ),
    ).resolves.toBeTruthy();
    await pane.shot(page, 'review-grouped');
    await pane.close(page);
  });
});
