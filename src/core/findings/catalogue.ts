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

/** A figure as the message shows it: the number, or the text it was written as. */
type Shown = string | number;

/**
 * Every parameter a finding's message may name, with what it holds. The JSON output carries
 * them as `params`, so the names are part of keytask's interface.
 */
interface Fields {
  /** a task's id (序号) */
  id: string;
  /** another place the same id stands (a cell, or `line 12` in a plan document) */
  other: string;
  /** a task's text, or a cell's text as typed */
  text: string;
  /** the name of a column or field (目标值, 2025年目标 …) */
  field: string;
  /** a plan year, or several joined with 、 */
  year: Shown;
  prevYear: number;
  /** the deadline year that has no milestone */
  missingYear: number;
  /** the plan period */
  start: number;
  end: number;
  /** 1 when the years are out of order rather than out of the period */
  order: 1;
  value: Shown;
  prevValue: Shown;
  target: Shown;
  sum: Shown;
  actual: Shown;
  expected: Shown;
  /** the reporting period (报送期) */
  period: string;
  /** a 状态 as the clerk wrote it */
  status: string;
  /** the 状态 the 序时进度 rule gives (period/statusRule.ts) */
  ruleStatus: string;
  /** the period before it in the workbook's history */
  prevPeriod: string;
  unit: string;
  targetUnit: string;
  cityUnit: string;
  /** the directory's unit a misspelt name most likely means */
  suggestion: string;
  /** figures a plan's task text gives, joined with 、 */
  candidates: string;
  lead: string;
  others: string;
  sheet: string;
  /** how many blank required cells an unfilled copy has */
  blanks: number;
  /** a merged range */
  range: string;
  county: string;
  /** the county's text of a task */
  countyText: string;
  /** the two submissions of one county */
  first: string;
  second: string;
  /** a submission's file or sheet */
  source: string;
  reason: string;
}
type Field = keyof Fields;

/** A code's params: the fields its message names, and the ones a variant of it leaves out. */
type Takes<Needed extends Field, Optional extends Field = never> = Pick<Fields, Needed> & Partial<Pick<Fields, Optional>>;

interface CodeDef<P> {
  severity: Severity;
  title: Label;
  /** one line for the pane and the README: what the finding means and what to do */
  about: Label;
  message: (p: P) => Label;
}

const def = <P = Takes<never>>(severity: Severity, title: Label, about: Label, message: (p: P) => Label): CodeDef<P> => ({
  severity,
  title,
  about,
  message,
});

export const CATALOGUE = {
  // ---- milestones and targets ----
  'milestone-decreasing': def(
    'error',
    { zh: '累计目标下降', en: 'Cumulative milestone goes down' },
    {
      zh: '累计型任务的年度目标应逐年不减;请核对该年和上一年的目标',
      en: "A cumulative task's yearly milestones must not go down; check this year's and the previous year's",
    },
    (p: Takes<'year' | 'value' | 'prevYear' | 'prevValue'>) => ({
      zh: `累计目标${p.year}年为${p.value},低于${p.prevYear}年的${p.prevValue}`,
      en: `Cumulative milestone for ${p.year} (${p.value}) is below ${p.prevYear} (${p.prevValue})`,
    }),
  ),
  'milestone-final-mismatch': def(
    'error',
    { zh: '末年目标与目标值不符', en: 'Final milestone does not meet the target' },
    {
      zh: '完成时限那一年的目标应达到任务目标值;请补上该年目标或核对目标值',
      en: "The deadline year's milestone must reach the task's target; add it or check the target",
    },
    (p: Takes<'missingYear'> | Takes<'year' | 'value' | 'target'>) =>
      'missingYear' in p
        ? { zh: `完成时限为${p.missingYear}年,但该年没有目标`, en: `The deadline is ${p.missingYear} but that year has no milestone` }
        : {
            zh: `${p.year}年目标为${p.value},未达到目标值${p.target}`,
            en: `The ${p.year} milestone (${p.value}) does not reach the target (${p.target})`,
          },
  ),
  'milestone-unit-mismatch': def(
    'warning',
    { zh: '目标单位不一致', en: 'Milestone unit differs' },
    {
      zh: '年度目标的单位与目标值不同或未写单位,无法比较;请按目标值的单位填写',
      en: "A milestone's unit differs from the target's, or is missing, so they cannot be compared; use the target's unit",
    },
    (p: Takes<'year' | 'unit' | 'targetUnit'> | Takes<'year' | 'text' | 'targetUnit'>) =>
      'unit' in p
        ? {
            zh: `${p.year}年目标的单位“${p.unit}”与目标值单位“${p.targetUnit}”不一致`,
            en: `The ${p.year} milestone is in "${p.unit}" but the target is in "${p.targetUnit}"`,
          }
        : {
            zh: `${p.year}年目标“${p.text}”缺少单位(目标值单位为“${p.targetUnit}”)`,
            en: `The ${p.year} milestone "${p.text}" has no unit (the target is in "${p.targetUnit}")`,
          },
  ),
  'milestone-year-out-of-period': def(
    'error',
    { zh: '年份超出规划期', en: 'Year outside the plan period' },
    {
      zh: '年度目标的年份不在规划期内或顺序颠倒;请核对年份',
      en: "A milestone's year lies outside the plan period, or the years are out of order; check the years",
    },
    (p: Takes<'year' | 'start' | 'end'> | Takes<'year' | 'prevYear' | 'order'>) =>
      'order' in p
        ? { zh: `年份顺序颠倒:${p.year}年写在${p.prevYear}年之后`, en: `Years out of order: ${p.year} comes after ${p.prevYear}` }
        : { zh: `${p.year}年不在规划期${p.start}—${p.end}年内`, en: `${p.year} is outside the plan period ${p.start}–${p.end}` },
  ),
  'share-out-of-range': def(
    'error',
    { zh: '占比超出0–100', en: 'Share outside 0–100' },
    {
      zh: '占比类任务的数值是百分数,应在0到100之间;请核对是否多写或少写了位数',
      en: 'A share is a percentage between 0 and 100; check for a misplaced digit',
    },
    (p: Takes<'field' | 'value'>) => ({
      zh: `占比类指标的${p.field}为${p.value},应在0–100之间`,
      en: `${p.field} of a share is ${p.value}; it must be within 0–100`,
    }),
  ),
  'target-missing': def(
    'error',
    { zh: '缺少目标值', en: 'Target missing' },
    {
      zh: '量化任务没有目标值,无法计算完成率;请填写目标值,或将类型改为定性',
      en: 'A measured task without a target has no completion rate; fill in the target or mark the task qualitative',
    },
    () => ({ zh: '量化任务没有目标值', en: 'A measured task has no target value' }),
  ),
  'target-unit-missing': def(
    'warning',
    { zh: '目标缺少单位', en: 'Target has no unit' },
    {
      zh: '目标值没有计量单位,填报数值无法换算核对;请填写计量单位',
      en: 'Without a unit, reported figures cannot be converted or checked against the target; fill in the unit',
    },
    (p: Takes<'value'>) => ({ zh: `目标值${p.value}没有计量单位`, en: `The target ${p.value} has no unit` }),
  ),
  'progress-behind': def(
    'warning',
    { zh: '进度滞后', en: 'Behind schedule' },
    {
      zh: '本期完成值低于按时间均摊的应完成量;请核对数值,或在进展情况中说明原因',
      en: 'The actual is below the time-proportional share of the target; check it, or explain in the progress notes',
    },
    (p: Takes<'period' | 'actual' | 'expected'>) => ({
      zh: `截至${p.period},完成${p.actual},低于序时进度${p.expected}`,
      en: `By ${p.period}, ${p.actual} done, below the time-proportional ${p.expected}`,
    }),
  ),
  'number-invalid': def(
    'error',
    { zh: '数值无效', en: 'Not a number' },
    {
      zh: '数值栏填写的不是数字,该数值未计入合计;请只填数字',
      en: 'A figure cell holds something other than a number and is not counted; enter the number only',
    },
    (p: Takes<'field' | 'text'>) => ({
      zh: `${p.field}应为数字,实为“${p.text}”`,
      en: `${p.field} should be a number, found "${p.text}"`,
    }),
  ),
  'number-unit-mismatch': def(
    'error',
    { zh: '数值单位不符', en: 'Figure in another unit' },
    {
      zh: '填写的数值单位无法换算为任务单位,该数值未计入合计;请按任务单位重填',
      en: "The figure's unit does not convert to the task's unit, so it is not counted; re-enter it in the task's unit",
    },
    (p: Takes<'field' | 'text' | 'unit' | 'expected'>) => ({
      zh: `${p.field}填写“${p.text}”,单位“${p.unit}”无法换算为本任务的“${p.expected}”,未采用该数值`,
      en: `${p.field} reads "${p.text}": "${p.unit}" does not convert to the task's "${p.expected}"; the figure is not used`,
    }),
  ),
  'number-approximate': def(
    'error',
    { zh: '数值不确切', en: 'Figure not exact' },
    {
      zh: '数值写成了约数或界限(如“约4家”“4家以上”),未计入合计;请填写确切数值',
      en: 'The figure is approximate or a bound (约4家, 4家以上) and is not counted; enter the exact figure',
    },
    (p: Takes<'field' | 'text'>) => ({
      zh: `${p.field}填写“${p.text}”,不是确切数值,请填写确数;未采用该数值`,
      en: `${p.field} reads "${p.text}", which is not an exact figure; enter the figure itself. Not used`,
    }),
  ),
  'number-converted': def(
    'info',
    { zh: '数值已换算', en: 'Figure converted' },
    {
      zh: '数值带有单位或“万”“亿”等写法,已换算为任务单位计入;请确认换算结果',
      en: "The figure was written with a unit or 万/亿 and was converted to the task's unit; check the result",
    },
    // A task without a unit has no unit to name: its figure is a plain count, the 万/亿/千/百 multiplied out.
    (p: Takes<'field' | 'text' | 'unit' | 'value'>) =>
      p.unit === ''
        ? {
            zh: `${p.field}填写“${p.text}”,计为${p.value}(本任务未填计量单位)`,
            en: `${p.field} reads "${p.text}", taken as ${p.value} (the task has no unit)`,
          }
        : {
            zh: `${p.field}填写“${p.text}”,按本任务单位“${p.unit}”计为${p.value}`,
            en: `${p.field} reads "${p.text}", taken as ${p.value} in the task's unit "${p.unit}"`,
          },
  ),
  'milestone-increasing': def(
    'error',
    { zh: '越低越好的目标上升', en: 'Lower-is-better milestone goes up' },
    {
      zh: '越低越好的指标(如失业率、PM2.5)年度目标应逐年不升;请核对该年和上一年的目标',
      en: "A lower-is-better indicator's yearly milestones (unemployment, PM2.5) must not go up; check this year's and the previous year's",
    },
    (p: Takes<'year' | 'value' | 'prevYear' | 'prevValue'>) => ({
      zh: `该指标越低越好,${p.year}年目标为${p.value},高于${p.prevYear}年的${p.prevValue}`,
      en: `Lower is better here, but the ${p.year} milestone (${p.value}) is above ${p.prevYear} (${p.prevValue})`,
    }),
  ),
  'progress-above-ceiling': def(
    'warning',
    { zh: '进度滞后(越低越好)', en: 'Behind schedule (lower is better)' },
    {
      zh: '越低越好的指标本期实际高于应控制的水平;请核对填报值或说明原因',
      en: 'A lower-is-better figure is above the level it should stay within by now; check it or explain why',
    },
    (p: Takes<'period' | 'actual' | 'expected'>) => ({
      zh: `截至${p.period},实际为${p.actual},高于应控制的${p.expected}`,
      en: `By ${p.period}, the figure is ${p.actual}, above the ${p.expected} it should stay within`,
    }),
  ),
  'status-differs-from-rule': def(
    'warning',
    { zh: '状态与序时进度不符', en: 'Status differs from the schedule rule' },
    {
      zh: '填报的状态与按序时进度判断的状态不同,未被改动;请核对状态或本期完成值',
      en: 'The status filled in differs from the one the time-proportional rule gives and was left as it is; check the status or the actual',
    },
    (p: Takes<'status' | 'ruleStatus' | 'period' | 'actual', 'expected'>) =>
      p.expected !== undefined
        ? {
            zh: `状态填为“${p.status}”,按序时进度应为“${p.ruleStatus}”(截至${p.period},完成${p.actual},序时进度${p.expected})`,
            en: `Status is "${p.status}" but the schedule rule gives "${p.ruleStatus}" (by ${p.period}, ${p.actual} done, time-proportional ${p.expected})`,
          }
        : {
            zh: `状态填为“${p.status}”,按序时进度应为“${p.ruleStatus}”(截至${p.period},完成${p.actual})`,
            en: `Status is "${p.status}" but the schedule rule gives "${p.ruleStatus}" (by ${p.period}, ${p.actual} done)`,
          },
  ),
  'reporting-period-unread': def(
    'warning',
    { zh: '报送期无法识别', en: 'Reporting period not read' },
    {
      zh: '表头的报送期为空或读不出年份和期次,无法按序时进度填写状态;请填写如“2024年第3季度”“2024年9月”“2024年上半年”',
      en: 'The reporting period in the header is blank or gives no year and period, so no status can be filled from the schedule; write e.g. 2024年第3季度, 2024年9月 or 2024年上半年',
    },
    (p: Takes<never, 'text'>) =>
      p.text
        ? { zh: `报送期“${p.text}”无法识别,状态未填写`, en: `The reporting period "${p.text}" cannot be read; no status was filled` }
        : { zh: '未填写报送期,状态未填写', en: 'No reporting period is given; no status was filled' },
  ),
  // ---- responsibility ----
  'lead-missing': def(
    'error',
    { zh: '缺少牵头单位', en: 'No lead unit' },
    { zh: '每项任务都要有牵头单位;请填写牵头单位', en: 'Every task needs a lead unit; fill it in' },
    () => ({ zh: '任务没有牵头单位', en: 'The task has no lead unit' }),
  ),
  'unit-unknown': def(
    'warning',
    { zh: '单位不在名录中', en: 'Unit not in the directory' },
    {
      zh: '责任单位不在单位名录中,可能是简称或笔误;请按名录中的全称填写',
      en: 'A responsible unit is not in the unit directory, perhaps abbreviated or misspelt; use the name in the directory',
    },
    (p: Takes<'unit', 'suggestion'>) =>
      p.suggestion
        ? {
            zh: `“${p.unit}”不在单位名录中,是否应为“${p.suggestion}”?`,
            en: `"${p.unit}" is not in the unit directory; did you mean "${p.suggestion}"?`,
          }
        : { zh: `“${p.unit}”不在单位名录中`, en: `"${p.unit}" is not in the unit directory` },
  ),
  'unit-lead-and-cooperating': def(
    'warning',
    { zh: '单位既牵头又配合', en: 'Unit both leads and cooperates' },
    {
      zh: '同一单位同时列为牵头和配合单位;请从配合单位中删去',
      en: 'One unit is listed both as lead and as cooperating unit; remove it from the cooperating units',
    },
    (p: Takes<'unit'>) => ({
      zh: `“${p.unit}”同时列为牵头单位和配合单位`,
      en: `"${p.unit}" is listed both as lead and as cooperating unit`,
    }),
  ),
  'responsibility-unparsed': def(
    'warning',
    { zh: '责任单位无法识别', en: 'Responsibility not understood' },
    {
      zh: '责任单位一栏中读不出单位名称;请写明单位,多个单位用顿号分隔',
      en: 'No unit names could be read from the responsibility text; name the units, separated by 、',
    },
    (p: Takes<'text'>) => ({ zh: `无法从“${p.text}”中识别出单位`, en: `No units could be read from "${p.text}"` }),
  ),
  'lead-first-listed': def(
    'info',
    { zh: '按首位单位确定牵头', en: 'Lead taken as the first listed unit' },
    {
      zh: '未写明牵头单位,按惯例以列第一位的单位为牵头;如不对请写明“牵头”',
      en: 'No lead is named, so the first unit listed is taken as lead; if that is wrong, mark the lead explicitly',
    },
    (p: Takes<'unit'>) => ({
      zh: `未写明牵头单位,按惯例以列第一位的“${p.unit}”为牵头单位`,
      en: `No lead is named; "${p.unit}", listed first, is taken as lead`,
    }),
  ),
  // ---- plan import ----
  'import-target-unclear': def(
    'warning',
    { zh: '目标值不明确', en: 'Target unclear' },
    {
      zh: '导入时任务中有多个数值或数值未写作目标,目标值可能取错;请核对目标值',
      en: 'On import the task gave several figures, or none worded as a goal, so the target may be wrong; check it',
    },
    (p: Takes<'target' | 'candidates'>) =>
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
  'import-lead-assumed': def(
    'info',
    { zh: '牵头单位按首组确定', en: 'Lead taken from the first group' },
    {
      zh: '任务列有多组责任单位,导入时取第一组为牵头;请核对牵头单位',
      en: 'The task names several groups of units and the first group was taken as lead; check the lead',
    },
    (p: Takes<'lead' | 'others'>) => ({
      zh: `任务有多组责任单位,按第一组取“${p.lead}”为牵头单位;其他组列第一位的为“${p.others}”`,
      en: `The task names several groups of units; "${p.lead}" (first group) was taken as lead; other groups list "${p.others}" first`,
    }),
  ),
  'import-unit-unclear': def(
    'warning',
    { zh: '单位名称无法确定', en: 'Unit name unclear' },
    {
      zh: '导入时一个单位名称疑为笔误,或分不清是一个还是几个单位;请核对并改正',
      en: 'On import a unit name looked like a slip, or could be one unit or several; check and correct it',
    },
    (p: Takes<'unit', 'suggestion'>) =>
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
  'import-schedule-unread': def(
    'warning',
    { zh: '完成时限无法识别', en: 'Schedule not understood' },
    {
      zh: '完成时限和目标一栏中有读不出年份目标的文字;请在年度目标列中补填',
      en: 'Part of the schedule text gave no yearly milestone; fill in the milestone columns',
    },
    (p: Takes<'text'>) => ({ zh: `无法识别“${p.text}”中的年份目标`, en: `Could not read a yearly milestone from "${p.text}"` }),
  ),
  'import-truncated': def(
    'warning',
    { zh: '任务文本不完整', en: 'Task text cut off' },
    {
      zh: '文档在任务中途截断,缺失内容未作推断;请对照原文补全',
      en: 'The document stops partway through the task and nothing missing was guessed; complete it from the original',
    },
    (p: Takes<'text'>) => ({
      zh: `文档在此任务中途截断(“${p.text}”),缺失的内容(如责任单位、目标值)未作推断,请补全`,
      en: `The document stops partway through this task ("${p.text}"); what is missing (units, target) was not guessed, please complete it`,
    }),
  ),
  // ---- structure and completeness ----
  'county-unfilled': def(
    'warning',
    { zh: '未填报', en: 'Not filled in' },
    {
      zh: '县区表的目标、年度目标和进展全为空,按未填报处理;请县区填报后重新报送',
      en: "A county copy's targets, milestones and progress are all blank, so it counts as not filled in; ask the county to fill it",
    },
    (p: Takes<'sheet' | 'blanks'>) => ({
      zh: `本表尚未填报:目标、年度目标和进展均为空(${p.blanks}处必填空白,不逐一列出)`,
      en: `This copy has not been filled in: no targets, milestones or progress (${p.blanks} blank required cells, not listed one by one)`,
    }),
  ),
  'required-missing': def(
    'error',
    { zh: '必填项为空', en: 'Required field empty' },
    { zh: '必填单元格为空;请填写', en: 'A required cell is blank; fill it in' },
    (p: Takes<'field'>) => ({ zh: `必填项“${p.field}”为空`, en: `Required field "${p.field}" is empty` }),
  ),
  'task-id-duplicate': def(
    'error',
    { zh: '序号重复', en: 'Duplicate task id' },
    {
      zh: '两行任务用了同一个序号,汇总时无法区分;请改为不同序号',
      en: 'Two task rows share an id, so the roll-up cannot tell them apart; give each its own id',
    },
    (p: Takes<'id' | 'other'>) => ({ zh: `序号${p.id}重复(另见${p.other})`, en: `Task id ${p.id} is used twice (also at ${p.other})` }),
  ),
  'task-id-missing': def(
    'error',
    { zh: '缺少序号', en: 'Task id missing' },
    {
      zh: '任务行没有序号,无法与市级清单对应;请补上序号',
      en: 'A task row without an id cannot be matched with the city list; fill in the id',
    },
    () => ({ zh: '任务行没有序号,无法与其他表对应', en: 'A task row has no id, so it cannot be matched with other sheets' }),
  ),
  'header-missing': def(
    'error',
    { zh: '找不到表头', en: 'Header not found' },
    {
      zh: '工作表中找不到任务清单表头,整表未审核;请使用keytask生成的模板',
      en: 'No task-list header was found, so the sheet was not checked; use the template keytask generates',
    },
    () => ({
      zh: '未找到任务清单表头(序号、重点任务等),无法审核此表',
      en: 'No task-list header (No., Key task …) was found; the sheet cannot be checked',
    }),
  ),
  'column-missing': def(
    'error',
    { zh: '缺少必填列', en: 'Required column missing' },
    {
      zh: '表中缺少必填的列,可能被删除或改了表头;请恢复该列',
      en: 'A required column is missing, deleted or renamed; restore it',
    },
    (p: Takes<'field'>) => ({ zh: `表中没有“${p.field}”列`, en: `The sheet has no "${p.field}" column` }),
  ),
  'merged-cells': def(
    'warning',
    { zh: '合并单元格跨任务行', en: 'Merged cells across task rows' },
    {
      zh: '合并单元格跨越多个任务行,只有第一行读到值;请取消合并并逐行填写',
      en: 'Merged cells span several task rows and only the first row gets the value; unmerge and fill each row',
    },
    (p: Takes<'range'>) => ({
      zh: `合并单元格${p.range}跨越多个任务行,只有第一行有值`,
      en: `Merged cells ${p.range} span several task rows; only the first holds the value`,
    }),
  ),
  // ---- roll-up ----
  'task-missing': def(
    'error',
    { zh: '县区缺少任务', en: 'County lacks a task' },
    {
      zh: '县区表中少了市级清单的一项任务,该任务没有该县区数值;请县区补上这一行',
      en: "A county's sheet lacks a task of the city list, so that task has no figure from it; ask the county to add the row",
    },
    (p: Takes<'county' | 'id' | 'text'>) => ({
      zh: `${p.county}的表中没有序号${p.id}(${p.text})`,
      en: `${p.county}'s sheet has no task ${p.id} (${p.text})`,
    }),
  ),
  'task-extra': def(
    'warning',
    { zh: '县区多出任务', en: 'Task not in the city list' },
    {
      zh: '县区表中有市级清单没有的序号,未汇总;请核对序号或删去该行',
      en: "A county's sheet has an id the city list lacks and it was not rolled up; check the id or remove the row",
    },
    (p: Takes<'county' | 'id' | 'text'>) => ({
      zh: `${p.county}的序号${p.id}(${p.text})不在市级清单中,未汇总`,
      en: `${p.county}'s task ${p.id} (${p.text}) is not in the city list and was not rolled up`,
    }),
  ),
  'task-text-mismatch': def(
    'error',
    { zh: '序号与任务内容不符', en: 'Same id, different task' },
    {
      zh: '同一序号下县区与市级的任务内容不同,可能被重新编号,未汇总;请按市级清单的序号填写',
      en: "Under one id the county's task differs from the city's, perhaps renumbered, and is not rolled up; use the city's ids",
    },
    (p: Takes<'county' | 'id' | 'text' | 'countyText'>) => ({
      zh: `${p.county}的序号${p.id}为“${p.countyText}”,市级清单为“${p.text}”,可能被重新编号,未汇总`,
      en: `${p.county}'s task ${p.id} reads "${p.countyText}" but the city's reads "${p.text}"; renumbered? Not rolled up`,
    }),
  ),
  'county-duplicate': def(
    'error',
    { zh: '重复报送', en: 'Two submissions for one county' },
    {
      zh: '同一县区有两份报送,只汇总第一份;请删去多余的一份后重新汇总',
      en: 'One county sent two submissions and only the first is rolled up; remove the extra one and roll up again',
    },
    (p: Takes<'county' | 'first' | 'second'>) => ({
      zh: `${p.county}报送了两份(${p.first};${p.second}),只汇总第一份`,
      en: `${p.county} sent two submissions (${p.first}; ${p.second}); only the first is rolled up`,
    }),
  ),
  'county-missing': def(
    'warning',
    { zh: '未报送', en: 'No submission' },
    {
      zh: '应报送的县区没有报送,汇总中没有其数值;请催报',
      en: 'An expected county sent nothing, so the roll-up has none of its figures; remind it',
    },
    (p: Takes<'county'>) => ({ zh: `${p.county}未报送`, en: `${p.county} has sent nothing` }),
  ),
  'county-sum-below-target': def(
    'warning',
    { zh: '县区目标合计低于市级目标', en: 'County targets add up to less than the city target' },
    {
      zh: '各县区目标合计低于市级目标,分解不足;请核对各县区目标',
      en: "The counties' targets add up to less than the city's, so the target is not fully shared out; check them",
    },
    (p: Takes<'field' | 'sum' | 'target'>) => ({
      zh: `各县区${p.field}合计${p.sum},低于市级${p.target}`,
      en: `The counties' ${p.field} add up to ${p.sum}, below the city's ${p.target}`,
    }),
  ),
  // ---- from one period to the next (the history a roll-up carries) ----
  'actual-decreasing': def(
    'error',
    { zh: '累计完成值下降', en: 'Cumulative actual went down' },
    {
      zh: '累计型任务的本期完成值低于上期,多为填错或口径变化;该数值不计入合计和排名,请县区核实更正或说明',
      en: "A cumulative task's actual is below last period's, most often a typo or a change of basis; it is left out of totals and ranking until the county corrects or explains it",
    },
    (p: Takes<'county' | 'id' | 'value' | 'prevValue' | 'period' | 'prevPeriod'>) => ({
      zh: `${p.county}序号${p.id}本期(${p.period})累计完成${p.value},低于上期(${p.prevPeriod})的${p.prevValue}`,
      en: `${p.county}, task ${p.id}: ${p.value} done by ${p.period}, below ${p.prevValue} reported for ${p.prevPeriod}`,
    }),
  ),
  'actual-missing-since-last-period': def(
    'warning',
    { zh: '上期有数本期空白', en: 'Reported last period, blank now' },
    {
      zh: '该任务上期报送了完成值,本期留空;请县区补报本期完成值',
      en: 'The task had an actual last period and is blank now; ask the county for this period’s figure',
    },
    (p: Takes<'county' | 'id' | 'prevValue' | 'prevPeriod'>) => ({
      zh: `${p.county}序号${p.id}上期(${p.prevPeriod})完成${p.prevValue},本期未填`,
      en: `${p.county}, task ${p.id}: ${p.prevValue} reported for ${p.prevPeriod}, blank now`,
    }),
  ),
  'county-stopped-reporting': def(
    'warning',
    { zh: '上期报送本期未报', en: 'Reported last period, not now' },
    {
      zh: '该县区上期报送了,本期没有报送,汇总中没有其本期数值;请催报',
      en: 'The county reported last period but sent nothing this period, so the roll-up has none of its figures; remind it',
    },
    (p: Takes<'county' | 'prevPeriod'>) => ({
      zh: `${p.county}上期(${p.prevPeriod})已报送,本期未报送`,
      en: `${p.county} reported for ${p.prevPeriod} but has sent nothing this period`,
    }),
  ),
  'county-unit-mismatch': def(
    'error',
    { zh: '县区计量单位不一致', en: 'County uses another unit' },
    {
      zh: '县区改用了无法换算的计量单位,该任务的县区数值未汇总;请按市级单位填写',
      en: "A county uses a unit that does not convert to the city's, so its figures for the task are not rolled up; use the city's unit",
    },
    (p: Takes<'county' | 'unit' | 'cityUnit'>) => ({
      zh: `${p.county}的计量单位为“${p.unit}”,与市级“${p.cityUnit}”不可换算,未汇总`,
      en: `${p.county} reports in "${p.unit}", which does not convert to the city's "${p.cityUnit}"; not rolled up`,
    }),
  ),
  'submission-foreign': def(
    'error',
    { zh: '报送文件不属于本清单', en: 'Submission belongs to another list' },
    {
      zh: '报送文件的任务与本清单对不上,整份未汇总;请确认县区使用的是本清单的模板',
      en: "A submission's tasks do not match this list, so none of it is rolled up; check the county used this list's copy",
    },
    (p: Takes<'source' | 'reason'>) => ({
      zh: `${p.source}不是本清单的报送:${p.reason};其数值均未汇总`,
      en: `${p.source} is not a submission for this list: ${p.reason}; none of its figures were rolled up`,
    }),
  ),
  'rollup-empty': def(
    'error',
    { zh: '没有可汇总的报送', en: 'Nothing to roll up' },
    {
      zh: '没有一份报送能与市级清单对应,汇总为空;请检查选择的文件',
      en: 'No submission matches the city list, so the roll-up is empty; check the files chosen',
    },
    () => ({
      zh: '没有一个县(市、区)的报送能与市级清单对应,汇总为空;请检查报送文件是否为本清单的县区表',
      en: 'No county submission matches the city list, so the roll-up is empty; check that the files are county copies of this list',
    }),
  ),
  'figure-excluded': def(
    'warning',
    { zh: '数值未计入汇总', en: 'Figure left out of the totals' },
    {
      zh: '县区的一个数值有错误,未计入合计和排名;请县区改正后重新报送',
      en: 'A county figure has an error and is left out of the totals and the ranking; ask the county to correct it',
    },
    (p: Takes<'county' | 'id' | 'field' | 'value' | 'reason'>) => ({
      zh: `${p.county}序号${p.id}的${p.field}(${p.value})因“${p.reason}”未计入合计和排名`,
      en: `${p.county}'s ${p.field} of task ${p.id} (${p.value}) is left out of the totals and the ranking: ${p.reason}`,
    }),
  ),
  'submission-unreadable': def(
    'error',
    { zh: '报送文件无法读取', en: 'Submission cannot be read' },
    {
      zh: '报送文件无法打开或读不出内容,未汇总;请重新获取该文件(另存为.xlsx)',
      en: 'A submission could not be opened or read and is not rolled up; get the file again (saved as .xlsx)',
    },
    (p: Takes<'source' | 'reason'>) => ({ zh: `无法读取${p.source}:${p.reason}`, en: `Cannot read ${p.source}: ${p.reason}` }),
  ),
};

export type FindingCode = keyof typeof CATALOGUE;

export const FINDING_CODES = Object.keys(CATALOGUE) as FindingCode[];

/** Each code's params, as its message takes them. */
export type FindingParams = { [C in FindingCode]: (typeof CATALOGUE)[C] extends CodeDef<infer P> ? P : never };

/** A code's params as a finding carries them; a plan import's findings also name the document line. */
export type ParamsOf<C extends FindingCode> = FindingParams[C] & { line?: number };

/** The params argument of `finding(code, …)`: it may be left out only when the code's message names none. */
export type ParamsArg<C extends FindingCode> = object extends FindingParams[C] ? [params?: ParamsOf<C>] : [params: ParamsOf<C>];

/** Params of a finding whose code is not known: any field some code names. */
export type Params = Partial<Fields> & { line?: number };

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

export function finding<C extends FindingCode>(
  code: C,
  lang: Lang,
  at: { sheet: string; cell: string | null; taskId: string | null },
  ...[params]: ParamsArg<C>
): Finding {
  const d = CATALOGUE[code] as CodeDef<ParamsOf<C>>;
  const p = params ?? ({} as ParamsOf<C>);
  return { code, severity: d.severity, ...at, message: d.message(p)[lang], params: p };
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
