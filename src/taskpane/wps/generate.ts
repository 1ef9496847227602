/** The WPS build's stand-in for hosts/excel/generate (see api.ts). */
import type { GenerateOptions } from '../../core/generate/generate';
import type { Plan } from '../../core/model';
import type { NameConflict } from '../../core/operations/generate';
import type { ExcelGeneration } from '../../hosts/excel/generate';
import type { ExcelApi } from '../../hosts/excel/runtime';
import { generateInWps } from '../../hosts/wps/generate';
import { etOf } from './api';

export function generateInExcel(
  api: ExcelApi,
  plan: Plan,
  opts: GenerateOptions,
  confirm: (conflicts: NameConflict[]) => Promise<boolean>,
): Promise<ExcelGeneration> {
  return generateInWps(etOf(api), plan, opts, confirm);
}
