/**
 * Generation in the active WPS workbook: read the structure and the keytask sheets to keep, let
 * the core work out the workbook (regenerate), ask the user about name conflicts, write it and
 * show the city sheet — the steps of the Excel host's generateInExcel, through ET.
 */
import type { GenerateOptions } from '../../core/generate/generate';
import type { Plan } from '../../core/model';
import { type NameConflict, type SheetAction, sheetsToRead } from '../../core/operations/generate';
import { regenerate } from '../../core/operations/regenerate';
import type { Grid } from '../../core/sheet/grid';
import { TEMPLATE_SHEET } from '../../core/sheet/renderPlan';
import { gridOf, readStructure } from './readGrids';
import { renderSpec } from './renderSpec';
import type { WpsApi } from './runtime';

export interface WpsGeneration {
  actions: SheetAction[];
  conflicts: NameConflict[];
  cancelled: boolean;
  /** the sheet shown when done ('' when cancelled) */
  activated: string;
}

export async function generateInWps(
  api: WpsApi,
  plan: Plan,
  opts: GenerateOptions,
  confirm: (conflicts: NameConflict[]) => Promise<boolean>,
): Promise<WpsGeneration> {
  const wanted = sheetsToRead(opts);
  const read = await api.run((app) => {
    const structure = readStructure(app);
    const grids: Record<string, Grid> = {};
    for (const s of structure.keytaskSheets) {
      if (s.sheet !== null && wanted.includes(s.key)) grids[s.sheet] = gridOf(app.ActiveWorkbook.Worksheets.Item(s.sheet));
    }
    return { structure, grids };
  });
  const { structure } = read;
  const existing = { sheetNames: structure.sheets.map((s) => s.name), keytaskSheets: structure.keytaskSheets, grids: read.grids };
  const g = regenerate({ plan, ...opts }, { existing, registryExists: structure.registryExists, write: 'in-place' });
  const { actions, conflicts } = g;

  // Nothing has been written yet, so refusing leaves the workbook as it was.
  if (conflicts.length > 0 && !(await confirm(conflicts))) {
    return { actions, conflicts, cancelled: true, activated: '' };
  }

  // A workbook an Excel render left half-way may carry its very hidden scratch sheet.
  const stale = new RegExp(`^${TEMPLATE_SHEET}\\d*$`, 'i');
  const staleTemplates = structure.sheets.filter((s) => stale.test(s.name) && s.visibility === 'veryHidden').map((s) => s.name);
  await api.run((app) =>
    renderSpec(app, g.spec, {
      updatable: g.updatable,
      existingSheets: existing.sheetNames,
      existingNames: structure.names.map((n) => n.name),
      staleTemplates,
      ...(g.activate ? { activate: g.activate } : {}),
    }),
  );
  return { actions, conflicts, cancelled: false, activated: g.activate };
}
