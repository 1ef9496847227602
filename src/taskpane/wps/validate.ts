/** The WPS build's stand-in for hosts/excel/validate (see api.ts). */
import type { Finding } from '../../core/findings/catalogue';
import type { ExcelApi } from '../../hosts/excel/runtime';
import type { ExcelValidation, ValidateInExcelOptions } from '../../hosts/excel/validate';
import { selectFindingInWps, validateInWps } from '../../hosts/wps/validate';
import { etOf } from './api';

export type { ExcelValidation } from '../../hosts/excel/validate';

export async function validateInExcel(api: ExcelApi, opts: ValidateInExcelOptions): Promise<ExcelValidation> {
  // ET answers at once: there are no round trips to count.
  return { ...(await validateInWps(etOf(api), opts)), syncs: 0 };
}

export function selectFinding(api: ExcelApi, finding: Pick<Finding, 'sheet' | 'cell'>): Promise<void> {
  return selectFindingInWps(etOf(api), finding);
}
