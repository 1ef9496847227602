/**
 * A host-agnostic description of a workbook to write: values, formats, validations, freeze
 * panes, print setup and defined names. The core builds it once; the Excel host (Office.js)
 * and the .xlsx host (ExcelJS) each render it. Nothing about a sheet's look lives anywhere else.
 *
 * Addresses are A1-style without a sheet (`A6:A60`), rows and columns 0-based in code.
 */
import type { SheetKind } from '../model';

/** A formula cell. `formula` starts with `=` and uses A1 references and English function names. */
export interface FormulaValue {
  formula: string;
}

/**
 * A cell value. Strings are always text: a host must never let a string that begins with
 * `=`, `+`, `-` or `@` become a formula (see `needsTextGuard`).
 */
export type CellValue = string | number | boolean | null | FormulaValue;

export function isFormula(v: CellValue): v is FormulaValue {
  return typeof v === 'object' && v !== null;
}

/** Strings Excel would parse as a formula or a signed number when typed or written. */
export function needsTextGuard(s: string): boolean {
  return /^[=+\-@]/.test(s);
}

export type HAlign = 'left' | 'center' | 'right';
export type VAlign = 'top' | 'middle' | 'bottom';

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** RRGGBB */
  fontColor?: string;
  /** RRGGBB solid fill */
  fill?: string;
  hAlign?: HAlign;
  vAlign?: VAlign;
  wrap?: boolean;
  /** Excel number format code, e.g. `@` (text), `0.00`, `0.0%`. */
  numFmt?: string;
  /** thin border on every edge of every cell of the range */
  border?: boolean;
}

/** A style applied to a rectangular range. Later entries win where ranges overlap. */
export interface FormatSpec {
  range: string;
  style: CellStyle;
}

export type ErrorStyle = 'stop' | 'warning' | 'information';

export type ValidationRule =
  | { type: 'list'; /** literal choices */ values: string[] }
  | { type: 'listRef'; /** a defined name or absolute reference, without `=` */ ref: string }
  | { type: 'decimal'; operator: 'greaterThanOrEqual'; value: number }
  | { type: 'decimal'; operator: 'between'; min: number; max: number };

export interface ValidationSpec {
  range: string;
  rule: ValidationRule;
  errorStyle: ErrorStyle;
  /** allow empty cells (always true for our templates, required-ness is checked by validation). */
  allowBlank: boolean;
  promptTitle?: string;
  prompt?: string;
  errorTitle?: string;
  error?: string;
}

/** Highlight cells of `range` while `formula` (relative to the range's top-left cell) is true. */
export interface ConditionalFormatSpec {
  range: string;
  formula: string;
  fill: string;
  /** RRGGBB text colour while the formula holds */
  fontColor?: string;
}

/** Each number of `range` drawn as a bar in its cell, empty at `min` and full at `max`. */
export interface DataBarSpec {
  range: string;
  /** RRGGBB, the bar's solid fill */
  color: string;
  /** the values an empty and a full bar stand for (a rate: 0 and 1) */
  min: number;
  max: number;
}

export interface PrintSpec {
  orientation: 'landscape' | 'portrait';
  paper: 'A4' | 'A3';
  /** rows repeated at the top of every printed page, e.g. `$4:$5` */
  titleRows?: string;
  /** columns repeated at the left of every printed page width, e.g. `$A:$C` */
  titleColumns?: string;
  /** pages across before down (the halves of a wide row print one after the other) */
  overThenDown?: boolean;
  /** print scale in whole percent (see printPlan.ts); wins over fitToWidth */
  scale?: number;
  fitToWidth?: boolean;
  /** printed area, e.g. `A1:R60` */
  area?: string;
}

export type Visibility = 'visible' | 'hidden' | 'veryHidden';

/** A bar chart over two columns of the sheet itself (categories and one series of values). */
export type ChartSpec = BarChartSpec | LineChartSpec;

/** One series of bars, one bar per category: the ranking's scores. */
export interface BarChartSpec {
  type: 'bar';
  title: string;
  /** e.g. `B5:B12` — the category labels */
  categories: string;
  /** e.g. `C5:C12` — the values, same length as the categories */
  values: string;
  seriesName: string;
  /** the cells the chart covers: top-left and bottom-right */
  from: string;
  to: string;
}

/**
 * Lines, one per row of a block: each county's score over the periods kept. The block's rows
 * are the series (named by the `seriesNames` cells beside them), its columns the categories.
 */
export interface LineChartSpec {
  type: 'line';
  title: string;
  /** one row, e.g. `C30:E30` — the category labels (the periods) */
  categories: string;
  /** e.g. `C31:E33` — one series per row, as wide as the categories */
  values: string;
  /** one column, e.g. `B31:B33` — each row's series name */
  seriesNames: string;
  from: string;
  to: string;
}

export interface SheetSpec {
  /** stable identity of the sheet inside keytask (`city`, `county:新密市`, `units`). */
  key: string;
  /** the name to give the sheet (Excel's 31-character limit already applied). */
  name: string;
  kind: SheetKind | 'registry';
  county?: string;
  visibility: Visibility;
  /** column widths in Excel character units, from column A. */
  columnWidths: number[];
  /** row heights in points by 0-based row index, where not default. */
  rowHeights?: Record<number, number>;
  /** the values, from A1; every row has the same length. */
  values: CellValue[][];
  formats: FormatSpec[];
  merges: string[];
  validations: ValidationSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  dataBars?: DataBarSpec[];
  /** rows and columns kept in view when scrolling */
  freeze?: { rows: number; columns: number };
  print?: PrintSpec;
  tabColor?: string;
  /** a filter on the header row of a table, e.g. `A3:G40` */
  autoFilter?: string;
  charts?: ChartSpec[];
}

/** A workbook-level defined name. `ref` is an absolute reference with a quoted sheet name. */
export interface NameSpec {
  name: string;
  ref: string;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  names: NameSpec[];
}

// ---- A1 helpers, shared by the core and both hosts ------------------------------------------

/** 0 → A, 25 → Z, 26 → AA */
export function columnLetter(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based row/column → `B3` */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

/** 0-based inclusive corners → `A1:C3` (a single cell stays `A1`). */
export function rangeAddress(row1: number, col1: number, row2: number, col2: number): string {
  const a = cellAddress(row1, col1);
  const b = cellAddress(row2, col2);
  return a === b ? a : `${a}:${b}`;
}

export interface RangeBounds {
  row1: number;
  col1: number;
  row2: number;
  col2: number;
}

/** `B3:D7` or `B3` → 0-based inclusive bounds. */
export function parseRange(address: string): RangeBounds {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(address.trim());
  if (!m) throw new Error(`not an A1 range: ${address}`);
  const col1 = columnIndex(m[1]);
  const row1 = Number(m[2]) - 1;
  const col2 = m[3] ? columnIndex(m[3]) : col1;
  const row2 = m[4] ? Number(m[4]) - 1 : row1;
  return { row1: Math.min(row1, row2), col1: Math.min(col1, col2), row2: Math.max(row1, row2), col2: Math.max(col1, col2) };
}

/** Quote a sheet name for use in a reference: `'新密市'!$A$1`. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** `'Sheet ''x'''!$A$1` → `Sheet 'x'`; null when the reference has no sheet or is `#REF!`. */
export function sheetNameOfReference(ref: string): string | null {
  const r = ref.replace(/^=/, '').trim();
  const quoted = /^'((?:[^']|'')+)'!/.exec(r);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const bare = /^([^'!]+)!/.exec(r);
  if (bare && !bare[1].includes('#REF')) return bare[1];
  return null;
}

/** Rows and columns a sheet covers: its values and every format, check and merge. */
export function sheetExtent(spec: SheetSpec): { rows: number; cols: number } {
  let rows = spec.values.length;
  let cols = spec.values[0]?.length ?? 0;
  const ranges = [
    ...spec.formats.map((f) => f.range),
    ...spec.validations.map((v) => v.range),
    ...spec.conditionalFormats.map((c) => c.range),
    ...(spec.dataBars ?? []).map((c) => c.range),
    ...spec.merges,
  ];
  for (const r of ranges) {
    const b = parseRange(r);
    rows = Math.max(rows, b.row2 + 1);
    cols = Math.max(cols, b.col2 + 1);
  }
  return { rows, cols };
}
