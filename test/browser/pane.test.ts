/**
 * The built task pane in a real Chromium, against the fake Office/Excel (see harness.ts):
 * language, tabs and the Generate tab. Review, roll-up and plan import have files of their own.
 */
import { CHROMIUM, describeWith } from '../support/env';
import { fake, generateSample, usePane } from './harness';

/** Generation must not cost a round-trip per sheet or per county: one read, one write, a few more. */
const MAX_SYNCS = 8;

describeWith(CHROMIUM, 'Chromium', 'task pane in Chromium against a fake Excel', () => {
  const pane = usePane();

  it('renders in Chinese by default and switches tabs', async () => {
    const page = await pane.open();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    await page.getByRole('heading', { name: '重点任务清单' }).waitFor();
    const tabs = await page.getByRole('tab').allInnerTexts();
    expect(tabs).toEqual(['填报', '审核', '汇总', '诊断']);
    await expect(page.getByRole('tab', { name: '填报' }).getAttribute('aria-selected')).resolves.toBe('true');
    // The sample plan's period is the default.
    await expect(page.getByRole('spinbutton', { name: '起始年份' }).inputValue()).resolves.toBe('2023');
    await expect(page.getByRole('spinbutton', { name: '截止年份' }).inputValue()).resolves.toBe('2025');
    // The plan's name is cut at the pane's edge (the shot checks the pane does not scroll sideways); hovering shows it whole.
    await expect(page.getByRole('combobox', { name: '计划来源' }).getAttribute('title')).resolves.toMatch(
      /^示例计划：商丘市.+\(2023—2025年\)$/,
    );
    await pane.shot(page, 'zh-generate');

    await page.getByRole('tab', { name: '审核' }).click();
    await page.getByRole('tabpanel', { name: '审核' }).getByRole('button', { name: '开始审核' }).waitFor();
    await expect(page.getByRole('button', { name: '生成', exact: true }).isVisible()).resolves.toBe(false);
    await pane.shot(page, 'zh-review');

    await page.getByRole('tab', { name: '汇总' }).click();
    await page.getByRole('tabpanel', { name: '汇总' }).getByRole('button', { name: '开始汇总' }).waitFor();
    // An empty workbook has no county sheets yet; the pane says so.
    await page.getByText('本工作簿中没有本工具生成的县（市、区）工作表').waitFor();

    await page.getByRole('tab', { name: '填报' }).click();
    await page.getByRole('button', { name: '生成', exact: true }).waitFor();
    await pane.close(page);
  });

  it('generates the sample plan for three counties in a fixed number of syncs', async () => {
    const page = await pane.open();
    await generateSample(page, '新密市、登封市、荥阳市');
    const message = page.getByRole('status').filter({ hasText: '生成完成' });
    await message.waitFor();
    await pane.shot(page, 'zh-generated');

    const names = await fake<string[]>(page, 'sheetNames');
    for (const sheet of ['重点任务清单', '新密市', '登封市', '荥阳市', '单位名录']) expect(names).toContain(sheet);
    const text = await message.textContent();
    for (const sheet of ['重点任务清单', '新密市', '登封市', '荥阳市', '单位名录']) expect(text).toContain(sheet);
    const syncsForThree = await fake<number>(page, 'syncCount');
    expect(syncsForThree).toBeGreaterThan(0);
    expect(syncsForThree).toBeLessThanOrEqual(MAX_SYNCS);

    // Generating again updates the same sheets instead of adding copies.
    await page.getByRole('button', { name: '生成', exact: true }).click();
    const updated = page.getByRole('status').filter({ hasText: '更新工作表：重点任务清单、新密市、登封市、荥阳市、单位名录' });
    await updated.waitFor();
    await expect(fake<string[]>(page, 'sheetNames')).resolves.toEqual(names);
    await pane.shot(page, 'zh-regenerated');
    await pane.close(page);

    // "Fixed" means independent of how many counties there are.
    const single = await pane.open();
    await generateSample(single, '新密市');
    await single.getByRole('status').filter({ hasText: '生成完成' }).waitFor();
    await expect(fake<number>(single, 'syncCount')).resolves.toBe(syncsForThree);
    await pane.close(single);
  });

  it('asks before working around a sheet of the user’s, and Cancel changes nothing', async () => {
    const page = await pane.open();
    const userValues = [
      ['我的数据', 42],
      ['不要动', 'x'],
    ];
    await fake(page, 'addSheet', '重点任务清单', userValues);
    const namesBefore = await fake<string[]>(page, 'sheetNames');
    const valuesBefore = await fake<unknown[][]>(page, 'sheetValues', '重点任务清单');

    await generateSample(page, '新密市、登封市、荥阳市');
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('工作表“重点任务清单”已存在且不是本工具生成的，将改用“重点任务清单 (2)”。');
    await pane.shot(page, 'zh-conflict');

    await dialog.getByRole('button', { name: '取消' }).click();
    await page.getByRole('status').filter({ hasText: '已取消' }).waitFor();
    await expect(dialog.isVisible()).resolves.toBe(false);
    await expect(fake<string[]>(page, 'sheetNames')).resolves.toEqual(namesBefore);
    await expect(fake<unknown[][]>(page, 'sheetValues', '重点任务清单')).resolves.toEqual(valuesBefore);
    await pane.close(page);
  });

  it('with Continue, generates under the proposed name and leaves the user’s sheet alone', async () => {
    const page = await pane.open();
    await fake(page, 'addSheet', '重点任务清单', [['我的数据', 42]]);
    const valuesBefore = await fake<unknown[][]>(page, 'sheetValues', '重点任务清单');

    await generateSample(page, '新密市');
    await page.getByRole('alertdialog').getByRole('button', { name: '继续' }).click();
    const message = page.getByRole('status').filter({ hasText: '生成完成' });
    await message.waitFor();
    await expect(message.textContent()).resolves.toContain('重点任务清单 (2)');
    const names = await fake<string[]>(page, 'sheetNames');
    expect(names).toEqual(expect.arrayContaining(['重点任务清单', '重点任务清单 (2)', '新密市', '单位名录']));
    await expect(fake<unknown[][]>(page, 'sheetValues', '重点任务清单')).resolves.toEqual(valuesBefore);
    await pane.close(page);
  });

  it('says in words what is wrong with the input', async () => {
    const page = await pane.open();
    await page.getByRole('spinbutton', { name: '起始年份' }).fill('2026');
    await page.getByRole('button', { name: '生成', exact: true }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('截止年份不能早于起始年份');
    await pane.shot(page, 'zh-error');
    const names = await fake<string[]>(page, 'sheetNames');
    expect(names).not.toContain('单位名录');
    await pane.close(page);
  });

  it('speaks English when Office’s display language is not Chinese', async () => {
    const page = await pane.open('?lang=en-US');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.getByRole('heading', { name: 'Key tasks' }).waitFor();
    await expect(page.getByRole('tab').allInnerTexts()).resolves.toEqual(['Generate', 'Review', 'Roll-up', 'Diagnostics']);
    await page.getByRole('button', { name: 'Generate', exact: true }).waitFor();
    const headerLang = page.getByRole('combobox', { name: 'Sheet header language' });
    await expect(headerLang.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent)).resolves.toContain('English');
    await pane.shot(page, 'en-generate');
    await page.getByRole('tab', { name: 'Review' }).click();
    await page.getByRole('tabpanel', { name: 'Review' }).getByRole('button', { name: 'Check', exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Roll-up' }).click();
    await page.getByRole('tabpanel', { name: 'Roll-up' }).getByRole('button', { name: 'Roll up', exact: true }).waitFor();
    await pane.close(page);
  });
});
