/**
 * Marks in WPS: the same findings marked and cleared through the Excel host (fake Excel, notes at
 * ExcelApi 1.18) and the WPS host (fake ET) leave the same fills, notes and record; clearing gives
 * each cell back what it had, a clerk's own fill and note included.
 */
import type { Finding } from '../../src/core/findings/catalogue';
import { CITY_SHEET_NAME } from '../../src/core/generate/generate';
import { MARKS_SHEET } from '../../src/core/operations/mark';
import { generateInExcel } from '../../src/hosts/excel/generate';
import { clearMarks, markFindings } from '../../src/hosts/excel/marks';
import { validateInExcel } from '../../src/hosts/excel/validate';
import { bgr } from '../../src/hosts/wps/et';
import { generateInWps } from '../../src/hosts/wps/generate';
import { clearMarksInWps, markFindingsInWps } from '../../src/hosts/wps/marks';
import { validateInWps } from '../../src/hosts/wps/validate';
import { parseLocal } from '../support/fakeExcel/address';
import { notesOf } from '../support/fakeExcel/annotations';
import { type FakeExcel, createFakeExcel } from '../support/fakeExcel';
import { type FakeEt, createFakeEt } from '../support/fakeEt';
import { samplePlan } from '../core/sample';
import { etFills, excelFills, notesIn, shared } from './parityCompare';

const COUNTIES = ['新密市', '登封市'];
const CITY = CITY_SHEET_NAME.zh;
const never = async (): Promise<boolean> => {
  throw new Error('no conflict expected');
};

function fillIn(fake: FakeExcel, et: FakeEt, sheet: string, cell: string, rgb: string): void {
  const at = parseLocal(cell)!;
  fake.workbook.sheet(sheet)!.ensure(at.row1, at.col1).style['fill.color'] = rgb;
  et.workbook.sheet(sheet)!.ensure(at.row1, at.col1).style['Interior.Color'] = bgr(rgb);
}

function expectSame(fake: FakeExcel, et: FakeEt): void {
  for (const s of fake.workbook.sheets) {
    expect([s.name, etFills(et, s.name)]).toEqual([s.name, excelFills(fake, s.name)]);
    expect([s.name, notesIn(et.workbook, s.name)]).toEqual([s.name, notesIn(fake.workbook, s.name)]);
  }
  expect(shared(et.workbook)).toEqual(shared(fake.workbook));
}

describe('marks through the WPS host and the Excel host', () => {
  let fake: FakeExcel;
  let et: FakeEt;
  let findings: Finding[];
  let before: { fills: Record<string, Record<string, string>>; notes: Record<string, Record<string, string>> };

  beforeAll(async () => {
    fake = createFakeExcel({ apiVersion: '1.18' });
    et = createFakeEt();
    const opts = { counties: COUNTIES, lang: 'zh' as const };
    await generateInExcel(fake.api, samplePlan(), opts, never);
    await generateInWps(et.api, samplePlan(), opts, never);
    for (const book of [fake.workbook, et.workbook]) {
      const row = book.valuesOf(COUNTIES[0]).findIndex((r) => r[0] === '2');
      book.type(COUNTIES[0], `I${row + 1}`, [['8%']]);
      book.type(CITY, `J${book.valuesOf(CITY).findIndex((r) => r[0] === '4') + 1}`, [[150]]);
    }
    const excel = await validateInExcel(fake.api, { scope: 'all', lang: 'zh' });
    const wps = await validateInWps(et.api, { scope: 'all', lang: 'zh' });
    expect(wps.findings).toEqual(excel.findings);
    findings = excel.findings;
    const withCells = findings.filter((f) => f.cell);
    expect(withCells.length).toBeGreaterThan(2);
    // A clerk's own fill on one cell to be marked, and their own note on another.
    fillIn(fake, et, withCells[0].sheet, withCells[0].cell!, '#00B050');
    const noted = withCells.find((f) => f.sheet !== withCells[0].sheet || f.cell !== withCells[0].cell)!;
    for (const book of [fake.workbook, et.workbook]) notesOf(book.sheet(noted.sheet)!).set(noted.cell!, '科室备注');
    before = {
      fills: Object.fromEntries(et.workbook.sheets.map((s) => [s.name, etFills(et, s.name)])),
      notes: Object.fromEntries(et.workbook.sheets.map((s) => [s.name, notesIn(et.workbook, s.name)])),
    };
  }, 60_000);

  it('marks the same cells with the same fills, notes and record', async () => {
    const excel = await markFindings(fake.api, findings, 'zh');
    const wps = await markFindingsInWps(et.api, findings, 'zh');
    const { syncs: _syncs, ...expected } = excel;
    expect(wps).toEqual(expected);
    expect(wps.marked).toBeGreaterThan(2);
    expect(et.workbook.sheet(MARKS_SHEET)?.visibility).toBe('VeryHidden');
    expectSame(fake, et);
    // the clerk's note stays, and keytask's text is not put beside it
    const noted = Object.entries(notesIn(et.workbook, COUNTIES[0])).concat(Object.entries(notesIn(et.workbook, CITY)));
    expect(noted.some(([, t]) => t === '科室备注')).toBe(true);
    expect(noted.some(([, t]) => t.startsWith('keytask 审核:'))).toBe(true);
  });

  it('marks again, fewer, the same way: the cells not marked again get their fill back', async () => {
    const fewer = findings.filter((f) => f.sheet === CITY);
    const excel = await markFindings(fake.api, fewer, 'en');
    const wps = await markFindingsInWps(et.api, fewer, 'en');
    const { syncs: _syncs, ...expected } = excel;
    expect(wps).toEqual(expected);
    expectSame(fake, et);
  });

  it('clears the same way, leaving every cell as it was', async () => {
    const excel = await clearMarks(fake.api);
    const wps = await clearMarksInWps(et.api);
    expect(wps).toEqual({ cleared: excel.cleared });
    expect(et.workbook.sheet(MARKS_SHEET)).toBeUndefined();
    expectSame(fake, et);
    for (const s of et.workbook.sheets) {
      expect([s.name, etFills(et, s.name)]).toEqual([s.name, before.fills[s.name]]);
      expect([s.name, notesIn(et.workbook, s.name)]).toEqual([s.name, before.notes[s.name]]);
    }
  });

  it('leaves a fill the clerk changed since marking, and clearing with nothing recorded does nothing', async () => {
    const cell = findings.find((f) => f.cell && f.sheet === CITY)!;
    await markFindingsInWps(et.api, [cell], 'zh');
    const at = parseLocal(cell.cell!)!;
    et.workbook.sheet(CITY)!.ensure(at.row1, at.col1).style['Interior.Color'] = bgr('#FFFF00');
    await expect(clearMarksInWps(et.api)).resolves.toEqual({ cleared: 1 });
    expect(etFills(et, CITY)[cell.cell!]).toBe('#FFFF00');
    expect(notesIn(et.workbook, CITY)[cell.cell!]).toBeUndefined();
    await expect(clearMarksInWps(et.api)).resolves.toEqual({ cleared: 0 });
  });
});
