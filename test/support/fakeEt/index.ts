/**
 * A fake of WPS 表格's JavaScript object model (ET), for tests: synchronous and VBA-like, as
 * strict as the fake Excel. Its cells, merges, names and sheets are the fake Excel's own
 * FakeWorkbookState (so a value is stored and parsed the same way in both fakes, and a parity
 * test compares like with like); what ET keeps beyond them is in records.ts, in ET's terms.
 * Every object refuses a member WPS does not have (strict.ts).
 */
import type { EtApplication } from '../../../src/hosts/wps/et';
import { type WpsApi, etApi } from '../../../src/hosts/wps/runtime';
import { FakeWorkbookState } from '../fakeExcel/state';
import { type EtSheetRecord, recordOf } from './records';
import { strict } from './strict';
import { FakeEtApplication } from './workbook';

export { FakeEtError } from './strict';
export type { EtSheetRecord, EtValidationRecord, EtFormatConditionRecord, EtHyperlinkRecord } from './records';

export interface FakeEt {
  /** what WPS gives an add-in as window.Application */
  app: EtApplication;
  api: WpsApi;
  workbook: FakeWorkbookState;
  /** what ET keeps of a sheet beyond its cells */
  records(sheet: string): EtSheetRecord;
}

export function createFakeEt(opts: { sheets?: string[] } = {}): FakeEt {
  const workbook = new FakeWorkbookState();
  for (const name of opts.sheets ?? ['Sheet1']) workbook.addSheet(name);
  const app = strict(new FakeEtApplication(workbook), 'Application') as unknown as EtApplication;
  return {
    app,
    api: etApi(app),
    workbook,
    records(name) {
      const sheet = workbook.sheet(name);
      if (!sheet) throw new Error(`no sheet '${name}'`);
      return recordOf(sheet);
    },
  };
}
