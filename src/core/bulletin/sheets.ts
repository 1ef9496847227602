/**
 * Which sheets a bulletin is drafted from, found through the registry: kept apart from the
 * reader so the pane can tell whether 生成通报 applies without loading the rest of it.
 */
import type { Grid } from '../sheet/grid';
import type { KeytaskSheet } from '../sheet/registry';

/** The registry kinds a bulletin reads; `summary` is the one it cannot do without. */
export const BULLETIN_KINDS = ['summary', 'status', 'ranking', 'findings', 'city'] as const;
export type BulletinKind = (typeof BULLETIN_KINDS)[number];

/** What a host read: each kind's grid (values, formulas as their results), and the period history. */
export interface SummaryGrids {
  grids: Partial<Record<BulletinKind, Grid | null>>;
  /** the very hidden `keytask_periods` sheet's values, when the workbook has one */
  history?: Grid | null;
}

/** The sheets to read, by kind: the first live sheet of each kind the registry names. */
export function summarySheetsToRead(sheets: readonly KeytaskSheet[]): Partial<Record<BulletinKind, string>> {
  const out: Partial<Record<BulletinKind, string>> = {};
  for (const kind of BULLETIN_KINDS) {
    const s = sheets.find((k) => k.kind === kind && k.sheet !== null);
    if (s?.sheet) out[kind] = s.sheet;
  }
  return out;
}

/** Whether an open workbook holds a roll-up's summary to draft a bulletin from. */
export function hasSummary(sheets: readonly KeytaskSheet[]): boolean {
  return sheets.some((s) => s.kind === 'summary' && s.sheet !== null);
}
