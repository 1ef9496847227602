/** The WPS build's stand-in for hosts/excel/bulletin (see api.ts). */
import type { SummaryGrids } from '../../core/bulletin/readSummary';
import type { Lang } from '../../core/i18n';
import type { BulletinOperation, RemindersOperation } from '../../core/operations/bulletin';
import type { SheetSpec } from '../../core/sheet/spec';
import type { RemindersSheetResult } from '../../hosts/excel/bulletin';
import type { ExcelApi } from '../../hosts/excel/runtime';
import { bulletinInWps, readSummaryInWps, remindersInWps, writeRemindersSheetInWps } from '../../hosts/wps/bulletin';
import { etOf } from './api';

export function readSummaryInExcel(api: ExcelApi): Promise<SummaryGrids> {
  return readSummaryInWps(etOf(api));
}

export function bulletinInExcel(api: ExcelApi, opts: { lang: Lang; source?: string }): Promise<BulletinOperation> {
  return bulletinInWps(etOf(api), opts);
}

export function remindersInExcel(api: ExcelApi, opts: { lang: Lang; deadline?: string }): Promise<RemindersOperation> {
  return remindersInWps(etOf(api), opts);
}

export function writeRemindersSheet(
  api: ExcelApi,
  sheet: SheetSpec,
  confirmReplace: (name: string) => Promise<boolean>,
): Promise<RemindersSheetResult> {
  return writeRemindersSheetInWps(etOf(api), sheet, confirmReplace);
}
