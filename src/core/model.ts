/**
 * Domain types of a key-task list (重点任务清单). Plain data only: no Office.js, no I/O,
 * so the same values flow through the task pane, the CLI and the tests.
 */

/**
 * How a task's yearly milestones relate to each other and to the target.
 * - cumulative (累计): running totals, never go down, the last one meets the target;
 * - annual (年度/每年): each year stands on its own;
 * - share (占比/比重): a percentage, 0–100;
 * - qualitative (定性): done / not done, no figure (`2025年完成`, `持续推进`).
 */
export type MilestoneKind = 'cumulative' | 'annual' | 'share' | 'qualitative';

export const MILESTONE_KINDS: readonly MilestoneKind[] = ['cumulative', 'annual', 'share', 'qualitative'];

/** A number with its unit as written (`1.6` + `万家`); the unit may be missing in the source. */
export interface Quantity {
  value: number;
  unit: string | null;
  /** how the document bounds the figure: `以上`/`不低于` atLeast, `以内`/`控制在`/`不超过` atMost, `左右` about; absent when exact. */
  bound?: TargetBound;
  /** `down` for a figure where lower is better (能耗, 失业率, PM2.5, `下降`); absent (up) otherwise. */
  direction?: TargetDirection;
}

export type TargetBound = 'atLeast' | 'atMost' | 'about';
export type TargetDirection = 'up' | 'down';

export interface Milestone {
  year: number;
  /** null when the milestone is a step without a figure (`2025年完成`). */
  value: number | null;
  /** as written; null when the document left it out (`2023年达到3` under a `10家` target). */
  unit: string | null;
  kind?: MilestoneKind;
  /** the source text of this milestone, when it came from a document. */
  text?: string;
}

/** A section heading such as `(一)加快制造业高端化发展`. */
export interface Section {
  /** the numbering as written: `(一)`. */
  id: string;
  title: string;
}

export interface Task {
  /** 序号 as written (`"7"`); stable across the city sheet and every county copy. */
  id: string;
  /** id of the Section this task belongs to, or null. */
  section: string | null;
  text: string;
  /** short name of the measured indicator, when there is one. */
  indicator?: string | null;
  target: Quantity | null;
  kind: MilestoneKind;
  /** 完成时限 as written (`2025年完成`, `持续推进`, `2023年底前`). */
  deadline: string | null;
  milestones: Milestone[];
  lead: string[];
  cooperating: string[];
  /** the 完成时限和目标 cell as written in the source document. */
  scheduleText?: string;
  /** the 责任单位 cell as written in the source document. */
  responsibilityText?: string;
}

export interface Plan {
  /** the plan's title, e.g. `商丘市建设制造强市三年行动计划(2023—2025年)`. */
  name: string;
  /** first and last year of the plan period, inclusive. */
  startYear: number;
  endYear: number;
  sections: Section[];
  tasks: Task[];
  /** the unit directory (单位名录): every office that may lead or cooperate. */
  units: string[];
}

/** What a keytask-made sheet is; stored in the workbook, not in the sheet's name. */
export type SheetKind = 'city' | 'county' | 'units' | 'summary' | 'status' | 'ranking' | 'findings';

export function planYears(plan: Pick<Plan, 'startYear' | 'endYear'>): number[] {
  const years: number[] = [];
  for (let y = plan.startYear; y <= plan.endYear; y++) years.push(y);
  return years;
}

/** An empty plan for the blank template: the period and nothing else. */
export function emptyPlan(startYear: number, endYear: number, name = ''): Plan {
  return { name, startYear, endYear, sections: [], tasks: [], units: [] };
}
