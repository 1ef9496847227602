/**
 * Stands in for office.js in the browser test: installs `Office` and `Excel` globals backed by
 * one fake Excel, and `window.__keytaskFake` for the test to look into the workbook.
 * Query parameters: `lang` (Office display language, default zh-CN) and `api` (ExcelApi
 * version the host supports: 1.8, 1.9, 1.10, 1.12, 1.13 or 1.18, default 1.12). No Node APIs:
 * this is bundled.
 */
import { parseLocal } from '../support/fakeExcel/address';
import { type ApiVersion, type Scalar, commentsOf, createFakeExcel, notesOf } from '../support/fakeExcel';

export interface KeytaskFakeHandle {
  sheetNames(): string[];
  sheetValues(name: string): Scalar[][];
  syncCount(): number;
  selection(): { sheet: string; address: string } | null;
  addSheet(name: string, values: unknown[][]): void;
  /** types `value` into one cell, as a clerk would ('' empties it) */
  setCell(sheet: string, address: string, value: unknown): void;
  /** what `range.values` reports for one cell */
  cellValue(sheet: string, address: string): Scalar;
  /** the cell's fill colour, '' for none */
  fill(sheet: string, address: string): string;
  /** the sheet's notes by cell (ExcelApi 1.18) */
  notes(sheet: string): Record<string, string>;
  /** the workbook's threaded comments (ExcelApi 1.10) as `sheet!cell` → text */
  comments(): Record<string, string>;
}

declare global {
  interface Window {
    __keytaskFake: KeytaskFakeHandle;
  }
}

const params = new URLSearchParams(window.location.search);
const lang = params.get('lang') || 'zh-CN';
const requested = params.get('api');
const VERSIONS: readonly ApiVersion[] = ['1.8', '1.9', '1.10', '1.12', '1.13', '1.18'];
const apiVersion: ApiVersion = VERSIONS.find((v) => v === requested) ?? '1.12';
const fake = createFakeExcel({ apiVersion });

const info = { host: 'Excel', platform: 'PC' };

const office = {
  HostType: { Excel: 'Excel' },
  PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
  onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
    callback?.(info);
    return Promise.resolve(info);
  },
  context: {
    displayLanguage: lang,
    contentLanguage: lang,
    host: 'Excel',
    platform: 'PC',
    diagnostics: { host: 'Excel', platform: 'PC', version: '16.0.0.0' },
    requirements: {
      isSetSupported: (set: string, version?: string): boolean => fake.api.isSetSupported(set, version ?? '1.1'),
    },
  },
};

const excel = {
  run: <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => fake.api.run(batch),
};

Object.assign(window, { Office: office, Excel: excel });

function sheetOf(name: string) {
  const sheet = fake.workbook.sheet(name);
  if (!sheet) throw new Error(`no sheet '${name}'`);
  return sheet;
}

function cellAt(address: string): { r: number; c: number } {
  const b = parseLocal(address);
  if (!b || b.row1 !== b.row2 || b.col1 !== b.col2) throw new Error(`not one cell: ${address}`);
  return { r: b.row1, c: b.col1 };
}

window.__keytaskFake = {
  sheetNames: () => fake.workbook.sheetNames(),
  sheetValues: (name) => fake.workbook.valuesOf(name),
  syncCount: () => fake.syncCount,
  selection: () => fake.selection,
  addSheet: (name, values) => {
    if (!fake.workbook.sheet(name)) fake.workbook.addSheet(name);
    if (values.length > 0) fake.workbook.type(name, 'A1', values);
  },
  setCell: (sheet, address, value) => {
    const { r, c } = cellAt(address);
    sheetOf(sheet).writeInput(r, c, value);
  },
  cellValue: (sheet, address) => {
    const { r, c } = cellAt(address);
    return sheetOf(sheet).value(r, c);
  },
  fill: (sheet, address) => {
    const { r, c } = cellAt(address);
    return String(sheetOf(sheet).cell(r, c)?.style['fill.color'] ?? '');
  },
  notes: (sheet) => Object.fromEntries(notesOf(sheetOf(sheet))),
  comments: () =>
    Object.fromEntries(commentsOf(fake.workbook).map((k) => [`${fake.workbook.sheetById(k.sheetId)?.name ?? '?'}!${k.cell}`, k.content])),
};
