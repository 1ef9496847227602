/**
 * The columns of the report sheets (汇总, 填报情况, 排名, 审核意见), as data, like FIXED_COLUMNS
 * for the task sheet: each column's header in both languages, its width and the style of its
 * cells. A column made once per year or per county is one entry whose header names the item.
 * The builders take every position from here once the years and counties are known, so a
 * column added or moved is one line in a table.
 */
import type { Label, Lang } from '../i18n';
import type { StatusField } from '../rollup/rollup';
import { type CellStyle, type CellValue, type FormatSpec, rangeAddress } from '../sheet/spec';
import { rowHeightFor, wrappedLines } from '../sheet/textFit';

export interface ReportColumn<K extends string> {
  key: K;
  /** a function when the column repeats, one per item (a year, a county) */
  header: Label | ((item: string) => Label);
  /** Excel character units */
  width: number;
  /** the style of its body cells; neighbours with the same style share one format */
  style?: CellStyle;
}

export interface ReportLayout<K extends string> {
  /** the row of the column headers (0-based); the body starts below it */
  headerRow: number;
  head: CellStyle;
  /** the style of the whole body, before the columns' own */
  body: CellStyle;
  columns: ReadonlyArray<ReportColumn<K>>;
}

/** Report sheets print and show links in Excel's own link blue. */
export const LINK_COLOR = '0563C1';
export const HEADER_FILL = 'D9E1F2';
export const TOTAL_FILL = 'E2EFDA';
/** The one item of a column shown only when the roll-up has a previous period. */
export const WITH_PREVIOUS = ['previous'] as const;
/** The size of text without a size of its own: the workbook's default font (Excel's and ExcelJS's). */
export const DEFAULT_FONT_PT = 11;
/** Body text size of the findings sheet: at least 9 pt once the sheet is fitted to the paper's width. */
export const FINDINGS_BODY_SIZE = 10;

const TEXT: CellStyle = { numFmt: '@', wrap: true };
const TOTAL: CellStyle = { fill: TOTAL_FILL };

export type SummaryColumnKey =
  | 'id'
  | 'task'
  | 'unit'
  | 'how'
  | 'cityTarget'
  | 'countyTargets'
  | 'years'
  | 'prevTotal'
  | 'actual'
  | 'delta'
  | 'rate'
  | 'range'
  | 'notes'
  | 'excluded'
  | 'counties';

export const SUMMARY_LAYOUT: ReportLayout<SummaryColumnKey> = {
  headerRow: 2,
  head: { bold: true, fill: HEADER_FILL, wrap: true, border: true, hAlign: 'center', vAlign: 'middle' },
  body: { border: true, vAlign: 'top' },
  columns: [
    { key: 'id', header: { zh: '序号', en: 'No.' }, width: 6, style: TEXT },
    { key: 'task', header: { zh: '重点任务', en: 'Key task' }, width: 40, style: TEXT },
    { key: 'unit', header: { zh: '计量单位', en: 'Unit' }, width: 9, style: TEXT },
    { key: 'how', header: { zh: '汇总方式', en: 'Roll-up' }, width: 14, style: TEXT },
    { key: 'cityTarget', header: { zh: '市级目标', en: 'City target' }, width: 10 },
    { key: 'countyTargets', header: { zh: '县区目标合计', en: 'County targets' }, width: 12, style: TOTAL },
    { key: 'years', header: (y) => ({ zh: `${y}年目标合计`, en: `${y} milestones` }), width: 11, style: TOTAL },
    // 上期合计 and 环比增量 stand either side of 本期完成合计 (the 本期合计) only when the roll-up
    // has a previous period: placed with one item then, none otherwise.
    { key: 'prevTotal', header: () => ({ zh: '上期合计', en: 'Previous total' }), width: 12, style: TOTAL },
    { key: 'actual', header: { zh: '本期完成合计', en: 'Actual (total)' }, width: 12, style: TOTAL },
    { key: 'delta', header: () => ({ zh: '环比增量', en: 'Change on last period' }), width: 11, style: TOTAL },
    { key: 'rate', header: { zh: '完成率', en: 'Completion' }, width: 9, style: { numFmt: '0.0%', fill: TOTAL_FILL } },
    { key: 'range', header: { zh: '最小/最大(不合计项)', en: 'Min / max (not summed)' }, width: 22, style: TEXT },
    { key: 'notes', header: { zh: '各县区进展', en: 'County progress notes' }, width: 30, style: TEXT },
    {
      key: 'excluded',
      header: { zh: '未计入合计(有错误或未填的县区数值)', en: 'Not in the totals (county figures with errors, or blank)' },
      width: 30,
      style: TEXT,
    },
    { key: 'counties', header: (c) => ({ zh: `${c}完成值`, en: `${c} actual` }), width: 12, style: { fontColor: LINK_COLOR } },
  ],
};

const FIELD_LABELS: Record<StatusField, Label> = {
  target: { zh: '目标值', en: 'Targets' },
  milestones: { zh: '年度目标', en: 'Milestones' },
  actual: { zh: '本期完成值', en: 'Actuals' },
  status: { zh: '状态', en: 'Status' },
};

/** One `fields` column per status field (STATUS_FIELDS), filled/required. */
export type StatusColumnKey = 'county' | 'submitted' | 'source' | 'fields' | 'gaps';

export const STATUS_LAYOUT: ReportLayout<StatusColumnKey> = {
  headerRow: 2,
  head: { bold: true, fill: HEADER_FILL, wrap: true, border: true, hAlign: 'center' },
  body: { border: true, numFmt: '@', vAlign: 'top', wrap: true },
  columns: [
    { key: 'county', header: { zh: '县(市、区)', en: 'County' }, width: 14 },
    { key: 'submitted', header: { zh: '是否报送', en: 'Submitted' }, width: 9 },
    // 来源 and 缺项任务序号 wrap: narrow enough for the sheet to print on one A4 width at 9 pt or more
    { key: 'source', header: { zh: '来源', en: 'Source' }, width: 18 },
    {
      key: 'fields',
      header: (f) => ({
        zh: `${FIELD_LABELS[f as StatusField].zh}(已填/应填)`,
        en: `${FIELD_LABELS[f as StatusField].en} (filled/required)`,
      }),
      width: 14,
    },
    { key: 'gaps', header: { zh: '缺项任务序号', en: 'Tasks with gaps' }, width: 30 },
  ],
};

export type RankingColumnKey = 'rank' | 'county' | 'score' | 'tasks' | 'prevRank' | 'rankChange';

export const RANKING_LAYOUT: ReportLayout<RankingColumnKey> = {
  headerRow: 3,
  head: { bold: true, fill: HEADER_FILL, border: true, hAlign: 'center' },
  body: { border: true },
  columns: [
    { key: 'rank', header: { zh: '名次', en: 'Rank' }, width: 8 },
    { key: 'county', header: { zh: '县(市、区)', en: 'County' }, width: 16, style: { numFmt: '@' } },
    { key: 'score', header: { zh: '得分(%)', en: 'Score (%)' }, width: 10, style: { numFmt: '0.0' } },
    { key: 'tasks', header: { zh: '计分任务数', en: 'Tasks scored' }, width: 12 },
    // with a previous period only (one item then, none otherwise), like 汇总's 上期合计
    { key: 'prevRank', header: () => ({ zh: '上期名次', en: 'Previous rank' }), width: 9 },
    { key: 'rankChange', header: () => ({ zh: '名次变化', en: 'Change' }), width: 9, style: { numFmt: '@', hAlign: 'center' } },
  ],
};

export type FindingsColumnKey = 'no' | 'severity' | 'title' | 'sheet' | 'cells' | 'taskIds' | 'taskText' | 'message';

/** Text stays text (a county's words never become a formula); the link column keeps its formula. */
const WORDS: CellStyle = { numFmt: '@' };

export const FINDINGS_LAYOUT: ReportLayout<FindingsColumnKey> = {
  headerRow: 2,
  head: { bold: true, fill: HEADER_FILL, border: true, hAlign: 'center', vAlign: 'middle', fontSize: FINDINGS_BODY_SIZE },
  body: { border: true, vAlign: 'top', wrap: true, fontSize: FINDINGS_BODY_SIZE },
  columns: [
    { key: 'no', header: { zh: '序号', en: 'No.' }, width: 6 },
    // filled per row by severity
    { key: 'severity', header: { zh: '严重程度', en: 'Severity' }, width: 9 },
    { key: 'title', header: { zh: '问题', en: 'Problem' }, width: 15, style: WORDS },
    { key: 'sheet', header: { zh: '工作表', en: 'Sheet' }, width: 11, style: WORDS },
    { key: 'cells', header: { zh: '单元格', en: 'Cells' }, width: 10, style: { fontColor: LINK_COLOR } },
    { key: 'taskIds', header: { zh: '任务序号', en: 'Task' }, width: 9, style: WORDS },
    // The two long texts wrap, so the sheet prints on one A4 width with its text at 9 pt.
    { key: 'taskText', header: { zh: '重点任务', en: 'Key task' }, width: 24, style: WORDS },
    { key: 'message', header: { zh: '说明', en: 'Message' }, width: 32, style: WORDS },
  ],
};

/** A layout placed on a sheet: where each column stands once the repeated items are known. */
export interface PlacedLayout<K extends string> {
  /** how many columns */
  width: number;
  widths: number[];
  headers(lang: Lang): string[];
  /** the (first) column of a key */
  at(key: K): number;
  /** a row: each key's value, or a repeated key's values, at its place; what is left out is blank */
  row(values: Partial<Record<K, CellValue | readonly CellValue[]>>): CellValue[];
  /** the header row's format */
  headFormat(): FormatSpec;
  /** the body's formats for rows first..last: the whole body, then each run of columns of one style */
  bodyFormats(first: number, last: number): FormatSpec[];
  /**
   * The height in points a row of these cells needs for its wrapping columns to show whole
   * (the header row with `head`): neither Excel nor LibreOffice grows a row in a file it opens.
   */
  heightOf(cells: readonly CellValue[], part: 'head' | 'body'): number;
}

export function placeColumns<K extends string>(
  layout: ReportLayout<K>,
  items: Partial<Record<K, readonly string[]>> = {},
): PlacedLayout<K> {
  // Each table column as the sheet's columns it becomes: one, or one per item.
  const labels = (c: ReportColumn<K>): Label[] => (typeof c.header === 'function' ? (items[c.key] ?? []).map(c.header) : [c.header]);
  const placed: Array<ReportColumn<K> & { label: Label }> = [];
  const start = new Map<K, number>();
  for (const c of layout.columns) {
    start.set(c.key, placed.length);
    for (const label of labels(c)) placed.push({ ...c, label });
  }
  const width = placed.length;
  return {
    width,
    widths: placed.map((c) => c.width),
    headers: (lang) => placed.map((c) => c.label[lang]),
    at: (key) => start.get(key)!,
    row: (values) =>
      layout.columns.flatMap((c): CellValue[] => {
        const v = values[c.key];
        if (typeof c.header !== 'function') return [(v as CellValue | undefined) ?? null];
        return (items[c.key] ?? []).map((_, i) => (v as readonly CellValue[] | undefined)?.[i] ?? null);
      }),
    heightOf: (cells, part) => {
      const partStyle = part === 'head' ? layout.head : layout.body;
      const lines = cells.map((v, i) => {
        const wraps = (part === 'body' ? placed[i]?.style?.wrap : undefined) ?? partStyle.wrap;
        return wraps && typeof v === 'string' && v ? wrappedLines(v, placed[i].width) : 1;
      });
      return rowHeightFor(Math.max(1, ...lines), partStyle.fontSize ?? DEFAULT_FONT_PT, part === 'head' ? 20 : 15);
    },
    headFormat: () => ({ range: rangeAddress(layout.headerRow, 0, layout.headerRow, width - 1), style: layout.head }),
    bodyFormats: (first, last) => {
      const formats: FormatSpec[] = [{ range: rangeAddress(first, 0, last, width - 1), style: layout.body }];
      if (width === 0) return formats;
      let from = 0;
      for (let c = 1; c <= width; c++) {
        const style = placed[from].style;
        if (c < width && sameStyle(placed[c].style, style)) continue;
        if (style) formats.push({ range: rangeAddress(first, from, last, c - 1), style });
        from = c;
      }
      return formats;
    },
  };
}

function sameStyle(a: CellStyle | undefined, b: CellStyle | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
