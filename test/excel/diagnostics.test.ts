/** The self-check against the fake Excel: every capability passes where the API set is there. */
import { DIAGNOSTICS_SHEET, runDiagnostics } from '../../src/hosts/excel/diagnostics';
import { createFakeExcel } from '../support/fakeExcel';

describe('diagnostics', () => {
  it('passes every check on ExcelApi 1.18 and leaves no sheet or name behind', async () => {
    const fake = createFakeExcel({ apiVersion: '1.18' });
    const results = await runDiagnostics(fake.api);
    expect(results.filter((r) => r.status !== 'passed')).toEqual([]);
    expect(results.length).toBeGreaterThan(15);
    expect(fake.workbook.sheetNames()).toEqual(['Sheet1']);
    expect(fake.workbook.names).toEqual([]);
    // the large write went out in more than one request, none over the limit
    expect(Math.max(...fake.requests.map((r) => r.bytes))).toBeLessThan(5 * 1024 * 1024);
  });

  it('skips what an older Excel lacks and says which sets are missing', async () => {
    const fake = createFakeExcel({ apiVersion: '1.8' });
    const results = await runDiagnostics(fake.api);
    expect(results.filter((r) => r.status === 'failed').map((r) => [r.id, r.api, r.code])).toEqual([
      ['api', '1.9', 'NotSupported'],
      ['api', '1.10', 'NotSupported'],
      ['api', '1.13', 'NotSupported'],
      ['api', '1.18', 'NotSupported'],
    ]);
    expect(results.filter((r) => r.status === 'skipped').map((r) => r.id)).toEqual([
      'copyFrom',
      'rangeAreas',
      'pageLayout',
      'autoFilter',
      'comments',
      'mergedAreas',
      'notes',
    ]);
    expect(fake.workbook.sheet(DIAGNOSTICS_SHEET)).toBeUndefined();
  });

  it('reports Excel’s error code when a capability fails', async () => {
    const fake = createFakeExcel({ apiVersion: '1.18', payloadLimit: 100_000 });
    const results = await runDiagnostics(fake.api);
    expect(results.find((r) => r.id === 'largeWrite')).toMatchObject({ status: 'failed', code: 'RequestPayloadSizeLimitExceeded' });
    expect(results.filter((r) => r.status === 'failed')).toHaveLength(1);
  });
});
