/**
 * Stands in for WPS in the browser test of the WPS build of the pane: installs the fake ET as
 * `window.Application` (what src/hosts/wps/runtime.ts looks for) before the pane's scripts run,
 * and `window.__keytaskFake` — the same handle as fakeOffice.ts's, so the harness's helpers work
 * on either host. No Node APIs: this is bundled.
 */
import { createFakeEt } from '../support/fakeEt';
import { workbookHandle } from './fakeHandle';
import type { KeytaskFakeHandle } from './fakeOffice';

const et = createFakeEt();
const book = et.workbook;

const handle: KeytaskFakeHandle = {
  ...workbookHandle(book),
  // ET has no round trips to count
  syncCount: () => 0,
  selection: () => book.selection,
  notes: () => ({}),
  comments: () => ({}),
  charts: (sheet) => et.records(sheet).charts.length,
};

Object.assign(window, { Application: et.app, __keytaskFake: handle });
