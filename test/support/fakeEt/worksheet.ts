/**
 * The fake ET Worksheet, Worksheets, PageSetup, Tab and Hyperlinks, over the fake Excel's
 * FakeWorkbookState (sheets, names, visibility and the active sheet, kept in one place).
 */
import { FakeChartObjects } from './charts';
import type { Bounds } from '../fakeExcel/address';
import type { FakeSheet, FakeWorkbookState, SheetVisibility } from '../fakeExcel/state';
import { FakeEtRange, boundsOf } from './range';
import { recordOf } from './records';
import { FakeEtError, itemOf, oneOf, strict, unwrap } from './strict';

/** XlSheetVisibility: xlSheetVisible -1, xlSheetHidden 0, xlSheetVeryHidden 2 (https://learn.microsoft.com/office/vba/api/excel.xlsheetvisibility). */
const VISIBLE: Record<string, SheetVisibility> = { '-1': 'Visible', '0': 'Hidden', '2': 'VeryHidden' };
const VISIBLE_CODE: Record<SheetVisibility, number> = { Visible: -1, Hidden: 0, VeryHidden: 2 };

/** What sheets need of the application: whether alerts are on, which sheet is active. */
export interface SheetHost {
  book: FakeWorkbookState;
  displayAlerts(): boolean;
  activeSheet(): FakeSheet | undefined;
}

/** PageSetup (https://learn.microsoft.com/office/vba/api/excel.pagesetup). */
class FakePageSetup {
  constructor(private readonly sheet: FakeSheet) {}
  private get rec(): ReturnType<typeof recordOf>['pageSetup'] {
    return recordOf(this.sheet).pageSetup;
  }
  get Orientation(): number {
    return this.rec.Orientation;
  }
  set Orientation(v: number) {
    this.rec.Orientation = oneOf(v, [1, 2], 'PageSetup.Orientation');
  }
  get PaperSize(): number {
    return this.rec.PaperSize;
  }
  set PaperSize(v: number) {
    // XlPaperSize: xlPaperLetter 1, xlPaperA3 8, xlPaperA4 9 (the fake knows these).
    this.rec.PaperSize = oneOf(v, [1, 8, 9], 'PageSetup.PaperSize');
  }
  get PrintTitleRows(): string {
    return this.rec.PrintTitleRows;
  }
  set PrintTitleRows(v: string) {
    if (typeof v !== 'string' || (v !== '' && !/^\$\d+:\$\d+$/.test(v))) throw new FakeEtError(`PageSetup.PrintTitleRows '${String(v)}'`);
    this.rec.PrintTitleRows = v;
  }
  get PrintTitleColumns(): string {
    return this.rec.PrintTitleColumns;
  }
  set PrintTitleColumns(v: string) {
    // Whole columns, as Excel's own "Columns to repeat at left" (PageSetup.PrintTitleColumns,
    // https://learn.microsoft.com/office/vba/api/excel.pagesetup.printtitlecolumns).
    if (typeof v !== 'string' || (v !== '' && !/^\$[A-Z]{1,3}:\$[A-Z]{1,3}$/.test(v)))
      throw new FakeEtError(`PageSetup.PrintTitleColumns '${String(v)}'`);
    this.rec.PrintTitleColumns = v;
  }
  /** XlOrder: xlDownThenOver 1, xlOverThenDown 2 (PageSetup.Order, https://learn.microsoft.com/office/vba/api/excel.pagesetup.order). */
  get Order(): number {
    return this.rec.Order;
  }
  set Order(v: number) {
    this.rec.Order = oneOf(v, [1, 2], 'PageSetup.Order');
  }
  get PrintArea(): string {
    return this.rec.PrintArea;
  }
  set PrintArea(v: string) {
    if (typeof v !== 'string') throw new FakeEtError('PageSetup.PrintArea takes an address');
    if (v !== '') boundsOf(v, 'PageSetup.PrintArea');
    this.rec.PrintArea = v;
  }
  /** 10 to 400 percent, or False to fit to pages (PageSetup.Zoom). */
  get Zoom(): number | false {
    return this.rec.Zoom;
  }
  set Zoom(v: number | false) {
    if (v !== false && (typeof v !== 'number' || v < 10 || v > 400)) throw new FakeEtError(`PageSetup.Zoom ${String(v)}`);
    this.rec.Zoom = v;
  }
  get FitToPagesWide(): number | false {
    return this.rec.FitToPagesWide;
  }
  set FitToPagesWide(v: number | false) {
    if (v !== false && (!Number.isInteger(v) || v < 1)) throw new FakeEtError(`PageSetup.FitToPagesWide ${String(v)}`);
    this.rec.FitToPagesWide = v;
  }
  get FitToPagesTall(): number | false {
    return this.rec.FitToPagesTall;
  }
  set FitToPagesTall(v: number | false) {
    if (v !== false && (!Number.isInteger(v) || v < 1)) throw new FakeEtError(`PageSetup.FitToPagesTall ${String(v)}`);
    this.rec.FitToPagesTall = v;
  }
}

/** Worksheet.Tab (https://learn.microsoft.com/office/vba/api/excel.tab): Color a BGR long, ColorIndex xlColorIndexNone (-4142) for none. */
class FakeTab {
  constructor(private readonly sheet: FakeSheet) {}
  get Color(): number | false {
    return recordOf(this.sheet).tabColor ?? false;
  }
  set Color(v: number | false) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffff) throw new FakeEtError(`Tab.Color ${String(v)}`);
    recordOf(this.sheet).tabColor = v;
  }
  get ColorIndex(): number {
    return recordOf(this.sheet).tabColor === null ? -4142 : 0;
  }
  set ColorIndex(v: number) {
    oneOf(v, [-4142], 'Tab.ColorIndex (the fake models xlColorIndexNone only)');
    recordOf(this.sheet).tabColor = null;
  }
}

/** Worksheet.Hyperlinks (https://learn.microsoft.com/office/vba/api/excel.hyperlinks.add). */
class FakeHyperlinks {
  constructor(private readonly sheet: FakeSheet) {}
  get Count(): number {
    return recordOf(this.sheet).hyperlinks.length;
  }
  Add(Anchor: unknown, Address: unknown, SubAddress: unknown = '', _ScreenTip?: unknown, TextToDisplay: unknown = ''): void {
    const at = anchors.get(Anchor as object);
    if (!at || at.sheet !== this.sheet) throw new FakeEtError('Hyperlinks.Add: Anchor must be a Range of this sheet');
    if (typeof Address !== 'string' || typeof SubAddress !== 'string' || typeof TextToDisplay !== 'string') {
      throw new FakeEtError('Hyperlinks.Add: Address, SubAddress and TextToDisplay are strings');
    }
    const rec = recordOf(this.sheet);
    rec.hyperlinks = rec.hyperlinks.filter((h) => !(h.bounds.row1 === at.bounds.row1 && h.bounds.col1 === at.bounds.col1));
    rec.hyperlinks.push({ bounds: at.bounds, Address, SubAddress, TextToDisplay });
    if (TextToDisplay !== '') this.sheet.writeInput(at.bounds.row1, at.bounds.col1, TextToDisplay);
  }
}

/** The ranges handed out, so Hyperlinks.Add can tell where an Anchor is. */
const anchors = new WeakMap<object, { sheet: FakeSheet; bounds: Bounds }>();

/** Worksheet (https://learn.microsoft.com/office/vba/api/excel.worksheet). */
export class FakeEtWorksheet {
  constructor(
    private readonly host: SheetHost,
    readonly sheet: FakeSheet,
  ) {}

  private live(): FakeSheet {
    if (!this.host.book.sheets.includes(this.sheet)) throw new FakeEtError(`sheet '${this.sheet.name}' was deleted`);
    return this.sheet;
  }

  get Name(): string {
    return this.live().name;
  }
  set Name(v: string) {
    const sheet = this.live();
    try {
      this.host.book.checkSheetName(v, sheet);
    } catch (e) {
      throw new FakeEtError(`Worksheet.Name '${v}': ${(e as Error).message}`);
    }
    sheet.name = v;
  }
  get Visible(): number {
    return VISIBLE_CODE[this.live().visibility];
  }
  set Visible(v: number) {
    const vis = VISIBLE[String(v)];
    if (!vis) throw new FakeEtError(`Worksheet.Visible ${String(v)}: xlSheetVisible (-1), xlSheetHidden (0) or xlSheetVeryHidden (2)`);
    try {
      this.host.book.setVisibility(this.live(), vis);
    } catch (e) {
      throw new FakeEtError(`Worksheet.Visible: ${(e as Error).message}`);
    }
  }
  /** 1-based position among the sheets. */
  get Index(): number {
    return this.host.book.sheets.indexOf(this.live()) + 1;
  }
  get Tab(): FakeTab {
    return strict(new FakeTab(this.live()), 'Tab');
  }
  get PageSetup(): FakePageSetup {
    return strict(new FakePageSetup(this.live()), 'PageSetup');
  }
  get Hyperlinks(): FakeHyperlinks {
    return strict(new FakeHyperlinks(this.live()), 'Hyperlinks');
  }
  /**
   * The sheet's embedded charts. A method in WPS's JavaScript API, as in VBA (et-jsapi-declare
   * lib.et.d.ts:4612, https://learn.microsoft.com/office/vba/api/excel.worksheet.chartobjects);
   * the fake takes no index (keytask adds and deletes all, never one).
   */
  ChartObjects(Index?: unknown): FakeChartObjects {
    if (Index !== undefined) throw new FakeEtError('Worksheet.ChartObjects(Index) is not modelled: call it without an index');
    return strict(
      new FakeChartObjects(this.live(), (r) => (typeof r === 'object' && r !== null ? anchors.get(r) : undefined)),
      'ChartObjects',
    );
  }
  get AutoFilterMode(): boolean {
    return recordOf(this.live()).autoFilter !== null;
  }
  /** "You can set this property to False to remove the arrows, but you cannot set it to True" (https://learn.microsoft.com/office/vba/api/excel.worksheet.autofiltermode). */
  set AutoFilterMode(v: boolean) {
    if (v !== false) throw new FakeEtError('Worksheet.AutoFilterMode can only be set to False');
    recordOf(this.live()).autoFilter = null;
  }

  /**
   * The used range: every cell with a value or a format, and A1 on an empty sheet
   * (https://learn.microsoft.com/office/vba/api/excel.worksheet.usedrange).
   */
  get UsedRange(): FakeEtRange {
    const sheet = this.live();
    let b = sheet.usedBounds(false);
    for (const m of sheet.merges) {
      b = b
        ? { row1: Math.min(b.row1, m.row1), col1: Math.min(b.col1, m.col1), row2: Math.max(b.row2, m.row2), col2: Math.max(b.col2, m.col2) }
        : m;
    }
    return this.rangeAt(b ?? { row1: 0, col1: 0, row2: 0, col2: 0 });
  }

  Range(address: unknown): FakeEtRange {
    if (typeof address !== 'string') throw new FakeEtError('Worksheet.Range takes an A1 address (Cell1, Cell2 ranges are not modelled)');
    return this.rangeAt(boundsOf(address, 'Worksheet.Range'));
  }

  private rangeAt(bounds: Bounds): FakeEtRange {
    const r = strict(new FakeEtRange({ book: this.host.book, sheet: this.live() }, bounds, this.host.activeSheet), 'Range');
    anchors.set(r, { sheet: this.sheet, bounds });
    return r;
  }

  Activate(): void {
    try {
      this.host.book.activate(this.live());
    } catch (e) {
      throw new FakeEtError(`Worksheet.Activate: ${(e as Error).message}`);
    }
  }

  /**
   * Asks the user to confirm unless Application.DisplayAlerts is False; returns False when the
   * user cancels (https://learn.microsoft.com/office/vba/api/excel.worksheet.delete). The fake has
   * no user: a Delete with alerts on is a host bug.
   */
  Delete(): boolean {
    if (this.host.displayAlerts()) throw new FakeEtError('Worksheet.Delete with DisplayAlerts on would ask the user');
    try {
      this.host.book.deleteSheet(this.live());
    } catch (e) {
      throw new FakeEtError(`Worksheet.Delete: ${(e as Error).message}`);
    }
    return true;
  }

  /** Move(Before, After): one of them (https://learn.microsoft.com/office/vba/api/excel.worksheet.move). */
  Move(Before?: unknown, After?: unknown): void {
    const target = unwrap(Before ?? After, FakeEtWorksheet);
    if ((Before === undefined) === (After === undefined) || !target) {
      throw new FakeEtError('Worksheet.Move takes one of Before and After (a moved-to-a-new-workbook copy is not modelled)');
    }
    const sheets = this.host.book.sheets;
    const me = this.live();
    if (target.sheet === me) return;
    sheets.splice(sheets.indexOf(me), 1);
    sheets.splice(sheets.indexOf(target.sheet) + (After !== undefined ? 1 : 0), 0, me);
  }
}

/** Worksheets (https://learn.microsoft.com/office/vba/api/excel.worksheets). */
export class FakeEtWorksheets {
  constructor(private readonly host: SheetHost) {}

  /** The wrapper of a fake sheet; the same wrapper each time, so Move can recognise it. */
  private readonly wrappers = new WeakMap<FakeSheet, FakeEtWorksheet>();
  wrap(sheet: FakeSheet): FakeEtWorksheet {
    let w = this.wrappers.get(sheet);
    if (!w) {
      w = strict(new FakeEtWorksheet(this.host, sheet), 'Worksheet');
      this.wrappers.set(sheet, w);
    }
    return w;
  }

  get Count(): number {
    return this.host.book.sheets.length;
  }

  Item(index: unknown): FakeEtWorksheet {
    const sheet = itemOf(this.host.book.sheets, index, (n) => this.host.book.sheet(n), 'Worksheets.Item');
    return this.wrap(sheet);
  }

  /**
   * Add(Before, After, Count, Type): before the active sheet when neither is given; the new sheet
   * becomes the active one (https://learn.microsoft.com/office/vba/api/excel.worksheets.add).
   */
  Add(Before?: unknown, After?: unknown, ...rest: unknown[]): FakeEtWorksheet {
    if (rest.some((r) => r !== undefined)) throw new FakeEtError('Worksheets.Add Count and Type are not modelled');
    if (Before !== undefined && After !== undefined) throw new FakeEtError('Worksheets.Add takes Before or After, not both');
    const book = this.host.book;
    const near = unwrap(Before ?? After, FakeEtWorksheet);
    if ((Before ?? After) !== undefined && !near) throw new FakeEtError('Worksheets.Add: Before/After must be a Worksheet');
    const anchor = near?.sheet ?? this.host.activeSheet();
    const sheet = book.addSheet();
    book.sheets.splice(book.sheets.indexOf(sheet), 1);
    const at = anchor ? book.sheets.indexOf(anchor) + (After !== undefined ? 1 : 0) : book.sheets.length;
    book.sheets.splice(at, 0, sheet);
    book.activate(sheet);
    return this.wrap(sheet);
  }
}
