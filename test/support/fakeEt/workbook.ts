/** The fake ET Application, Workbook, Names and Window. */
import type { FakeName, FakeSheet, FakeWorkbookState } from '../fakeExcel/state';
import { recordOf } from './records';
import { FakeEtError, itemOf, strict } from './strict';
import { FakeEtWorksheets, type SheetHost } from './worksheet';

/** Name (https://learn.microsoft.com/office/vba/api/excel.name). */
class FakeEtName {
  constructor(
    private readonly book: FakeWorkbookState,
    private readonly entry: FakeName,
  ) {}
  get Name(): string {
    return this.entry.name;
  }
  /** `='Sheet'!$A$1:$A$9`: the reference follows a renamed sheet. */
  get RefersTo(): string {
    return this.book.nameFormula(this.entry);
  }
  Delete(): void {
    this.book.deleteName(this.entry);
  }
}

/** Names (https://learn.microsoft.com/office/vba/api/excel.names). */
class FakeEtNames {
  constructor(private readonly book: FakeWorkbookState) {}
  get Count(): number {
    return this.book.names.length;
  }
  Item(index: unknown): FakeEtName {
    const entry = itemOf(this.book.names, index, (n) => this.book.name(n), 'Names.Item');
    return strict(new FakeEtName(this.book, entry), 'Name');
  }
  /**
   * Add(Name, RefersTo) (https://learn.microsoft.com/office/vba/api/excel.names.add). Excel
   * redefines a name that exists; the fake refuses, as the Excel fake does, so a host that meant
   * to replace one says so by deleting it first.
   */
  Add(Name: unknown, RefersTo: unknown, ...rest: unknown[]): FakeEtName {
    if (rest.some((r) => r !== undefined)) throw new FakeEtError('Names.Add beyond Name and RefersTo is not modelled');
    if (typeof Name !== 'string' || typeof RefersTo !== 'string' || !RefersTo.startsWith('=')) {
      throw new FakeEtError('Names.Add(Name, RefersTo): RefersTo is a formula starting with =');
    }
    try {
      return strict(new FakeEtName(this.book, this.book.addName(Name, RefersTo)), 'Name');
    } catch (e) {
      throw new FakeEtError(`Names.Add('${Name}'): ${(e as Error).message}`);
    }
  }
}

/**
 * The window, which shows the active sheet: its panes are that sheet's
 * (Window.FreezePanes, SplitRow, SplitColumn, https://learn.microsoft.com/office/vba/api/excel.window.freezepanes).
 */
class FakeEtWindow {
  constructor(private readonly active: () => FakeSheet) {}
  private get rec(): ReturnType<typeof recordOf> {
    return recordOf(this.active());
  }
  get FreezePanes(): boolean {
    return this.rec.freeze.rows > 0 || this.rec.freeze.columns > 0;
  }
  set FreezePanes(v: boolean) {
    if (v === true) this.rec.freeze = { ...this.rec.split };
    else if (v === false) this.rec.freeze = { rows: 0, columns: 0 };
    else throw new FakeEtError('Window.FreezePanes is True or False');
  }
  get SplitRow(): number {
    return this.rec.split.rows;
  }
  set SplitRow(v: number) {
    if (!Number.isInteger(v) || v < 0) throw new FakeEtError(`Window.SplitRow ${String(v)}`);
    this.rec.split = { ...this.rec.split, rows: v };
  }
  get SplitColumn(): number {
    return this.rec.split.columns;
  }
  set SplitColumn(v: number) {
    if (!Number.isInteger(v) || v < 0) throw new FakeEtError(`Window.SplitColumn ${String(v)}`);
    this.rec.split = { ...this.rec.split, columns: v };
  }
  /** The split is counted from the top-left cell shown: the fake only allows freezing at row and column 1. */
  get ScrollRow(): number {
    return 1;
  }
  set ScrollRow(v: number) {
    if (v !== 1) throw new FakeEtError('Window.ScrollRow: the fake models a window scrolled to the top only');
  }
  get ScrollColumn(): number {
    return 1;
  }
  set ScrollColumn(v: number) {
    if (v !== 1) throw new FakeEtError('Window.ScrollColumn: the fake models a window scrolled to the left only');
  }
}

/** Workbook (https://learn.microsoft.com/office/vba/api/excel.workbook). */
class FakeEtWorkbook {
  readonly worksheets: FakeEtWorksheets;
  constructor(
    private readonly host: SheetHost,
    private readonly names: FakeEtNames,
  ) {
    this.worksheets = strict(new FakeEtWorksheets(host), 'Worksheets');
  }
  get Worksheets(): FakeEtWorksheets {
    return this.worksheets;
  }
  get Names(): FakeEtNames {
    return this.names;
  }
  get ActiveSheet(): unknown {
    const sheet = this.host.activeSheet();
    if (!sheet) throw new FakeEtError('no active sheet');
    return this.worksheets.Item(sheet.name);
  }
}

/** Application (https://learn.microsoft.com/office/vba/api/excel.application(object)). */
export class FakeEtApplication {
  private alerts = true;
  private updating = true;
  private readonly workbook: FakeEtWorkbook;
  private readonly window: FakeEtWindow;

  constructor(book: FakeWorkbookState) {
    const host: SheetHost = {
      book,
      displayAlerts: () => this.alerts,
      activeSheet: () => (book.activeSheetId ? book.sheetById(book.activeSheetId) : undefined),
    };
    this.workbook = strict(new FakeEtWorkbook(host, strict(new FakeEtNames(book), 'Names')), 'Workbook');
    this.window = strict(
      new FakeEtWindow(() => {
        const s = host.activeSheet();
        if (!s) throw new FakeEtError('no active sheet');
        return s;
      }),
      'Window',
    );
  }
  get ActiveWorkbook(): FakeEtWorkbook {
    return this.workbook;
  }
  get ActiveWindow(): FakeEtWindow {
    return this.window;
  }
  get DisplayAlerts(): boolean {
    return this.alerts;
  }
  set DisplayAlerts(v: boolean) {
    if (typeof v !== 'boolean') throw new FakeEtError('Application.DisplayAlerts is True or False');
    this.alerts = v;
  }
  get ScreenUpdating(): boolean {
    return this.updating;
  }
  set ScreenUpdating(v: boolean) {
    if (typeof v !== 'boolean') throw new FakeEtError('Application.ScreenUpdating is True or False');
    this.updating = v;
  }
}
