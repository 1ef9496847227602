/**
 * The catalogue of findings: every problem keytask reports, with a stable kebab-case code, a
 * severity and a plain message in both languages. Validation, roll-up and plan import all
 * report in this one shape, so the pane, the CLI and the findings sheet render them alike.
 *
 * Severity: error — the figure is wrong or unusable; warning — a reviewer should look;
 * info — a note (how keytask read something it had to interpret).
 */
import type { Label, Lang } from '../i18n';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_LABELS: Record<Severity, Label> = {
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '警告', en: 'Warning' },
  info: { zh: '提示', en: 'Info' },
};

export type Params = Record<string, string | number>;

interface CodeDef {
  severity: Severity;
  title: Label;
  message: (p: Params) => Label;
}

const def = (severity: Severity, title: Label, message: (p: Params) => Label): CodeDef => ({ severity, title, message });

export const CATALOGUE = {
  // ---- milestones and targets ----
  'milestone-decreasing': def('error', { zh: '累计目标下降', en: 'Cumulative milestone goes down' }, (p) => ({
    zh: `累计目标${p.year}年为${p.value},低于${p.prevYear}年的${p.prevValue}`,
    en: `Cumulative milestone for ${p.year} (${p.value}) is below ${p.prevYear} (${p.prevValue})`,
  })),
  'milestone-final-mismatch': def('error', { zh: '末年目标与目标值不符', en: 'Final milestone does not meet the target' }, (p) =>
    p.missingYear
      ? { zh: `完成时限为${p.missingYear}年,但该年没有目标`, en: `The deadline is ${p.missingYear} but that year has no milestone` }
      : {
          zh: `${p.year}年目标为${p.value},未达到目标值${p.target}`,
          en: `The ${p.year} milestone (${p.value}) does not reach the target (${p.target})`,
        },
  ),
  'milestone-unit-mismatch': def('warning', { zh: '目标单位不一致', en: 'Milestone unit differs' }, (p) =>
    p.unit
      ? {
          zh: `${p.year}年目标的单位“${p.unit}”与目标值单位“${p.targetUnit}”不一致`,
          en: `The ${p.year} milestone is in "${p.unit}" but the target is in "${p.targetUnit}"`,
        }
      : {
          zh: `${p.year}年目标“${p.text}”缺少单位(目标值单位为“${p.targetUnit}”)`,
          en: `The ${p.year} milestone "${p.text}" has no unit (the target is in "${p.targetUnit}")`,
        },
  ),
  'milestone-year-out-of-period': def('error', { zh: '年份超出规划期', en: 'Year outside the plan period' }, (p) =>
    p.order
      ? { zh: `年份顺序颠倒:${p.year}年写在${p.prevYear}年之后`, en: `Years out of order: ${p.year} comes after ${p.prevYear}` }
      : { zh: `${p.year}年不在规划期${p.start}—${p.end}年内`, en: `${p.year} is outside the plan period ${p.start}–${p.end}` },
  ),
  'share-out-of-range': def('error', { zh: '占比超出0–100', en: 'Share outside 0–100' }, (p) => ({
    zh: `占比类指标的${p.field}为${p.value},应在0–100之间`,
    en: `${p.field} of a share is ${p.value}; it must be within 0–100`,
  })),
  'target-missing': def('error', { zh: '缺少目标值', en: 'Target missing' }, () => ({
    zh: '量化任务没有目标值',
    en: 'A measured task has no target value',
  })),
  'target-unit-missing': def('warning', { zh: '目标缺少单位', en: 'Target has no unit' }, (p) => ({
    zh: `目标值${p.value}没有计量单位`,
    en: `The target ${p.value} has no unit`,
  })),
  'progress-behind': def('warning', { zh: '进度滞后', en: 'Behind schedule' }, (p) => ({
    zh: `截至${p.period},完成${p.actual},低于序时进度${p.expected}`,
    en: `By ${p.period}, ${p.actual} done, below the time-proportional ${p.expected}`,
  })),
  'number-invalid': def('error', { zh: '数值无效', en: 'Not a number' }, (p) => ({
    zh: `${p.field}应为数字,实为“${p.text}”`,
    en: `${p.field} should be a number, found "${p.text}"`,
  })),
  'number-unit-mismatch': def('error', { zh: '数值单位不符', en: 'Figure in another unit' }, (p) => ({
    zh: `${p.field}填写“${p.text}”,单位“${p.unit}”无法换算为本任务的“${p.expected}”,未采用该数值`,
    en: `${p.field} reads "${p.text}": "${p.unit}" does not convert to the task's "${p.expected}"; the figure is not used`,
  })),
  'number-approximate': def('error', { zh: '数值不确切', en: 'Figure not exact' }, (p) => ({
    zh: `${p.field}填写“${p.text}”,不是确切数值,请填写确数;未采用该数值`,
    en: `${p.field} reads "${p.text}", which is not an exact figure; enter the figure itself. Not used`,
  })),
  'number-converted': def('info', { zh: '数值已换算', en: 'Figure converted' }, (p) => ({
    zh: `${p.field}填写“${p.text}”,按本任务单位“${p.unit}”计为${p.value}`,
    en: `${p.field} reads "${p.text}", taken as ${p.value} in the task's unit "${p.unit}"`,
  })),
  'milestone-increasing': def('error', { zh: '越低越好的目标上升', en: 'Lower-is-better milestone goes up' }, (p) => ({
    zh: `该指标越低越好,${p.year}年目标为${p.value},高于${p.prevYear}年的${p.prevValue}`,
    en: `Lower is better here, but the ${p.year} milestone (${p.value}) is above ${p.prevYear} (${p.prevValue})`,
  })),
  'progress-above-ceiling': def('warning', { zh: '进度滞后(越低越好)', en: 'Behind schedule (lower is better)' }, (p) => ({
    zh: `截至${p.period},实际为${p.actual},高于应控制的${p.expected}`,
    en: `By ${p.period}, the figure is ${p.actual}, above the ${p.expected} it should stay within`,
  })),
  // ---- responsibility ----
  'lead-missing': def('error', { zh: '缺少牵头单位', en: 'No lead unit' }, () => ({
    zh: '任务没有牵头单位',
    en: 'The task has no lead unit',
  })),
  'unit-unknown': def('warning', { zh: '单位不在名录中', en: 'Unit not in the directory' }, (p) =>
    p.suggestion
      ? {
          zh: `“${p.unit}”不在单位名录中,是否应为“${p.suggestion}”?`,
          en: `"${p.unit}" is not in the unit directory; did you mean "${p.suggestion}"?`,
        }
      : { zh: `“${p.unit}”不在单位名录中`, en: `"${p.unit}" is not in the unit directory` },
  ),
  'unit-lead-and-cooperating': def('warning', { zh: '单位既牵头又配合', en: 'Unit both leads and cooperates' }, (p) => ({
    zh: `“${p.unit}”同时列为牵头单位和配合单位`,
    en: `"${p.unit}" is listed both as lead and as cooperating unit`,
  })),
  'responsibility-unparsed': def('warning', { zh: '责任单位无法识别', en: 'Responsibility not understood' }, (p) => ({
    zh: `无法从“${p.text}”中识别出单位`,
    en: `No units could be read from "${p.text}"`,
  })),
  'lead-first-listed': def('info', { zh: '按首位单位确定牵头', en: 'Lead taken as the first listed unit' }, (p) => ({
    zh: `未写明牵头单位,按惯例以列第一位的“${p.unit}”为牵头单位`,
    en: `No lead is named; "${p.unit}", listed first, is taken as lead`,
  })),
  // ---- plan import ----
  'import-target-unclear': def('warning', { zh: '目标值不明确', en: 'Target unclear' }, (p) =>
    p.target
      ? {
          zh: `任务中有多个数值(${p.candidates}),暂取“${p.target}”为目标值,请核对`,
          en: `The task gives several figures (${p.candidates}); "${p.target}" was taken as the target, please check`,
        }
      : {
          zh: `任务中的数值(${p.candidates})未写作目标,未取为目标值,请核对`,
          en: `The figures in the task (${p.candidates}) are not worded as goals and were not taken as the target, please check`,
        },
  ),
  'import-lead-assumed': def('info', { zh: '牵头单位按首组确定', en: 'Lead taken from the first group' }, (p) => ({
    zh: `任务有多组责任单位,按第一组取“${p.lead}”为牵头单位;其他组列第一位的为“${p.others}”`,
    en: `The task names several groups of units; "${p.lead}" (first group) was taken as lead; other groups list "${p.others}" first`,
  })),
  'import-unit-unclear': def('warning', { zh: '单位名称无法确定', en: 'Unit name unclear' }, (p) =>
    p.suggestion
      ? {
          zh: `“${p.unit}”疑为“${p.suggestion}”之误,未列入单位名录`,
          en: `"${p.unit}" looks like a slip for "${p.suggestion}"; it was left out of the unit directory`,
        }
      : {
          zh: `无法确定“${p.unit}”是一个单位还是几个单位,请核对`,
          en: `Cannot tell whether "${p.unit}" is one unit or several, please check`,
        },
  ),
  'import-schedule-unread': def('warning', { zh: '完成时限无法识别', en: 'Schedule not understood' }, (p) => ({
    zh: `无法识别“${p.text}”中的年份目标`,
    en: `Could not read a yearly milestone from "${p.text}"`,
  })),
  'import-truncated': def('warning', { zh: '任务文本不完整', en: 'Task text cut off' }, (p) => ({
    zh: `文档在此任务中途截断(“${p.text}”),缺失的内容(如责任单位、目标值)未作推断,请补全`,
    en: `The document stops partway through this task ("${p.text}"); what is missing (units, target) was not guessed, please complete it`,
  })),
  // ---- structure and completeness ----
  'county-unfilled': def('warning', { zh: '未填报', en: 'Not filled in' }, (p) => ({
    zh: `本表尚未填报:目标、年度目标和进展均为空(${p.blanks}处必填空白,不逐一列出)`,
    en: `This copy has not been filled in: no targets, milestones or progress (${p.blanks} blank required cells, not listed one by one)`,
  })),
  'required-missing': def('error', { zh: '必填项为空', en: 'Required field empty' }, (p) => ({
    zh: `必填项“${p.field}”为空`,
    en: `Required field "${p.field}" is empty`,
  })),
  'task-id-duplicate': def('error', { zh: '序号重复', en: 'Duplicate task id' }, (p) => ({
    zh: `序号${p.id}重复(另见${p.other})`,
    en: `Task id ${p.id} is used twice (also at ${p.other})`,
  })),
  'task-id-missing': def('error', { zh: '缺少序号', en: 'Task id missing' }, () => ({
    zh: '任务行没有序号,无法与其他表对应',
    en: 'A task row has no id, so it cannot be matched with other sheets',
  })),
  'header-missing': def('error', { zh: '找不到表头', en: 'Header not found' }, () => ({
    zh: '未找到任务清单表头(序号、重点任务等),无法审核此表',
    en: 'No task-list header (No., Key task …) was found; the sheet cannot be checked',
  })),
  'column-missing': def('error', { zh: '缺少必填列', en: 'Required column missing' }, (p) => ({
    zh: `表中没有“${p.field}”列`,
    en: `The sheet has no "${p.field}" column`,
  })),
  'merged-cells': def('warning', { zh: '合并单元格跨任务行', en: 'Merged cells across task rows' }, (p) => ({
    zh: `合并单元格${p.range}跨越多个任务行,只有第一行有值`,
    en: `Merged cells ${p.range} span several task rows; only the first holds the value`,
  })),
  // ---- roll-up ----
  'task-missing': def('error', { zh: '县区缺少任务', en: 'County lacks a task' }, (p) => ({
    zh: `${p.county}的表中没有序号${p.id}(${p.text})`,
    en: `${p.county}'s sheet has no task ${p.id} (${p.text})`,
  })),
  'task-extra': def('warning', { zh: '县区多出任务', en: 'Task not in the city list' }, (p) => ({
    zh: `${p.county}的序号${p.id}(${p.text})不在市级清单中,未汇总`,
    en: `${p.county}'s task ${p.id} (${p.text}) is not in the city list and was not rolled up`,
  })),
  'task-text-mismatch': def('error', { zh: '序号与任务内容不符', en: 'Same id, different task' }, (p) => ({
    zh: `${p.county}的序号${p.id}为“${p.countyText}”,市级清单为“${p.text}”,可能被重新编号,未汇总`,
    en: `${p.county}'s task ${p.id} reads "${p.countyText}" but the city's reads "${p.text}"; renumbered? Not rolled up`,
  })),
  'county-duplicate': def('error', { zh: '重复报送', en: 'Two submissions for one county' }, (p) => ({
    zh: `${p.county}报送了两份(${p.first};${p.second}),只汇总第一份`,
    en: `${p.county} sent two submissions (${p.first}; ${p.second}); only the first is rolled up`,
  })),
  'county-missing': def('warning', { zh: '未报送', en: 'No submission' }, (p) => ({
    zh: `${p.county}未报送`,
    en: `${p.county} has sent nothing`,
  })),
  'county-sum-below-target': def(
    'warning',
    { zh: '县区目标合计低于市级目标', en: 'County targets add up to less than the city target' },
    (p) => ({
      zh: `各县区${p.field}合计${p.sum},低于市级${p.target}`,
      en: `The counties' ${p.field} add up to ${p.sum}, below the city's ${p.target}`,
    }),
  ),
  'county-unit-mismatch': def('error', { zh: '县区计量单位不一致', en: 'County uses another unit' }, (p) => ({
    zh: `${p.county}的计量单位为“${p.unit}”,与市级“${p.cityUnit}”不可换算,未汇总`,
    en: `${p.county} reports in "${p.unit}", which does not convert to the city's "${p.cityUnit}"; not rolled up`,
  })),
  'submission-foreign': def('error', { zh: '报送文件不属于本清单', en: 'Submission belongs to another list' }, (p) => ({
    zh: `${p.source}不是本清单的报送:${p.reason};其数值均未汇总`,
    en: `${p.source} is not a submission for this list: ${p.reason}; none of its figures were rolled up`,
  })),
  'rollup-empty': def('error', { zh: '没有可汇总的报送', en: 'Nothing to roll up' }, () => ({
    zh: '没有一个县(市、区)的报送能与市级清单对应,汇总为空;请检查报送文件是否为本清单的县区表',
    en: 'No county submission matches the city list, so the roll-up is empty; check that the files are county copies of this list',
  })),
  'figure-excluded': def('warning', { zh: '数值未计入汇总', en: 'Figure left out of the totals' }, (p) => ({
    zh: `${p.county}序号${p.id}的${p.field}(${p.value})因“${p.reason}”未计入合计和排名`,
    en: `${p.county}'s ${p.field} of task ${p.id} (${p.value}) is left out of the totals and the ranking: ${p.reason}`,
  })),
  'submission-unreadable': def('error', { zh: '报送文件无法读取', en: 'Submission cannot be read' }, (p) => ({
    zh: `无法读取${p.source}:${p.reason}`,
    en: `Cannot read ${p.source}: ${p.reason}`,
  })),
} satisfies Record<string, CodeDef>;

export type FindingCode = keyof typeof CATALOGUE;

export const FINDING_CODES = Object.keys(CATALOGUE) as FindingCode[];

export interface Finding {
  code: FindingCode;
  severity: Severity;
  sheet: string;
  /** A1 address of the cell the finding points at, or null for the whole sheet */
  cell: string | null;
  taskId: string | null;
  message: string;
  params: Params;
  /** the text of the task the finding is about, where the sheet has it */
  taskText?: string;
  /**
   * On a county copy: the city sheet whose task list holds the same mistake in the same cell
   * (the county inherited it). Shown once, on the city sheet.
   */
  inheritedFrom?: string;
}

export function finding(
  code: FindingCode,
  lang: Lang,
  at: { sheet: string; cell: string | null; taskId: string | null },
  params: Params = {},
): Finding {
  const d: CodeDef = CATALOGUE[code];
  return { code, severity: d.severity, ...at, message: d.message(params)[lang], params };
}

export interface FindingSummary {
  total: number;
  bySeverity: Record<Severity, number>;
  byCode: Partial<Record<FindingCode, number>>;
}

export function summarize(findings: Finding[]): FindingSummary {
  const s: FindingSummary = { total: findings.length, bySeverity: { error: 0, warning: 0, info: 0 }, byCode: {} };
  for (const f of findings) {
    s.bySeverity[f.severity]++;
    s.byCode[f.code] = (s.byCode[f.code] ?? 0) + 1;
  }
  return s;
}
