/** Milestone progressions against each other, the target, the unit and the plan period. */
import { cellAddress } from '../../sheet/spec';
import { figureLowerIsBetter } from '../../text/direction';
import { unitFactor } from '../../text/quantity';
import type { Rule } from '../context';
import { deadlineYear } from '../period';
import { memoized } from '../../text/memo';
import { fieldName, type MilestoneEntry, type TaskRecord } from '../record';

/** A milestone's value in the target's unit, or null when the units measure different things. */
function scaled(value: number, unit: string | null, r: TaskRecord): number | null {
  const base = r.target.unit ?? r.unit;
  if (!unit || !base) return value;
  const f = unitFactor(unit, base);
  return f === null ? null : value * f;
}

const fmt = (n: number): string => String(Math.round(n * 1e6) / 1e6);

/** Task and deadline texts repeat row after row and county after county: each is read once. */
const TEXTS_REMEMBERED = 5000;
const yearOfDeadline = memoized(TEXTS_REMEMBERED, deadlineYear);

export const milestoneYears: Rule = (ctx) => {
  const { period } = ctx;
  if (period) {
    for (const y of ctx.sheet.years) {
      if (y < period.start || y > period.end) {
        const col = ctx.sheet.columns[`y${y}`];
        ctx.report('milestone-year-out-of-period', col === undefined ? null : cellAddress(ctx.sheet.firstDataRow - 1, col), null, {
          year: y,
          start: period.start,
          end: period.end,
        });
      }
    }
  }
  for (const r of ctx.records) {
    let prev: number | null = null;
    for (const m of r.milestones) {
      if (!m.fromText) continue;
      if (period && (m.year < period.start || m.year > period.end))
        ctx.report('milestone-year-out-of-period', m.cell, r.id || null, { year: m.year, start: period.start, end: period.end });
      if (prev !== null && m.year < prev)
        ctx.report('milestone-year-out-of-period', m.cell, r.id || null, { year: m.year, prevYear: prev, order: 1 });
      prev = m.year;
    }
  }
};

/** Milestones in year order; those read from year columns already are, and are left as they are. */
function byYear(ms: MilestoneEntry[]): MilestoneEntry[] {
  for (let i = 1; i < ms.length; i++) if (ms[i].year < ms[i - 1].year) return ms.sort((a, b) => a.year - b.year);
  return ms;
}

/**
 * A row's milestones that hold a figure, in year order: the row's own list when it already is
 * that (every milestone read from year columns is), else a sorted copy — never the row's list
 * sorted in place.
 */
function numericByYear(ms: MilestoneEntry[]): MilestoneEntry[] {
  for (let i = 0; i < ms.length; i++) {
    if (ms[i].value === null || (i > 0 && ms[i].year < ms[i - 1].year)) return byYear(ms.filter((m) => m.value !== null));
  }
  return ms;
}

export const milestoneProgression: Rule = (ctx) => {
  for (const r of ctx.records) {
    if (r.kind === 'qualitative') continue;
    const numeric = numericByYear(r.milestones);
    const id = r.id || null;
    // A level better low (失业率, PM2.5) is judged the other way round: its steps go down.
    const down = figureLowerIsBetter(r.text);

    if (r.kind === 'cumulative') {
      for (let i = 1; i < numeric.length; i++) {
        const a = scaled(numeric[i - 1].value!, numeric[i - 1].unit, r);
        const b = scaled(numeric[i].value!, numeric[i].unit, r);
        if (a !== null && b !== null && (down ? b > a : b < a)) {
          ctx.report(down ? 'milestone-increasing' : 'milestone-decreasing', numeric[i].cell, id, {
            year: numeric[i].year,
            value: numeric[i].text || fmt(numeric[i].value!),
            prevYear: numeric[i - 1].year,
            prevValue: numeric[i - 1].text || fmt(numeric[i - 1].value!),
          });
        }
      }
    }

    // The deadline year needs a milestone once any yearly figure is given.
    const dy = numeric.length > 0 && ctx.sheet.columns.deadline !== undefined ? yearOfDeadline(r.deadline) : null;
    if (dy !== null && !r.milestones.some((m) => m.year === dy)) {
      ctx.report('milestone-final-mismatch', r.cells.deadline ?? r.cells.schedule ?? numeric[numeric.length - 1].cell, id, {
        missingYear: dy,
      });
    }

    const last = numeric[numeric.length - 1];
    if (last && r.target.value !== null && (r.kind === 'cumulative' || r.kind === 'share')) {
      const v = scaled(last.value!, last.unit, r);
      if (v !== null && (down ? v > r.target.value + 1e-9 : v < r.target.value - 1e-9)) {
        ctx.report('milestone-final-mismatch', last.cell, id, {
          year: last.year,
          value: last.text || fmt(last.value!),
          target: `${fmt(r.target.value)}${r.target.unit ?? r.unit ?? ''}`,
        });
      }
    }
  }
};

export const milestoneUnits: Rule = (ctx) => {
  for (const r of ctx.records) {
    if (r.kind === 'qualitative') continue;
    const targetUnit = r.target.unit ?? r.unit;
    const id = r.id || null;
    if (r.target.value !== null && !targetUnit && r.cells.unit === undefined) {
      ctx.report('target-unit-missing', r.target.cell, id, { value: fmt(r.target.value) });
    }
    if (!targetUnit) continue;
    // Text milestones without a unit: one finding per cell, naming the years.
    let missing: Map<string, number[]> | undefined;
    for (const m of r.milestones) {
      if (m.value === null) continue;
      if (m.unit) {
        if (unitFactor(m.unit, targetUnit) === null)
          ctx.report('milestone-unit-mismatch', m.cell, id, { year: m.year, unit: m.unit, targetUnit });
      } else if (m.fromText) {
        missing ??= new Map();
        missing.set(m.cell, [...(missing.get(m.cell) ?? []), m.year]);
      }
    }
    for (const [cell, years] of missing ?? []) {
      const texts = r.milestones.filter((m) => m.cell === cell && years.includes(m.year)).map((m) => m.text);
      ctx.report('milestone-unit-mismatch', cell, id, { year: years.join('、'), text: texts.join(' '), targetUnit });
    }
  }
};

export const shares: Rule = (ctx) => {
  for (const r of ctx.records) {
    if (r.kind !== 'share') continue;
    const id = r.id || null;
    // the field's name is made only for a figure out of range
    const check = (value: number | null, cell: string | null, field: () => string) => {
      if (value !== null && cell && (value < 0 || value > 100))
        ctx.report('share-out-of-range', cell, id, { value: fmt(value), field: field() });
    };
    check(r.target.value, r.target.cell, () => fieldName('target', ctx.lang));
    for (const m of r.milestones) check(m.value, m.cell, () => fieldName(`y${m.year}`, ctx.lang));
    check(r.actual.value, r.actual.cell, () => fieldName('actual', ctx.lang));
  }
};

export const targets: Rule = (ctx) => {
  for (const r of ctx.records) {
    if (r.kind === 'qualitative' || r.target.value !== null || r.target.invalid !== null) continue;
    ctx.report('target-missing', r.cells.target ?? r.cells.task ?? null, r.id || null);
  }
};
