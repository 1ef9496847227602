/**
 * What the parity tests compare between the fake Excel and the fake ET, in neither host's terms:
 * the cells, formats, merges and names both fakes hold alike (the same FakeWorkbookState), the
 * checks, the highlights and the charts each fake records its own way.
 */
import { columnLetter } from '../../src/core/sheet/spec';
import { type Bounds, formatLocal, parseLocal } from '../support/fakeExcel/address';
import { notesOf } from '../support/fakeExcel/annotations';
import { type FakeExcel, chartsOf } from '../support/fakeExcel';
import type { FakeWorkbookState } from '../support/fakeExcel/state';
import type { FakeEt } from '../support/fakeEt';

/** Every cell of `b`, as `A1`. */
export function cells(b: Bounds): string[] {
  const out: string[] = [];
  for (let r = b.row1; r <= b.row2; r++) for (let c = b.col1; c <= b.col2; c++) out.push(`${columnLetter(c)}${r + 1}`);
  return out;
}

/** A check in neither host's terms: the kind, its source or limits, the alert, blanks. */
type Check = string;

export function excelChecks(fake: FakeExcel, sheet: string): Map<string, Check> {
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

export function etChecks(et: FakeEt, sheet: string): Map<string, Check> {
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

export function excelHighlights(fake: FakeExcel, sheet: string): string[] {
  return fake.workbook
    .sheet(sheet)!
    .conditionalFormats.map((c) =>
      c.type === 'DataBar'
        ? `${cells(c.bounds)[0]}:${cells(c.bounds).length} bar ${String(c.dataBar?.lower?.formula)}..${String(c.dataBar?.upper?.formula)} ${String(c.dataBar?.fillColor).replace('#', '').toUpperCase()} solid=${String(c.dataBar?.gradientFill === false)}`
        : `${cells(c.bounds)[0]}:${cells(c.bounds).length} ${String(c.formula)} ${String(c.fill).replace('#', '').toUpperCase()}${c.fontColor ? ` font ${String(c.fontColor).replace('#', '').toUpperCase()}` : ''}`,
    )
    .sort();
}

export function etHighlights(et: FakeEt, sheet: string): string[] {
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
export function shared(book: FakeWorkbookState): Record<string, unknown> {
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

/** A chart as both hosts draw it: kind, title, legend, order, series, and the cells it covers. */
export function excelCharts(fake: FakeExcel, sheet: string): unknown[] {
  return chartsOf(fake.workbook.sheet(sheet)!).map((c) => ({
    type: c.type === 'BarClustered' ? 'bar' : c.type,
    title: c.title,
    legend: c.legendVisible,
    reversed: c.reversePlotOrder,
    series: c.series.map((s) => ({ name: s.name, values: s.values, categories: s.categories })),
    cells: c.position ? `${c.position.from}:${c.position.to ?? c.position.from}` : null,
  }));
}

/** The same of the fake ET's charts; where the frame sits is told in cells by the fake's own geometry. */
export function etCharts(
  et: FakeEt,
  sheet: string,
  cellsAt: (rect: { Left: number; Top: number; Width: number; Height: number }) => string,
): unknown[] {
  const range = (b: Bounds | null): string | null => (b ? formatLocal(b) : null);
  return et.records(sheet).charts.map((c) => ({
    type: c.ChartType === 57 ? 'bar' : c.ChartType === 4 ? 'Line' : c.ChartType,
    title: c.HasTitle ? c.title : '',
    legend: c.HasLegend,
    reversed: c.categoryReversed,
    series: c.series.map((s) => ({ name: s.Name, values: range(s.values), categories: range(s.XValues) })),
    cells: cellsAt(c),
  }));
}

/** The cells a frame placed in points covers, found by the fake ET's own geometry of the sheet. */
export function etCellsAt(et: FakeEt, sheet: string): (rect: { Left: number; Top: number; Width: number; Height: number }) => string {
  const ws = et.app.ActiveWorkbook.Worksheets.Item(sheet);
  const near = (a: number, b: number): boolean => Math.abs(a - b) < 1e-6;
  const find = (edge: (i: number) => number, at: number): number => {
    for (let i = 0; i < 1000; i++) if (near(edge(i), at)) return i;
    return -1;
  };
  return (rect) => {
    const col1 = find((c) => ws.Range(`${columnLetter(c)}1`).Left, rect.Left);
    const row1 = find((r) => ws.Range(`A${r + 1}`).Top, rect.Top);
    const col2 = find((c) => ws.Range(`${columnLetter(c)}1`).Left + ws.Range(`${columnLetter(c)}1`).Width, rect.Left + rect.Width);
    const row2 = find((r) => ws.Range(`A${r + 1}`).Top + ws.Range(`A${r + 1}`).Height, rect.Top + rect.Height);
    return formatLocal({ row1, col1, row2, col2 });
  };
}

/** Every filled cell of a sheet of the fake Excel, `A1` → `#RRGGBB`. */
export function excelFills(fake: FakeExcel, sheet: string): Record<string, string> {
  return fillsOf(fake.workbook, sheet, (style) =>
    style['fill.color'] === undefined ? undefined : String(style['fill.color']).toUpperCase(),
  );
}

/** The same of the fake ET, whose Interior.Color is a BGR long. */
export function etFills(et: FakeEt, sheet: string): Record<string, string> {
  return fillsOf(et.workbook, sheet, (style) =>
    typeof style['Interior.Color'] === 'number' ? `#${rgb(style['Interior.Color'])}` : undefined,
  );
}

function fillsOf(
  book: FakeWorkbookState,
  name: string,
  fill: (style: Record<string, unknown>) => string | undefined,
): Record<string, string> {
  const sheet = book.sheet(name)!;
  const out: Record<string, string> = {};
  const b = sheet.usedBounds(false);
  if (!b) return out;
  for (const c of cells(b)) {
    const at = parseLocal(c)!;
    const f = fill(sheet.cell(at.row1, at.col1)?.style ?? {});
    if (f !== undefined) out[c] = f;
  }
  return out;
}

/** A sheet's notes, `A1` → text: both fakes keep them in one place (an ET Comment is Excel's note). */
export function notesIn(book: FakeWorkbookState, sheet: string): Record<string, string> {
  return Object.fromEntries([...notesOf(book.sheet(sheet)!).entries()].sort());
}
