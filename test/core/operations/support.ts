import type { WorkbookSheet } from '../../../src/core/operations/validate';
import type { WorkbookSpec } from '../../../src/core/sheet/spec';

/** A written spec as a host would read it back: every sheet with its values, and the names. */
export function readBack(spec: WorkbookSpec): { sheets: WorkbookSheet[]; names: Array<{ name: string; ref: string }> } {
  return {
    sheets: spec.sheets.map((s) => ({ name: s.name, visibility: s.visibility, grid: s.values })),
    names: spec.names.map((n) => ({ name: n.name, ref: `=${n.ref}` })),
  };
}
