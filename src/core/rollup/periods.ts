/**
 * Roll-up across periods: this period's figures against the last period's, from the period
 * history the workbooks carry (period/history.ts). What it adds to a roll-up:
 * - per task and county 上期 / 本期 / 增量, and per task 上期合计 / 本期合计 / 环比增量;
 * - per county the rank it was published with last period and the change;
 * - each county's score over the periods kept (the trend);
 * - the findings only two periods show: a cumulative actual that went down, a task reported
 *   last period and blank now, a county that reported last period and not now.
 *
 * Only figures that count are compared, as they are summed: the history keeps a county's
 * figure only when it passed (an excluded figure is kept blank), and a figure with an error
 * now has no 增量. A county without last period's figure has a blank 增量, nothing more.
 */
import { type Finding, finding } from '../findings/catalogue';
import type { Lang } from '../i18n';
import type { MilestoneKind } from '../model';
import { type PeriodFigure, type PeriodHistory, periodKey, previousPeriod, samePeriod, withLabelledPeriod } from '../period/history';
import { isEmpty } from '../sheet/grid';
import { type ReportingPeriod, parseReportingPeriod } from '../validate/period';
import type { CellValue } from '../sheet/spec';

/** A figure last period and now; `delta` only where the two compare (see `comparable`). */
export interface FigureChange {
  previous: number | null;
  current: number | null;
  delta: number | null;
}

/** A task's totals (上期合计 / 本期合计 / 环比增量) and each county's change. */
export interface TaskChange extends FigureChange {
  counties: Record<string, FigureChange>;
}

export interface RankChange {
  /** the rank published last period; null when the county was not ranked then */
  previous: number | null;
  /** places moved up (positive) or down (negative); null when either rank is missing */
  change: number | null;
  /** not ranked last period (did not report, or had nothing to score) */
  isNew: boolean;
}

export interface PeriodComparison {
  current: string;
  previous: string;
  /** per task id, for measured tasks */
  tasks: Record<string, TaskChange>;
  /** per county ranked now */
  ranks: Record<string, RankChange>;
  /** counties that reported last period and not now */
  stopped: string[];
  /** the periods with scores, oldest first, this one last; each county's score in each */
  trend: { periods: string[]; counties: Array<{ county: string; scores: Array<number | null> }> };
}

/** What the roll-up needs of the last period while it reads this one. */
export interface Prior {
  current: string;
  previous: string;
  previousPeriod: ReportingPeriod | null;
  reporting: ReportingPeriod;
  reported: string[];
  /** county → task id → figure that counted last period */
  figures: Map<string, Map<string, number | null>>;
}

/** The period before this one in the history, with its figures; null when there is none. */
export function priorOf(history: PeriodHistory | undefined, reporting: ReportingPeriod | null): Prior | null {
  if (!history || !reporting) return null;
  const previous = previousPeriod(history, reporting.text);
  if (previous === null) return null;
  const figures = new Map<string, Map<string, number | null>>();
  for (const f of history.figures) {
    if (f.period !== previous) continue;
    const of = figures.get(f.county) ?? new Map<string, number | null>();
    of.set(f.task, f.value);
    figures.set(f.county, of);
  }
  return {
    current: reporting.text,
    previous,
    previousPeriod: parseReportingPeriod(previous),
    reporting,
    reported: history.reported[previous] ?? [],
    figures,
  };
}

/**
 * Whether a task's actuals of two periods compare: a cumulative task's always (its 本期完成值
 * is the total so far); an annual task's within one year (it starts again each year); a share
 * or level never (it may go either way).
 */
export function comparable(kind: MilestoneKind, prior: Prior): boolean {
  if (kind === 'cumulative') return true;
  return kind === 'annual' && prior.previousPeriod?.year === prior.reporting.year;
}

const round = (n: number): number => Math.round(n * 1e9) / 1e9;

/**
 * The findings of one county's task row against last period. A cumulative actual that went
 * down is an error, put among the row's errors so the roll-up leaves it out as it leaves out
 * any figure with an error: summed, it would make the city's cumulative total go down too and
 * a bulletin would publish a fall nobody made. An actual with an error of its own already is
 * not compared (it counts for nothing either way).
 */
export function checkAgainstPrior(
  prior: Prior,
  row: {
    county: string;
    id: string;
    kind: MilestoneKind;
    source: string;
    cell: string | null;
    typed: CellValue | undefined;
    actual: number | null;
    errors: Map<string, Finding> | undefined;
  },
  lang: Lang,
): { findings: Finding[]; errors: Map<string, Finding> | undefined } {
  const none = { findings: [], errors: row.errors };
  if (row.kind === 'qualitative') return none;
  const prev = prior.figures.get(row.county)?.get(row.id);
  if (prev === undefined || prev === null) return none;
  const at = { sheet: row.source, cell: row.cell, taskId: row.id };
  if (row.cell && isEmpty(row.typed)) {
    return {
      findings: [
        finding('actual-missing-since-last-period', lang, at, {
          county: row.county,
          id: row.id,
          prevValue: prev,
          prevPeriod: prior.previous,
        }),
      ],
      errors: row.errors,
    };
  }
  if (!row.cell || row.actual === null || row.errors?.has(row.cell) || !comparable(row.kind, prior)) return none;
  if (row.actual >= prev - 1e-9) return none;
  const f = finding('actual-decreasing', lang, at, {
    county: row.county,
    id: row.id,
    value: row.actual,
    prevValue: prev,
    period: prior.current,
    prevPeriod: prior.previous,
  });
  return { findings: [f], errors: new Map(row.errors ?? []).set(row.cell, f) };
}

/** Counties that reported last period and sent nothing now. */
export function stoppedCounties(prior: Prior, counties: string[]): string[] {
  return prior.reported.filter((c) => !counties.includes(c));
}

/** What of a rolled-up task the comparison reads: its kind, total and each county's counted actual. */
export interface ComparedTask {
  id: string;
  kind: MilestoneKind;
  /** null when the task is not summed */
  total: number | null | undefined;
  summed: boolean;
  /** county → its actual when it counts (null when blank or left out) */
  actuals: Record<string, number | null>;
}

export function comparePeriods(
  prior: Prior,
  history: PeriodHistory,
  tasks: ComparedTask[],
  ranking: Array<{ county: string; rank: number | null; score: number | null }>,
  counties: string[],
): PeriodComparison {
  const out: Record<string, TaskChange> = {};
  for (const t of tasks) {
    if (t.kind === 'qualitative') continue;
    const compares = comparable(t.kind, prior);
    const names = [...new Set([...Object.keys(t.actuals), ...prior.reported.filter((c) => prior.figures.get(c)?.has(t.id))])];
    const byCounty: Record<string, FigureChange> = {};
    for (const c of names) {
      const previous = prior.figures.get(c)?.get(t.id) ?? null;
      const current = t.actuals[c] ?? null;
      byCounty[c] = { previous, current, delta: compares && previous !== null && current !== null ? round(current - previous) : null };
    }
    // 上期合计 is what last period's summary totalled; 环比增量 adds up the counties' own
    // changes, so a county that stopped reporting does not show up as a fall.
    const prevs = Object.values(byCounty).flatMap((x) => (x.previous === null ? [] : [x.previous]));
    const deltas = Object.values(byCounty).flatMap((x) => (x.delta === null ? [] : [x.delta]));
    out[t.id] = {
      previous: t.summed && prevs.length ? round(prevs.reduce((a, b) => a + b, 0)) : null,
      current: t.summed ? (t.total ?? null) : null,
      delta: t.summed && deltas.length ? round(deltas.reduce((a, b) => a + b, 0)) : null,
      counties: byCounty,
    };
  }
  const scoreOf = (period: string, county: string) =>
    (history.scores ?? []).find((x) => x.period === period && x.county === county) ?? null;
  const ranks: Record<string, RankChange> = {};
  for (const e of ranking) {
    const before = scoreOf(prior.previous, e.county);
    const previous = before?.rank ?? null;
    ranks[e.county] = { previous, change: previous !== null && e.rank !== null ? previous - e.rank : null, isNew: previous === null };
  }
  return {
    current: prior.current,
    previous: prior.previous,
    tasks: out,
    ranks,
    stopped: stoppedCounties(prior, counties),
    trend: trendOf(history, prior, ranking),
  };
}

function trendOf(
  history: PeriodHistory,
  prior: Prior,
  ranking: Array<{ county: string; score: number | null }>,
): PeriodComparison['trend'] {
  const k = periodKey(prior.current);
  const scored = history.periods.filter(
    (p) =>
      !samePeriod(p, prior.current) &&
      (k === null || (periodKey(p) ?? -Infinity) < k) &&
      (history.scores ?? []).some((x) => x.period === p),
  );
  const periods = [...scored, prior.current];
  const past = (history.scores ?? []).filter((x) => scored.includes(x.period));
  // counties ranked now in their order, then those only the past knows
  const names = [...new Set([...ranking.map((e) => e.county), ...past.map((x) => x.county)])];
  const now = new Map(ranking.map((e) => [e.county, e.score]));
  return {
    periods,
    counties: names.map((county) => ({
      county,
      scores: [...scored.map((p) => past.find((x) => x.period === p && x.county === county)?.score ?? null), now.get(county) ?? null],
    })),
  };
}

/**
 * The history with this period put in: who reported, each county's actual that counted (an
 * excluded one kept blank, so next period compares with nothing rather than with an error),
 * its 状态, and the published scores.
 */
export function historyWith(
  history: PeriodHistory,
  /** the period's label in the history (`periodLabel`), which the figures carry */
  label: string,
  counties: string[],
  figures: PeriodFigure[],
  ranking: Array<{ county: string; rank: number | null; score: number | null }>,
): PeriodHistory {
  return withLabelledPeriod(
    history,
    label,
    counties,
    figures,
    ranking.map((e) => ({ county: e.county, score: e.score, rank: e.rank })),
  );
}
