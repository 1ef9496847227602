/**
 * Number cells as clerks filled them: text or error values (#REF!, #VALUE!…), figures in a
 * unit that does not convert to the task's, approximate figures, and — as a note — figures
 * keytask converted (`0.23万` under 万个).
 */
import type { ColumnKey } from '../../layout/columns';
import { yearKey } from '../../layout/columns';
import type { Rule, RuleContext } from '../context';
import { type NumberField, type TaskRecord, fieldName } from '../record';

/**
 * A converted figure as the clerk checks it: to six decimal places, and a small one to six
 * significant digits in plain decimals — rounded to six places, 0.0045万 under 亿元
 * (0.00000045, a figure that is summed) read "计为0".
 */
export function convertedText(n: number): string {
  if (n === 0 || !Number.isFinite(n) || Math.abs(n) >= 0.001) return String(Math.round(n * 1e6) / 1e6);
  const fixed = n.toFixed(Math.min(20, 5 - Math.floor(Math.log10(Math.abs(n)))));
  return fixed.replace(/0+$/, '');
}

export function reportNumberField(ctx: Pick<RuleContext, 'lang' | 'report'>, r: TaskRecord, key: ColumnKey, f: NumberField): void {
  if (!f.cell || (f.invalid === null && !f.issue)) return;
  const id = r.id || null;
  const field = fieldName(key, ctx.lang);
  if (f.invalid !== null) {
    ctx.report('number-invalid', f.cell, id, { field, text: f.invalid });
    return;
  }
  const issue = f.issue!;
  if (issue.kind === 'unitMismatch')
    ctx.report('number-unit-mismatch', f.cell, id, { field, text: issue.typed, unit: issue.unit, expected: issue.expected });
  else if (issue.kind === 'approximate') ctx.report('number-approximate', f.cell, id, { field, text: issue.typed });
  else ctx.report('number-converted', f.cell, id, { field, text: issue.typed, unit: issue.unit, value: convertedText(issue.value) });
}

export const numberCells: Rule = (ctx) => {
  const yearKeys = new Map(ctx.sheet.years.map((y) => [y, yearKey(y)]));
  for (const r of ctx.records) {
    reportNumberField(ctx, r, 'target', r.target);
    for (const y of r.yearFields) reportNumberField(ctx, r, yearKeys.get(y.year) ?? yearKey(y.year), y.field);
    reportNumberField(ctx, r, 'actual', r.actual);
  }
};
