/**
 * 序时进度: by the end of the reporting period, the actual value should have covered the
 * time-proportional share of the year's step. The same rule suggests a status.
 */
import type { TaskStatus } from '../../layout/vocabulary';
import type { Rule } from '../context';
import type { ReportingPeriod } from '../period';
import type { TaskRecord } from '../record';

/** What the actual value should be by the end of the period; null when it cannot be told. */
export function expectedByPeriod(r: TaskRecord, p: ReportingPeriod): number | null {
  if (r.kind === 'qualitative') return null;
  const m = r.milestones.find((x) => x.year === p.year && x.value !== null);
  if (!m) return null;
  if (r.kind === 'annual') return m.value! * p.fraction;
  const prev = r.milestones.find((x) => x.year === p.year - 1 && x.value !== null);
  const start = prev ? prev.value! : 0;
  return start + (m.value! - start) * p.fraction;
}

export function suggestStatus(r: TaskRecord, p: ReportingPeriod | null): TaskStatus | null {
  if (!p || r.actual.value === null) return null;
  const yearTarget = r.milestones.find((x) => x.year === p.year && x.value !== null)?.value ?? null;
  if (r.target.value !== null && r.kind !== 'annual' && r.actual.value >= r.target.value) return 'done';
  if (yearTarget !== null && r.actual.value >= yearTarget) return 'done';
  const expected = expectedByPeriod(r, p);
  if (expected === null) return null;
  return r.actual.value + 1e-9 < expected ? 'behind' : 'onTrack';
}

const fmt = (n: number): string => String(Math.round(n * 100) / 100);

export const progress: Rule = (ctx) => {
  const p = ctx.reporting;
  if (!p) return;
  for (const r of ctx.records) {
    if (r.actual.value === null) continue;
    const expected = expectedByPeriod(r, p);
    if (expected !== null && r.actual.value + 1e-9 < expected) {
      ctx.report('progress-behind', r.actual.cell, r.id || null, { period: p.text, actual: fmt(r.actual.value), expected: fmt(expected) });
    }
  }
};
