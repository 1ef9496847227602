/**
 * 序时进度: by the end of the reporting period, the actual value should have covered the
 * time-proportional share of the year's step. The same rule suggests a status.
 */
import type { TaskStatus } from '../../layout/vocabulary';
import { figureLowerIsBetter } from '../../text/direction';
import type { Rule } from '../context';
import type { ReportingPeriod } from '../period';
import type { TaskRecord } from '../record';

/**
 * What the actual value should be by the end of the period; null when it cannot be told. A
 * level better low (`失业率控制在4%以内`) is a ceiling all year, not a share of it.
 */
export function expectedByPeriod(r: TaskRecord, p: ReportingPeriod): number | null {
  if (r.kind === 'qualitative') return null;
  const m = r.milestones.find((x) => x.year === p.year && x.value !== null);
  if (!m) return null;
  if (r.kind === 'annual') return figureLowerIsBetter(r.text) ? m.value! : m.value! * p.fraction;
  const prev = r.milestones.find((x) => x.year === p.year - 1 && x.value !== null);
  // A level better low does not start the year from nothing: without last year's step, this year's is the ceiling.
  if (!prev && figureLowerIsBetter(r.text)) return m.value!;
  const start = prev ? prev.value! : 0;
  return start + (m.value! - start) * p.fraction;
}

/** The actual falls short of a yardstick: below it, or above it for a level better low. */
function short(r: TaskRecord, actual: number, yardstick: number): boolean {
  return figureLowerIsBetter(r.text) ? actual > yardstick + 1e-9 : actual + 1e-9 < yardstick;
}

export function suggestStatus(r: TaskRecord, p: ReportingPeriod | null): TaskStatus | null {
  if (!p || r.actual.value === null) return null;
  const yearTarget = r.milestones.find((x) => x.year === p.year && x.value !== null)?.value ?? null;
  // A level better low is done once down to its target; a yearly ceiling (annual) is kept, not done.
  const reached = (yardstick: number) => (figureLowerIsBetter(r.text) ? r.actual.value! <= yardstick : r.actual.value! >= yardstick);
  if (r.target.value !== null && r.kind !== 'annual' && reached(r.target.value)) return 'done';
  if (yearTarget !== null && (r.kind !== 'annual' || !figureLowerIsBetter(r.text)) && reached(yearTarget)) return 'done';
  const expected = expectedByPeriod(r, p);
  if (expected === null) return null;
  return short(r, r.actual.value, expected) ? 'behind' : 'onTrack';
}

const fmt = (n: number): string => String(Math.round(n * 100) / 100);

export const progress: Rule = (ctx) => {
  const p = ctx.reporting;
  if (!p) return;
  for (const r of ctx.records) {
    if (r.actual.value === null) continue;
    const expected = expectedByPeriod(r, p);
    if (expected !== null && short(r, r.actual.value, expected)) {
      ctx.report(figureLowerIsBetter(r.text) ? 'progress-above-ceiling' : 'progress-behind', r.actual.cell, r.id || null, {
        period: p.text,
        actual: fmt(r.actual.value),
        expected: fmt(expected),
      });
    }
  }
};
