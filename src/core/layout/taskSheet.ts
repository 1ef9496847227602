/**
 * Builds the standard key-task sheet (重点任务清单) as a SheetSpec: title, header block
 * (填报单位 / 报送期 / 联系人 / 联系电话), a two-row column header, section rows and task rows,
 * dropdowns, number checks, required-cell marks, frozen header and A4-landscape print setup.
 */
import type { Label, Lang } from '../i18n';
import type { Plan, Task } from '../model';
import { planYears } from '../model';
import {
  type CellValue,
  type ConditionalFormatSpec,
  type DataBarSpec,
  type FormatSpec,
  type SheetSpec,
  type ValidationSpec,
  cellAddress,
  columnLetter,
  rangeAddress,
} from '../sheet/spec';
import { type Paper, printPlan, printSetup } from '../sheet/printPlan';
import { rowHeightFor, wrappedLines } from '../sheet/textFit';
import { type ColumnDef, type ColumnKey, MILESTONE_GROUP, columnsFor, headerText, isYearKey, yearKey } from './columns';
import { COMMON_UNITS, KIND_LABELS, type TaskStatus, kindLabels, statusLabels, statusLabelsOf } from './vocabulary';

/** Row indexes (0-based) of the fixed parts of the sheet. */
export const LAYOUT_ROWS = {
  title: 0,
  headerBlock: 1,
  instructions: 2,
  groupHeader: 3,
  columnHeader: 4,
  firstData: 5,
} as const;

/** The defined name that holds the unit directory's entries (the lead-unit dropdown's source). */
export const UNITS_NAME = 'KT_UNITS';

/** Blank rows, with checks and formats, left below the tasks for clerks to add to. */
export const SPARE_ROWS = 20;
/** Rows of an empty template. */
export const EMPTY_TEMPLATE_ROWS = 50;

export const HEADER_BLOCK_FIELDS = ['reportingUnit', 'period', 'contact', 'phone'] as const;
export type HeaderBlockField = (typeof HEADER_BLOCK_FIELDS)[number];

export const HEADER_BLOCK_LABELS: Record<HeaderBlockField, Label> = {
  reportingUnit: { zh: '填报单位:', en: 'Reporting unit:' },
  period: { zh: '报送期:', en: 'Reporting period:' },
  contact: { zh: '联系人:', en: 'Contact:' },
  phone: { zh: '联系电话:', en: 'Phone:' },
};

/** Where each header-block field sits: label column and the (merged) input columns. */
export const HEADER_BLOCK_CELLS: Record<HeaderBlockField, { label: number; input: [number, number] }> = {
  reportingUnit: { label: 0, input: [2, 2] },
  period: { label: 3, input: [4, 5] },
  contact: { label: 6, input: [7, 8] },
  phone: { label: 9, input: [10, 11] },
};

export type HeaderBlock = Partial<Record<HeaderBlockField, string>>;

export const TITLE_SUFFIX: Label = { zh: '重点任务清单', en: 'Key task list' };

const INSTRUCTIONS: Label = {
  zh: '填表说明:标*的列为必填(淡黄底色);带下拉箭头的单元格请从列表选择;数值列只能填写不小于0的数字,占比类填写0–100;完成率自动计算,请勿改动。',
  en: 'Columns marked * are required (pale yellow). Pick dropdown cells from the list. Number columns take numbers ≥ 0; shares take 0–100. Completion is computed; do not edit it.',
};

const COLORS = {
  title: '1F3864',
  headerFill: 'D9E1F2',
  sectionFill: 'EDEDED',
  requiredFill: 'FFF9E5',
  missingFill: 'FFD7D7',
  computedFill: 'F2F2F2',
  inputFill: 'FFFFFF',
  instructions: '595959',
};

export interface TaskSheetOptions {
  kind: 'city' | 'county';
  /** the county a county copy is for; written as its reporting unit. */
  county?: string;
  lang: Lang;
  name: string;
  key: string;
  /** values a clerk already filled, to carry into the new sheet (see preserve.ts). */
  headerBlock?: HeaderBlock;
  /** the paper it prints on, landscape; A4 unless given */
  paper?: Paper;
  /** the sheet carries 上期完成值 (its workbook has started a period chain: next-period) */
  previousColumn?: boolean;
}

/** Body text size of task rows; the print scale keeps it at least MIN_PRINTED_PT on paper. */
const BODY_SIZE = 10;
/** 序号, 类别 and 重点任务: repeated on every page width, so each printed page says which task a figure is for. */
const PRINT_TITLE_COLUMNS = 3;

/**
 * 状态 colours, red / amber / green as the issue asks: done, ahead and on schedule green, behind
 * red, not started amber (the rule gives 未开展 only when the period expects progress). Exact
 * matches as formulas rather than "contains text", which would also colour a 状态 typed as
 * 进度滞后 as if it were the list's 滞后 (and the formula kind renders alike in every host); an
 * older sheet's 正常推进 and 未开始 are matched too (statusLabelsOf). One format per colour, not
 * per status: every county copy carries them, and a workbook of twenty copies re-generated in
 * full still fits the requests it took before.
 */
const STATUS_COLORS: Array<{ statuses: TaskStatus[]; fill: string; font: string }> = [
  { statuses: ['done', 'ahead', 'onTrack'], fill: 'C6EFCE', font: '006100' },
  { statuses: ['behind'], fill: 'FFC7CE', font: '9C0006' },
  { statuses: ['notStarted'], fill: 'FFEB9C', font: '9C5700' },
];
/** `=$Q6="滞后"`, or `=OR($Q6="序时",$Q6="正常推进")` for a status with an older label. */
function statusMatch(cell: string, labels: string[]): string {
  const tests = labels.map((l) => `${cell}="${l}"`);
  return tests.length === 1 ? `=${tests[0]}` : `=OR(${tests.join(',')})`;
}
/** 上期完成值 takes no typed figure: the least a typed one would need to be. */
const CARRIED_ONLY = 1e15;
const CARRIED_NOTE: Record<'prompt' | 'error', Label> = {
  prompt: { zh: '上期完成值由开始新一期时自动填入,无需填写', en: 'Filled in by keytask when a new period starts; nothing to enter' },
  error: {
    zh: '上期完成值由 keytask 自动填入,请勿改动;本期数值请填在本期完成值列',
    en: "Filled in by keytask; do not edit it. Enter this period's figure under 本期完成值",
  },
};

/** The 完成率 data bar: full at 100 %. */
const RATE_BAR = '5B9BD5';

/** One data row of the sheet: a section heading, a task, or a blank row for clerks to fill. */
export type DataRow =
  | { type: 'section'; id: string; title: string }
  | { type: 'task'; task: Task; values?: Partial<Record<ColumnKey, CellValue>> }
  | { type: 'blank'; values?: Partial<Record<ColumnKey, CellValue>> };

/** The plan's tasks in sheet order, with a section row before each section's first task. */
export function planRows(plan: Plan): DataRow[] {
  const rows: DataRow[] = [];
  const titles = new Map(plan.sections.map((s) => [s.id, s.title]));
  let current: string | null | undefined;
  for (const task of plan.tasks) {
    if (task.section !== current) {
      current = task.section;
      if (task.section) rows.push({ type: 'section', id: task.section, title: titles.get(task.section) ?? '' });
    }
    rows.push({ type: 'task', task });
  }
  return rows;
}

export function titleOf(plan: Plan, lang: Lang): string {
  return plan.name ? `${plan.name}${lang === 'en' ? ' — ' : ''}${TITLE_SUFFIX[lang]}` : TITLE_SUFFIX[lang];
}

/** The values a task contributes to its row, by column. County copies leave targets to the county. */
function taskValues(
  task: Task,
  plan: Plan,
  opts: TaskSheetOptions,
  sectionTitles: Map<string, string>,
): Partial<Record<ColumnKey, CellValue>> {
  const v: Partial<Record<ColumnKey, CellValue>> = {
    id: task.id,
    section: task.section ? (sectionTitles.get(task.section) ?? task.section) : null,
    task: task.text,
    indicator: task.indicator ?? null,
    unit: task.target?.unit ?? firstMilestoneUnit(task),
    kind: KIND_LABELS[task.kind][opts.lang],
    deadline: task.deadline,
    lead: task.lead.join('、') || null,
    cooperating: task.cooperating.join('、') || null,
  };
  if (opts.kind === 'city') {
    v.target = task.target?.value ?? null;
    for (const m of task.milestones) {
      if (m.year >= plan.startYear && m.year <= plan.endYear) v[yearKey(m.year)] = m.value;
    }
  }
  return v;
}

function firstMilestoneUnit(task: Task): string | null {
  return task.milestones.find((m) => m.unit)?.unit ?? null;
}

/** Rows (0-based, inclusive) over which a run of consecutive predicate-true data rows spans. */
function runs(rows: DataRow[], first: number, pred: (r: DataRow) => boolean): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = -1;
  rows.forEach((r, i) => {
    if (pred(r)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push([first + start, first + i - 1]);
      start = -1;
    }
  });
  if (start >= 0) out.push([first + start, first + rows.length - 1]);
  return out;
}

export function buildTaskSheet(plan: Plan, opts: TaskSheetOptions, dataRows: DataRow[] = planRows(plan)): SheetSpec {
  const { lang } = opts;
  const years = planYears(plan);
  const columns = columnsFor(years, { previous: opts.previousColumn === true });
  const col = (key: ColumnKey): number => columns.findIndex((c) => c.key === key);
  const last = columns.length - 1;
  const width = columns.length;
  const blankRow = (): CellValue[] => new Array<CellValue>(width).fill(null);
  const sectionTitles = new Map(plan.sections.map((s) => [s.id, s.title]));

  // Data rows are followed by spare rows carrying the same checks, so added tasks get them too;
  // an empty template is all spare rows.
  const spare = Math.max(SPARE_ROWS, EMPTY_TEMPLATE_ROWS - dataRows.length);
  const allRows: DataRow[] = [...dataRows, ...Array.from({ length: spare }, (): DataRow => ({ type: 'blank' }))];
  const first = LAYOUT_ROWS.firstData;
  const lastRow = first + allRows.length - 1;

  // ---- values ----
  const values: CellValue[][] = [];
  const title = blankRow();
  title[0] = titleOf(plan, lang);
  values.push(title);

  const block = blankRow();
  const headerBlock: HeaderBlock = { ...opts.headerBlock };
  if (opts.kind === 'county' && !headerBlock.reportingUnit) headerBlock.reportingUnit = opts.county;
  for (const f of Object.keys(HEADER_BLOCK_CELLS) as HeaderBlockField[]) {
    block[HEADER_BLOCK_CELLS[f].label] = HEADER_BLOCK_LABELS[f][lang];
    block[HEADER_BLOCK_CELLS[f].input[0]] = headerBlock[f] ?? null;
  }
  values.push(block);

  const instructions = blankRow();
  instructions[0] = INSTRUCTIONS[lang];
  values.push(instructions);

  const group = blankRow();
  const header = blankRow();
  columns.forEach((c, i) => {
    if (isYearKey(c.key)) {
      header[i] = c.header[lang];
    } else {
      group[i] = headerText(c, lang);
    }
  });
  const firstYear = col(yearKey(years[0]));
  group[firstYear] = (columns[firstYear].required ? '*' : '') + MILESTONE_GROUP[lang];
  values.push(group, header);

  const rateCol = col('rate');
  const actualCol = col('actual');
  const targetCol = col('target');
  allRows.forEach((r, i) => {
    const row = blankRow();
    const rowNo = first + i;
    if (r.type === 'section') {
      row[0] = r.id;
      row[1] = r.title;
    } else {
      const v = r.type === 'task' ? { ...taskValues(r.task, plan, opts, sectionTitles), ...r.values } : (r.values ?? {});
      columns.forEach((c, ci) => {
        const value = v[c.key];
        if (value !== undefined) row[ci] = value;
      });
      // Completion rate is live: it follows what the clerk types, in Excel as in LibreOffice.
      const a = cellAddress(rowNo, actualCol);
      const t = cellAddress(rowNo, targetCol);
      row[rateCol] = { formula: `=IF(AND(ISNUMBER(${a}),ISNUMBER(${t}),${t}>0),${a}/${t},"")` };
    }
    values.push(row);
  });

  // ---- merges ----
  // Title and instructions span the first printed page width only: across page widths they
  // would print cut in two, the title's middle on a page boundary.
  const columnWidths = columns.map((c) => c.width);
  const paper = opts.paper ?? 'A4';
  const firstPage = printPlan(columnWidths, { paper, orientation: 'landscape', bodyFontPt: BODY_SIZE }).firstPageColumns;
  const lead = Math.min(last, Math.max(firstPage, HEADER_BLOCK_CELLS.phone.input[1] + 1) - 1);
  const merges: string[] = [rangeAddress(0, 0, 0, lead), rangeAddress(2, 0, 2, lead)];
  for (const f of Object.keys(HEADER_BLOCK_CELLS) as HeaderBlockField[]) {
    const [a, b] = HEADER_BLOCK_CELLS[f].input;
    if (b > a) merges.push(rangeAddress(1, a, 1, b));
  }
  if (HEADER_BLOCK_CELLS.reportingUnit.label + 1 < HEADER_BLOCK_CELLS.reportingUnit.input[0]) {
    merges.push(rangeAddress(1, 0, 1, HEADER_BLOCK_CELLS.reportingUnit.input[0] - 1));
  }
  columns.forEach((c, i) => {
    if (!isYearKey(c.key)) merges.push(rangeAddress(LAYOUT_ROWS.groupHeader, i, LAYOUT_ROWS.columnHeader, i));
  });
  const lastYear = firstYear + years.length - 1;
  if (lastYear > firstYear) merges.push(rangeAddress(LAYOUT_ROWS.groupHeader, firstYear, LAYOUT_ROWS.groupHeader, lastYear));
  allRows.forEach((r, i) => {
    if (r.type === 'section') merges.push(rangeAddress(first + i, 1, first + i, last));
  });

  // ---- formats (later entries win) ----
  const formats: FormatSpec[] = [
    {
      range: rangeAddress(0, 0, 0, last),
      style: { bold: true, fontSize: 16, fontColor: COLORS.title, hAlign: 'center', vAlign: 'middle' },
    },
    { range: rangeAddress(1, 0, 1, last), style: { fontSize: 11, vAlign: 'middle' } },
    { range: rangeAddress(2, 0, 2, last), style: { fontSize: BODY_SIZE, fontColor: COLORS.instructions, wrap: true, vAlign: 'middle' } },
    {
      range: rangeAddress(LAYOUT_ROWS.groupHeader, 0, LAYOUT_ROWS.columnHeader, last),
      style: { bold: true, fill: COLORS.headerFill, hAlign: 'center', vAlign: 'middle', wrap: true, border: true },
    },
    { range: rangeAddress(first, 0, lastRow, last), style: { vAlign: 'top', border: true, fontSize: BODY_SIZE } },
  ];
  for (const f of Object.keys(HEADER_BLOCK_CELLS) as HeaderBlockField[]) {
    const [a, b] = HEADER_BLOCK_CELLS[f].input;
    formats.push({
      range: rangeAddress(1, HEADER_BLOCK_CELLS[f].label, 1, HEADER_BLOCK_CELLS[f].label),
      style: { bold: true, hAlign: 'right' },
    });
    formats.push({ range: rangeAddress(1, a, 1, b), style: { numFmt: '@', fill: COLORS.requiredFill, border: true, hAlign: 'left' } });
  }
  columns.forEach((c, i) => {
    const range = rangeAddress(first, i, lastRow, i);
    formats.push({ range, style: columnStyle(c) });
  });
  // Required cells of task rows: pale yellow so clerks see what they must fill.
  const taskRuns = runs(allRows, first, (r) => r.type !== 'section');
  columns.forEach((c, i) => {
    if (!c.required) return;
    for (const [a, b] of taskRuns) formats.push({ range: rangeAddress(a, i, b, i), style: { fill: COLORS.requiredFill } });
  });
  formats.push({ range: rangeAddress(first, rateCol, lastRow, rateCol), style: { fill: COLORS.computedFill } });
  // 上期完成值 is keytask's, carried from the period before: grey like the computed 完成率.
  const previousCol = col('previous');
  if (previousCol >= 0)
    formats.push({ range: rangeAddress(first, previousCol, lastRow, previousCol), style: { fill: COLORS.computedFill } });
  allRows.forEach((r, i) => {
    if (r.type === 'section')
      formats.push({
        range: rangeAddress(first + i, 0, first + i, last),
        style: { bold: true, fill: COLORS.sectionFill, wrap: false, numFmt: '@' },
      });
  });

  // ---- validations ----
  const validations: ValidationSpec[] = [];
  const nonSection = (range: (a: number, b: number) => string, make: (range: string) => ValidationSpec): void => {
    for (const [a, b] of taskRuns) validations.push(make(range(a, b)));
  };
  const choice = (
    key: ColumnKey,
    valuesOrRef: string[] | string,
    errorStyle: ValidationSpec['errorStyle'],
    prompt: Label,
    error: Label,
  ): void => {
    const ci = col(key);
    nonSection(
      (a, b) => rangeAddress(a, ci, b, ci),
      (range) => ({
        range,
        rule: typeof valuesOrRef === 'string' ? { type: 'listRef', ref: valuesOrRef } : { type: 'list', values: valuesOrRef },
        errorStyle,
        allowBlank: true,
        promptTitle: columns[ci].header[lang],
        prompt: prompt[lang],
        errorTitle: columns[ci].header[lang],
        error: error[lang],
      }),
    );
  };
  choice(
    'unit',
    [...COMMON_UNITS],
    'warning',
    { zh: '从列表选择计量单位,或输入其他单位', en: 'Pick a unit, or type another' },
    { zh: '该单位不在常用列表中,确认使用吗?', en: 'This unit is not in the list. Use it anyway?' },
  );
  choice(
    'kind',
    kindLabels(lang),
    'stop',
    { zh: '累计:逐年累加;年度:每年单独计;占比:0–100的百分数;定性:无数值', en: 'Cumulative, annual, share (0–100) or qualitative' },
    { zh: '请从列表中选择目标类型', en: 'Pick a target type from the list' },
  );
  choice(
    'status',
    statusLabels(lang),
    'stop',
    { zh: '请选择本期状态', en: "Pick this period's status" },
    { zh: '请从列表中选择状态', en: 'Pick a status from the list' },
  );
  choice(
    'lead',
    UNITS_NAME,
    'warning',
    { zh: '从单位名录选择牵头单位;多个单位用“、”分隔', en: 'Pick from the unit directory; separate several with 、' },
    { zh: '该单位不在单位名录中,确认使用吗?', en: 'This unit is not in the unit directory. Use it anyway?' },
  );

  // Number checks: ≥ 0 everywhere, 0–100 on rows whose target type is a share.
  const kindOf = (r: DataRow): string | undefined => (r.type === 'task' ? r.task.kind : undefined);
  const shareRuns = runs(allRows, first, (r) => kindOf(r) === 'share');
  const plainRuns = runs(allRows, first, (r) => r.type !== 'section' && kindOf(r) !== 'share');
  columns.forEach((c, ci) => {
    if (c.type !== 'number') return;
    if (c.filledBy === 'carried') {
      // Read-only without protecting the sheet (which would lock clerks out of more than this
      // column): no figure a clerk types passes, while keytask's own writes are not checked.
      for (const [a, b] of taskRuns) {
        validations.push({
          range: rangeAddress(a, ci, b, ci),
          rule: { type: 'decimal', operator: 'greaterThanOrEqual', value: CARRIED_ONLY },
          errorStyle: 'stop',
          allowBlank: true,
          promptTitle: c.header[lang],
          prompt: CARRIED_NOTE.prompt[lang],
          errorTitle: c.header[lang],
          error: CARRIED_NOTE.error[lang],
        });
      }
      return;
    }
    for (const [a, b] of plainRuns) {
      validations.push({
        range: rangeAddress(a, ci, b, ci),
        rule: { type: 'decimal', operator: 'greaterThanOrEqual', value: 0 },
        errorStyle: 'stop',
        allowBlank: true,
        errorTitle: c.header[lang],
        error: lang === 'zh' ? '请填写不小于0的数字' : 'Enter a number ≥ 0',
      });
    }
    for (const [a, b] of shareRuns) {
      validations.push({
        range: rangeAddress(a, ci, b, ci),
        rule: { type: 'decimal', operator: 'between', min: 0, max: 100 },
        errorStyle: 'stop',
        allowBlank: true,
        errorTitle: c.header[lang],
        error: lang === 'zh' ? '占比请填写0–100之间的数字' : 'Enter a share between 0 and 100',
      });
    }
  });

  // ---- required cells left empty turn pale red (task rows only: column A holds an id) ----
  const conditionalFormats: ConditionalFormatSpec[] = [];
  const kindCol = columnLetter(col('kind'));
  const qualitative = KIND_LABELS.qualitative[lang];
  const idCol = columnLetter(col('id'));
  const periodInput = HEADER_BLOCK_CELLS.period.input[0];
  const periodCell = `$${columnLetter(periodInput)}$${LAYOUT_ROWS.headerBlock + 1}`;
  columns.forEach((c, ci) => {
    if (!c.required || c.key === 'id') return;
    const here = cellAddress(first, ci);
    const id = `$${idCol}${first + 1}`;
    // Section rows carry `(一)` or `（一）` in column A; they need nothing.
    const isTask = `LEN(${id})>0,LEFT(${id},1)<>"(",LEFT(${id},1)<>"（"`;
    const measured = c.required === 'measured' ? `,$${kindCol}${first + 1}<>"${qualitative}"` : '';
    // What is reported each period is only missing once a reporting period is named.
    const reporting = c.filledBy === 'period' ? `,LEN(${periodCell})>0` : '';
    conditionalFormats.push({
      range: rangeAddress(first, ci, lastRow, ci),
      formula: `=AND(${isTask}${measured}${reporting},LEN(TRIM(${here}))=0)`,
      fill: COLORS.missingFill,
    });
  });

  const statusCol = col('status');
  const statusCell = `$${columnLetter(statusCol)}${first + 1}`;
  for (const c of STATUS_COLORS) {
    conditionalFormats.push({
      range: rangeAddress(first, statusCol, lastRow, statusCol),
      formula: statusMatch(
        statusCell,
        c.statuses.flatMap((st) => statusLabelsOf(st, lang)),
      ),
      fill: c.fill,
      fontColor: c.font,
    });
  }
  const dataBars: DataBarSpec[] = [{ range: rangeAddress(first, rateCol, lastRow, rateCol), color: RATE_BAR, min: 0, max: 1 }];
  const leadWidth = columnWidths.slice(0, lead + 1).reduce((a, b) => a + b, 0);
  const instructionsHeight = rowHeightFor(wrappedLines(INSTRUCTIONS[lang], leadWidth), BODY_SIZE, 30);

  return {
    key: opts.key,
    name: opts.name,
    kind: opts.kind,
    county: opts.county,
    visibility: 'visible',
    columnWidths,
    rowHeights: { 0: 30, 1: 22, 2: instructionsHeight, 3: 20, 4: 20, ...dataRowHeights(values, columns, first, allRows) },
    values,
    formats,
    merges,
    validations,
    conditionalFormats,
    dataBars,
    freeze: { rows: LAYOUT_ROWS.columnHeader + 1, columns: col('task') + 1 },
    print: printSetup(columnWidths, {
      paper,
      bodyFontPt: BODY_SIZE,
      titleColumns: PRINT_TITLE_COLUMNS,
      titleRows: `$${LAYOUT_ROWS.groupHeader + 1}:$${LAYOUT_ROWS.columnHeader + 1}`,
      area: rangeAddress(0, 0, lastRow, last),
    }),
    tabColor: opts.kind === 'city' ? '2F5597' : '70AD47',
  };
}

/** Points per line of 10-point text, and the least a data row gets. */
const LINE_HEIGHT = 13.5;
const MIN_ROW_HEIGHT = 18;

/** Excel width units a text needs: CJK characters are about two digits wide. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 2 : 1.1;
  return w;
}

/**
 * Row heights for wrapped text. Neither Excel nor LibreOffice grows a row for wrapped text in
 * a file they open, so the layout sizes each data row for its longest wrapped cell.
 */
function dataRowHeights(values: CellValue[][], columns: ColumnDef[], first: number, rows: DataRow[]): Record<number, number> {
  const heights: Record<number, number> = {};
  for (let r = first; r < values.length; r++) {
    let lines = 1;
    // A section heading spans the row; it never wraps.
    if (rows[r - first]?.type === 'section') {
      heights[r] = MIN_ROW_HEIGHT;
      continue;
    }
    columns.forEach((c, ci) => {
      const v = values[r][ci];
      if (!c.wrap || typeof v !== 'string' || !v) return;
      lines = Math.max(lines, Math.ceil(textWidth(v) / Math.max(1, c.width - 1)));
    });
    heights[r] = Math.max(MIN_ROW_HEIGHT, Math.ceil(lines * LINE_HEIGHT + 4));
  }
  return heights;
}

function columnStyle(c: ColumnDef): FormatSpec['style'] {
  switch (c.type) {
    case 'number':
      return { numFmt: 'General', hAlign: 'right' };
    case 'formula':
      return { numFmt: '0.0%', hAlign: 'right' };
    default:
      // Text columns are formatted as text so a value typed or written there is never a formula.
      return { numFmt: '@', wrap: c.wrap ?? false, hAlign: c.key === 'id' ? 'center' : 'left' };
  }
}
