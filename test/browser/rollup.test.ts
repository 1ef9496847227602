/**
 * The Roll-up tab in Chromium against the fake Excel: county sheets filled through the fake,
 * then county files picked in the pane (written here with the xlsx host), rolled up into 汇总.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { Unsupported, fastReadXlsx } from '../../src/hosts/xlsx/fastRead';
import { writeFixtures } from '../cli/rollupFixtures';
import { JSZIP_SIGNATURE, scriptsContaining } from '../support/bundle';
import { CHROMIUM, describeWith } from '../support/env';
import { DIST, DIST_WPS, type Pane, fake, fillTask, generateSample, until, usePane } from './harness';

/**
 * The county file with its workbook's 1904 flag written `true`: a file the values-only reader
 * leaves to ExcelJS (fastRead/workbook.ts), with the same figures (it holds no dates).
 */
async function leftToExcelJs(file: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('xl/workbook.xml')!.async('string');
  if (!xml.includes('<workbookPr ')) throw new Error('no <workbookPr> to mark');
  zip.file('xl/workbook.xml', xml.replace('<workbookPr ', '<workbookPr date1904="true" '));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The row of the 汇总 sheet for task `id`. */
async function summaryRow(page: Page, id: string): Promise<unknown[]> {
  const values = await fake<unknown[][]>(page, 'sheetValues', '汇总');
  const row = values.find((r) => String(r[0]) === id);
  if (!row) throw new Error(`no task ${id} in 汇总`);
  return row;
}

/**
 * A roll-up of 荥阳市's file as leftToExcelJs marks it: ExcelJS's chunk fetched and the file read
 * in the page, the figures right, no error; and `built`, the build served, carries one JSZip
 * (ExcelJS is built from its source to share it: webpack.config.js).
 */
async function rollUpLeftToExcelJs(pane: Pane, dir: string, built: string): Promise<void> {
  const files = await writeFixtures(dir);
  const slow = path.join(dir, '荥阳市-1904.xlsx');
  writeFileSync(slow, await leftToExcelJs(files.counties.find((f) => f.endsWith('荥阳市-报送.xlsx'))!));
  await expect(fastReadXlsx(readFileSync(slow))).rejects.toBeInstanceOf(Unsupported);

  const page = await pane.open();
  const requested: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await generateSample(page, '新密市、登封市、荥阳市');
  await page.getByRole('status').filter({ hasText: '生成完成' }).waitFor();
  await page.getByRole('tab', { name: '汇总' }).click();
  const panel = page.getByRole('tabpanel', { name: '汇总' });
  await panel.locator('input[type=file]').setInputFiles([slow]);
  await panel.getByText('荥阳市-1904.xlsx').waitFor();
  await panel.getByRole('button', { name: '开始汇总' }).click();
  const done = panel.getByRole('status').filter({ hasText: '汇总完成' });
  await done.waitFor();
  await expect(done.textContent()).resolves.toContain('已汇总 1 个县（市、区）：荥阳市');
  // 荥阳市's target 60 and actual 45 for task 4, as ExcelJS read them in the page.
  expect(await summaryRow(page, '4')).toEqual(expect.arrayContaining([60, 45]));
  expect(requested).toContain('/xlsx-exceljs.js');
  expect(consoleErrors).toEqual([]);
  await pane.close(page);
  expect(scriptsContaining(built, JSZIP_SIGNATURE)).toHaveLength(1);
}

describeWith(CHROMIUM, 'Chromium', 'Roll-up tab against a fake Excel', () => {
  const pane = usePane();
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'keytask-pane-rollup-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rolls up the county sheets, then county files picked in the pane', async () => {
    const files = await writeFixtures(dir);
    const page = await pane.open();
    await generateSample(page, '新密市、登封市、荥阳市');
    await page.getByRole('status').filter({ hasText: '生成完成' }).waitFor();
    await fake(page, 'setCell', '新密市', 'E2', '2024年第2季度');
    await fillTask(page, '新密市', '4', { target: 100, y2023: 60, y2024: 80, y2025: 100, actual: 70, status: '正常推进' });
    await fillTask(page, '登封市', '4', { target: 80, y2023: 50, y2024: 60, y2025: 80, actual: 40, status: '滞后' });
    // 个 does not convert to the city's 亿元: a finding on 登封市's own sheet.
    await fillTask(page, '登封市', '3', { unit: '个', target: 8, actual: 7 });

    await page.getByRole('tab', { name: '汇总' }).click();
    const panel = page.getByRole('tabpanel', { name: '汇总' });
    for (const county of ['新密市', '登封市', '荥阳市']) {
      await expect(panel.getByRole('checkbox', { name: county }).isChecked()).resolves.toBe(true);
    }
    await expect(panel.getByText('文件只在本机的任务窗格中读取，不会上传。').count()).resolves.toBe(1);
    await panel.getByRole('button', { name: '开始汇总' }).click();
    const done = panel.getByRole('status').filter({ hasText: '汇总完成' });
    await done.waitFor();
    const text = await done.textContent();
    expect(text).toContain('已写入：汇总、填报情况、排名');
    expect(text).toContain('已汇总 2 个县（市、区）：新密市、登封市');
    expect(text).toContain('未报送：荥阳市');
    await panel.getByRole('region', { name: '排名前列' }).getByText(/^1\. /).waitFor();
    expect(await fake<string[]>(page, 'sheetNames')).toEqual(expect.arrayContaining(['汇总', '填报情况', '排名']));
    // Task 4 summed over the two counties: targets 100 + 80, actual 70 + 40.
    expect(await summaryRow(page, '4')).toEqual(expect.arrayContaining([180, 110]));
    await pane.shot(page, 'rollup');

    // A finding on a county sheet of this workbook takes Excel there.
    const mismatch = panel
      .getByRole('region', { name: '汇总中发现的问题' })
      .getByRole('button')
      .filter({ hasText: '登封市的计量单位为“个”' });
    const where = /登封市!([A-Z]+\d+)/.exec((await mismatch.textContent()) ?? '')!;
    await mismatch.click();
    const at = { sheet: '登封市', address: where[1] };
    await expect(
      until(
        () => fake(page, 'selection'),
        (v) => JSON.stringify(v) === JSON.stringify(at),
      ),
    ).resolves.toEqual(at);

    // 荥阳市 sends its figures as a file (a plain sheet, as retyped elsewhere); another is broken.
    await panel
      .locator('input[type=file]')
      .setInputFiles([files.counties.find((f) => f.endsWith('荥阳市-报送.xlsx'))!, files.counties.find((f) => f.endsWith('broken.xlsx'))!]);
    await panel.getByText('荥阳市-报送.xlsx').waitFor();
    await panel.getByRole('button', { name: '开始汇总' }).click();
    const again = panel.getByRole('status').filter({ hasText: '已汇总 3 个县（市、区）' });
    await again.waitFor();
    await expect(again.textContent()).resolves.toContain('已写入：汇总、填报情况、排名');
    await expect(panel.getByRole('status').filter({ hasText: '以下文件无法读取，未汇总：broken.xlsx' }).count()).resolves.toBe(1);
    // The file's 60 and 45 join the sheets' figures; 汇总 was replaced, not copied.
    expect(await summaryRow(page, '4')).toEqual(expect.arrayContaining([240, 155]));
    expect((await fake<string[]>(page, 'sheetNames')).filter((n) => n.startsWith('汇总'))).toEqual(['汇总']);
    // A finding about a file cannot be shown in Excel: it is not a button.
    const findings = panel.getByRole('region', { name: '汇总中发现的问题' });
    await findings.getByText(/无法读取broken\.xlsx/).waitFor();
    await expect(findings.getByRole('button').filter({ hasText: '无法读取broken.xlsx' }).count()).resolves.toBe(0);
    await pane.shot(page, 'rollup-files');
    await pane.close(page);
  });

  it('rolls up a county file only ExcelJS reads, loading ExcelJS in the pane, from the one JSZip', () =>
    rollUpLeftToExcelJs(pane, dir, DIST));

  it('rolls up only the ticked sheets, and asks before working around a sheet of the user’s', async () => {
    const page = await pane.open();
    await generateSample(page, '新密市、登封市');
    await page.getByRole('status').filter({ hasText: '生成完成' }).waitFor();
    await fillTask(page, '新密市', '4', { target: 100, y2023: 60, y2024: 80, y2025: 100, actual: 70 });
    await fillTask(page, '登封市', '4', { target: 80, y2023: 50, y2024: 60, y2025: 80, actual: 40 });
    await fake(page, 'addSheet', '汇总', [['我的汇总']]);

    await page.getByRole('tab', { name: '汇总' }).click();
    const panel = page.getByRole('tabpanel', { name: '汇总' });
    await panel.getByRole('checkbox', { name: '登封市' }).uncheck();
    await panel.getByRole('button', { name: '开始汇总' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('将改用“汇总 (2)”');
    await dialog.getByRole('button', { name: '继续' }).click();
    const done = panel.getByRole('status').filter({ hasText: '汇总完成' });
    await done.waitFor();
    await expect(done.textContent()).resolves.toContain('已汇总 1 个县（市、区）：新密市');
    await expect(fake<unknown[][]>(page, 'sheetValues', '汇总')).resolves.toEqual([['我的汇总']]);
    await pane.shot(page, 'rollup-ticked');
    await pane.close(page);
  });
});

describeWith(CHROMIUM, 'Chromium', 'Roll-up tab of the WPS build', () => {
  const pane = usePane('wps');
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'keytask-wps-rollup-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // The WPS build compiles ExcelJS's source and its stand-ins down to ES2019 too.
  it('rolls up a county file only ExcelJS reads, loading ExcelJS in the pane, from the one JSZip', () =>
    rollUpLeftToExcelJs(pane, dir, DIST_WPS));
});
