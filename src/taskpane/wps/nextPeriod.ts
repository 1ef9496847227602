/**
 * The WPS build's stand-in for hosts/excel/nextPeriod (see api.ts): 开始新一期 is not in the WPS
 * host yet (it re-generates every task sheet in place, which the WPS host does for new sheets
 * only), so the pane says so rather than fail inside Office.js.
 */
import type { Lang } from '../../core/i18n';
import type { PeriodHistory } from '../../core/period/history';
import type { AskPeriod, ExcelNextPeriod } from '../../hosts/excel/nextPeriod';
import type { ExcelApi } from '../../hosts/excel/runtime';
import { notInWps } from './api';

export type { AskPeriod, ExcelNextPeriod } from '../../hosts/excel/nextPeriod';

export function nextPeriodInExcel(
  _api: ExcelApi,
  _ask: AskPeriod,
  _opts: { lang?: Lang; from?: PeriodHistory } = {},
): Promise<ExcelNextPeriod> {
  return Promise.reject(notInWps({ zh: '开始新一期', en: 'Starting a new period' }));
}
