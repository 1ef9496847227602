/** The WPS build's stand-in for hosts/excel/marks (see api.ts). */
import type { Finding } from '../../core/findings/catalogue';
import type { NameConflict } from '../../core/generate/generate';
import type { Lang } from '../../core/i18n';
import type { FindingsSheetResult, MarkResult } from '../../hosts/excel/marks';
import type { ExcelApi } from '../../hosts/excel/runtime';
import { writeFindingsSheetInWps } from '../../hosts/wps/findingsSheet';
import { clearMarksInWps, markFindingsInWps } from '../../hosts/wps/marks';
import { etOf } from './api';

// ET answers at once: there are no round trips to count.
export async function markFindings(api: ExcelApi, findings: Finding[], lang: Lang): Promise<MarkResult> {
  return { ...(await markFindingsInWps(etOf(api), findings, lang)), syncs: 0 };
}

export async function clearMarks(api: ExcelApi): Promise<{ cleared: number; syncs: number }> {
  return { ...(await clearMarksInWps(etOf(api))), syncs: 0 };
}

export async function writeFindingsSheet(
  api: ExcelApi,
  findings: Finding[],
  lang: Lang,
  opts: { subject?: string; date?: string; confirm?: (conflicts: NameConflict[]) => Promise<boolean> } = {},
): Promise<FindingsSheetResult> {
  return { ...(await writeFindingsSheetInWps(etOf(api), findings, lang, opts)), syncs: 0 };
}
