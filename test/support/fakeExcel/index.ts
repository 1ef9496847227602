/**
 * A fake Excel JavaScript API, in plain TypeScript so it runs under jest and in a browser page.
 * It behaves like Excel where a host can get it wrong: proxies, load-before-read, results only
 * after sync, queued operations applied in order, input parsing (`=` makes a formula, `'` keeps
 * text), shape checks, the payload limit on requests and on responses, and API sets (page
 * layout needs 1.9).
 */
import type { ExcelApi } from '../../../src/hosts/excel/runtime';
import { type ApiVersion, FakeQueue, type SyncStats } from './queue';
import { FakeWorkbookState } from './state';
import { moveComments } from './annotations';
import { FakeRequestContext } from './workbook';

export { FakeOfficeError } from './errors';
export { type FakeComment, commentsOf, notesOf } from './annotations';
export type { FakeCell, FakeSheet, FakeValidation, FakeConditionalFormat, FakePageLayout, FakeName, Scalar } from './state';
export { FakeWorkbookState } from './state';
export { type FakeChartRecord, autoFilterOf, chartsOf } from './charts';
export type { ApiVersion } from './queue';

/** Excel on the web rejects requests, and responses, larger than this. */
export const DEFAULT_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface FakeExcelOptions {
  apiVersion?: ApiVersion;
  payloadLimit?: number;
  /** the most cells one range may read: 5,000,000 as in Excel, smaller in tests */
  rangeCellLimit?: number;
  /** sheets of a new workbook; Excel always has at least one */
  sheets?: string[];
}

export interface FakeExcel {
  api: ExcelApi;
  workbook: FakeWorkbookState;
  readonly syncCount: number;
  /** each sync: the request's size and operations, and the size of what its loads brought back */
  readonly requests: Array<{ bytes: number; operations: number; responseBytes?: number }>;
  readonly selection: { sheet: string; address: string } | null;
  /** forget counted syncs, e.g. after setting up a workbook through the API */
  resetCounts(): void;
  /** the workbook closed and opened again: every Worksheet.id changes (state.ts, reassignIds) */
  reopen(): void;
}

function versionAtLeast(v: string, min: string): boolean {
  const [a1, a2 = 0] = v.split('.').map(Number);
  const [b1, b2 = 0] = min.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}

export function createFakeExcel(opts: FakeExcelOptions = {}): FakeExcel {
  const apiVersion = opts.apiVersion ?? '1.12';
  const payloadLimit = opts.payloadLimit ?? DEFAULT_PAYLOAD_LIMIT;
  const state = new FakeWorkbookState();
  for (const name of opts.sheets ?? ['Sheet1']) state.addSheet(name);
  const stats: SyncStats = { syncCount: 0, requests: [] };

  const api: ExcelApi = {
    async run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
      const q = new FakeQueue(state, apiVersion, payloadLimit, stats, opts.rangeCellLimit);
      const ctx = new FakeRequestContext(q);
      const result = await batch(ctx as unknown as Excel.RequestContext);
      // Excel.run sends what the batch left queued.
      if (q.hasPending) await q.sync();
      return result;
    },
    isSetSupported(set: string, version: string): boolean {
      return set === 'ExcelApi' && versionAtLeast(apiVersion, version);
    },
  };

  return {
    api,
    workbook: state,
    get syncCount() {
      return stats.syncCount;
    },
    get requests() {
      return stats.requests;
    },
    get selection() {
      return state.selection;
    },
    resetCounts() {
      stats.syncCount = 0;
      stats.requests.length = 0;
    },
    reopen() {
      moveComments(state, state.reassignIds());
    },
  };
}
