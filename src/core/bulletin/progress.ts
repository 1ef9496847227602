/**
 * Where each task of a summary stands against 序时进度 (time-proportional progress), from the
 * summary's own totals: the year's summed milestones, the completion rate and the period. The
 * same yardstick as the validator's (validate/rules/progress.ts), worked on totals: for a
 * cumulative task, last year's milestone plus the period's share of this year's step; for an
 * annual one, the period's share of this year's milestone. It is compared as a share of the
 * target with the completion rate, which pairs each county's actual with its own target — so
 * a county whose figure did not count does not make the task look behind.
 */
import type { TaskStatus } from '../layout/vocabulary';
import { judgeStatus } from '../period/statusRule';
import { figureLowerIsBetter } from '../text/direction';
import type { ReportingPeriod } from '../validate/period';
import type { SummaryTask } from './readSummary';

/**
 * - done: the year's milestone (or the whole target) is reached;
 * - ahead / onTrack: above, or at, 序时进度;
 * - lagging: below it (above it, for a level better low);
 * - noFigure: summed, but no county figure counted;
 * - notJudged: a share, a rate or a qualitative task, or no milestone for the year.
 */
export type TaskState = 'done' | 'ahead' | 'onTrack' | 'lagging' | 'noFigure' | 'notJudged';

export interface TaskProgress {
  state: TaskState;
  /** 序时进度 as a share of the target (0.43 = 43 %); null when not judged */
  due: number | null;
  /** the year's summed milestone */
  yearTarget: number | null;
}

const EPS = 1e-9;

/**
 * Summed milestones that rise to the target are running totals (累计); milestones that do not
 * (the same step each year, or a target that is the sum of the years) are each year's own.
 */
function cumulative(t: SummaryTask, years: number[]): boolean {
  const values = years.map((y) => t.years[String(y)]).filter((v): v is number => v !== null);
  if (values.length < 2) return true;
  const rising = values.every((v, i) => i === 0 || v >= values[i - 1] - EPS) && values[values.length - 1] > values[0] + EPS;
  const target = t.countyTargets ?? t.cityTarget;
  return rising && (target === null || Math.abs(values[values.length - 1] - target) <= Math.max(EPS, Math.abs(target) * 1e-6));
}

const share = (n: number): number => Math.round(n * 1e6) / 1e6;

export function taskProgress(t: SummaryTask, years: number[], p: ReportingPeriod | null): TaskProgress {
  const yearTarget = p ? (t.years[String(p.year)] ?? null) : null;
  if (t.way !== 'summed') return { state: 'notJudged', due: null, yearTarget };
  if (t.actual === null) return { state: 'noFigure', due: null, yearTarget };
  const target = t.countyTargets ?? t.cityTarget;
  if (!p || yearTarget === null || !target || figureLowerIsBetter(t.text)) return { state: 'notJudged', due: null, yearTarget };
  // The task judged by the one rule (period/statusRule.ts) in shares of its target: the
  // completion rate (or the totals' own ratio when the summary shows none) against the summed
  // milestones over the target, so the 通报's counts agree with the 状态 the sheets are given.
  const rate = t.rate ?? t.actual / target;
  const judged = judgeStatus(
    {
      text: t.text,
      kind: cumulative(t, years) ? 'cumulative' : 'annual',
      target: { value: 1 },
      actual: { value: rate },
      milestones: years.map((y) => ({
        year: y,
        value: t.years[String(y)] === null || t.years[String(y)] === undefined ? null : t.years[String(y)]! / target,
      })),
    },
    p,
  );
  if (!judged) return { state: 'notJudged', due: null, yearTarget };
  const due = share(judged.expected ?? yearTarget / target);
  return { state: STATE_OF[judged.status], due, yearTarget };
}

/** 未开展 is below 序时进度 too: a bulletin lists it among the lagging. */
const STATE_OF: Record<TaskStatus, TaskState> = {
  done: 'done',
  ahead: 'ahead',
  onTrack: 'onTrack',
  behind: 'lagging',
  notStarted: 'lagging',
};
