/** The WPS build's stand-in for hosts/excel/nextPeriod (see api.ts). */
import type { Lang } from '../../core/i18n';
import type { PeriodHistory } from '../../core/period/history';
import type { AskPeriod, ExcelNextPeriod } from '../../hosts/excel/nextPeriod';
import type { ExcelApi } from '../../hosts/excel/runtime';
import { nextPeriodInWps } from '../../hosts/wps/nextPeriod';
import { etOf } from './api';

export type { AskPeriod, ExcelNextPeriod } from '../../hosts/excel/nextPeriod';

export function nextPeriodInExcel(
  api: ExcelApi,
  ask: AskPeriod,
  opts: { lang?: Lang; from?: PeriodHistory } = {},
): Promise<ExcelNextPeriod> {
  return nextPeriodInWps(etOf(api), ask, opts);
}
