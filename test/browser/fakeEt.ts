/**
 * Stands in for WPS in the browser test of the WPS build of the pane: installs the fake ET as
 * `window.Application` (what src/hosts/wps/runtime.ts looks for) before the pane's scripts run,
 * and `window.__keytaskFake` — the same handle as fakeOffice.ts's, so the harness's helpers work
 * on either host. No Node APIs: this is bundled.
 */
import { notesOf } from '../support/fakeExcel/annotations';
import { parseLocal } from '../support/fakeExcel/address';
import { rgbOf } from '../../src/hosts/wps/et';
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
  // ET keeps a fill as a BGR long; the handle gives it as the Excel fake does, `#RRGGBB`.
  fill: (sheet, address) => {
    const at = parseLocal(address)!;
    const color = book.sheet(sheet)?.cell(at.row1, at.col1)?.style['Interior.Color'];
    return typeof color === 'number' ? rgbOf(color) : '';
  },
  // an ET Comment is what Excel calls a note; WPS has no threaded comments
  notes: (sheet) => Object.fromEntries(notesOf(book.sheet(sheet)!)),
  comments: () => ({}),
  charts: (sheet) => et.records(sheet).charts.length,
};

Object.assign(window, { Application: et.app, __keytaskFake: handle });
