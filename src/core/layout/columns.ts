/**
 * The columns of the standard key-task sheet (重点任务清单), as data. Year columns are made
 * from the plan period, one per year. Everything a host needs to draw a column, and
 * everything a reader needs to find it again after a user moved it, is here.
 */
import type { Label, Lang } from '../i18n';

export type FixedColumnKey =
  | 'id'
  | 'section'
  | 'task'
  | 'indicator'
  | 'unit'
  | 'kind'
  | 'target'
  | 'deadline'
  | 'lead'
  | 'cooperating'
  | 'previous'
  | 'actual'
  | 'rate'
  | 'progress'
  | 'status'
  | 'remarks';

/** `y2024` for the milestone column of 2024. */
export type YearColumnKey = `y${number}`;
/**
 * Columns of plan documents' own tables (seed 001: 序号 · 重点任务 · 完成时限和目标 · 责任单位)
 * that readers understand but the standard sheet does not write; their text is parsed.
 */
export type ForeignColumnKey = 'schedule' | 'responsibility';
export type ColumnKey = FixedColumnKey | YearColumnKey | ForeignColumnKey;

export const FOREIGN_HEADERS: Record<ForeignColumnKey, string[]> = {
  schedule: ['完成时限和目标', '完成时限及目标', '时限和目标', '目标和时限', '完成时间和目标', '时间节点', 'Deadline and targets'],
  responsibility: ['责任单位', '責任單位', '责任部门', '責任部門', 'Responsible units'],
};

export function isForeignKey(key: ColumnKey): key is ForeignColumnKey {
  return key === 'schedule' || key === 'responsibility';
}

export type ColumnType = 'text' | 'number' | 'formula' | 'choice';

/**
 * Who writes a column: the plan (the lead office when the list is made), the county (its own
 * targets and milestones in a county copy) or the reporting clerk every period.
 * `carried`: written by keytask when a new reporting period starts (the period before's figure),
 * read-only for clerks but kept on re-generation like what they filled.
 * Re-generating a sheet rewrites `plan` columns and keeps what was filled in the others.
 */
export type FilledBy = 'plan' | 'target' | 'period' | 'carried' | 'computed';

/**
 * - always: every task row needs it;
 * - measured: needed when the task is measured (its kind is not 定性/qualitative).
 */
export type Required = 'always' | 'measured' | false;

export interface ColumnDef {
  key: ColumnKey;
  header: Label;
  /**
   * Other ways a header may be written (traditional characters, older templates). Chinese
   * only: an English word counts as a header only as keytask writes it (`header.en`), since
   * `ID`, `Status` or `Target` head the columns of any English data sheet.
   */
  aliases?: string[];
  /** Excel character units */
  width: number;
  type: ColumnType;
  required: Required;
  filledBy: FilledBy;
  wrap?: boolean;
}

export const FIXED_COLUMNS: Record<FixedColumnKey, ColumnDef> = {
  id: {
    key: 'id',
    header: { zh: '序号', en: 'No.' },
    aliases: ['編號', '编号', '任务编号'],
    width: 6,
    type: 'text',
    required: 'always',
    filledBy: 'plan',
  },
  section: {
    key: 'section',
    header: { zh: '类别', en: 'Section' },
    aliases: ['類別', '分类', '任务类别'],
    width: 12,
    type: 'text',
    required: false,
    filledBy: 'plan',
    // a repeat of the section row above, wrapped: a cut-off 类别 reads as a different section on paper
    wrap: true,
  },
  task: {
    key: 'task',
    header: { zh: '重点任务', en: 'Key task' },
    aliases: ['重點任務', '任务', '任务内容'],
    width: 40,
    type: 'text',
    required: 'always',
    filledBy: 'plan',
    wrap: true,
  },
  indicator: {
    key: 'indicator',
    header: { zh: '指标', en: 'Indicator' },
    aliases: ['指標', '指标名称'],
    width: 16,
    type: 'text',
    required: false,
    filledBy: 'plan',
    wrap: true,
  },
  unit: {
    key: 'unit',
    header: { zh: '计量单位', en: 'Unit' },
    aliases: ['計量單位', '单位'],
    width: 9,
    type: 'choice',
    required: 'measured',
    filledBy: 'plan',
  },
  kind: {
    key: 'kind',
    header: { zh: '目标类型', en: 'Target type' },
    aliases: ['目標類型', '指标类型'],
    width: 9,
    type: 'choice',
    required: 'always',
    filledBy: 'plan',
  },
  target: {
    key: 'target',
    header: { zh: '目标值', en: 'Target' },
    aliases: ['目標值', '目标'],
    width: 10,
    type: 'number',
    required: 'measured',
    filledBy: 'target',
  },
  deadline: {
    key: 'deadline',
    header: { zh: '完成时限', en: 'Deadline' },
    aliases: ['完成時限', '时限'],
    width: 12,
    type: 'text',
    required: 'always',
    filledBy: 'plan',
    wrap: true,
  },
  lead: {
    key: 'lead',
    header: { zh: '牵头单位', en: 'Lead unit' },
    aliases: ['牽頭單位', '牵头部门'],
    width: 18,
    type: 'choice',
    required: 'always',
    filledBy: 'plan',
    wrap: true,
  },
  cooperating: {
    key: 'cooperating',
    header: { zh: '配合单位', en: 'Cooperating units' },
    aliases: ['配合單位'],
    width: 18,
    type: 'text',
    required: false,
    filledBy: 'plan',
    wrap: true,
  },
  // Only in sheets of a workbook that has started a period chain (next-period): today's
  // generated sheets keep their columns. No alias is a bare 完成值: that one is 本期完成值's.
  previous: {
    key: 'previous',
    header: { zh: '上期完成值', en: 'Actual (last period)' },
    aliases: ['上期完成', '上期完成数', '上期累计完成'],
    width: 11,
    type: 'number',
    required: false,
    filledBy: 'carried',
  },
  actual: {
    key: 'actual',
    header: { zh: '本期完成值', en: 'Actual (period)' },
    aliases: ['完成值', '本期完成'],
    width: 11,
    type: 'number',
    required: 'measured',
    filledBy: 'period',
  },
  rate: {
    key: 'rate',
    header: { zh: '完成率', en: 'Completion' },
    aliases: ['完成率(%)'],
    width: 9,
    type: 'formula',
    required: false,
    filledBy: 'computed',
  },
  progress: {
    key: 'progress',
    header: { zh: '进展情况', en: 'Progress' },
    aliases: ['進展情況', '进展'],
    width: 26,
    type: 'text',
    required: false,
    filledBy: 'period',
    wrap: true,
  },
  status: {
    key: 'status',
    header: { zh: '状态', en: 'Status' },
    aliases: ['狀態', '进度状态'],
    width: 10,
    type: 'choice',
    required: 'always',
    filledBy: 'period',
  },
  remarks: {
    key: 'remarks',
    header: { zh: '备注', en: 'Remarks' },
    aliases: ['備註', '说明'],
    width: 12,
    type: 'text',
    required: false,
    filledBy: 'period',
    wrap: true,
  },
};

const BEFORE_YEARS: FixedColumnKey[] = ['id', 'section', 'task', 'indicator', 'unit', 'kind', 'target', 'deadline'];
const AFTER_YEARS: FixedColumnKey[] = ['lead', 'cooperating', 'actual', 'rate', 'progress', 'status', 'remarks'];

/** Years a milestone column may be headed with: a `4807年` or `1349` is a measurement, not a plan year. */
export const PLAUSIBLE_YEARS = { min: 1990, max: 2100 } as const;

export function yearKey(year: number): YearColumnKey {
  return `y${year}`;
}

export function isYearKey(key: ColumnKey): key is YearColumnKey {
  return /^y\d{4}$/.test(key);
}

export function yearOfKey(key: YearColumnKey): number {
  return Number(key.slice(1));
}

export function yearColumn(year: number): ColumnDef {
  return {
    key: yearKey(year),
    header: { zh: `${year}年`, en: String(year) },
    width: 9,
    type: 'number',
    required: 'measured',
    filledBy: 'target',
  };
}

/**
 * The columns of a sheet for the given plan years, in sheet order; `previous`: the sheet carries
 * 上期完成值 (its workbook has started a period chain), just before 本期完成值.
 */
export function columnsFor(years: number[], opts: { previous?: boolean } = {}): ColumnDef[] {
  const after = opts.previous ? AFTER_YEARS.flatMap((k): FixedColumnKey[] => (k === 'actual' ? ['previous', k] : [k])) : AFTER_YEARS;
  return [...BEFORE_YEARS.map((k) => FIXED_COLUMNS[k]), ...years.map(yearColumn), ...after.map((k) => FIXED_COLUMNS[k])];
}

/** Header text as written in the sheet: required columns carry a leading `*`. */
export function headerText(col: ColumnDef, lang: Lang): string {
  return (col.required ? '*' : '') + col.header[lang];
}

/** The group header over the year columns. */
export const MILESTONE_GROUP: Label = { zh: '年度目标(里程碑)', en: 'Yearly milestones' };
