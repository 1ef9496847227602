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
import { rowHeightFor, wrappedLines } from '../sheet/textFit';
import { linkFormula } from './links';

export const FINDINGS_SHEET_NAME: Label = { zh: '审核意见', en: 'Review findings' };

const COLUMNS: Array<{ header: Label; width: number }> = [
  { header: { zh: '序号', en: 'No.' }, width: 6 },
  { header: { zh: '严重程度', en: 'Severity' }, width: 9 },
  { header: { zh: '问题', en: 'Problem' }, width: 15 },
  { header: { zh: '工作表', en: 'Sheet' }, width: 11 },
  { header: { zh: '单元格', en: 'Cells' }, width: 12 },
  { header: { zh: '任务序号', en: 'Task' }, width: 9 },
  { header: { zh: '重点任务', en: 'Key task' }, width: 32 },
  { header: { zh: '说明', en: 'Message' }, width: 40 },
];

const SEVERITY_FILL = { error: 'FFD7D7', warning: 'FFF2CC', info: 'DDEBF7' } as const;
/** Body text size: at least 9 pt once the sheet is fitted to the paper's width. */
const BODY_SIZE = 10;

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
  const width = COLUMNS.length;
  const row = (...cells: CellValue[]): CellValue[] => [...cells, ...new Array<CellValue>(width - cells.length).fill(null)];
  const title = lang === 'zh' ? `审核意见:${opts.subject}(${opts.date})` : `Review findings: ${opts.subject} (${opts.date})`;
  const counts =
    lang === 'zh'
      ? `共${s.total}条:错误${s.bySeverity.error}条,警告${s.bySeverity.warning}条,提示${s.bySeverity.info}条`
      : `${s.total} findings: ${s.bySeverity.error} errors, ${s.bySeverity.warning} warnings, ${s.bySeverity.info} notes`;
  const values: CellValue[][] = [row(title), row(counts), COLUMNS.map((c) => c.header[lang])];
  const rowHeights: Record<number, number> = { 0: 24, 1: 18, 2: 20 };
  const formats: FormatSpec[] = [
    { range: rangeAddress(0, 0, 0, width - 1), style: { bold: true, fontSize: 14 } },
    { range: rangeAddress(1, 0, 1, width - 1), style: { fontSize: BODY_SIZE } },
    {
      range: rangeAddress(2, 0, 2, width - 1),
      style: { bold: true, fill: 'D9E1F2', border: true, hAlign: 'center', vAlign: 'middle', fontSize: BODY_SIZE },
    },
  ];
  const at = (sheet: string): { sheet: string; file: string | undefined } => opts.locate?.(sheet) ?? { sheet, file: opts.linkFile };
  triage(findings, lang).forEach((e, i) => {
    const r = values.length;
    const cells = cellList(e.cells);
    const first = e.cells[0];
    const where = at(e.sheet);
    const texts: string[] = [
      String(i + 1),
      SEVERITY_LABELS[e.severity][lang],
      entryTitle(e),
      e.sheet,
      cells,
      e.taskIds,
      e.taskText ?? '',
      entryMessage(e, lang),
    ];
    values.push([
      i + 1,
      texts[1],
      texts[2],
      e.sheet,
      first ? { formula: linkFormula(where.sheet, first, cells, where.file) } : null,
      e.taskIds || null,
      e.taskText,
      texts[7],
    ]);
    rowHeights[r] = rowHeightFor(Math.max(...texts.map((t, c) => wrappedLines(t, COLUMNS[c].width))), BODY_SIZE);
    formats.push({ range: rangeAddress(r, 1, r, 1), style: { fill: SEVERITY_FILL[e.severity] } });
  });
  const last = values.length - 1;
  if (last >= 3) {
    formats.push({ range: rangeAddress(3, 0, last, width - 1), style: { border: true, vAlign: 'top', wrap: true, fontSize: BODY_SIZE } });
    // Text stays text (a county's words never become a formula); the link column keeps its formula.
    formats.push({ range: rangeAddress(3, 2, last, 3), style: { numFmt: '@' } });
    formats.push({ range: rangeAddress(3, 5, last, width - 1), style: { numFmt: '@' } });
    formats.push({ range: rangeAddress(3, 4, last, 4), style: { fontColor: '0563C1' } });
  }
  return {
    key: 'findings',
    name: opts.name ?? FINDINGS_SHEET_NAME[lang],
    kind: 'findings',
    visibility: 'visible',
    columnWidths: COLUMNS.map((c) => c.width),
    rowHeights,
    values,
    formats,
    merges: [rangeAddress(0, 0, 0, width - 1), rangeAddress(1, 0, 1, width - 1)],
    validations: [],
    conditionalFormats: [],
    freeze: { rows: 3, columns: 0 },
    print: { orientation: 'landscape', paper: 'A4', titleRows: '$3:$3', fitToWidth: true },
    autoFilter: rangeAddress(2, 0, Math.max(last, 2), width - 1),
    tabColor: 'C00000',
  };
}
