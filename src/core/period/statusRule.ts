/**
 * 填写状态: a task's 状态 from its completion against 序时进度 (time-proportional progress), the
 * one rule the 进度滞后 finding, the 填写状态 operation and anything counting "on or ahead of
 * schedule" share. The thresholds are the constants below; the README's table states them.
 *
 * The yardstick is the year's step: from last year's milestone (0 for an annual figure, or when
 * there is none) to this year's, of which the period's share of the year (`fraction`) should be
 * done by its end. With 2024's step 200 → 240 and 2024年第2季度 (half the year), 220 is 序时进度.
 *
 *   已完成  the task's target, or this year's milestone, is reached
 *   未开展  nothing done yet while the period expects progress: the actual is 0, or still where
 *           the year started (last year's milestone)
 *   滞后    below 序时进度 by more than BEHIND_TOLERANCE of the year's step
 *   超序时  at least AHEAD_MARGIN of the year's step ahead of 序时进度
 *   序时    in between
 *
 * A level better low (失业率, PM2.5: text/direction.ts) is judged the other way round; held
 * under a ceiling with no step to go down (an annual ceiling, or a first year), it is 序时 or
 * 滞后, never 超序时 or 未开展. A qualitative task, a task without an actual, without this year's
 * milestone or a sheet without a readable 报送期 gets no status from the rule.
 */
import type { TaskStatus } from '../layout/vocabulary';
import { figureLowerIsBetter } from '../text/direction';
import type { ReportingPeriod } from '../validate/period';
import type { TaskRecord } from '../validate/record';

/**
 * What the rule looks at: the task's text (its direction), kind, target, milestones and actual.
 * A record read from a task sheet is one; so is a task of a summary judged on its totals
 * (bulletin/progress.ts), which is how the 通报 counts "on or ahead of 序时进度" by this rule.
 */
export type RuleTask = Pick<TaskRecord, 'text' | 'kind'> & {
  target: Pick<TaskRecord['target'], 'value'>;
  actual: Pick<TaskRecord['actual'], 'value'>;
  milestones: Array<Pick<TaskRecord['milestones'][number], 'year' | 'value'>>;
};

/**
 * 超序时: done at least this share of the year's step beyond 序时进度 (0.05 = 5 percentage points
 * of the year's planned increase). Below it the figure is 序时: a few hundredths ahead is
 * rounding and reporting dates, not a task moving faster than planned.
 */
export const AHEAD_MARGIN = 0.05;

/**
 * 滞后: short of 序时进度 by more than this share of the year's step. It is 0 — any shortfall
 * is 滞后 — because 序时进度 is itself the minimum a bulletin holds counties to (低于序时进度 is
 * reported as lagging), and because the progress-behind finding uses the same tolerance: a task
 * the rule calls 滞后 always carries that finding, and a finding never sits beside 序时.
 */
export const BEHIND_TOLERANCE = 0;

/** Float noise in sums such as 0.1 + 0.2; not a threshold. */
const EPSILON = 1e-9;

/** Where the actual should be by the end of the period, and the year's step it is measured on. */
export interface Yardstick {
  /** 序时进度: what the actual should be by the end of the period */
  expected: number;
  /** where the year starts: last year's milestone, or 0 */
  start: number;
  /** this year's milestone less `start`; 0 for a ceiling (a level better low with no step) */
  step: number;
}

/**
 * The yardstick of a task in a period; null when it cannot be told (qualitative, or no milestone
 * for the period's year). A level better low (`失业率控制在4%以内`) is a ceiling all year, not a
 * share of it.
 */
export function yardstickOf(r: RuleTask, p: ReportingPeriod): Yardstick | null {
  if (r.kind === 'qualitative') return null;
  const m = r.milestones.find((x) => x.year === p.year && x.value !== null)?.value;
  if (m === undefined || m === null) return null;
  const low = figureLowerIsBetter(r.text);
  if (r.kind === 'annual') return low ? { expected: m, start: m, step: 0 } : { expected: m * p.fraction, start: 0, step: m };
  const prev = r.milestones.find((x) => x.year === p.year - 1 && x.value !== null)?.value ?? null;
  // A level better low does not start the year from nothing: without last year's step, this year's is the ceiling.
  if (prev === null && low) return { expected: m, start: m, step: 0 };
  const start = prev ?? 0;
  return { expected: start + (m - start) * p.fraction, start, step: m - start };
}

/** What the actual should be by the end of the period; null when it cannot be told. */
export function expectedByPeriod(r: RuleTask, p: ReportingPeriod): number | null {
  return yardstickOf(r, p)?.expected ?? null;
}

/** How far the actual is ahead of 序时进度, in the figure's good direction (negative: behind). */
function lead(r: RuleTask, actual: number, y: Yardstick): number {
  return figureLowerIsBetter(r.text) ? y.expected - actual : actual - y.expected;
}

/** 滞后: short of 序时进度 by more than BEHIND_TOLERANCE of the year's step. */
export function isBehind(r: RuleTask, actual: number, y: Yardstick): boolean {
  return lead(r, actual, y) < -(BEHIND_TOLERANCE * Math.abs(y.step)) - EPSILON;
}

export interface StatusJudgement {
  status: TaskStatus;
  /** 序时进度, when the judgement used it (a task already done may have none) */
  expected: number | null;
}

/** The rule's status of a task in a period, with the 序时进度 it was judged against; null when the rule has none. */
export function judgeStatus(r: RuleTask, p: ReportingPeriod | null): StatusJudgement | null {
  const actual = r.actual.value;
  if (!p || actual === null || r.kind === 'qualitative') return null;
  const low = figureLowerIsBetter(r.text);
  const yearTarget = r.milestones.find((x) => x.year === p.year && x.value !== null)?.value ?? null;
  const reached = (goal: number): boolean => (low ? actual <= goal + EPSILON : actual + EPSILON >= goal);
  const y = yardstickOf(r, p);
  const expected = y?.expected ?? null;
  // A level better low is done once down to its target; a yearly ceiling (annual) is kept, not done.
  if (r.target.value !== null && r.kind !== 'annual' && reached(r.target.value)) return { status: 'done', expected };
  if (yearTarget !== null && (r.kind !== 'annual' || !low) && reached(yearTarget)) return { status: 'done', expected };
  if (!y) return null;
  const progressExpected = y.step !== 0;
  const unmoved = Math.abs(actual - y.start) <= EPSILON || (!low && Math.abs(actual) <= EPSILON);
  if (progressExpected && unmoved) return { status: 'notStarted', expected };
  if (isBehind(r, actual, y)) return { status: 'behind', expected };
  if (progressExpected && lead(r, actual, y) >= AHEAD_MARGIN * Math.abs(y.step) - EPSILON) return { status: 'ahead', expected };
  return { status: 'onTrack', expected };
}

/** The rule's status alone (see judgeStatus). */
export function suggestStatus(r: RuleTask, p: ReportingPeriod | null): TaskStatus | null {
  return judgeStatus(r, p)?.status ?? null;
}
