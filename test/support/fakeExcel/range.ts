/** Range and what hangs off it: format (font, fill, borders), data validation, conditional formats. */
import { type Bounds, cellCount, formatLocal, intersects, parseLocal, referenceSheetName } from './address';
import { FakeMergedAreas, clearAnnotations, requireApi } from './annotations';
import { FakeClientObject, Lazy } from './clientObject';
import { FakeOfficeError, checkOperationCells, invalidArgument } from './errors';
import type { FakeQueue } from './queue';
import type { FakeConditionalFormat as CfRecord, FakeSheet, FakeWorkbookState } from './state';

export interface RangeTarget {
  sheet: FakeSheet;
  bounds: Bounds;
}

const H_ALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
const BORDER_INDEX = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];
const BORDER_STYLE = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
const BORDER_WEIGHT = ['Hairline', 'Thin', 'Medium', 'Thick'];
const VALIDATION_OPERATORS = [
  'Between',
  'NotBetween',
  'EqualTo',
  'NotEqualTo',
  'GreaterThan',
  'LessThan',
  'GreaterThanOrEqualTo',
  'LessThanOrEqualTo',
];
const ALERT_STYLES = ['Stop', 'Warning', 'Information'];

function checkColor(color: unknown, path: string): string {
  if (typeof color !== 'string' || !/^(#[0-9A-Fa-f]{6}|[A-Za-z]+)$/.test(color))
    throw invalidArgument(`bad color ${JSON.stringify(color)}`, path);
  return color;
}

function checkOneOf(value: unknown, allowed: string[], path: string): string {
  if (typeof value !== 'string' || !allowed.includes(value))
    throw invalidArgument(`${JSON.stringify(value)} is not one of ${allowed.join('/')}`, path);
  return value;
}

/** Input arrays must have exactly the range's shape; a single value fills every cell. */
function eachInput(input: unknown, b: Bounds, path: string, prop: string, fn: (r: number, c: number, v: unknown) => void): void {
  const rows = b.row2 - b.row1 + 1;
  const cols = b.col2 - b.col1 + 1;
  if (!Array.isArray(input)) {
    if (cellCount(b) > 2_000_000) throw invalidArgument(`${prop} over a range this large`, path);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) fn(b.row1 + r, b.col1 + c, input);
    return;
  }
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
    const got = `${input.length}x${Array.isArray(input[0]) ? (input[0] as unknown[]).length : '?'}`;
    throw invalidArgument(
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${prop}: ${got} for ${rows}x${cols}).`,
      path,
    );
  }
  input.forEach((row: unknown[], r) => row.forEach((v, c) => fn(b.row1 + r, b.col1 + c, v)));
}

/**
 * A range's values, formulas or formats, read. "On all platforms, a range is limited to five
 * million cells for get operations" (Performance optimization using the Excel JavaScript API,
 * https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices);
 * the error is RangeExceedsLimit ("The cell count in the range has exceeded the maximum supported
 * number", https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 */
function grid<V>(b: Bounds, path: string, limit: number, read: (r: number, c: number) => V): V[][] {
  if (cellCount(b) > limit)
    throw new FakeOfficeError(
      'RangeExceedsLimit',
      `The cell count in the range has exceeded the maximum supported number (${cellCount(b)} > ${limit}).`,
      path,
    );
  const out: V[][] = [];
  for (let r = b.row1; r <= b.row2; r++) {
    const row: V[] = [];
    for (let c = b.col1; c <= b.col2; c++) row.push(read(r, c));
    out.push(row);
  }
  return out;
}

export class FakeRange extends FakeClientObject<RangeTarget> {
  constructor(
    q: FakeQueue,
    path: string,
    ref: Lazy<RangeTarget | null>,
    private readonly state: FakeWorkbookState,
  ) {
    super(q, path, ref);
  }

  /** Every change to the range's cells is refused over Excel's operation cell limit. */
  protected override change(op: string, args: unknown, apply: (target: RangeTarget) => void): void {
    super.change(op, args, (t) => {
      checkOperationCells(cellCount(t.bounds), this.path);
      apply(t);
    });
  }

  /** The range's target, resolved at sync (for objects that take a Range as argument). */
  resolveTarget(): RangeTarget | null {
    return this.ref.get();
  }

  protected scalarProperties(): string[] {
    return ['address', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'values', 'formulas', 'numberFormat'];
  }

  protected readProperty(t: RangeTarget, name: string): unknown {
    const b = t.bounds;
    switch (name) {
      case 'address':
        return `${referenceSheetName(t.sheet.name)}!${formatLocal(b)}`;
      case 'rowCount':
        return b.row2 - b.row1 + 1;
      case 'columnCount':
        return b.col2 - b.col1 + 1;
      case 'rowIndex':
        return b.row1;
      case 'columnIndex':
        return b.col1;
      case 'values':
        return grid(b, this.path, this.q.rangeCellLimit, (r, c) => t.sheet.value(r, c));
      case 'formulas':
        return grid(b, this.path, this.q.rangeCellLimit, (r, c) => t.sheet.formula(r, c));
      case 'numberFormat':
        return grid(b, this.path, this.q.rangeCellLimit, (r, c) => t.sheet.numberFormat(r, c));
      default:
        throw new Error(`fake Excel: Range.${name} is not implemented`);
    }
  }

  get address(): string {
    return this.loaded('address');
  }
  get rowCount(): number {
    return this.loaded('rowCount');
  }
  get columnCount(): number {
    return this.loaded('columnCount');
  }
  get rowIndex(): number {
    return this.loaded('rowIndex');
  }
  get columnIndex(): number {
    return this.loaded('columnIndex');
  }

  get values(): unknown[][] {
    return this.loaded('values');
  }
  set values(v: unknown[][]) {
    this.change('set', { values: v }, (t) => eachInput(v, t.bounds, this.path, 'values', (r, c, x) => t.sheet.writeInput(r, c, x)));
  }

  get formulas(): unknown[][] {
    return this.loaded('formulas');
  }
  set formulas(v: unknown[][]) {
    this.change('set', { formulas: v }, (t) => eachInput(v, t.bounds, this.path, 'formulas', (r, c, x) => t.sheet.writeInput(r, c, x)));
  }

  get numberFormat(): unknown[][] {
    return this.loaded('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.change('set', { numberFormat: v }, (t) =>
      eachInput(v, t.bounds, this.path, 'numberFormat', (r, c, x) => {
        if (x === null || x === undefined) return;
        if (typeof x !== 'string') throw invalidArgument('number formats are strings', this.path);
        t.sheet.eachPosition({ row1: r, col1: c, row2: r, col2: c }, (cell) => {
          if (x === '' || x === 'General') delete cell.numberFormat;
          else cell.numberFormat = x;
        });
      }),
    );
  }

  private readonly targets = new Lazy<RangeTarget[] | null>(() => {
    const t = this.ref.get();
    return t ? [t] : null;
  });

  private formatProxy: FakeRangeFormat | null = null;
  get format(): FakeRangeFormat {
    this.formatProxy ??= new FakeRangeFormat(this.q, `${this.path}.format`, this.targets);
    return this.formatProxy;
  }

  private validationProxy: FakeDataValidation | null = null;
  get dataValidation(): FakeDataValidation {
    this.validationProxy ??= new FakeDataValidation(this.q, `${this.path}.dataValidation`, this.targets);
    return this.validationProxy;
  }

  private cfProxy: FakeConditionalFormatCollection | null = null;
  get conditionalFormats(): FakeConditionalFormatCollection {
    this.cfProxy ??= new FakeConditionalFormatCollection(this.q, `${this.path}.conditionalFormats`, this.targets);
    return this.cfProxy;
  }

  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this.change('clear', { applyTo }, (t) => {
      t.sheet.clear(t.bounds, checkOneOf(applyTo, ['All', 'Contents', 'Formats'], this.path) as 'All');
      if (applyTo === 'All') clearAnnotations(this.state, t.sheet, t.bounds);
    });
  }

  /** Range.getBoundingRect (ExcelApi 1.1): the smallest range holding this range and `other`. */
  getBoundingRect(other: FakeRange | string): FakeRange {
    const path = `${this.path}.getBoundingRect(${typeof other === 'string' ? other : other.path})`;
    const ref = new Lazy<RangeTarget | null>(() => {
      const t = this.ref.get();
      if (!t) return null;
      const o = typeof other === 'string' ? { sheet: t.sheet, bounds: parseLocal(other) } : other.resolveTarget();
      if (!o?.bounds || o.sheet !== t.sheet) throw invalidArgument('ranges of different sheets', path);
      const b = o.bounds;
      return {
        sheet: t.sheet,
        bounds: {
          row1: Math.min(t.bounds.row1, b.row1),
          col1: Math.min(t.bounds.col1, b.col1),
          row2: Math.max(t.bounds.row2, b.row2),
          col2: Math.max(t.bounds.col2, b.col2),
        },
      };
    });
    const r = new FakeRange(this.q, path, ref, this.state);
    r.announce('getBoundingRect', undefined);
    return r;
  }

  merge(across = false): void {
    this.change('merge', { across }, (t) => {
      const b = t.bounds;
      if (cellCount(b) > 2_000_000) throw invalidArgument('merge of a huge range', this.path);
      if (across) for (let r = b.row1; r <= b.row2; r++) t.sheet.merge({ ...b, row1: r, row2: r });
      else t.sheet.merge(b);
    });
  }

  unmerge(): void {
    this.change('unmerge', undefined, (t) => t.sheet.unmerge(t.bounds));
  }

  /**
   * Range.copyFrom (ExcelApi 1.9), as Excel's copy and paste: only a source of the destination's
   * size, without skipBlanks or transpose, is modelled; anything else fails loudly here.
   */
  copyFrom(
    source: FakeRange | string,
    copyType: 'All' | 'Formats' | 'Formulas' | 'Values' = 'All',
    skipBlanks = false,
    transpose = false,
  ): void {
    requireApi(this.q, '1.9', 'Range.copyFrom', this.path);
    if (typeof source === 'string' || skipBlanks || transpose)
      throw new Error('fake Excel: copyFrom is modelled for a Range source of the same size only');
    this.change('copyFrom', { source: source.path, copyType }, (t) => {
      const from = source.resolveTarget();
      if (!from) throw invalidArgument('null source range', this.path);
      const same =
        from.bounds.row2 - from.bounds.row1 === t.bounds.row2 - t.bounds.row1 &&
        from.bounds.col2 - from.bounds.col1 === t.bounds.col2 - t.bounds.col1;
      if (!same) throw new Error('fake Excel: copyFrom is modelled for a source of the same size only');
      if (!['All', 'Formats', 'Formulas', 'Values'].includes(copyType)) throw invalidArgument(`copyType ${copyType}`, this.path);
      t.sheet.pasteFrom(from.sheet, from.bounds, t.bounds, copyType);
    });
  }

  /** ExcelApi 1.13: the merged areas inside the range. */
  getMergedAreasOrNullObject(): FakeMergedAreas {
    const path = `${this.path}.getMergedAreasOrNullObject()`;
    requireApi(this.q, '1.13', 'Range.getMergedAreasOrNullObject', path);
    const ref = new Lazy<RangeTarget[] | null>(() => {
      const t = this.ref.get();
      if (!t) return null;
      const areas = t.sheet.merges.filter((m) => intersects(m, t.bounds)).map((bounds) => ({ sheet: t.sheet, bounds }));
      return areas.length ? areas : null;
    });
    const areas = new FakeMergedAreas(this.q, path, ref);
    areas.announce('getMergedAreasOrNullObject', undefined);
    return areas;
  }

  select(): void {
    this.change('select', undefined, (t) => {
      this.state.activate(t.sheet);
      this.state.selection = { sheet: t.sheet.name, address: formatLocal(t.bounds) };
    });
  }
}

/**
 * A proxy that only writes, to one range or to every area of a RangeAreas; reads are not
 * needed by the host (tests inspect the state).
 */
abstract class WriteOnly extends FakeClientObject<RangeTarget[]> {
  protected scalarProperties(): string[] {
    return [];
  }
  protected readProperty(_t: RangeTarget[], name: string): unknown {
    throw new Error(`fake Excel: reading ${this.path}.${name} is not implemented; inspect the state instead`);
  }
  /** Queues a change applied to each area; refused over Excel's operation cell limit. */
  protected each(op: string, args: unknown, apply: (t: RangeTarget) => void): void {
    this.change(op, args, (targets) => {
      checkOperationCells(
        targets.reduce((n, t) => n + cellCount(t.bounds), 0),
        this.path,
      );
      targets.forEach(apply);
    });
  }
  protected setStyle(key: string, value: unknown): void {
    this.each('set', { [key]: value }, (t) => t.sheet.eachPosition(t.bounds, (cell) => (cell.style[key] = value)));
  }
}

/** Several ranges of one sheet handled as one (ExcelApi 1.9). */
export class FakeRangeAreas extends WriteOnly {
  private formatProxy: FakeRangeFormat | null = null;
  get format(): FakeRangeFormat {
    this.formatProxy ??= new FakeRangeFormat(this.q, `${this.path}.format`, this.ref);
    return this.formatProxy;
  }
  private validationProxy: FakeDataValidation | null = null;
  get dataValidation(): FakeDataValidation {
    this.validationProxy ??= new FakeDataValidation(this.q, `${this.path}.dataValidation`, this.ref);
    return this.validationProxy;
  }
}

export class FakeRangeFormat extends WriteOnly {
  set columnWidth(points: number) {
    this.each('set', { columnWidth: points }, (t) => {
      if (!(points >= 0 && points <= 1638)) throw invalidArgument(`column width ${points}`, this.path);
      for (let c = t.bounds.col1; c <= t.bounds.col2; c++) t.sheet.columnWidths.set(c, points);
    });
  }
  set rowHeight(points: number) {
    this.each('set', { rowHeight: points }, (t) => {
      // "Row height: 409 points" (Excel specifications and limits,
      // https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3);
      // RangeFormat.rowHeight refuses more with InvalidArgument.
      if (!(points >= 0 && points <= 409)) throw invalidArgument(`row height ${points}`, this.path);
      for (let r = t.bounds.row1; r <= t.bounds.row2; r++) t.sheet.rowHeights.set(r, points);
    });
  }
  set useStandardHeight(v: boolean) {
    this.each('set', { useStandardHeight: v }, (t) => {
      if (!v) return;
      for (const r of [...t.sheet.rowHeights.keys()]) if (r >= t.bounds.row1 && r <= t.bounds.row2) t.sheet.rowHeights.delete(r);
    });
  }
  set useStandardWidth(v: boolean) {
    this.each('set', { useStandardWidth: v }, (t) => {
      if (!v) return;
      for (const c of [...t.sheet.columnWidths.keys()]) if (c >= t.bounds.col1 && c <= t.bounds.col2) t.sheet.columnWidths.delete(c);
    });
  }
  set wrapText(v: boolean) {
    this.setStyle('wrapText', v);
  }
  set horizontalAlignment(v: string) {
    this.setStyle('horizontalAlignment', checkOneOf(v, H_ALIGN, this.path));
  }
  set verticalAlignment(v: string) {
    this.setStyle('verticalAlignment', checkOneOf(v, V_ALIGN, this.path));
  }

  private fontProxy: FakeRangeFont | null = null;
  get font(): FakeRangeFont {
    this.fontProxy ??= new FakeRangeFont(this.q, `${this.path}.font`, this.ref);
    return this.fontProxy;
  }
  private fillProxy: FakeRangeFill | null = null;
  get fill(): FakeRangeFill {
    this.fillProxy ??= new FakeRangeFill(this.q, `${this.path}.fill`, this.ref);
    return this.fillProxy;
  }
  private bordersProxy: FakeRangeBorders | null = null;
  get borders(): FakeRangeBorders {
    this.bordersProxy ??= new FakeRangeBorders(this.q, `${this.path}.borders`, this.ref);
    return this.bordersProxy;
  }
}

export class FakeRangeFont extends WriteOnly {
  set bold(v: boolean) {
    this.setStyle('font.bold', v);
  }
  set italic(v: boolean) {
    this.setStyle('font.italic', v);
  }
  set size(v: number) {
    if (!(v >= 1 && v <= 409)) throw invalidArgument(`font size ${v}`, this.path);
    this.setStyle('font.size', v);
  }
  set color(v: string) {
    this.setStyle('font.color', checkColor(v, this.path));
  }
  set name(v: string) {
    this.setStyle('font.name', v);
  }
}

export class FakeRangeFill extends WriteOnly {
  protected override scalarProperties(): string[] {
    return ['color', 'pattern'];
  }
  /** Excel reports an unfilled cell as white with pattern None, and null where the cells differ. */
  protected override readProperty(targets: RangeTarget[], name: string): unknown {
    if (name !== 'color' && name !== 'pattern') return super.readProperty(targets, name);
    if (name === 'pattern') requireApi(this.q, '1.9', 'RangeFill.pattern', this.path);
    const seen = new Set<string>();
    for (const t of targets) {
      for (let r = t.bounds.row1; r <= t.bounds.row2; r++)
        for (let c = t.bounds.col1; c <= t.bounds.col2; c++) {
          const fill = t.sheet.cell(r, c)?.style['fill.color'] as string | undefined;
          seen.add(name === 'color' ? (fill ?? '#FFFFFF').toUpperCase() : fill ? 'Solid' : 'None');
        }
    }
    return seen.size === 1 ? [...seen][0] : null;
  }
  get color(): string {
    return this.loaded('color');
  }
  set color(v: string) {
    this.setStyle('fill.color', checkColor(v, this.path));
  }
  get pattern(): string {
    return this.loaded('pattern');
  }
  clear(): void {
    this.each('clear', undefined, (t) => t.sheet.eachExisting(t.bounds, (cell) => delete cell.style['fill.color']));
  }
}

export class FakeRangeBorders extends WriteOnly {
  getItem(index: string): FakeRangeBorder {
    checkOneOf(index, BORDER_INDEX, this.path);
    return new FakeRangeBorder(this.q, `${this.path}.getItem(${index})`, this.ref, index);
  }
}

/** Which cell edges an Excel border index paints, for a range. */
function edgesOf(index: string, b: Bounds, r: number, c: number): string[] {
  switch (index) {
    case 'EdgeTop':
      return r === b.row1 ? ['top'] : [];
    case 'EdgeBottom':
      return r === b.row2 ? ['bottom'] : [];
    case 'EdgeLeft':
      return c === b.col1 ? ['left'] : [];
    case 'EdgeRight':
      return c === b.col2 ? ['right'] : [];
    case 'InsideHorizontal':
      return [...(r > b.row1 ? ['top'] : []), ...(r < b.row2 ? ['bottom'] : [])];
    case 'InsideVertical':
      return [...(c > b.col1 ? ['left'] : []), ...(c < b.col2 ? ['right'] : [])];
    default:
      return [index];
  }
}

export class FakeRangeBorder extends WriteOnly {
  constructor(
    q: FakeQueue,
    path: string,
    ref: Lazy<RangeTarget[] | null>,
    private readonly index: string,
  ) {
    super(q, path, ref);
  }
  private paint(prop: string, value: string): void {
    this.each('set', { [prop]: value }, (t) =>
      t.sheet.eachPosition(t.bounds, (cell, r, c) => {
        for (const edge of edgesOf(this.index, t.bounds, r, c)) cell.style[`border.${edge}${prop === 'style' ? '' : `.${prop}`}`] = value;
      }),
    );
  }
  set style(v: string) {
    this.paint('style', checkOneOf(v, BORDER_STYLE, this.path));
  }
  set weight(v: string) {
    this.paint('weight', checkOneOf(v, BORDER_WEIGHT, this.path));
  }
  set color(v: string) {
    this.paint('color', checkColor(v, this.path));
  }
}

function checkRule(rule: Excel.DataValidationRule, path: string): void {
  const kinds = Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
  if (kinds.length !== 1) throw invalidArgument('a data validation rule has exactly one criterion', path);
  if (rule.list) {
    const source = rule.list.source;
    if (typeof source !== 'string' || source.trim() === '') throw invalidArgument('list source missing', path);
    // Excel stores a literal list in the 255-character formula field.
    if (!source.startsWith('=') && source.length > 255)
      throw invalidArgument(`list source longer than 255 characters (${source.length})`, path);
    return;
  }
  const basic = rule.decimal ?? rule.wholeNumber ?? rule.textLength;
  if (!basic) throw new Error(`fake Excel: validation rule ${kinds[0]} is not implemented`);
  checkOneOf(basic.operator, VALIDATION_OPERATORS, path);
  if (basic.formula1 === undefined || basic.formula1 === null || basic.formula1 === '') throw invalidArgument('formula1 missing', path);
  if ((basic.operator === 'Between' || basic.operator === 'NotBetween') && (basic.formula2 === undefined || basic.formula2 === null)) {
    throw invalidArgument('formula2 missing for Between', path);
  }
}

/**
 * A list whose source is a defined name (`=KT_UNITS`) needs the name to exist when the rule is
 * set. Not documented for the API; Excel's own dialog refuses a source that does not evaluate
 * ("The source currently evaluates to an error"), and the fake refuses it (the stricter).
 */
function checkListName(rule: Excel.DataValidationRule, state: FakeWorkbookState, path: string): void {
  const source = rule.list?.source;
  if (typeof source !== 'string' || !source.startsWith('=')) return;
  const ref = source.slice(1).trim();
  if (/[!:$]/.test(ref) || /^[A-Za-z]{1,3}\d+$/.test(ref)) return;
  if (!state.name(ref)) throw invalidArgument(`list source ${source}: no such name`, path);
}

export class FakeDataValidation extends WriteOnly {
  set rule(rule: Excel.DataValidationRule) {
    this.each('set', { rule }, (t) => {
      checkRule(rule, this.path);
      checkListName(rule, this.q.state, this.path);
      t.sheet.setValidation(t.bounds, rule);
    });
  }
  set ignoreBlanks(v: boolean) {
    this.each('set', { ignoreBlanks: v }, (t) => t.sheet.validationsIn(t.bounds).forEach((x) => (x.ignoreBlanks = v)));
  }
  set errorAlert(v: Partial<Excel.DataValidationErrorAlert>) {
    this.each('set', { errorAlert: v }, (t) => {
      if (v.style !== undefined) checkOneOf(v.style, ALERT_STYLES, this.path);
      if ((v.title?.length ?? 0) > 32) throw invalidArgument('error alert title longer than 32 characters', this.path);
      if ((v.message?.length ?? 0) > 255) throw invalidArgument('error alert message longer than 255 characters', this.path);
      t.sheet.validationsIn(t.bounds).forEach((x) => (x.errorAlert = { ...x.errorAlert, ...v }));
    });
  }
  set prompt(v: Partial<Excel.DataValidationPrompt>) {
    this.each('set', { prompt: v }, (t) => {
      if ((v.title?.length ?? 0) > 32) throw invalidArgument('prompt title longer than 32 characters', this.path);
      if ((v.message?.length ?? 0) > 255) throw invalidArgument('prompt message longer than 255 characters', this.path);
      t.sheet.validationsIn(t.bounds).forEach((x) => (x.prompt = { ...x.prompt, ...v }));
    });
  }
  clear(): void {
    this.each('clear', undefined, (t) => t.sheet.clearValidation(t.bounds));
  }
}

export class FakeConditionalFormatCollection extends WriteOnly {
  add(type: string): FakeConditionalFormat {
    const record = new Lazy<CfRecord | null>(() => {
      const t = this.ref.get()?.[0];
      if (!t) return null;
      // https://learn.microsoft.com/javascript/api/excel/excel.conditionalformattype (Custom, DataBar)
      if (type !== 'Custom' && type !== 'DataBar') throw new Error(`fake Excel: conditional format type ${type} is not implemented`);
      const cf: CfRecord = { bounds: t.bounds, type };
      t.sheet.conditionalFormats.push(cf);
      return cf;
    });
    this.q.enqueue(this.path, 'add', { type }, () => {
      record.get();
    });
    return new FakeConditionalFormat(this.q, `${this.path}.add(${type})`, record);
  }
  clearAll(): void {
    this.each('clearAll', undefined, (t) => t.sheet.clearConditionalFormats(t.bounds));
  }
}

/**
 * `conditionalFormat.custom.rule.formula` and `.custom.format.fill.color / font.color`; and
 * `conditionalFormat.dataBar` (https://learn.microsoft.com/javascript/api/excel/excel.databarconditionalformat:
 * lowerBoundRule / upperBoundRule are ConditionalDataBarRule objects of a type and a formula,
 * positiveFormat is a ConditionalDataBarPositiveFormat with fillColor and gradientFill, ExcelApi 1.6).
 */
export class FakeConditionalFormat {
  readonly dataBar: {
    lowerBoundRule: Excel.ConditionalDataBarRule;
    upperBoundRule: Excel.ConditionalDataBarRule;
    positiveFormat: { fillColor: string; gradientFill: boolean };
  };
  readonly custom: {
    rule: { formula: string };
    format: { fill: { color: string }; font: { color: string } };
  };

  constructor(q: FakeQueue, path: string, record: Lazy<CfRecord | null>) {
    const set = (op: string, apply: (cf: CfRecord) => void, args: unknown): void =>
      q.enqueue(`${path}.custom`, op, args, () => {
        const cf = record.get();
        if (cf) apply(cf);
      });
    const bar = (op: string, apply: (cf: CfRecord) => void, args: unknown): void =>
      q.enqueue(`${path}.dataBar`, op, args, () => {
        const cf = record.get();
        if (!cf) return;
        if (cf.type !== 'DataBar') throw invalidArgument(`dataBar of a ${cf.type} conditional format`, path);
        apply(cf);
      });
    const boundRule = (which: 'lower' | 'upper') => (r: Excel.ConditionalDataBarRule) =>
      bar(
        'set',
        (cf) => {
          const types = ['Invalid', 'Automatic', 'LowestValue', 'HighestValue', 'Number', 'Percent', 'Formula', 'Percentile'];
          if (!types.includes(r.type)) throw invalidArgument(`data bar rule type ${String(r.type)}`, path);
          if (r.type === 'Number' && (r.formula === undefined || !Number.isFinite(Number(r.formula))))
            throw invalidArgument(`data bar rule formula ${String(r.formula)}`, path);
          cf.dataBar = { ...cf.dataBar, [which]: { ...r } };
        },
        { [`${which}BoundRule`]: r },
      );
    const notReadable = (): never => {
      throw new Error('fake Excel: reading conditional formats is not implemented; inspect the state');
    };
    this.dataBar = {
      set lowerBoundRule(r: Excel.ConditionalDataBarRule) {
        boundRule('lower')(r);
      },
      get lowerBoundRule(): Excel.ConditionalDataBarRule {
        return notReadable();
      },
      set upperBoundRule(r: Excel.ConditionalDataBarRule) {
        boundRule('upper')(r);
      },
      get upperBoundRule(): Excel.ConditionalDataBarRule {
        return notReadable();
      },
      positiveFormat: {
        set fillColor(c: string) {
          bar('set', (cf) => (cf.dataBar = { ...cf.dataBar, fillColor: checkColor(c, path) }), { fillColor: c });
        },
        get fillColor(): string {
          return notReadable();
        },
        set gradientFill(g: boolean) {
          bar('set', (cf) => (cf.dataBar = { ...cf.dataBar, gradientFill: g }), { gradientFill: g });
        },
        get gradientFill(): boolean {
          return notReadable();
        },
      },
    };
    this.custom = {
      rule: {
        set formula(f: string) {
          set(
            'set',
            (cf) => {
              if (typeof f !== 'string' || !f.startsWith('='))
                throw invalidArgument(`conditional format formula ${JSON.stringify(f)}`, path);
              cf.formula = f;
            },
            { formula: f },
          );
        },
        get formula(): string {
          throw new Error('fake Excel: reading conditional formats is not implemented; inspect the state');
        },
      },
      format: {
        fill: {
          set color(c: string) {
            set('set', (cf) => (cf.fill = checkColor(c, path)), { fill: c });
          },
          get color(): string {
            throw new Error('fake Excel: reading conditional formats is not implemented; inspect the state');
          },
        },
        font: {
          set color(c: string) {
            set('set', (cf) => (cf.fontColor = checkColor(c, path)), { font: c });
          },
          get color(): string {
            throw new Error('fake Excel: reading conditional formats is not implemented; inspect the state');
          },
        },
      },
    };
  }
}
