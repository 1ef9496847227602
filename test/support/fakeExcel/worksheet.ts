/** Worksheets, their collection, freeze panes and page layout. */
import { columnLetter } from '../../../src/core/sheet/spec';
import { type Bounds, WHOLE_SHEET, formatLocal, parseLocal } from './address';
import { FakeNoteCollection, copyNotes, requireApi } from './annotations';
import { FakeAutoFilter, FakeChartCollection, copyChartsAndFilter } from './charts';
import { FakeClientObject, Lazy, type LoadArg, loadedNames } from './clientObject';
import { FakeOfficeError, invalidArgument, itemNotFound, propertyNotLoaded } from './errors';
import type { FakeQueue } from './queue';
import { FakeRange, FakeRangeAreas, type RangeTarget } from './range';
import type { FakeSheet, FakeWorkbookState, SheetCopyPosition, SheetVisibility } from './state';

const PAPER_SIZES = [
  'Letter',
  'LetterSmall',
  'Tabloid',
  'Ledger',
  'Legal',
  'Statement',
  'Executive',
  'A3',
  'A4',
  'A4Small',
  'A5',
  'B4',
  'B5',
  'Folio',
  'Quatro',
];

function versionAtLeast(v: string, min: string): boolean {
  const [a1, a2] = v.split('.').map(Number);
  const [b1, b2] = min.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}

let copies = 0;

export class FakeWorksheet extends FakeClientObject<FakeSheet> {
  constructor(
    q: FakeQueue,
    path: string,
    ref: Lazy<FakeSheet | null>,
    private readonly state: FakeWorkbookState,
  ) {
    super(q, path, ref);
  }

  protected scalarProperties(): string[] {
    return ['id', 'name', 'position', 'visibility', 'tabColor'];
  }

  protected readProperty(s: FakeSheet, name: string): unknown {
    switch (name) {
      case 'id':
        return s.id;
      case 'name':
        return s.name;
      case 'position':
        return this.state.sheets.indexOf(s);
      case 'visibility':
        return s.visibility;
      case 'tabColor':
        return s.tabColor;
      default:
        throw new Error(`fake Excel: Worksheet.${name} is not implemented`);
    }
  }

  get id(): string {
    return this.loaded('id');
  }
  get position(): number {
    return this.loaded('position');
  }
  /** Worksheet.position (ExcelApi 1.1): "the zero-based position of the worksheet within the workbook". */
  set position(v: number) {
    this.change('set', { position: v }, (s) => {
      if (!Number.isInteger(v) || v < 0 || v >= this.state.sheets.length) throw invalidArgument(`position ${v}`, this.path);
      this.state.sheets = this.state.sheets.filter((x) => x !== s);
      this.state.sheets.splice(v, 0, s);
    });
  }
  get name(): string {
    return this.loaded('name');
  }
  set name(v: string) {
    this.change('set', { name: v }, (s) => {
      this.state.checkSheetName(v, s);
      s.name = v;
    });
  }
  get visibility(): SheetVisibility {
    return this.loaded('visibility');
  }
  set visibility(v: SheetVisibility) {
    this.change('set', { visibility: v }, (s) => this.state.setVisibility(s, v));
  }
  get tabColor(): string {
    return this.loaded('tabColor');
  }
  set tabColor(v: string) {
    this.change('set', { tabColor: v }, (s) => {
      if (v !== '' && !/^#[0-9A-Fa-f]{6}$/.test(v)) throw invalidArgument(`tab color ${v}`, this.path);
      s.tabColor = v;
    });
  }

  activate(): void {
    this.change('activate', undefined, (s) => this.state.activate(s));
  }

  delete(): void {
    this.change('delete', undefined, (s) => this.state.deleteSheet(s));
  }

  /** The sheet this proxy stands for, resolved now (for arguments such as `relativeTo`). */
  resolveSheet(): FakeSheet | null {
    return this.ref.get();
  }

  /** Worksheet.copy (ExcelApi 1.7): the copy is made at sync, in its place in the request. */
  copy(positionType: SheetCopyPosition = 'None', relativeTo?: FakeWorksheet): FakeWorksheet {
    const path = `${this.path}.copy#${++copies}`;
    const ref = new Lazy<FakeSheet | null>(() => {
      const src = this.ref.get();
      if (!src) throw itemNotFound('worksheet to copy', path);
      const copy = this.state.copySheet(src, positionType, relativeTo?.resolveSheet() ?? null);
      copyChartsAndFilter(src, copy);
      copyNotes(src, copy);
      return copy;
    });
    const ws = new FakeWorksheet(this.q, path, ref, this.state);
    ws.announce('copy', relativeTo ? { positionType, relativeTo: relativeTo.path } : { positionType });
    return ws;
  }

  private range(path: string, bounds: (s: FakeSheet) => Bounds | null, nullable: boolean): FakeRange {
    const ref = new Lazy<RangeTarget | null>(() => {
      const sheet = this.ref.get();
      if (!sheet) return null;
      const b = bounds(sheet);
      if (!b) {
        if (nullable) return null;
        throw itemNotFound('empty used range', path);
      }
      return { sheet, bounds: b };
    });
    const r = new FakeRange(this.q, path, ref, this.state);
    r.announce('get', undefined);
    return r;
  }

  getRange(address?: string): FakeRange {
    const path = `${this.path}.getRange(${address ?? ''})`;
    return this.range(
      path,
      () => {
        if (address === undefined || address === '') return WHOLE_SHEET;
        const b = parseLocal(address);
        if (!b) throw invalidArgument(`bad address '${address}'`, path);
        return b;
      },
      false,
    );
  }

  /** `A1:B2, D4:D9`: several areas as one RangeAreas (ExcelApi 1.9). */
  getRanges(address: string): FakeRangeAreas {
    const path = `${this.path}.getRanges(${address})`;
    if (!versionAtLeast(this.q.apiVersion, '1.9')) {
      throw new FakeOfficeError(
        'ApiNotFound',
        'The API you are trying to use could not be found (Worksheet.getRanges needs ExcelApi 1.9).',
        path,
      );
    }
    const ref = new Lazy<RangeTarget[] | null>(() => {
      const sheet = this.ref.get();
      if (!sheet) return null;
      return address.split(',').map((a) => {
        const b = parseLocal(a.trim());
        if (!b) throw invalidArgument(`bad address '${address}'`, path);
        return { sheet, bounds: b };
      });
    });
    const areas = new FakeRangeAreas(this.q, path, ref);
    areas.announce('getRanges', address);
    return areas;
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const path = `${this.path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`;
    return this.range(
      path,
      () => {
        if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1) throw invalidArgument('bad indexes', path);
        return { row1: startRow, col1: startColumn, row2: startRow + rowCount - 1, col2: startColumn + columnCount - 1 };
      },
      false,
    );
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return this.range(
      `${this.path}.getUsedRange(${valuesOnly})`,
      (s) => s.usedBounds(valuesOnly) ?? { row1: 0, col1: 0, row2: 0, col2: 0 },
      false,
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.range(`${this.path}.getUsedRangeOrNullObject(${valuesOnly})`, (s) => s.usedBounds(valuesOnly), true);
  }

  private notesProxy: FakeNoteCollection | null = null;
  /** Notes are ExcelApi 1.18. */
  get notes(): FakeNoteCollection {
    requireApi(this.q, '1.18', 'Worksheet.notes', `${this.path}.notes`);
    this.notesProxy ??= new FakeNoteCollection(this.q, `${this.path}.notes`, this.ref, this.state);
    return this.notesProxy;
  }

  private chartsProxy: FakeChartCollection | null = null;
  get charts(): FakeChartCollection {
    this.chartsProxy ??= new FakeChartCollection(this.q, `${this.path}.charts`, this.ref);
    return this.chartsProxy;
  }

  private autoFilterProxy: FakeAutoFilter | null = null;
  /** ExcelApi 1.9 */
  get autoFilter(): FakeAutoFilter {
    this.autoFilterProxy ??= new FakeAutoFilter(this.q, `${this.path}.autoFilter`, this.ref);
    return this.autoFilterProxy;
  }

  private freezeProxy: FakeFreezePanes | null = null;
  get freezePanes(): FakeFreezePanes {
    this.freezeProxy ??= new FakeFreezePanes(this.q, `${this.path}.freezePanes`, this.ref);
    return this.freezeProxy;
  }

  private layoutProxy: FakePageLayout | null = null;
  /** Page layout is ExcelApi 1.9: on an older host the API is not there. */
  get pageLayout(): FakePageLayout {
    if (!versionAtLeast(this.q.apiVersion, '1.9')) {
      throw new FakeOfficeError(
        'ApiNotFound',
        'The API you are trying to use could not be found (Worksheet.pageLayout needs ExcelApi 1.9).',
        `${this.path}.pageLayout`,
      );
    }
    this.layoutProxy ??= new FakePageLayout(this.q, `${this.path}.pageLayout`, this.ref);
    return this.layoutProxy;
  }
}

abstract class SheetPart extends FakeClientObject<FakeSheet> {
  protected scalarProperties(): string[] {
    return [];
  }
  protected readProperty(_s: FakeSheet, name: string): unknown {
    throw new Error(`fake Excel: reading ${this.path}.${name} is not implemented; inspect the state instead`);
  }
}

/** A frozen range argument: an address string or a Range of the same sheet. */
function frozenBounds(arg: FakeRange | string, path: string): Bounds {
  if (typeof arg === 'string') {
    const b = parseLocal(arg);
    if (!b) throw invalidArgument(`bad address '${arg}'`, path);
    return b;
  }
  const t = arg.resolveTarget();
  if (!t) throw invalidArgument('null range', path);
  return t.bounds;
}

export class FakeFreezePanes extends SheetPart {
  freezeRows(count = 1): void {
    this.change('freezeRows', { count }, (s) => (s.freeze = { rows: count, columns: 0 }));
  }
  freezeColumns(count = 1): void {
    this.change('freezeColumns', { count }, (s) => (s.freeze = { rows: 0, columns: count }));
  }
  freezeAt(frozenRange: FakeRange | string): void {
    this.change('freezeAt', { frozenRange: typeof frozenRange === 'string' ? frozenRange : frozenRange.path }, (s) => {
      const b = frozenBounds(frozenRange, this.path);
      s.freeze = { rows: b.row2 + 1, columns: b.col2 + 1 };
    });
  }
  unfreeze(): void {
    this.change('unfreeze', undefined, (s) => (s.freeze = { rows: 0, columns: 0 }));
  }
}

export class FakePageLayout extends SheetPart {
  set orientation(v: 'Portrait' | 'Landscape') {
    this.change('set', { orientation: v }, (s) => {
      if (v !== 'Portrait' && v !== 'Landscape') throw invalidArgument(`orientation ${String(v)}`, this.path);
      s.pageLayout.orientation = v;
    });
  }
  set paperSize(v: string) {
    this.change('set', { paperSize: v }, (s) => {
      if (!PAPER_SIZES.includes(v)) throw invalidArgument(`paper size ${v}`, this.path);
      s.pageLayout.paperSize = v;
    });
  }
  /** https://learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-printorder-member: DownThenOver | OverThenDown, ExcelApi 1.9 */
  set printOrder(v: 'DownThenOver' | 'OverThenDown') {
    this.change('set', { printOrder: v }, (s) => {
      if (v !== 'DownThenOver' && v !== 'OverThenDown') throw invalidArgument(`print order ${String(v)}`, this.path);
      s.pageLayout.printOrder = v;
    });
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this.change('set', { zoom: v }, (s) => {
      if (v.scale !== undefined && (v.scale < 10 || v.scale > 400)) throw invalidArgument(`zoom scale ${v.scale}`, this.path);
      if (v.scale !== undefined && (v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined))
        throw invalidArgument('zoom: scale or fit to pages, not both', this.path);
      s.pageLayout.zoom = { ...v };
    });
  }
  setPrintTitleRows(rows: FakeRange | string): void {
    this.change('setPrintTitleRows', { rows: typeof rows === 'string' ? rows : rows.path }, (s) => {
      const b = frozenBounds(rows, this.path);
      s.pageLayout.printTitleRows = `$${b.row1 + 1}:$${b.row2 + 1}`;
    });
  }
  /** https://learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-setprinttitlecolumns-member(1): whole columns, ExcelApi 1.9 */
  setPrintTitleColumns(columns: FakeRange | string): void {
    this.change('setPrintTitleColumns', { columns: typeof columns === 'string' ? columns : columns.path }, (s) => {
      const b = frozenBounds(columns, this.path);
      if (b.row1 !== 0 || b.row2 !== WHOLE_SHEET.row2) throw invalidArgument('print title columns must be whole columns', this.path);
      s.pageLayout.printTitleColumns = `$${columnLetter(b.col1)}:$${columnLetter(b.col2)}`;
    });
  }
  setPrintArea(area: FakeRange | string): void {
    this.change('setPrintArea', { area: typeof area === 'string' ? area : area.path }, (s) => {
      s.pageLayout.printArea = formatLocal(frozenBounds(area, this.path));
    });
  }
}

export class FakeWorksheetCollection {
  private loadedItems: FakeWorksheet[] | null = null;

  constructor(
    private readonly q: FakeQueue,
    private readonly state: FakeWorkbookState,
  ) {}

  private sheetProxy(path: string, find: () => FakeSheet | undefined, nullable: boolean, op: string, args: unknown): FakeWorksheet {
    const ref = new Lazy<FakeSheet | null>(() => {
      const s = find();
      if (s) return s;
      if (nullable) return null;
      throw itemNotFound(`worksheet ${JSON.stringify(args)}`, path);
    });
    const ws = new FakeWorksheet(this.q, path, ref, this.state);
    ws.announce(op, args);
    return ws;
  }

  getItem(key: string): FakeWorksheet {
    return this.sheetProxy(`worksheets.getItem(${key})`, () => this.state.sheet(key) ?? this.state.sheetById(key), false, 'getItem', key);
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return this.sheetProxy(
      `worksheets.getItemOrNullObject(${key})`,
      () => this.state.sheet(key) ?? this.state.sheetById(key),
      true,
      'getItemOrNullObject',
      key,
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    return this.sheetProxy(
      'worksheets.getActiveWorksheet()',
      () => (this.state.activeSheetId ? this.state.sheetById(this.state.activeSheetId) : undefined),
      false,
      'getActiveWorksheet',
      undefined,
    );
  }

  /** https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-getfirst-member(1): ExcelApi 1.5 */
  getFirst(visibleOnly = false): FakeWorksheet {
    return this.sheetProxy(
      `worksheets.getFirst(${visibleOnly})`,
      () => this.state.sheets.find((s) => !visibleOnly || s.visibility === 'Visible'),
      false,
      'getFirst',
      visibleOnly,
    );
  }

  add(name?: string): FakeWorksheet {
    const ref = new Lazy<FakeSheet | null>(() => this.state.addSheet(name));
    const path = `worksheets.add(${name ?? ''})`;
    const ws = new FakeWorksheet(this.q, path, ref, this.state);
    ws.announce('add', { name });
    return ws;
  }

  load(arg?: LoadArg): this {
    const names = loadedNames(arg, true) ?? ['id', 'name', 'position', 'visibility', 'tabColor'];
    this.q.enqueue('worksheets', 'load', names, () => {
      const items = this.state.sheets.map((s) => {
        const ws = new FakeWorksheet(this.q, `worksheets.getItem(${s.id})`, Lazy.of<FakeSheet | null>(s), this.state);
        ws.prime(names, s);
        return ws;
      });
      return { response: items.map((i) => i.toJSON()), commit: () => (this.loadedItems = items) };
    });
    return this;
  }

  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw propertyNotLoaded('items', 'worksheets');
    return this.loadedItems;
  }
}
