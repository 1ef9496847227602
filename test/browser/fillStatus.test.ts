/**
 * 填写状态 in the Review tab, in Chromium against the fake Excel: blank 状态 cells filled from the
 * 序时进度 rule, the question asked before a clerk's own choice is written over, and keeping
 * theirs (the default, and what Escape does) or taking the rule's.
 */
import type { Page } from 'playwright-core';
import { CHROMIUM, describeWith } from '../support/env';
import { fake, generateSample, rowOf, usePane } from './harness';

const CITY = '重点任务清单';

/** The city list for 2024年第2季度: task 4 behind (215 of 序时进度 220), 10 ahead (230), 17 on schedule though the clerk chose 滞后. */
async function report(page: Page): Promise<Record<string, string>> {
  await fake(page, 'setCell', CITY, 'E2', '2024年第2季度');
  const at: Record<string, string> = {};
  for (const [id, actual, status] of [
    ['4', 215, ''],
    ['10', 230, ''],
    ['17', 220, '滞后'],
  ] as const) {
    const row = await rowOf(page, CITY, id);
    for (const [col, v] of [
      ['E', '家'],
      ['G', 300],
      ['I', 200],
      ['J', 240],
      ['K', 300],
      ['N', actual],
    ] as const)
      await fake(page, 'setCell', CITY, `${col}${row}`, v);
    if (status) await fake(page, 'setCell', CITY, `Q${row}`, status);
    at[id] = `Q${row}`;
  }
  return at;
}

const statusAt = (page: Page, at: Record<string, string>, ids: string[]) =>
  Promise.all(ids.map((id) => fake(page, 'cellValue', CITY, at[id])));

describeWith(CHROMIUM, 'Chromium', '填写状态 against a fake Excel', () => {
  const pane = usePane();

  it('fills blank 状态, asks before writing over a clerk’s choice, keeps it by default and overwrites when told', async () => {
    const page = await pane.open('?api=1.18');
    await generateSample(page, '新密市');
    await page.getByRole('status').filter({ hasText: '生成完成' }).waitFor();
    const at = await report(page);

    await page.getByRole('tab', { name: '审核' }).click();
    const panel = page.getByRole('tabpanel', { name: '审核' });
    await panel.getByRole('button', { name: '填写状态' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain(`${CITY}!${at['17']} 序号 17：填报“滞后”，按序时进度为“序时”`);
    await pane.shot(page, 'fill-status-question');
    // Escape keeps the clerk's choice, as the default button does.
    await page.keyboard.press('Escape');
    const done = panel.getByRole('status').filter({ hasText: '已按序时进度填写 2 项任务的状态' });
    await done.waitFor();
    await expect(done.textContent()).resolves.toContain('保留了填报人所选、与序时进度不符的状态 1 项');
    await expect(done.textContent()).resolves.toContain('新密市：未填写报送期,状态未填写');
    await expect(statusAt(page, at, ['4', '10', '17'])).resolves.toEqual(['滞后', '超序时', '滞后']);
    await pane.shot(page, 'fill-status-kept');

    await panel.getByRole('button', { name: '填写状态' }).click();
    await dialog.getByRole('button', { name: '按序时进度改写' }).click();
    await panel.getByRole('status').filter({ hasText: '已按序时进度改写填报人所选的状态 1 项' }).waitFor();
    await expect(statusAt(page, at, ['4', '10', '17'])).resolves.toEqual(['滞后', '超序时', '序时']);
  });
});
