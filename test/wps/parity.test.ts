/**
 * The same operations through the Excel host (fake Excel) and the WPS host (fake ET) give the same
 * workbook — cells, number formats, merges, checks, highlights, names, panes — and the same
 * findings. Both fakes keep cells in the same FakeWorkbookState, so what is compared is what each
 * host wrote, not how each fake stores it.
 */
import type { Finding } from '../../src/core/findings/catalogue';
import { CITY_SHEET_NAME } from '../../src/core/generate/generate';
import { columnLetter } from '../../src/core/sheet/spec';
import { generateInExcel } from '../../src/hosts/excel/generate';
import { validateInExcel } from '../../src/hosts/excel/validate';
import { generateInWps } from '../../src/hosts/wps/generate';
import { validateInWps } from '../../src/hosts/wps/validate';
import type { Bounds } from '../support/fakeExcel/address';
import { type FakeExcel, createFakeExcel } from '../support/fakeExcel';
import type { FakeWorkbookState } from '../support/fakeExcel/state';
import { type FakeEt, createFakeEt } from '../support/fakeEt';
import { samplePlan } from '../core/sample';

const COUNTIES = ['新密市', '登封市'];
const CITY = CITY_SHEET_NAME.zh;

const never = async (): Promise<boolean> => {
  throw new Error('no conflict expected');
};

/** Every cell of `b`, as `A1`. */
function cells(b: Bounds): string[] {
  const out: string[] = [];
  for (let r = b.row1; r <= b.row2; r++) for (let c = b.col1; c <= b.col2; c++) out.push(`${columnLetter(c)}${r + 1}`);
  return out;
}

/** A check in neither host's terms: the kind, its source or limits, the alert, blanks. */
type Check = string;

function excelChecks(fake: FakeExcel, sheet: string): Map<string, Check> {
  const out = new Map<string, Check>();
  for (const v of fake.workbook.sheet(sheet)!.validations) {
    const r = v.rule;
    const rule = r.list
      ? `list ${String(r.list.source)}`
      : r.decimal
        ? `decimal ${r.decimal.operator === 'Between' ? `${String(r.decimal.formula1)}..${String(r.decimal.formula2)}` : `>=${String(r.decimal.formula1)}`}`
        : JSON.stringify(r);
    const check = `${rule} alert=${String(v.errorAlert.style).toLowerCase()} blanks=${v.ignoreBlanks}`;
    for (const c of cells(v.bounds)) out.set(c, check);
  }
  return out;
}

const ALERT = ['', 'stop', 'warning', 'information'];

function etChecks(et: FakeEt, sheet: string): Map<string, Check> {
  const out = new Map<string, Check>();
  for (const v of et.records(sheet).validations) {
    const rule =
      v.Type === 3
        ? `list ${v.Formula1}`
        : v.Operator === 1
          ? `decimal ${Number(v.Formula1)}..${Number(v.Formula2)}`
          : `decimal >=${Number(v.Formula1)}`;
    const check = `${rule} alert=${ALERT[v.AlertStyle]} blanks=${v.IgnoreBlank}`;
    for (const c of cells(v.bounds)) out.set(c, check);
  }
  return out;
}

const rgb = (bgr: number): string =>
  [bgr & 0xff, (bgr >> 8) & 0xff, (bgr >> 16) & 0xff]
    .map((n) => n.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();

function excelHighlights(fake: FakeExcel, sheet: string): string[] {
  return fake.workbook
    .sheet(sheet)!
    .conditionalFormats.map((c) =>
      c.type === 'DataBar'
        ? `${cells(c.bounds)[0]}:${cells(c.bounds).length} bar ${String(c.dataBar?.lower?.formula)}..${String(c.dataBar?.upper?.formula)} ${String(c.dataBar?.fillColor).replace('#', '').toUpperCase()} solid=${String(c.dataBar?.gradientFill === false)}`
        : `${cells(c.bounds)[0]}:${cells(c.bounds).length} ${String(c.formula)} ${String(c.fill).replace('#', '').toUpperCase()}${c.fontColor ? ` font ${String(c.fontColor).replace('#', '').toUpperCase()}` : ''}`,
    )
    .sort();
}

function etHighlights(et: FakeEt, sheet: string): string[] {
  const rec = et.records(sheet);
  return [
    ...rec.formatConditions.map(
      (c) =>
        `${cells(c.bounds)[0]}:${cells(c.bounds).length} ${c.Formula1} ${rgb(c.interiorColor ?? 0)}${c.fontColor !== undefined ? ` font ${rgb(c.fontColor)}` : ''}`,
    ),
    ...rec.dataBars.map(
      (b) =>
        `${cells(b.bounds)[0]}:${cells(b.bounds).length} bar ${String(b.min?.value)}..${String(b.max?.value)} ${rgb(b.color ?? 0)} solid=${String(b.fillType === 0)}`,
    ),
  ].sort();
}

/** What both fakes hold alike: sheets, cells (formulas and values), number formats, merges, names. */
function shared(book: FakeWorkbookState): Record<string, unknown> {
  return {
    sheets: book.sheets.map((s) => `${s.name}:${s.visibility}`),
    names: book.names.map((n) => `${n.name}=${book.nameFormula(n)}`).sort(),
    grids: Object.fromEntries(
      book.sheets.map((s) => [s.name, { formulas: book.valuesOf(s.name, 'formulas'), values: book.valuesOf(s.name) }]),
    ),
    numberFormats: Object.fromEntries(
      book.sheets.map((s) => [
        s.name,
        // A cell formatted General is what an unformatted one is.
        [...s.cells.entries()]
          .filter(([, c]) => (c.numberFormat ?? 'General') !== 'General')
          .map(([k, c]) => `${k}:${c.numberFormat}`)
          .sort(),
      ]),
    ),
    merges: Object.fromEntries(book.sheets.map((s) => [s.name, s.merges.map((m) => cells(m)[0] + ':' + cells(m).length).sort()])),
    active: book.activeSheetId ? book.sheetById(book.activeSheetId)?.name : null,
  };
}

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

  it('re-generates in place the same way', async () => {
    const opts = { counties: COUNTIES, lang: 'zh' as const };
    await generateInExcel(fake.api, samplePlan(), opts, async () => true);
    await generateInWps(et.api, samplePlan(), opts, async () => true);
    expect(shared(et.workbook)).toEqual(shared(fake.workbook));
  });
});
