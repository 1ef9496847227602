/**
 * Stands in for office.js in the browser test: installs `Office` and `Excel` globals backed by
 * one fake Excel, and `window.__keytaskFake` for the test to look into the workbook.
 * Query parameters: `lang` (Office display language, default zh-CN) and `api` (ExcelApi
 * version the host supports: 1.8, 1.9 or 1.12, default 1.12). No Node APIs: this is bundled.
 */
import { type ApiVersion, type Scalar, createFakeExcel } from '../support/fakeExcel';

export interface KeytaskFakeHandle {
  sheetNames(): string[];
  sheetValues(name: string): Scalar[][];
  syncCount(): number;
  selection(): { sheet: string; address: string } | null;
  addSheet(name: string, values: unknown[][]): void;
}

declare global {
  interface Window {
    __keytaskFake: KeytaskFakeHandle;
  }
}

const params = new URLSearchParams(window.location.search);
const lang = params.get('lang') || 'zh-CN';
const requested = params.get('api');
const apiVersion: ApiVersion = requested === '1.8' || requested === '1.9' ? requested : '1.12';
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
  sheetNames: () => fake.workbook.sheetNames(),
  sheetValues: (name) => fake.workbook.valuesOf(name),
  syncCount: () => fake.syncCount,
  selection: () => fake.selection,
  addSheet: (name, values) => {
    if (!fake.workbook.sheet(name)) fake.workbook.addSheet(name);
    if (values.length > 0) fake.workbook.type(name, 'A1', values);
  },
};
