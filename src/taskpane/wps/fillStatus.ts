/** The WPS build's stand-in for hosts/excel/fillStatus (see api.ts). */
import type { ExcelStatusFill, FillStatusInExcelOptions } from '../../hosts/excel/fillStatus';
import type { ExcelApi } from '../../hosts/excel/runtime';
import { fillStatusInWps } from '../../hosts/wps/fillStatus';
import { etOf } from './api';

export type { ConflictAnswer, ExcelStatusFill, FillStatusInExcelOptions } from '../../hosts/excel/fillStatus';

export async function fillStatusInExcel(api: ExcelApi, opts: FillStatusInExcelOptions): Promise<ExcelStatusFill> {
  // ET answers at once: there are no round trips to count.
  return { ...(await fillStatusInWps(etOf(api), opts)), syncs: 0 };
}
