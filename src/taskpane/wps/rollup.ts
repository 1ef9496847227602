/** The WPS build's stand-in for hosts/excel/rollup (see api.ts). */
import type { CountySheetList, ExcelRollup, ExcelRollupOptions } from '../../hosts/excel/rollup';
import type { ExcelApi } from '../../hosts/excel/runtime';
import { listCountySheetsInWps, rollupInWps } from '../../hosts/wps/rollup';
import { etOf } from './api';

export type { CountySheetList, ExcelRollup } from '../../hosts/excel/rollup';

export function listCountySheets(api: ExcelApi): Promise<CountySheetList> {
  return listCountySheetsInWps(etOf(api));
}

export async function rollupInExcel(api: ExcelApi, opts: ExcelRollupOptions): Promise<ExcelRollup> {
  // ET sends no requests, so there are no request sizes to report.
  return { ...(await rollupInWps(etOf(api), opts)), requestBytes: [] };
}
