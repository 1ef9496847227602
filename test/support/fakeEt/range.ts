/**
 * The fake ET Range and what hangs off it (Font, Interior, Borders, Validation, FormatConditions).
 * Each member behaves as its Excel VBA page says (WPS keeps Excel's object model; see strict.ts);
 * where a page leaves a case open the fake refuses it rather than guess.
 */
import { columnLetter } from '../../../src/core/sheet/spec';
import { type Bounds, cellCount, contains, formatLocal, intersects, parseLocal, subtract } from '../fakeExcel/address';
import type { FakeSheet, FakeWorkbookState, Scalar } from '../fakeExcel/state';
import { notesOf } from '../fakeExcel/annotations';
import { type EtDatabarRecord, type EtFormatConditionRecord, type EtValidationRecord, recordOf } from './records';
import { FakeEtError, oneOf, strict } from './strict';

/** `$A$1:$C$3`, as Range.Address gives it by default (RowAbsolute and ColumnAbsolute True, https://learn.microsoft.com/office/vba/api/excel.range.address). */
export function absoluteAddress(b: Bounds): string {
  const cell = (r: number, c: number): string => `$${columnLetter(c)}$${r + 1}`;
  const a = cell(b.row1, b.col1);
  return b.row1 === b.row2 && b.col1 === b.col2 ? a : `${a}:${cell(b.row2, b.col2)}`;
}

export function boundsOf(address: string, what: string): Bounds {
  const b = parseLocal(address);
  if (!b) throw new FakeEtError(`${what}: '${address}' is not an A1 address of this sheet`);
  return b;
}

/** Where the fake's ranges live: the workbook, the sheet, and whether a sheet is active. */
export interface RangeHost {
  book: FakeWorkbookState;
  sheet: FakeSheet;
}

/** Every cell of `b` (for writes; the host never writes whole sheets). */
function each(b: Bounds, fn: (r: number, c: number) => void): void {
  if (cellCount(b) > 2_000_000) throw new FakeEtError(`a cell-by-cell operation over ${cellCount(b)} cells (${formatLocal(b)})`);
  for (let r = b.row1; r <= b.row2; r++) for (let c = b.col1; c <= b.col2; c++) fn(r, c);
}

/** One value for all cells, or the single value they share; null when they differ (as VBA's Null). */
function uniform<T>(b: Bounds, get: (r: number, c: number) => T): T | null {
  let first: T | undefined;
  let same = true;
  each(b, (r, c) => {
    const v = get(r, c);
    if (first === undefined) first = v;
    else if (v !== first) same = false;
  });
  return same ? (first as T) : null;
}

/** A 2-D array exactly the range's shape, else an error (VBA would repeat or cut: the fake refuses). */
function shaped(value: unknown, b: Bounds, what: string): unknown[][] {
  const rows = b.row2 - b.row1 + 1;
  const cols = b.col2 - b.col1 + 1;
  if (!Array.isArray(value)) return Array.from({ length: rows }, () => new Array<unknown>(cols).fill(value));
  if (value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new FakeEtError(`${what}: a ${rows}×${cols} array is needed for ${formatLocal(b)}`);
  }
  return value as unknown[][];
}

class StyleObject {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly bounds: Bounds,
    private readonly prefix: string,
  ) {}
  protected put(key: string, v: unknown): void {
    each(this.bounds, (r, c) => (this.sheet.ensure(r, c).style[`${this.prefix}.${key}`] = v));
  }
  protected drop(key: string): void {
    each(this.bounds, (r, c) => delete this.sheet.cell(r, c)?.style[`${this.prefix}.${key}`]);
  }
  protected read(key: string): unknown {
    return uniform(this.bounds, (r, c) => this.sheet.cell(r, c)?.style[`${this.prefix}.${key}`]);
  }
}

/** Font (https://learn.microsoft.com/office/vba/api/excel.font(object)); Color is a BGR long. */
class FakeFont extends StyleObject {
  get Bold(): unknown {
    return this.read('Bold');
  }
  set Bold(v: unknown) {
    this.put('Bold', oneOf(v, [true, false], 'Font.Bold'));
  }
  get Italic(): unknown {
    return this.read('Italic');
  }
  set Italic(v: unknown) {
    this.put('Italic', oneOf(v, [true, false], 'Font.Italic'));
  }
  get Size(): unknown {
    return this.read('Size');
  }
  set Size(v: unknown) {
    // Excel's font sizes: 1 to 409 points.
    if (typeof v !== 'number' || v < 1 || v > 409) throw new FakeEtError(`Font.Size ${String(v)}`);
    this.put('Size', v);
  }
  get Color(): unknown {
    return this.read('Color');
  }
  set Color(v: unknown) {
    this.put('Color', colour(v, 'Font.Color'));
  }
}

function colour(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffff)
    throw new FakeEtError(`${what}: ${String(v)} is not an RGB long`);
  return v;
}

/** XlPattern: xlPatternSolid 1, xlPatternNone -4142 (https://learn.microsoft.com/office/vba/api/excel.xlpattern). */
const PATTERN_SOLID = 1;
const PATTERN_NONE = -4142;

/**
 * Interior (https://learn.microsoft.com/office/vba/api/excel.interior). A fill set by Color is
 * solid; ColorIndex = xlColorIndexNone (-4142) takes it off ("Set this property to
 * xlColorIndexNone to specify that you don't want an interior fill",
 * https://learn.microsoft.com/office/vba/api/excel.interior.colorindex). What Color reads on a
 * cell without fill the page does not say: the fake refuses, so a host reads Pattern first.
 */
class FakeInterior extends StyleObject {
  get Color(): unknown {
    if (this.read('Color') === undefined) throw new FakeEtError('Interior.Color of a cell without fill: read Interior.Pattern first');
    return this.read('Color');
  }
  set Color(v: unknown) {
    this.put('Color', colour(v, 'Interior.Color'));
  }
  /** xlPatternSolid where a fill was set, xlPatternNone where none, null when the cells differ (https://learn.microsoft.com/office/vba/api/excel.interior.pattern). */
  get Pattern(): number | null {
    const color = this.read('Color');
    return color === null ? null : color === undefined ? PATTERN_NONE : PATTERN_SOLID;
  }
  get ColorIndex(): unknown {
    throw new FakeEtError('Interior.ColorIndex is written (xlColorIndexNone), not read, by keytask');
  }
  set ColorIndex(v: unknown) {
    oneOf(v, [-4142], 'Interior.ColorIndex (the fake models xlColorIndexNone only)');
    this.drop('Color');
  }
}

/**
 * Comment (https://learn.microsoft.com/office/vba/api/excel.comment): a cell's note, kept where
 * the fake Excel keeps its notes (notesOf), since it is the same thing in the file.
 */
class FakeComment {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly cell: string,
  ) {}
  private text(what: string): string {
    const t = notesOf(this.sheet).get(this.cell);
    if (t === undefined) throw new FakeEtError(`${what}: the note on ${this.cell} was deleted`);
    return t;
  }
  /** Without arguments, the text (Comment.Text, https://learn.microsoft.com/office/vba/api/excel.comment.text). */
  Text(...args: unknown[]): string {
    if (args.some((a) => a !== undefined)) throw new FakeEtError('Comment.Text with arguments (writing) is not modelled');
    return this.text('Comment.Text');
  }
  /** https://learn.microsoft.com/office/vba/api/excel.comment.delete */
  Delete(): void {
    this.text('Comment.Delete');
    notesOf(this.sheet).delete(this.cell);
  }
}

/** Range.Borders as a whole: every edge of every cell (https://learn.microsoft.com/office/vba/api/excel.borders). */
class FakeBorders extends StyleObject {
  get LineStyle(): unknown {
    return this.read('LineStyle');
  }
  set LineStyle(v: unknown) {
    // XlLineStyle: xlContinuous 1, xlDash -4115, xlDot -4118, xlDouble -4119, xlLineStyleNone -4142 (and a few more).
    this.put('LineStyle', oneOf(v, [1, -4115, -4118, -4119, -4142], 'Borders.LineStyle'));
  }
  get Weight(): unknown {
    return this.read('Weight');
  }
  set Weight(v: unknown) {
    // XlBorderWeight: xlHairline 1, xlThin 2, xlMedium -4138, xlThick 4.
    this.put('Weight', oneOf(v, [1, 2, -4138, 4], 'Borders.Weight'));
  }
}

/**
 * Range.Validation (https://learn.microsoft.com/office/vba/api/excel.validation): Add sets one
 * check on the range, Delete removes the checks of its cells; the properties are the check's.
 */
class FakeValidation {
  constructor(private readonly host: RangeHost & { bounds: Bounds }) {}

  private mine(what: string): EtValidationRecord[] {
    const { sheet, bounds } = this.host;
    const found = recordOf(sheet).validations.filter((v) => intersects(v.bounds, bounds));
    // Excel raises error 1004 when a property of a range without a check is set (documented
    // only by its users; the fake refuses it).
    if (found.length === 0) throw new FakeEtError(`Validation.${what}: ${formatLocal(bounds)} has no validation`);
    return found;
  }

  Add(Type: unknown, AlertStyle: unknown = 1, Operator: unknown = 1, Formula1?: unknown, Formula2?: unknown): void {
    const { book, sheet, bounds } = this.host;
    const rec = recordOf(sheet);
    // A range that has a check refuses another (Excel's error 1004): Delete comes first.
    if (rec.validations.some((v) => intersects(v.bounds, bounds))) {
      throw new FakeEtError(`Validation.Add: ${formatLocal(bounds)} has a validation already (Delete it first)`);
    }
    // XlDVType: the fake models xlValidateDecimal 2 and xlValidateList 3, what keytask writes.
    const type = oneOf(Type, [2, 3], 'Validation.Add Type');
    const alert = oneOf(AlertStyle, [1, 2, 3], 'Validation.Add AlertStyle');
    const op = oneOf(Operator, [1, 2, 3, 4, 5, 6, 7, 8], 'Validation.Add Operator');
    if (typeof Formula1 !== 'string' || Formula1 === '') throw new FakeEtError('Validation.Add: Formula1 is required');
    // "值不得超过 255 个字符" (Validation.Add, https://learn.microsoft.com/zh-cn/office/vba/api/excel.validation.add).
    if (Formula1.length > 255) throw new FakeEtError(`Validation.Add: Formula1 longer than 255 characters`);
    let f2 = '';
    if (type === 3) {
      // "Formula1 must contain either a comma-delimited list of values or a worksheet reference";
      // a reference is resolved when the check is set, so a name must exist by then.
      if (Formula1.startsWith('=')) {
        const ref = Formula1.slice(1);
        if (!parseLocal(ref.slice(ref.lastIndexOf('!') + 1)) && !book.name(ref)) {
          throw new FakeEtError(`Validation.Add: list source ${Formula1} is neither a reference nor a defined name`);
        }
      }
    } else {
      if (!Number.isFinite(Number(Formula1))) throw new FakeEtError(`Validation.Add: Formula1 '${Formula1}' is not a number`);
      // Formula2 is needed "when Operator is xlBetween or xlNotBetween" (same page).
      if (op === 1 || op === 2) {
        if (typeof Formula2 !== 'string' || !Number.isFinite(Number(Formula2)))
          throw new FakeEtError('Validation.Add: xlBetween needs a Formula2');
        f2 = Formula2;
      }
    }
    rec.validations.push({
      bounds,
      Type: type,
      AlertStyle: alert,
      Operator: op,
      Formula1,
      Formula2: f2,
      // Excel's defaults for a new check: blanks ignored, the dropdown shown, the error shown.
      IgnoreBlank: true,
      InCellDropdown: true,
      ShowInput: true,
      ShowError: true,
      InputTitle: '',
      InputMessage: '',
      ErrorTitle: '',
      ErrorMessage: '',
    });
  }

  Delete(): void {
    const rec = recordOf(this.host.sheet);
    rec.validations = rec.validations.flatMap((v) => subtract(v.bounds, this.host.bounds).map((bounds) => ({ ...v, bounds })));
  }

  private setAll<K extends keyof EtValidationRecord>(key: K, v: EtValidationRecord[K]): void {
    for (const r of this.mine(key)) r[key] = v;
  }
  private bool(key: 'IgnoreBlank' | 'InCellDropdown' | 'ShowInput' | 'ShowError', v: unknown): void {
    this.setAll(key, oneOf(v, [true, false], `Validation.${key}`) as boolean);
  }
  private text(key: 'InputTitle' | 'InputMessage' | 'ErrorTitle' | 'ErrorMessage', v: unknown, max: number): void {
    // Titles 32 characters, messages 255 (Excel's dialog; MS-OI29500 2.1.613 dataValidation).
    if (typeof v !== 'string' || v.length > max) throw new FakeEtError(`Validation.${key}: a text of at most ${max} characters`);
    this.setAll(key, v);
  }
  /** XlDVType (https://learn.microsoft.com/office/vba/api/excel.validation.type) */
  get Type(): number {
    return this.mine('Type')[0].Type;
  }
  /** as Add took it (https://learn.microsoft.com/office/vba/api/excel.validation.formula1) */
  get Formula1(): string {
    return this.mine('Formula1')[0].Formula1;
  }
  get IgnoreBlank(): boolean {
    return this.mine('IgnoreBlank')[0].IgnoreBlank;
  }
  set IgnoreBlank(v: boolean) {
    this.bool('IgnoreBlank', v);
  }
  get InCellDropdown(): boolean {
    return this.mine('InCellDropdown')[0].InCellDropdown;
  }
  set InCellDropdown(v: boolean) {
    this.bool('InCellDropdown', v);
  }
  get ShowInput(): boolean {
    return this.mine('ShowInput')[0].ShowInput;
  }
  set ShowInput(v: boolean) {
    this.bool('ShowInput', v);
  }
  get ShowError(): boolean {
    return this.mine('ShowError')[0].ShowError;
  }
  set ShowError(v: boolean) {
    this.bool('ShowError', v);
  }
  get InputTitle(): string {
    return this.mine('InputTitle')[0].InputTitle;
  }
  set InputTitle(v: string) {
    this.text('InputTitle', v, 32);
  }
  get InputMessage(): string {
    return this.mine('InputMessage')[0].InputMessage;
  }
  set InputMessage(v: string) {
    this.text('InputMessage', v, 255);
  }
  get ErrorTitle(): string {
    return this.mine('ErrorTitle')[0].ErrorTitle;
  }
  set ErrorTitle(v: string) {
    this.text('ErrorTitle', v, 32);
  }
  get ErrorMessage(): string {
    return this.mine('ErrorMessage')[0].ErrorMessage;
  }
  set ErrorMessage(v: string) {
    this.text('ErrorMessage', v, 255);
  }
}

/** A conditional format (FormatCondition, https://learn.microsoft.com/office/vba/api/excel.formatcondition). */
class FakeFormatCondition {
  constructor(private readonly record: { interiorColor?: number; fontColor?: number }) {}
  get Font(): { Color: number | undefined } {
    const rec = this.record;
    return strict(
      {
        get Color(): number | undefined {
          return rec.fontColor;
        },
        set Color(v: number | undefined) {
          rec.fontColor = colour(v, 'FormatCondition.Font.Color');
        },
      },
      'FormatCondition.Font',
    );
  }
  get Interior(): { Color: number | undefined } {
    const rec = this.record;
    return strict(
      {
        get Color(): number | undefined {
          return rec.interiorColor;
        },
        set Color(v: number | undefined) {
          rec.interiorColor = colour(v, 'FormatCondition.Interior.Color');
        },
      },
      'FormatCondition.Interior',
    );
  }
}

/** Range.FormatConditions (https://learn.microsoft.com/office/vba/api/excel.formatconditions). */
class FakeFormatConditions {
  constructor(
    private readonly host: RangeHost & { bounds: Bounds },
    private readonly activeSheet: () => FakeSheet | undefined,
  ) {}
  get Count(): number {
    return recordOf(this.host.sheet).formatConditions.filter((f) => intersects(f.bounds, this.host.bounds)).length;
  }
  Add(Type: unknown, _Operator?: unknown, Formula1?: unknown): FakeFormatCondition {
    const { sheet, bounds } = this.host;
    // The fake models xlExpression (2), the one keytask uses.
    const type = oneOf(Type, [2], 'FormatConditions.Add Type');
    if (typeof Formula1 !== 'string' || !Formula1.startsWith('='))
      throw new FakeEtError('FormatConditions.Add: Formula1 must be a formula');
    // Relative references are taken relative to the active cell, not the range ("Conditional
    // Formatting through VBA", https://www.mrexcel.com/board/threads/conditional-formatting-through-vba.327576/post-1609814;
    // Microsoft KB 895562). Real ET shifts the formula; the fake refuses, so a host that did not
    // select the range's top-left first is caught.
    const rec = recordOf(sheet);
    if (this.activeSheet() !== sheet || rec.activeCell.row !== bounds.row1 || rec.activeCell.col !== bounds.col1) {
      throw new FakeEtError(
        `FormatConditions.Add on ${formatLocal(bounds)}: select its top-left cell first (relative references follow the active cell)`,
      );
    }
    const record: EtFormatConditionRecord = { bounds, Type: type, Formula1 };
    rec.formatConditions.push(record);
    return strict(new FakeFormatCondition(record), 'FormatCondition');
  }
  /**
   * FormatConditions.AddDatabar (https://learn.microsoft.com/office/vba/api/excel.formatconditions.adddatabar):
   * a bar over the range, gradient until BarFillType says otherwise (Databar.BarFillType,
   * https://learn.microsoft.com/office/vba/api/excel.databar.barfilltype); its bounds are set with
   * ConditionValue.Modify (https://learn.microsoft.com/office/vba/api/excel.conditionvalue.modify).
   */
  AddDatabar(): unknown {
    const record: EtDatabarRecord = { bounds: this.host.bounds, fillType: 1 };
    recordOf(this.host.sheet).dataBars.push(record);
    const point = (which: 'min' | 'max') =>
      strict(
        {
          Modify(NewType: unknown, NewValue?: unknown): void {
            // XlConditionValueTypes: xlConditionValueNumber 0, Lowest 1, Highest 2, Percent 3, Formula 4, Percentile 5.
            const type = oneOf(NewType, [0, 1, 2, 3, 4, 5], 'ConditionValue.Modify NewType');
            if ((type === 0 || type === 3 || type === 5) && typeof NewValue !== 'number')
              throw new FakeEtError('ConditionValue.Modify: this type needs a number');
            record[which] = { type, value: NewValue as number | string | undefined };
          },
        },
        `Databar.${which === 'min' ? 'MinPoint' : 'MaxPoint'}`,
      );
    return strict(
      {
        MinPoint: point('min'),
        MaxPoint: point('max'),
        BarColor: strict(
          {
            get Color(): number | undefined {
              return record.color;
            },
            set Color(v: number | undefined) {
              record.color = colour(v, 'Databar.BarColor.Color');
            },
          },
          'Databar.BarColor',
        ),
        get BarFillType(): number {
          return record.fillType;
        },
        set BarFillType(v: number) {
          record.fillType = oneOf(v, [0, 1], 'Databar.BarFillType');
        },
      },
      'Databar',
    );
  }
  Delete(): void {
    const rec = recordOf(this.host.sheet);
    rec.formatConditions = rec.formatConditions.filter((f) => !intersects(f.bounds, this.host.bounds));
    rec.dataBars = rec.dataBars.filter((f) => !intersects(f.bounds, this.host.bounds));
  }
}

/** Range (https://learn.microsoft.com/office/vba/api/excel.range(object)). */
export class FakeEtRange {
  constructor(
    private readonly host: RangeHost,
    private readonly bounds: Bounds,
    private readonly activeSheet: () => FakeSheet | undefined,
  ) {}

  private get sheet(): FakeSheet {
    return this.host.sheet;
  }
  private one(what: string): void {
    if (cellCount(this.bounds) !== 1) throw new FakeEtError(`${what} works on a single cell, not ${formatLocal(this.bounds)}`);
  }
  private sub(b: Bounds): FakeEtRange {
    return strict(new FakeEtRange(this.host, b, this.activeSheet), 'Range');
  }

  /**
   * Values as stored, a formula's result; one cell gives the bare value, an empty one undefined
   * (VBA's Empty) (Range.Value2, https://learn.microsoft.com/office/vba/api/excel.range.value2).
   */
  get Value2(): unknown {
    const v = (r: number, c: number): Scalar | undefined => {
      const x = this.sheet.value(r, c);
      return x === '' ? undefined : x;
    };
    const b = this.bounds;
    if (cellCount(b) === 1) return v(b.row1, b.col1);
    return Array.from({ length: b.row2 - b.row1 + 1 }, (_, i) =>
      Array.from({ length: b.col2 - b.col1 + 1 }, (_, j) => v(b.row1 + i, b.col1 + j)),
    );
  }
  set Value2(value: unknown) {
    this.write(value, 'Range.Value2');
  }

  /** Formulas, or constants as typed; set: entered as if typed (https://learn.microsoft.com/office/vba/api/excel.range.formula). */
  get Formula(): unknown {
    const b = this.bounds;
    if (cellCount(b) === 1) return this.sheet.formula(b.row1, b.col1);
    return Array.from({ length: b.row2 - b.row1 + 1 }, (_, i) =>
      Array.from({ length: b.col2 - b.col1 + 1 }, (_, j) => this.sheet.formula(b.row1 + i, b.col1 + j)),
    );
  }
  set Formula(value: unknown) {
    this.write(value, 'Range.Formula');
  }

  private write(value: unknown, what: string): void {
    const rows = shaped(value, this.bounds, what);
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        // '' empties a cell as typing nothing does; a cell is never left alone (VBA has no null).
        if (v === null || v === undefined) throw new FakeEtError(`${what}: null at row ${i + 1}, column ${j + 1}`);
        this.sheet.writeInput(this.bounds.row1 + i, this.bounds.col1 + j, v);
      }),
    );
  }

  get NumberFormat(): string | null {
    return uniform(this.bounds, (r, c) => this.sheet.numberFormat(r, c));
  }
  set NumberFormat(v: string | null) {
    if (typeof v !== 'string') throw new FakeEtError('Range.NumberFormat takes one format code');
    each(this.bounds, (r, c) => (this.sheet.ensure(r, c).numberFormat = v));
  }

  /** a method, as WPS's JavaScript API declares it (et-jsapi-declare lib.et.d.ts, Range.Address) */
  Address(): string {
    return absoluteAddress(this.bounds);
  }
  get Row(): number {
    return this.bounds.row1 + 1;
  }
  get Column(): number {
    return this.bounds.col1 + 1;
  }
  get Rows(): { Count: number } {
    return strict({ Count: this.bounds.row2 - this.bounds.row1 + 1 }, 'Range.Rows');
  }
  get Columns(): { Count: number } {
    return strict({ Count: this.bounds.col2 - this.bounds.col1 + 1 }, 'Range.Columns');
  }

  /** True when every cell is merged, False when none is, Null (null) when some are (https://learn.microsoft.com/office/vba/api/excel.range.mergecells). */
  get MergeCells(): boolean | null {
    return uniform(this.bounds, (r, c) => this.sheet.merges.some((m) => contains(m, r, c)));
  }
  /** "The MergeArea property only works on a single cell" (https://learn.microsoft.com/office/vba/api/excel.range.mergearea). */
  get MergeArea(): FakeEtRange {
    this.one('Range.MergeArea');
    const m = this.sheet.merges.find((x) => contains(x, this.bounds.row1, this.bounds.col1));
    return this.sub(m ?? this.bounds);
  }
  Merge(Across?: unknown): void {
    if (Across !== undefined && Across !== false) throw new FakeEtError('Range.Merge(Across) is not modelled');
    this.sheet.merge(this.bounds);
  }
  UnMerge(): void {
    this.sheet.unmerge(this.bounds);
  }
  ClearContents(): void {
    this.sheet.clear(this.bounds, 'Contents');
  }
  /** Formats only: checks, highlights and merges stay (https://learn.microsoft.com/office/vba/api/excel.range.clearformats). */
  ClearFormats(): void {
    this.sheet.clear(this.bounds, 'Formats');
  }
  /** "Select … the worksheet must be active" (Range.Select fails otherwise, https://learn.microsoft.com/office/vba/api/excel.range.select). */
  Select(): void {
    if (this.activeSheet() !== this.sheet) throw new FakeEtError(`Range.Select on '${this.sheet.name}', which is not the active sheet`);
    recordOf(this.sheet).activeCell = { row: this.bounds.row1, col: this.bounds.col1 };
    this.host.book.selection = { sheet: this.sheet.name, address: formatLocal(this.bounds) };
  }

  /**
   * Where the range is, in points from A1's top-left corner (Range.Left / Top / Width / Height,
   * https://learn.microsoft.com/office/vba/api/excel.range.left). A column w characters wide is
   * 7w + 5 pixels at 96 dpi, as for Excel's default Calibri 11; the real value depends on the font,
   * so tests compare positions with this same geometry, never with numbers of their own.
   */
  get Left(): number {
    return this.span(0, this.bounds.col1 - 1, 'col');
  }
  get Top(): number {
    return this.span(0, this.bounds.row1 - 1, 'row');
  }
  get Width(): number {
    return this.span(this.bounds.col1, this.bounds.col2, 'col');
  }
  get Height(): number {
    return this.span(this.bounds.row1, this.bounds.row2, 'row');
  }
  private span(from: number, to: number, along: 'row' | 'col'): number {
    const rec = recordOf(this.sheet);
    let points = 0;
    for (let i = from; i <= to; i++) {
      points += along === 'col' ? ((rec.columnWidths.get(i) ?? 8.43) * 7 + 5) * 0.75 : (rec.rowHeights.get(i) ?? 15);
    }
    return points;
  }

  /** In characters of the default font, for every column of the range (https://learn.microsoft.com/office/vba/api/excel.range.columnwidth). */
  get ColumnWidth(): number | null {
    const w = recordOf(this.sheet).columnWidths;
    return uniform({ ...this.bounds, row2: this.bounds.row1 }, (_r, c) => w.get(c) ?? 8.43);
  }
  set ColumnWidth(v: number | null) {
    if (typeof v !== 'number' || v < 0 || v > 255) throw new FakeEtError(`Range.ColumnWidth ${String(v)}: 0 to 255 characters`);
    for (let c = this.bounds.col1; c <= this.bounds.col2; c++) recordOf(this.sheet).columnWidths.set(c, v);
  }
  /** In points, for every row of the range, at most 409 (https://learn.microsoft.com/office/vba/api/excel.range.rowheight). */
  get RowHeight(): number | null {
    const h = recordOf(this.sheet).rowHeights;
    return uniform({ ...this.bounds, col2: this.bounds.col1 }, (r) => h.get(r) ?? 15);
  }
  set RowHeight(v: number | null) {
    if (typeof v !== 'number' || v < 0 || v > 409) throw new FakeEtError(`Range.RowHeight ${String(v)}: 0 to 409 points`);
    for (let r = this.bounds.row1; r <= this.bounds.row2; r++) recordOf(this.sheet).rowHeights.set(r, v);
  }
  get UseStandardHeight(): boolean {
    return [...recordOf(this.sheet).rowHeights.keys()].every((r) => r < this.bounds.row1 || r > this.bounds.row2);
  }
  set UseStandardHeight(v: boolean) {
    if (v !== true) throw new FakeEtError('Range.UseStandardHeight can only be set to True');
    for (let r = this.bounds.row1; r <= this.bounds.row2; r++) recordOf(this.sheet).rowHeights.delete(r);
  }
  get UseStandardWidth(): boolean {
    return [...recordOf(this.sheet).columnWidths.keys()].every((c) => c < this.bounds.col1 || c > this.bounds.col2);
  }
  set UseStandardWidth(v: boolean) {
    if (v !== true) throw new FakeEtError('Range.UseStandardWidth can only be set to True');
    for (let c = this.bounds.col1; c <= this.bounds.col2; c++) recordOf(this.sheet).columnWidths.delete(c);
  }

  private styleOf(key: string): unknown {
    return uniform(this.bounds, (r, c) => this.sheet.cell(r, c)?.style[key]);
  }
  private setStyle(key: string, v: unknown): void {
    each(this.bounds, (r, c) => (this.sheet.ensure(r, c).style[key] = v));
  }
  /** XlHAlign: xlGeneral 1, xlLeft -4131, xlCenter -4108, xlRight -4152 (https://learn.microsoft.com/office/vba/api/excel.xlhalign). */
  get HorizontalAlignment(): unknown {
    return this.styleOf('HorizontalAlignment');
  }
  set HorizontalAlignment(v: unknown) {
    this.setStyle('HorizontalAlignment', oneOf(v, [1, -4131, -4108, -4152], 'Range.HorizontalAlignment'));
  }
  /** XlVAlign: xlTop -4160, xlCenter -4108, xlBottom -4107 (https://learn.microsoft.com/office/vba/api/excel.xlvalign). */
  get VerticalAlignment(): unknown {
    return this.styleOf('VerticalAlignment');
  }
  set VerticalAlignment(v: unknown) {
    this.setStyle('VerticalAlignment', oneOf(v, [-4160, -4108, -4107], 'Range.VerticalAlignment'));
  }
  get WrapText(): unknown {
    return this.styleOf('WrapText');
  }
  set WrapText(v: unknown) {
    this.setStyle('WrapText', oneOf(v, [true, false], 'Range.WrapText'));
  }
  get Font(): FakeFont {
    return strict(new FakeFont(this.sheet, this.bounds, 'Font'), 'Font');
  }
  get Interior(): FakeInterior {
    return strict(new FakeInterior(this.sheet, this.bounds, 'Interior'), 'Interior');
  }
  get Borders(): FakeBorders {
    return strict(new FakeBorders(this.sheet, this.bounds, 'Borders'), 'Borders');
  }
  get Validation(): FakeValidation {
    return strict(new FakeValidation({ ...this.host, bounds: this.bounds }), 'Validation');
  }
  get FormatConditions(): FakeFormatConditions {
    return strict(new FakeFormatConditions({ ...this.host, bounds: this.bounds }, this.activeSheet), 'FormatConditions');
  }
  /**
   * Adds a note to the range's cell (Range.AddComment, https://learn.microsoft.com/office/vba/api/excel.range.addcomment).
   * A cell with a note already refuses another: Excel raises error 1004 (said by its users, not
   * the page); the fake refuses too.
   */
  AddComment(Text?: unknown): FakeComment {
    this.one('Range.AddComment');
    if (typeof Text !== 'string') throw new FakeEtError('Range.AddComment: the fake takes the text at once');
    const cell = formatLocal(this.bounds);
    const notes = notesOf(this.sheet);
    if (notes.has(cell)) throw new FakeEtError(`Range.AddComment: ${cell} has a note already`);
    notes.set(cell, Text);
    return strict(new FakeComment(this.sheet, cell), 'Comment');
  }
  /** The note of the top-left cell, or Nothing (null) (https://learn.microsoft.com/office/vba/api/excel.range.comment). */
  get Comment(): FakeComment | null {
    const cell = formatLocal({ ...this.bounds, row2: this.bounds.row1, col2: this.bounds.col1 });
    return notesOf(this.sheet).has(cell) ? strict(new FakeComment(this.sheet, cell), 'Comment') : null;
  }
  /** Range.AutoFilter() with no arguments turns the filter arrows on, or off when they are on (https://learn.microsoft.com/office/vba/api/excel.range.autofilter). */
  AutoFilter(...args: unknown[]): void {
    if (args.length > 0) throw new FakeEtError('Range.AutoFilter with criteria is not modelled');
    const rec = recordOf(this.sheet);
    rec.autoFilter = rec.autoFilter ? null : this.bounds;
  }
}
