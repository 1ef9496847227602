/**
 * 诊断 in WPS against the fake ET: every check passes on a scratch sheet that is gone afterwards,
 * with the user's sheets, names and active sheet as they were; a member WPS lacks (read as
 * undefined, as real WPS reads one) fails the members check and no other.
 */
import type { EtApplication } from '../../src/hosts/wps/et';
import { DIAGNOSTICS_SHEET, runDiagnosticsInWps } from '../../src/hosts/wps/diagnostics';
import { etApi } from '../../src/hosts/wps/runtime';
import { createFakeEt } from '../support/fakeEt';

describe('诊断 in WPS', () => {
  it('passes every check and leaves the workbook as it was', async () => {
    const et = createFakeEt({ sheets: ['任务', '汇总'] });
    et.workbook.type('任务', 'A1', [['序号', '任务']]);
    et.app.ActiveWorkbook.Worksheets.Item('汇总').Activate();
    et.app.ActiveWorkbook.Names.Add('KT_S_1', "='任务'!$A$1");
    const results = await runDiagnosticsInWps(et.api);
    expect(results.filter((r) => r.status !== 'passed')).toEqual([]);
    expect(results.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'members',
        'writeRead',
        'textKept',
        'veryHidden',
        'listFromName',
        'numberCheck',
        'conditionalFormat',
        'marks',
      ]),
    );
    expect(results.every((r) => r.api !== '')).toBe(true);
    expect(et.workbook.sheetNames()).toEqual(['任务', '汇总']);
    expect(et.workbook.names.map((n) => n.name)).toEqual(['KT_S_1']);
    expect(et.app.ActiveWorkbook.ActiveSheet.Name).toBe('汇总');
    expect(et.app.DisplayAlerts).toBe(true);
    expect(et.workbook.valuesOf('任务')).toEqual([['序号', '任务']]);
  });

  it('removes a scratch sheet an interrupted run left behind', async () => {
    const et = createFakeEt();
    et.workbook.addSheet(DIAGNOSTICS_SHEET);
    et.workbook.type(DIAGNOSTICS_SHEET, 'A1', [['old']]);
    const results = await runDiagnosticsInWps(et.api);
    expect(results.filter((r) => r.status !== 'passed')).toEqual([]);
    expect(et.workbook.sheetNames()).toEqual(['Sheet1']);
  });

  it('names a member that reads as undefined, and fails that check only', async () => {
    const et = createFakeEt();
    // Real WPS reads a member it lacks as undefined rather than failing.
    const app = new Proxy(et.app, {
      get: (target, prop, receiver) => (prop === 'ScreenUpdating' ? undefined : (Reflect.get(target, prop, receiver) as unknown)),
    }) as EtApplication;
    const results = await runDiagnosticsInWps(etApi(app));
    const failed = results.filter((r) => r.status !== 'passed');
    expect(failed).toEqual([expect.objectContaining({ id: 'members', status: 'failed', code: 'Mismatch' })]);
    expect(failed[0].message).toContain('Application.ScreenUpdating (undefined)');
  });
});
