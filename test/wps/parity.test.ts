/**
 * The same operations through the Excel host (fake Excel) and the WPS host (fake ET) give the same
 * workbook — cells, number formats, merges, checks, highlights, names, panes — and the same
 * findings. Both fakes keep cells in the same FakeWorkbookState, so what is compared is what each
 * host wrote, not how each fake stores it.
 */
import type { Finding } from '../../src/core/findings/catalogue';
import { CITY_SHEET_NAME } from '../../src/core/generate/generate';
import { generateInExcel } from '../../src/hosts/excel/generate';
import { writeFindingsSheet } from '../../src/hosts/excel/marks';
import { validateInExcel } from '../../src/hosts/excel/validate';
import { writeFindingsSheetInWps } from '../../src/hosts/wps/findingsSheet';
import { generateInWps } from '../../src/hosts/wps/generate';
import { validateInWps } from '../../src/hosts/wps/validate';
import { type FakeExcel, createFakeExcel } from '../support/fakeExcel';
import { type FakeEt, createFakeEt } from '../support/fakeEt';
import { samplePlan } from '../core/sample';
import { etChecks, etHighlights, excelChecks, excelHighlights, shared } from './parityCompare';

const COUNTIES = ['新密市', '登封市'];
const CITY = CITY_SHEET_NAME.zh;

const never = async (): Promise<boolean> => {
  throw new Error('no conflict expected');
};

async function bothGenerated(): Promise<{ fake: FakeExcel; et: FakeEt }> {
  const fake = createFakeExcel({ apiVersion: '1.18' });
  const et = createFakeEt();
  const opts = { counties: COUNTIES, lang: 'zh' as const };
  await generateInExcel(fake.api, samplePlan(), opts, never);
  await generateInWps(et.api, samplePlan(), opts, never);
  return { fake, et };
}

const findingKey = (f: Finding): string => `${f.sheet}!${f.cell ?? ''} ${f.code} ${f.taskId ?? ''} ${f.message}`;

describe('the WPS host and the Excel host write and read alike', () => {
  let fake: FakeExcel;
  let et: FakeEt;
  beforeAll(async () => {
    ({ fake, et } = await bothGenerated());
  }, 60_000);

  it('generates the same sheets, cells, number formats, merges and names', () => {
    const excel = shared(fake.workbook);
    const wps = shared(et.workbook);
    expect(wps.sheets).toEqual(excel.sheets);
    expect((wps.sheets as string[]).some((s) => s.startsWith(`${COUNTIES[1]}:`))).toBe(true);
    expect(wps).toEqual(excel);
  });

  it('sets the same data validations (list sources, number rules) and highlights', () => {
    for (const s of fake.workbook.sheets) {
      expect([s.name, etChecks(et, s.name)]).toEqual([s.name, excelChecks(fake, s.name)]);
      expect([s.name, etHighlights(et, s.name)]).toEqual([s.name, excelHighlights(fake, s.name)]);
      expect([s.name, et.records(s.name).freeze]).toEqual([s.name, s.freeze]);
    }
    const city = [...etChecks(et, CITY).values()];
    expect(city.some((c) => c.startsWith('list =KT_UNITS'))).toBe(true);
    expect(city.some((c) => c.startsWith('decimal'))).toBe(true);
  });

  it('finds the same findings, the clerk’s edits included', async () => {
    // The same edits in both: a merge across two task rows and a figure typed as a percent.
    for (const book of [fake.workbook, et.workbook]) {
      const county = book.sheet(COUNTIES[0])!;
      const values = book.valuesOf(COUNTIES[0]);
      const row = values.findIndex((r) => r[0] === '2');
      county.merge({ row1: row, col1: 11, row2: row + 1, col2: 11 });
      book.type(COUNTIES[0], `I${row + 1}`, [['8%']]);
    }
    const excel = await validateInExcel(fake.api, { scope: 'all', lang: 'zh' });
    const wps = await validateInWps(et.api, { scope: 'all', lang: 'zh' });
    expect(wps.checked).toEqual(excel.checked);
    expect(wps.findings.length).toBeGreaterThan(0);
    expect(wps.findings.some((f) => f.code === 'merged-cells')).toBe(true);
    expect(wps.findings.map(findingKey)).toEqual(excel.findings.map(findingKey));
    const { syncs: _syncs, ...excelReport } = excel;
    expect(wps).toEqual(excelReport);
  });

  it('writes the same 审核意见 sheet of the findings', async () => {
    const excel = await validateInExcel(fake.api, { scope: 'all', lang: 'zh' });
    const wps = await validateInWps(et.api, { scope: 'all', lang: 'zh' });
    const opts = { date: '2026-12-06', confirm: async () => true };
    const written = await writeFindingsSheet(fake.api, excel.findings, 'zh', opts);
    const { syncs: _syncs, ...expected } = written;
    await expect(writeFindingsSheetInWps(et.api, wps.findings, 'zh', opts)).resolves.toEqual(expected);
    expect(fake.workbook.sheet(written.sheet)).toBeDefined();
    expect(shared(et.workbook)).toEqual(shared(fake.workbook));
  });

  it('re-generates in place the same way', async () => {
    const opts = { counties: COUNTIES, lang: 'zh' as const };
    await generateInExcel(fake.api, samplePlan(), opts, async () => true);
    await generateInWps(et.api, samplePlan(), opts, async () => true);
    expect(shared(et.workbook)).toEqual(shared(fake.workbook));
  });
});
