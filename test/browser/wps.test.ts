/**
 * The WPS build of the pane (webpack --env wps) in Chromium, with the fake ET as
 * window.Application: the same three jobs as in Excel — generate, review (a broken cell found and
 * selected, the findings sheet written, the cell marked with a fill and a note and cleared), roll up
 * (the summary sheets and the ranking chart) — and the self-check (诊断), every check passed.
 */
import { CHROMIUM, describeWith } from '../support/env';
import { fake, generateSample, rowOf, until, usePane } from './harness';

const CITY = '重点任务清单';
/** Task 4 of the sample is cumulative: 200 (2023), 240 (2024), 300 (2025) 亿元; J is 2024. */
const Y2024 = 'J';

describeWith(CHROMIUM, 'Chromium', 'the WPS build of the pane against a fake ET', () => {
  const pane = usePane('wps');

  it('generates, reviews and rolls up through WPS’s object model', async () => {
    const page = await pane.open();
    await expect(page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).resolves.toBe('undefined');
    await generateSample(page, '新密市、登封市');
    await page.getByRole('status').filter({ hasText: '生成完成' }).waitFor();
    await expect(fake<string[]>(page, 'sheetNames')).resolves.toEqual(expect.arrayContaining([CITY, '新密市', '登封市']));

    // Review: a falling cumulative target on the city sheet is found and selected.
    const cell = `${Y2024}${await rowOf(page, CITY, '4')}`;
    await fake(page, 'setCell', CITY, cell, 150);
    await page.getByRole('tab', { name: '审核' }).click();
    const review = page.getByRole('tabpanel', { name: '审核' });
    await review.getByRole('button', { name: '开始审核' }).click();
    await review.getByRole('status').filter({ hasText: '审核完成' }).waitFor();
    const item = review.getByRole('button').filter({ hasText: '累计目标2024年为150' });
    await expect(item.count()).resolves.toBe(1);
    await pane.shot(page, 'review');
    await item.click();
    const selected = await until(
      () => fake<{ sheet: string; address: string } | null>(page, 'selection'),
      (v) => v?.address === cell,
    );
    expect(selected).toEqual({ sheet: CITY, address: cell });
    // The findings sheet is written; the cell is marked with a fill and a note, then cleared.
    await review.getByRole('button', { name: '生成审核意见表' }).click();
    await review.getByText(/已生成审核意见表“[^”]+”/).waitFor();
    const fillBefore = await fake<string>(page, 'fill', CITY, cell);
    await review.getByRole('button', { name: '标记单元格' }).click();
    const marked = review.getByRole('status').filter({ hasText: '已标记' });
    await marked.waitFor();
    await expect(marked.textContent()).resolves.toContain('问题写在单元格的备注中');
    await expect(fake(page, 'fill', CITY, cell)).resolves.toBe('#FFC7CE');
    await expect(fake<Record<string, string>>(page, 'notes', CITY).then((n) => n[cell])).resolves.toContain('累计目标2024年为150');
    await pane.shot(page, 'review-marked');
    await review.getByRole('button', { name: '清除标记' }).click();
    await review.getByRole('status').filter({ hasText: '已清除' }).waitFor();
    await expect(fake(page, 'fill', CITY, cell)).resolves.toBe(fillBefore);
    await expect(fake<Record<string, string>>(page, 'notes', CITY).then((n) => n[cell])).resolves.toBeUndefined();
    await fake(page, 'setCell', CITY, cell, 240);

    // Roll-up: two county sheets with figures, into 汇总 / 填报情况 / 排名 and its chart.
    for (const [county, actual] of [
      ['新密市', 70],
      ['登封市', 40],
    ] as const) {
      const row = await rowOf(page, county, '4');
      await fake(page, 'setCell', county, `G${row}`, 100);
      await fake(page, 'setCell', county, `N${row}`, actual);
    }
    await page.getByRole('tab', { name: '汇总' }).click();
    const rollup = page.getByRole('tabpanel', { name: '汇总' });
    await rollup.getByRole('button', { name: '开始汇总' }).click();
    const done = rollup.getByRole('status').filter({ hasText: '汇总完成' });
    await done.waitFor();
    await expect(done.textContent()).resolves.toContain('已写入：汇总、填报情况、排名');
    await expect(fake<number>(page, 'charts', '排名')).resolves.toBe(1);
    await pane.shot(page, 'rollup');

    // 诊断: WPS's own checks, every one passed, the scratch sheet gone after.
    const sheets = await fake<string[]>(page, 'sheetNames');
    await page.getByRole('tab', { name: '诊断' }).click();
    const diagnostics = page.getByRole('tabpanel', { name: '诊断' });
    await diagnostics.getByRole('button', { name: '运行诊断' }).click();
    const checked = diagnostics.getByRole('status').filter({ hasText: '诊断完成' });
    await checked.waitFor();
    await expect(checked.textContent()).resolves.toContain('失败 0 项');
    const rows = await diagnostics.getByRole('table', { name: '诊断' }).getByRole('row').allInnerTexts();
    expect(rows[0]).toContain('WPS 对象');
    expect(rows.slice(1).filter((r) => !r.includes('通过'))).toEqual([]);
    expect(rows.join('\n')).toContain('单元格标记（填充色与批注）及其清除');
    await pane.shot(page, 'diagnostics');
    await expect(fake<string[]>(page, 'sheetNames')).resolves.toEqual(sheets);
  });
});
