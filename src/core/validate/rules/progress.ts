/**
 * 序时进度: by the end of the reporting period, the actual value should have covered the
 * time-proportional share of the year's step. The yardstick and its tolerance are the status
 * rule's (period/statusRule.ts), so a task the rule calls 滞后 is the one this finding names.
 */
import { isBehind, yardstickOf } from '../../period/statusRule';
import { figureLowerIsBetter } from '../../text/direction';
import type { Rule } from '../context';

export { expectedByPeriod, suggestStatus } from '../../period/statusRule';

const fmt = (n: number): string => String(Math.round(n * 100) / 100);

export const progress: Rule = (ctx) => {
  const p = ctx.reporting;
  if (!p) return;
  for (const r of ctx.records) {
    if (r.actual.value === null) continue;
    const y = yardstickOf(r, p);
    if (y !== null && isBehind(r, r.actual.value, y)) {
      ctx.report(figureLowerIsBetter(r.text) ? 'progress-above-ceiling' : 'progress-behind', r.actual.cell, r.id || null, {
        period: p.text,
        actual: fmt(r.actual.value),
        expected: fmt(y.expected),
      });
    }
  }
};
