/**
 * Plan import on the Generate tab in Chromium against the fake Excel: seed 001's text pasted,
 * read into a preview the clerk corrects (a task left out, a unit, a lead), then generated.
 */
import type { Page } from 'playwright-core';
import { smallPlanDocx } from '../core/import/support';
import { CHROMIUM, describeWith } from '../support/env';
import { seedText } from '../support/seeds';
import { fake, rowOf, until, usePane } from './harness';

const CITY = '重点任务清单';
/** Columns of the generated city sheet: unit E, lead L, cooperating M. */
const COL = { unit: 4, lead: 11, cooperating: 12 };

async function chooseImport(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: '计划来源' }).selectOption({ label: '从规划文本导入' });
}

describeWith(CHROMIUM, 'Chromium', 'plan import on the Generate tab against a fake Excel', () => {
  const pane = usePane();

  it('reads seed 001 into 54 tasks, takes the clerk’s corrections, and generates 53', async () => {
    const page = await pane.open();
    await chooseImport(page);
    await page.getByRole('textbox', { name: '规划文本' }).fill(seedText('001'));
    await page.getByRole('button', { name: '解析', exact: true }).click();
    const found = page.getByRole('status').filter({ hasText: /^识别出 54 项任务，已选 54 项/ });
    await found.waitFor();
    await expect(page.getByRole('checkbox', { name: /^生成任务 / }).count()).resolves.toBe(54);
    // The period comes from the document, the name too (editable).
    await expect(page.getByRole('spinbutton', { name: '起始年份' }).inputValue()).resolves.toBe('2023');
    await expect(page.getByRole('spinbutton', { name: '截止年份' }).inputValue()).resolves.toBe('2025');
    const name = page.getByRole('textbox', { name: '计划名称' });
    await expect(name.inputValue()).resolves.toMatch(/^商丘市.*行动计划/);

    // What the importer could not tell sits on the task's row, in words.
    const task2 = page.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: '生成任务 2', exact: true }) });
    await expect(task2.textContent()).resolves.toContain('1 项需核对');
    await expect(task2.textContent()).resolves.toContain('市发展改革委员');
    await pane.shot(page, 'import');

    await page.getByRole('checkbox', { name: '生成任务 54' }).uncheck();
    await page
      .getByRole('status')
      .filter({ hasText: /^识别出 54 项任务，已选 53 项/ })
      .waitFor();
    await page.getByRole('textbox', { name: '任务 10 的计量单位' }).fill('万户');
    await page.getByRole('combobox', { name: '任务 10 的牵头单位' }).click();
    await page.getByRole('option', { name: '市通信发展管理办公室' }).click();
    await name.fill('商丘市制造强市三年行动计划（导入）');
    await pane.shot(page, 'import-edited');

    await page.getByRole('button', { name: '生成', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '生成完成' }).waitFor();
    await pane.shot(page, 'import-generated');

    const values = await fake<unknown[][]>(page, 'sheetValues', CITY);
    const ids = values.map((r) => String(r[0])).filter((v) => /^\d+$/.test(v));
    expect(ids).toHaveLength(53);
    expect(ids).not.toContain('54');
    const t10 = values[(await rowOf(page, CITY, '10')) - 1];
    expect(t10[COL.unit]).toBe('万户');
    expect(t10[COL.lead]).toBe('市通信发展管理办公室');
    expect(String(t10[COL.cooperating])).toContain('市工业和信息化局');
    expect(JSON.stringify(values.slice(0, 2))).toContain('商丘市制造强市三年行动计划（导入）');
    // Every unit the document named is in the directory, the left-out task's included.
    const units = (await fake<unknown[][]>(page, 'sheetValues', '单位名录')).flat().filter((v) => typeof v === 'string');
    expect(units).toEqual(expect.arrayContaining(['市工业和信息化局', '市通信发展管理办公室']));
    await pane.close(page);
  });

  it('says in words when the text is not a plan, and when nothing was read yet', async () => {
    const page = await pane.open();
    await chooseImport(page);
    await page.getByRole('button', { name: '生成', exact: true }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('请先粘贴规划文本并点击“解析”');
    await page.getByRole('textbox', { name: '规划文本' }).fill('今天天气很好。\n明天也不错。');
    await page.getByRole('button', { name: '解析', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: '无法解析' }).textContent()).resolves.toContain('这段文字看起来不是规划文件');
    await pane.shot(page, 'import-error');
    await pane.close(page);
  });

  it('shows each target’s bound and direction, and the task the document stops in', async () => {
    const page = await pane.open();
    await chooseImport(page);
    const doc = [
      '某区2023年目标任务责任分解',
      '一、主要预期目标',
      '(一)城镇登记失业率控制在3%以内',
      '责任单位:区人社局',
      '(二)工业投资增长12%以上',
      '责任单位:区',
    ].join('\n');
    await page.getByRole('textbox', { name: '规划文本' }).fill(doc);
    await page.getByRole('button', { name: '解析', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^识别出 2 项任务/ })
      .waitFor();
    const row = (id: string) =>
      page.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: `生成任务 ${id}`, exact: true }) });
    const first = await row('(一)').textContent();
    expect(first).toContain('≤3');
    expect(first).toContain('越低越好');
    expect(first).not.toContain('原文在此截断');
    const second = await row('(二)').textContent();
    expect(second).toContain('≥12');
    expect(second).not.toContain('越低越好');
    expect(second).toContain('原文在此截断');
    await pane.shot(page, 'import-bounds');
    await pane.close(page);
  });

  it('opens a .docx in the pane, and says so when a .docx is broken', async () => {
    const page = await pane.open();
    await chooseImport(page);
    const docx = { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
    await page.getByLabel('打开文件…').setInputFiles({ name: 'plan.docx', ...docx, buffer: await smallPlanDocx() });
    const text = page.getByRole('textbox', { name: '规划文本' });
    await expect(
      until(
        () => text.inputValue(),
        (v) => v.length > 0,
      ),
    ).resolves.toContain('市科技局');
    await page.getByRole('button', { name: '解析', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^识别出 2 项任务，已选 2 项/ })
      .waitFor();

    await page.getByLabel('打开文件…').setInputFiles({ name: 'broken.docx', ...docx, buffer: Buffer.from('PK\u0003\u0004 not really') });
    const alert = page.getByRole('alert').filter({ hasText: '无法打开文件' });
    await expect(alert.textContent()).resolves.toContain('“broken.docx”不是有效的 .docx 文件。');
    await pane.close(page);
  });
});
