/**
 * The workbook the fake Excel holds: sheets of sparse cells with their formats, merges, checks
 * and view settings, and workbook-level names. Proxies change it only when a sync applies
 * their queued operations, as Excel does.
 */
import { FakeOfficeError, invalidArgument } from './errors';
import { calculate } from './calc';
import { parseInput } from './input';
import {
  type Bounds,
  MAX_COLUMNS,
  WHOLE_SHEET,
  cellCount,
  contains,
  formatLocal,
  intersects,
  parseLocal,
  referenceSheetName,
  splitSheet,
  subtract,
} from './address';

export type Scalar = string | number | boolean;
export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';
export type SheetCopyPosition = 'None' | 'Before' | 'After' | 'Beginning' | 'End';

export interface FakeCell {
  /** what `values` reports for a plain value ('' for a formula cell: its result is calculated when read) */
  value: Scalar;
  formula?: string;
  numberFormat?: string;
  /** format properties by path: `font.bold`, `fill.color`, `horizontalAlignment`, `border.top`… */
  style: Record<string, unknown>;
}

export interface FakeValidation {
  bounds: Bounds;
  rule: Excel.DataValidationRule;
  ignoreBlanks: boolean;
  errorAlert: Partial<Excel.DataValidationErrorAlert>;
  prompt: Partial<Excel.DataValidationPrompt>;
}

export interface FakeConditionalFormat {
  bounds: Bounds;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  dataBar?: {
    lower?: Excel.ConditionalDataBarRule;
    upper?: Excel.ConditionalDataBarRule;
    fillColor?: string;
    gradientFill?: boolean;
  };
}

export interface FakePageLayout {
  orientation: 'Portrait' | 'Landscape';
  paperSize: string;
  zoom: Excel.PageLayoutZoomOptions;
  printTitleRows: string | null;
  printTitleColumns: string | null;
  printOrder: 'DownThenOver' | 'OverThenDown';
  printArea: string | null;
}

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;
/** A cell-by-cell operation over more cells than this is a host bug (e.g. formatting a whole sheet). */
const MAX_CELLS_PER_OPERATION = 2_000_000;

export class FakeSheet {
  visibility: SheetVisibility = 'Visible';
  tabColor = '';
  readonly cells = new Map<number, FakeCell>();
  merges: Bounds[] = [];
  validations: FakeValidation[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  freeze: { rows: number; columns: number } = { rows: 0, columns: 0 };
  pageLayout: FakePageLayout = {
    orientation: 'Portrait',
    paperSize: 'Letter',
    zoom: { scale: 100 },
    printTitleRows: null,
    printTitleColumns: null,
    printOrder: 'DownThenOver',
    printArea: null,
  };
  readonly columnWidths = new Map<number, number>();
  /** the workbook, for formulas that refer to other sheets */
  book: { sheet(name: string): FakeSheet | undefined } | null = null;
  readonly rowHeights = new Map<number, number>();

  constructor(
    /** changes when the workbook is closed and reopened (FakeExcel.reopen) */
    public id: string,
    public name: string,
  ) {}

  private static key(r: number, c: number): number {
    return r * MAX_COLUMNS + c;
  }

  cell(r: number, c: number): FakeCell | undefined {
    return this.cells.get(FakeSheet.key(r, c));
  }

  ensure(r: number, c: number): FakeCell {
    const k = FakeSheet.key(r, c);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = { value: '', style: {} };
      this.cells.set(k, cell);
    }
    return cell;
  }

  /** Every position of `b`, creating cells: for writes. */
  eachPosition(b: Bounds, fn: (cell: FakeCell, r: number, c: number) => void): void {
    if (cellCount(b) > MAX_CELLS_PER_OPERATION) {
      throw new Error(`fake Excel: a cell-by-cell operation over ${cellCount(b)} cells (${formatLocal(b)}) — format a smaller range`);
    }
    for (let r = b.row1; r <= b.row2; r++) for (let c = b.col1; c <= b.col2; c++) fn(this.ensure(r, c), r, c);
  }

  /** Cells that exist inside `b`: for clears and reads of large ranges. */
  eachExisting(b: Bounds, fn: (cell: FakeCell, r: number, c: number, key: number) => void): void {
    for (const [k, cell] of this.cells) {
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      if (contains(b, r, c)) fn(cell, r, c, k);
    }
  }

  /**
   * Writes one element of a `values` / `formulas` array the way Excel parses input (input.ts):
   * null leaves the cell alone, '' empties it, a text format (`@`) keeps any string as given,
   * else a leading `'` keeps the rest as text, `=` (and a non-numeric `+`, `-` or `@`) starts a
   * formula, and numbers, dates, percentages and booleans in text are converted.
   */
  writeInput(r: number, c: number, input: unknown): void {
    if (input === null || input === undefined) return;
    const cell = this.ensure(r, c);
    delete cell.formula;
    if (typeof input === 'number' || typeof input === 'boolean') {
      cell.value = input;
      return;
    }
    if (typeof input !== 'string')
      throw invalidArgument(
        `unsupported cell value ${JSON.stringify(input)}`,
        `cell ${formatLocal({ row1: r, col1: c, row2: r, col2: c })}`,
      );
    // "Total number of characters that a cell can contain: 32,767 characters" (Excel
    // specifications and limits, https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
    // What the API does with a longer string is not documented: the fake refuses it (stricter than cutting).
    const parsed = parseInput(input, cell.numberFormat);
    if (typeof parsed.value === 'string' && parsed.value.length > 32767)
      throw invalidArgument(
        `a cell holds at most 32,767 characters (${parsed.value.length})`,
        `cell ${formatLocal({ row1: r, col1: c, row2: r, col2: c })}`,
      );
    cell.value = parsed.value;
    if (parsed.formula !== undefined) cell.formula = parsed.formula;
    if (parsed.numberFormat !== undefined && cell.numberFormat === undefined) cell.numberFormat = parsed.numberFormat;
  }

  /** What `values` reports: a formula's result (calc.ts), as Excel does. */
  value(r: number, c: number): Scalar {
    const cell = this.cell(r, c);
    if (cell?.formula !== undefined) return calculate(cell.formula, this, this.book);
    return cell?.value ?? '';
  }

  formula(r: number, c: number): Scalar {
    const cell = this.cell(r, c);
    return cell?.formula ?? cell?.value ?? '';
  }

  numberFormat(r: number, c: number): string {
    return this.cell(r, c)?.numberFormat ?? 'General';
  }

  /** The smallest range holding every cell with content (and, unless valuesOnly, with a format). */
  usedBounds(valuesOnly: boolean): Bounds | null {
    let b: Bounds | null = null;
    this.eachExisting(WHOLE_SHEET, (cell, r, c) => {
      const used =
        cell.value !== '' ||
        cell.formula !== undefined ||
        (!valuesOnly && (cell.numberFormat !== undefined || Object.keys(cell.style).length > 0));
      if (!used) return;
      b = b
        ? { row1: Math.min(b.row1, r), col1: Math.min(b.col1, c), row2: Math.max(b.row2, r), col2: Math.max(b.col2, c) }
        : { row1: r, col1: c, row2: r, col2: c };
    });
    return b;
  }

  /** Range.clear: contents and/or formats. Validation, conditional formats and merges stay, as in Excel. */
  clear(b: Bounds, applyTo: 'All' | 'Contents' | 'Formats'): void {
    this.eachExisting(b, (cell, _r, _c, key) => {
      if (applyTo !== 'Formats') {
        cell.value = '';
        delete cell.formula;
      }
      if (applyTo !== 'Contents') {
        delete cell.numberFormat;
        cell.style = {};
      }
      if (cell.value === '' && cell.formula === undefined && cell.numberFormat === undefined && Object.keys(cell.style).length === 0)
        this.cells.delete(key);
    });
  }

  merge(b: Bounds): void {
    if (this.merges.some((m) => intersects(m, b))) {
      this.merges = this.merges.filter((m) => !intersects(m, b));
    }
    // A fill set before merging is lost (office-js issue 6405, "Incorrect range.merge behavior",
    // https://github.com/OfficeDev/office-js/issues/6405, case 2; the workaround given there is
    // to merge first). The issue sees it with an empty top-left cell; the fake always drops it.
    this.eachExisting(b, (cell) => delete cell.style['fill.color']);
    // Excel keeps only the upper-left value of a merged area.
    this.eachExisting(b, (cell, r, c) => {
      if (r === b.row1 && c === b.col1) return;
      cell.value = '';
      delete cell.formula;
    });
    this.merges.push(b);
  }

  unmerge(b: Bounds): void {
    this.merges = this.merges.filter((m) => !intersects(m, b));
  }

  setValidation(b: Bounds, rule: Excel.DataValidationRule): void {
    this.clearValidation(b);
    this.validations.push({
      bounds: b,
      rule,
      ignoreBlanks: true,
      errorAlert: { showAlert: true, style: 'Stop', title: '', message: '' },
      prompt: { showPrompt: false, title: '', message: '' },
    });
  }

  clearValidation(b: Bounds): void {
    this.validations = this.validations.flatMap((v) => subtract(v.bounds, b).map((bounds) => ({ ...v, bounds })));
  }

  /** The validations that cover part of `b`. */
  validationsIn(b: Bounds): FakeValidation[] {
    return this.validations.filter((v) => intersects(v.bounds, b));
  }

  /**
   * What Worksheet.copy carries over: cells with their formats, merges, checks, conditional
   * formats, view and print settings, sizes, visibility and tab colour (charts, notes and the
   * filter hang off the sheet elsewhere and are copied there).
   */
  copyInto(dst: FakeSheet): void {
    for (const [k, cell] of this.cells) dst.cells.set(k, structuredClone(cell));
    dst.merges = structuredClone(this.merges);
    dst.validations = structuredClone(this.validations);
    dst.conditionalFormats = structuredClone(this.conditionalFormats);
    dst.freeze = { ...this.freeze };
    dst.pageLayout = structuredClone(this.pageLayout);
    for (const [c, w] of this.columnWidths) dst.columnWidths.set(c, w);
    for (const [r, h] of this.rowHeights) dst.rowHeights.set(r, h);
    dst.visibility = this.visibility;
    dst.tabColor = this.tabColor;
  }

  /**
   * Range.copyFrom, as a paste of `src` (same size) onto `dst`: 'All' takes contents, formats,
   * merges, checks and conditional formats; 'Formats' the formats, merges and conditional
   * formats; 'Formulas' and 'Values' the contents (values: formulas' results, which the fake
   * does not calculate).
   */
  pasteFrom(source: FakeSheet, src: Bounds, dst: Bounds, type: 'All' | 'Formats' | 'Formulas' | 'Values'): void {
    const dr = dst.row1 - src.row1;
    const dc = dst.col1 - src.col1;
    const move = (b: Bounds): Bounds => ({ row1: b.row1 + dr, col1: b.col1 + dc, row2: b.row2 + dr, col2: b.col2 + dc });
    const clip = (b: Bounds): Bounds | null =>
      intersects(b, src)
        ? {
            row1: Math.max(b.row1, src.row1),
            col1: Math.max(b.col1, src.col1),
            row2: Math.min(b.row2, src.row2),
            col2: Math.min(b.col2, src.col2),
          }
        : null;
    const contents = type !== 'Formats';
    const formats = type === 'All' || type === 'Formats';
    // Read everything first: the source may be the destination's own sheet.
    const cells: Array<[number, number, FakeCell | undefined]> = [];
    for (let r = src.row1; r <= src.row2; r++) for (let c = src.col1; c <= src.col2; c++) cells.push([r, c, source.cell(r, c)]);
    const merges = source.merges.filter((m) => contains(src, m.row1, m.col1) && contains(src, m.row2, m.col2)).map(move);
    const checks = source.validations.flatMap((v) => {
      const b = clip(v.bounds);
      return b ? [{ ...structuredClone(v), bounds: move(b) }] : [];
    });
    const cfs = source.conditionalFormats.flatMap((f) => {
      const b = clip(f.bounds);
      return b ? [{ ...structuredClone(f), bounds: move(b) }] : [];
    });
    for (const [r, c, from] of cells) {
      const to = this.ensure(r + dr, c + dc);
      if (contents) {
        to.value = from?.value ?? '';
        if (from?.formula !== undefined && type !== 'Values') to.formula = from.formula;
        else delete to.formula;
      }
      if (formats) {
        if (from?.numberFormat !== undefined) to.numberFormat = from.numberFormat;
        else delete to.numberFormat;
        to.style = structuredClone(from?.style ?? {});
      }
    }
    if (formats) {
      this.merges = [...this.merges.filter((m) => !intersects(m, dst)), ...merges];
      this.clearConditionalFormats(dst);
      this.conditionalFormats.push(...cfs);
    }
    if (type === 'All') {
      this.clearValidation(dst);
      this.validations.push(...checks);
    }
  }

  clearConditionalFormats(b: Bounds): void {
    this.conditionalFormats = this.conditionalFormats.flatMap((f) => subtract(f.bounds, b).map((bounds) => ({ ...f, bounds })));
  }
}

export interface FakeName {
  name: string;
  /** a reference to a sheet follows the sheet when it is renamed, as in Excel */
  sheetId: string | null;
  local: string | null;
  /** a formula that is not a plain sheet reference, kept as given */
  raw: string | null;
  comment: string;
  visible: boolean;
}

/** Names Excel accepts for a defined name: not a cell address, no spaces or operators. */
function legalName(name: string): boolean {
  if (!/^[A-Za-z_\\\u4e00-\u9fff][A-Za-z0-9_.\\\u4e00-\u9fff]*$/.test(name)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name)) return false;
  return true;
}

const FORBIDDEN_SHEET_CHARS = /[\\/?*[\]:]/;

export class FakeWorkbookState {
  sheets: FakeSheet[] = [];
  names: FakeName[] = [];
  activeSheetId: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  private nextId = 1;

  sheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /**
   * "Rename a worksheet" (https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9):
   * a name can't be blank, contain more than 31 characters (Excel counts UTF-16 units, so a
   * character outside the BMP counts twice: undocumented, the stricter reading), contain
   * / \ ? * : [ ], begin or end with an apostrophe, or be "History", a reserved word.
   */
  checkSheetName(name: string, self?: FakeSheet): void {
    if (
      !name ||
      name.length > 31 ||
      FORBIDDEN_SHEET_CHARS.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'") ||
      name.toLowerCase() === 'history'
    ) {
      throw invalidArgument(`illegal sheet name '${name}'`, 'Worksheet.name');
    }
    const other = this.sheet(name);
    if (other && other !== self)
      throw new FakeOfficeError('ItemAlreadyExists', `A sheet named '${name}' already exists.`, 'Worksheet.name');
  }

  addSheet(name?: string): FakeSheet {
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.sheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    this.checkSheetName(n);
    const sheet = new FakeSheet(`{sheet-${this.nextId++}}`, n);
    sheet.book = this;
    this.sheets.push(sheet);
    this.activeSheetId ??= sheet.id;
    return sheet;
  }

  /**
   * Worksheet.copy: Excel names the copy `Name (2)` (the next free number, the name shortened to
   * stay within 31 characters) and puts it where asked; 'None' means the front of the workbook.
   */
  copySheet(src: FakeSheet, position: SheetCopyPosition, relativeTo: FakeSheet | null): FakeSheet {
    let n = 2;
    const nameFor = (i: number): string => {
      const suffix = ` (${i})`;
      return [...src.name].slice(0, 31 - suffix.length).join('') + suffix;
    };
    while (this.sheet(nameFor(n))) n++;
    const copy = new FakeSheet(`{sheet-${this.nextId++}}`, nameFor(n));
    copy.book = this;
    src.copyInto(copy);
    let at: number;
    if (position === 'Before' || position === 'After') {
      if (!relativeTo) throw invalidArgument(`positionType ${position} needs relativeTo`, 'Worksheet.copy');
      at = this.sheets.indexOf(relativeTo) + (position === 'After' ? 1 : 0);
    } else if (position === 'End') {
      at = this.sheets.length;
    } else {
      at = 0;
    }
    this.sheets.splice(at, 0, copy);
    return copy;
  }

  /**
   * Closing and reopening the workbook gives every sheet a new Worksheet.id: "The ID remains
   * constant within a single session but will change between sessions (eg. closing and
   * reopening)" (https://github.com/OfficeDev/office-js-docs/issues/297; also
   * https://github.com/OfficeDev/office-js/issues/1390). Returns old id → new id.
   */
  reassignIds(): Map<string, string> {
    const moved = new Map<string, string>();
    for (const s of this.sheets) {
      const id = `{sheet-${this.nextId++}}`;
      moved.set(s.id, id);
      s.id = id;
    }
    for (const n of this.names) if (n.sheetId) n.sheetId = moved.get(n.sheetId) ?? n.sheetId;
    if (this.activeSheetId) this.activeSheetId = moved.get(this.activeSheetId) ?? null;
    return moved;
  }

  deleteSheet(sheet: FakeSheet): void {
    // Excel refuses to delete a very hidden sheet: "if the worksheet's visibility is set to
    // VeryHidden, the delete operation will fail with an InvalidOperation exception. You should
    // first change its visibility to hidden or visible before deleting it." (Worksheet.delete,
    // https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1),
    // also in @types/office-js).
    if (sheet.visibility === 'VeryHidden') {
      throw new FakeOfficeError('InvalidOperation', `Cannot delete very hidden sheet '${sheet.name}'.`, 'Worksheet.delete');
    }
    if (this.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet).length === 0) {
      throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.', 'Worksheet.delete');
    }
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets.find((s) => s.visibility === 'Visible')?.id ?? null;
  }

  setVisibility(sheet: FakeSheet, visibility: SheetVisibility): void {
    if (!['Visible', 'Hidden', 'VeryHidden'].includes(visibility))
      throw invalidArgument(`visibility '${String(visibility)}'`, 'Worksheet.visibility');
    if (visibility !== 'Visible' && this.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet).length === 0) {
      throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.', 'Worksheet.visibility');
    }
    sheet.visibility = visibility;
    if (visibility !== 'Visible' && this.activeSheetId === sheet.id) {
      this.activeSheetId = this.sheets.find((s) => s.visibility === 'Visible')?.id ?? null;
    }
  }

  activate(sheet: FakeSheet): void {
    if (sheet.visibility !== 'Visible')
      throw new FakeOfficeError('InvalidOperation', `Cannot activate hidden sheet '${sheet.name}'.`, 'Worksheet.activate');
    this.activeSheetId = sheet.id;
  }

  // ---- names ----

  name(name: string): FakeName | undefined {
    const lower = name.toLowerCase();
    return this.names.find((n) => n.name.toLowerCase() === lower);
  }

  addName(name: string, formula: string, comment = ''): FakeName {
    if (!legalName(name)) throw invalidArgument(`illegal name '${name}'`, 'NamedItemCollection.add');
    if (this.name(name)) throw new FakeOfficeError('ItemAlreadyExists', `The name '${name}' already exists.`, 'NamedItemCollection.add');
    const f = formula.startsWith('=') ? formula : `=${formula}`;
    const { sheet, local } = splitSheet(f.slice(1));
    const target = sheet === null ? undefined : this.sheet(sheet);
    let entry: FakeName;
    if (sheet !== null) {
      if (!target) throw invalidArgument(`reference to missing sheet '${sheet}'`, 'NamedItemCollection.add');
      if (!parseLocal(local)) throw invalidArgument(`bad reference '${formula}'`, 'NamedItemCollection.add');
      entry = { name, sheetId: target.id, local: local.toUpperCase(), raw: null, comment, visible: true };
    } else {
      entry = { name, sheetId: null, local: null, raw: f, comment, visible: true };
    }
    this.names.push(entry);
    return entry;
  }

  deleteName(entry: FakeName): void {
    this.names = this.names.filter((n) => n !== entry);
  }

  /** What `NamedItem.formula` reports now: the reference follows a renamed sheet; a deleted one gives `#REF!`. */
  nameFormula(entry: FakeName): string {
    if (entry.raw !== null) return entry.raw;
    const sheet = entry.sheetId ? this.sheetById(entry.sheetId) : undefined;
    return sheet ? `=${referenceSheetName(sheet.name)}!${entry.local}` : `=#REF!${entry.local}`;
  }

  // ---- inspection helpers for tests ----

  /** Values from A1 to the used range's end, as `range.values` would report them. */
  valuesOf(name: string, kind: 'values' | 'formulas' = 'values'): Scalar[][] {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet '${name}'`);
    const used = sheet.usedBounds(true);
    if (!used) return [];
    const out: Scalar[][] = [];
    for (let r = 0; r <= used.row2; r++) {
      const row: Scalar[] = [];
      for (let c = 0; c <= used.col2; c++) row.push(kind === 'values' ? sheet.value(r, c) : sheet.formula(r, c));
      out.push(row);
    }
    return out;
  }

  /** Puts values into a sheet as if typed (creating the sheet if needed). */
  type(sheetName: string, address: string, values: unknown[][]): void {
    const sheet = this.sheet(sheetName) ?? this.addSheet(sheetName);
    const b = parseLocal(address);
    if (!b) throw new Error(`bad address ${address}`);
    values.forEach((row, i) => row.forEach((v, j) => sheet.writeInput(b.row1 + i, b.col1 + j, v)));
  }
}
