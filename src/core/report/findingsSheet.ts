/**
 * The findings sheet (审核意见): what a reviewer sends back to a county, in the order it is
 * worked through — errors, then warnings, then notes. Identical findings are one row listing
 * their cells (the first linked); each row names the task and says what is wrong. The header
 * row carries a filter, so a reviewer can show one sheet, one kind or one severity.
 */
import { SEVERITY_LABELS, type Finding, summarize } from '../findings/catalogue';
import { type FindingEntry, cellList, entryTitle, triage } from '../findings/triage';
import type { Label, Lang } from '../i18n';
import { type CellValue, type FormatSpec, type SheetSpec, rangeAddress } from '../sheet/spec';
import { printSetup } from '../sheet/printPlan';
import { rowHeightFor, wrappedLines } from '../sheet/textFit';
import { FINDINGS_BODY_SIZE, FINDINGS_LAYOUT, type FindingsColumnKey, placeColumns } from './columns';
import { linkFormula } from './links';

export const FINDINGS_SHEET_NAME: Label = { zh: '审核意见', en: 'Review findings' };

const SEVERITY_FILL = { error: 'FFD7D7', warning: 'FFF2CC', info: 'DDEBF7' } as const;

/** The message with where else it stands: the county copies that inherited it. */
export function entryMessage(e: FindingEntry, lang: Lang): string {
  if (e.alsoIn.length)
    return lang === 'zh'
      ? `${e.message}(各县区表沿用:${e.alsoIn.join('、')})`
      : `${e.message} (also in the county copies ${e.alsoIn.join(', ')})`;
  if (e.inheritedFrom)
    return lang === 'zh' ? `${e.message}(沿用市级清单“${e.inheritedFrom}”)` : `${e.message} (as in the city list "${e.inheritedFrom}")`;
  return e.message;
}

export interface FindingsSheetOptions {
  lang: Lang;
  name?: string;
  subject: string;
  date: string;
  /** the file the cells are in, when the sheet is a file of its own beside it */
  linkFile?: string;
  /** a finding's `file!sheet` as the file to link to and the sheet in it (null: a sheet of linkFile) */
  locate?: (sheet: string) => { file: string; sheet: string } | null;
}

export function buildFindingsSheet(findings: Finding[], opts: FindingsSheetOptions): SheetSpec {
  const { lang } = opts;
  const s = summarize(findings);
  const layout = placeColumns(FINDINGS_LAYOUT);
  const width = layout.width;
  const row = (...cells: CellValue[]): CellValue[] => [...cells, ...new Array<CellValue>(width - cells.length).fill(null)];
  const title = lang === 'zh' ? `审核意见:${opts.subject}(${opts.date})` : `Review findings: ${opts.subject} (${opts.date})`;
  const counts =
    lang === 'zh'
      ? `共${s.total}条:错误${s.bySeverity.error}条,警告${s.bySeverity.warning}条,提示${s.bySeverity.info}条`
      : `${s.total} findings: ${s.bySeverity.error} errors, ${s.bySeverity.warning} warnings, ${s.bySeverity.info} notes`;
  const values: CellValue[][] = [row(title), row(counts), layout.headers(lang)];
  const rowHeights: Record<number, number> = { 0: 24, 1: 18, 2: layout.heightOf(layout.headers(lang), 'head') };
  const formats: FormatSpec[] = [
    { range: rangeAddress(0, 0, 0, width - 1), style: { bold: true, fontSize: 14 } },
    { range: rangeAddress(1, 0, 1, width - 1), style: { fontSize: FINDINGS_BODY_SIZE } },
    layout.headFormat(),
  ];
  triage(findings, lang).forEach((e, i) => {
    const r = values.length;
    const cells = cellList(e.cells);
    // What each column shows, as text: the row is as tall as its longest.
    const texts: Record<FindingsColumnKey, string> = {
      no: String(i + 1),
      severity: SEVERITY_LABELS[e.severity][lang],
      title: entryTitle(e),
      sheet: e.sheet,
      cells,
      taskIds: e.taskIds,
      taskText: e.taskText ?? '',
      message: entryMessage(e, lang),
    };
    values.push(layout.row({ ...texts, no: i + 1, cells: cellsLink(e, cells, opts), taskIds: e.taskIds || null, taskText: e.taskText }));
    const lines = layout.row(texts).map((t, c) => wrappedLines(String(t), layout.widths[c]));
    rowHeights[r] = rowHeightFor(Math.max(...lines), FINDINGS_BODY_SIZE);
    const sev = layout.at('severity');
    formats.push({ range: rangeAddress(r, sev, r, sev), style: { fill: SEVERITY_FILL[e.severity] } });
  });
  const head = FINDINGS_LAYOUT.headerRow;
  const last = values.length - 1;
  if (last > head) formats.push(...layout.bodyFormats(head + 1, last));
  return {
    key: 'findings',
    name: opts.name ?? FINDINGS_SHEET_NAME[lang],
    kind: 'findings',
    visibility: 'visible',
    columnWidths: layout.widths,
    rowHeights,
    values,
    formats,
    merges: [rangeAddress(0, 0, 0, width - 1), rangeAddress(1, 0, 1, width - 1)],
    validations: [],
    conditionalFormats: [],
    freeze: { rows: head + 1, columns: 0 },
    // 序号 repeats if a page width cannot hold the sheet (it fits A4 landscape at full size today).
    print: printSetup(layout.widths, { bodyFontPt: FINDINGS_BODY_SIZE, titleColumns: 1, titleRows: `$${head + 1}:$${head + 1}` }),
    autoFilter: rangeAddress(head, 0, Math.max(last, head), width - 1),
    tabColor: 'C00000',
  };
}

/** The cells column: the entry's cells, linked to the first (in this workbook, in `linkFile`, or in the file `locate` names). */
function cellsLink(e: FindingEntry, cells: string, opts: FindingsSheetOptions): CellValue {
  const first = e.cells[0];
  const where = opts.locate?.(e.sheet) ?? { sheet: e.sheet, file: opts.linkFile };
  return first ? { formula: linkFormula(where.sheet, first, cells, where.file) } : null;
}
