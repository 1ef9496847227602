/**
 * The findings sheet (审核意见): what a reviewer sends back to a county. One row per finding,
 * each with a link to the cell it is about; counts by severity at the top.
 */
import { SEVERITY_LABELS, type Finding, summarize } from '../findings/catalogue';
import type { Label, Lang } from '../i18n';
import { type CellValue, type FormatSpec, type SheetSpec, rangeAddress } from '../sheet/spec';
import { linkFormula } from './links';

export const FINDINGS_SHEET_NAME: Label = { zh: '审核意见', en: 'Review findings' };

const HEADERS: Label[] = [
  { zh: '序号', en: 'No.' },
  { zh: '严重程度', en: 'Severity' },
  { zh: '代码', en: 'Code' },
  { zh: '工作表', en: 'Sheet' },
  { zh: '单元格', en: 'Cell' },
  { zh: '任务序号', en: 'Task' },
  { zh: '说明', en: 'Message' },
];

const SEVERITY_FILL = { error: 'FFD7D7', warning: 'FFF2CC', info: 'DDEBF7' } as const;

export function buildFindingsSheet(findings: Finding[], opts: { lang: Lang; name?: string; subject: string; date: string }): SheetSpec {
  const { lang } = opts;
  const s = summarize(findings);
  const width = HEADERS.length;
  const row = (...cells: CellValue[]): CellValue[] => [...cells, ...new Array<CellValue>(width - cells.length).fill(null)];
  const title = lang === 'zh' ? `审核意见:${opts.subject}(${opts.date})` : `Review findings: ${opts.subject} (${opts.date})`;
  const counts =
    lang === 'zh'
      ? `共${s.total}条:错误${s.bySeverity.error}条,警告${s.bySeverity.warning}条,提示${s.bySeverity.info}条`
      : `${s.total} findings: ${s.bySeverity.error} errors, ${s.bySeverity.warning} warnings, ${s.bySeverity.info} notes`;
  const values: CellValue[][] = [row(title), row(counts), HEADERS.map((h) => h[lang])];
  const formats: FormatSpec[] = [
    { range: rangeAddress(0, 0, 0, width - 1), style: { bold: true, fontSize: 14 } },
    { range: rangeAddress(2, 0, 2, width - 1), style: { bold: true, fill: 'D9E1F2', border: true, hAlign: 'center' } },
  ];
  findings.forEach((f, i) => {
    const r = values.length;
    values.push([
      i + 1,
      SEVERITY_LABELS[f.severity][lang],
      f.code,
      f.sheet,
      f.cell ? { formula: linkFormula(f.sheet, f.cell, f.cell) } : null,
      f.taskId,
      f.message,
    ]);
    formats.push({ range: rangeAddress(r, 1, r, 1), style: { fill: SEVERITY_FILL[f.severity] } });
  });
  const last = values.length - 1;
  if (last >= 3) {
    formats.push({ range: rangeAddress(3, 0, last, width - 1), style: { border: true, vAlign: 'top' } });
    formats.push({ range: rangeAddress(3, 2, last, 3), style: { numFmt: '@' } });
    formats.push({ range: rangeAddress(3, 5, last, 6), style: { numFmt: '@', wrap: true } });
  }
  return {
    key: 'findings',
    name: opts.name ?? FINDINGS_SHEET_NAME[lang],
    kind: 'findings',
    visibility: 'visible',
    columnWidths: [6, 10, 26, 16, 10, 10, 70],
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
