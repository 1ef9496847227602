/**
 * Stands in for office.js in the browser test: installs `Office` and `Excel` globals backed by
 * one fake Excel, and `window.__keytaskFake` for the test to look into the workbook.
 * Query parameters: `lang` (Office display language, default zh-CN) and `api` (ExcelApi
 * version the host supports: 1.8, 1.9, 1.10, 1.12, 1.13 or 1.18, default 1.12). No Node APIs:
 * this is bundled.
 */
import { type ApiVersion, chartsOf, commentsOf, createFakeExcel, notesOf } from '../support/fakeExcel';
import { type WorkbookHandle, workbookHandle } from './fakeHandle';

export interface KeytaskFakeHandle extends WorkbookHandle {
  syncCount(): number;
  selection(): { sheet: string; address: string } | null;
  /** the sheet's notes by cell (ExcelApi 1.18) */
  notes(sheet: string): Record<string, string>;
  /** the workbook's threaded comments (ExcelApi 1.10) as `sheet!cell` → text */
  comments(): Record<string, string>;
  /** how many charts the sheet has */
  charts(sheet: string): number;
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

window.__keytaskFake = {
  ...workbookHandle(fake.workbook),
  syncCount: () => fake.syncCount,
  selection: () => fake.selection,
  notes: (sheet) => Object.fromEntries(notesOf(fake.workbook.sheet(sheet)!)),
  charts: (sheet) => chartsOf(fake.workbook.sheet(sheet)!).length,
  comments: () =>
    Object.fromEntries(commentsOf(fake.workbook).map((k) => [`${fake.workbook.sheetById(k.sheetId)?.name ?? '?'}!${k.cell}`, k.content])),
};
