/** The WPS build's stand-in for hosts/excel/bulletin (see api.ts). */
import type { SummaryGrids } from '../../core/bulletin/readSummary';
import type { Lang } from '../../core/i18n';
import type { BulletinOperation } from '../../core/operations/bulletin';
import type { ExcelApi } from '../../hosts/excel/runtime';
import { bulletinInWps, readSummaryInWps } from '../../hosts/wps/bulletin';
import { etOf } from './api';

export function readSummaryInExcel(api: ExcelApi): Promise<SummaryGrids> {
  return readSummaryInWps(etOf(api));
}

export function bulletinInExcel(api: ExcelApi, opts: { lang: Lang; source?: string }): Promise<BulletinOperation> {
  return bulletinInWps(etOf(api), opts);
}
