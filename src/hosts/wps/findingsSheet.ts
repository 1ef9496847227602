/**
 * The 审核意见 sheet in the open WPS workbook: the core lays it out (operations/findingsSheet.ts)
 * and names it beside any sheet of the user's; this file reads the structure, asks when another
 * name is taken, and renders the spec — the steps of the Excel host's writeFindingsSheet, through ET.
 */
import type { Finding } from '../../core/findings/catalogue';
import type { Lang } from '../../core/i18n';
import { findingsSheet } from '../../core/operations/findingsSheet';
import type { NameConflict } from '../../core/sheet/claims';
import { readStructure } from './readGrids';
import { renderSpec } from './renderSpec';
import type { WpsApi } from './runtime';

export interface WpsFindingsSheet {
  sheet: string;
  /** the name keytask wanted, when a sheet of the user's held it */
  wanted?: string;
  /** the user declined the other name: nothing was written (`sheet` is '') */
  cancelled?: boolean;
}

export async function writeFindingsSheetInWps(
  api: WpsApi,
  findings: Finding[],
  lang: Lang,
  opts: { subject?: string; date?: string; confirm?: (conflicts: NameConflict[]) => Promise<boolean> } = {},
): Promise<WpsFindingsSheet> {
  const structure = await api.run(readStructure);
  const sheetNames = structure.sheets.map((s) => s.name);
  const date = opts.date ?? new Date().toISOString().slice(0, 10);
  const existing = { sheetNames, keytaskSheets: structure.keytaskSheets, registryExists: structure.registryExists };
  const f = findingsSheet(findings, lang, existing, { ...opts, date });
  if (f.conflicts.length > 0 && opts.confirm && !(await opts.confirm(f.conflicts))) {
    return { sheet: '', wanted: f.wanted, cancelled: true };
  }
  await api.run((app) =>
    renderSpec(app, f.spec, {
      updatable: f.updatable,
      existingSheets: sheetNames,
      existingNames: structure.names.map((n) => n.name),
      activate: f.name,
    }),
  );
  return { sheet: f.name, ...(f.renamed ? { wanted: f.wanted } : {}) };
}
