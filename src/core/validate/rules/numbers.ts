/** Number cells holding text or error values (#REF!, #VALUE!…). */
import type { Rule } from '../context';
import { fieldName } from '../record';

export const numberCells: Rule = (ctx) => {
  for (const r of ctx.records) {
    for (const [key, field] of [
      ['target', r.target],
      ['actual', r.actual],
    ] as const) {
      if (field.invalid !== null && field.cell)
        ctx.report('number-invalid', field.cell, r.id || null, { field: fieldName(key, ctx.lang), text: field.invalid });
    }
    for (const y of r.invalidYears)
      ctx.report('number-invalid', r.cells[y.key] ?? null, r.id || null, { field: fieldName(y.key, ctx.lang), text: y.text });
  }
};
