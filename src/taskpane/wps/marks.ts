/**
 * The WPS build's stand-in for hosts/excel/marks (see api.ts): the findings sheet is written;
 * marks on the cells (fills and notes) are not drawn in WPS yet.
 */
import type { Finding } from '../../core/findings/catalogue';
import type { NameConflict } from '../../core/generate/generate';
import type { Lang } from '../../core/i18n';
import type { FindingsSheetResult, MarkResult } from '../../hosts/excel/marks';
import type { ExcelApi } from '../../hosts/excel/runtime';
import { writeFindingsSheetInWps } from '../../hosts/wps/findingsSheet';
import { etOf, notInWps } from './api';

const MARKS = { zh: '标注问题单元格', en: 'Marking cells' };

export function markFindings(_api: ExcelApi, _findings: Finding[], _lang: Lang): Promise<MarkResult> {
  return Promise.reject(notInWps(MARKS));
}

export function clearMarks(_api: ExcelApi): Promise<{ cleared: number; syncs: number }> {
  return Promise.reject(notInWps(MARKS));
}

export async function writeFindingsSheet(
  api: ExcelApi,
  findings: Finding[],
  lang: Lang,
  opts: { subject?: string; date?: string; confirm?: (conflicts: NameConflict[]) => Promise<boolean> } = {},
): Promise<FindingsSheetResult> {
  // ET answers at once: there are no round trips to count.
  return { ...(await writeFindingsSheetInWps(etOf(api), findings, lang, opts)), syncs: 0 };
}
