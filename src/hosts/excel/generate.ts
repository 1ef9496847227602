/**
 * Generation in the open workbook: read (1 sync, 2 when keytask sheets are to be updated),
 * let the core work out the workbook, ask the user about name conflicts, write (1 sync while
 * the data stays under the request budget) and show the city sheet.
 *
 * A fresh workbook therefore takes 2 syncs and a re-generation 3, for 1 county or 20: county
 * copies after the first are made by copying it (new sheets) or pasting its layout (sheets
 * being updated), so the write does not grow with counties.
 */
import type { GenerateOptions } from '../../core/generate/generate';
import type { Plan } from '../../core/model';
import { type NameConflict, type SheetAction, sheetsToRead } from '../../core/operations/generate';
import { regenerate } from '../../core/operations/regenerate';
import { readWorkbook } from './readWorkbook';
import { type RenderOptions, TEMPLATE_SHEET, renderSpec } from './renderSpec';
import { type ExcelApi, capabilitiesOf } from './runtime';

export interface ExcelGeneration {
  actions: SheetAction[];
  conflicts: NameConflict[];
  cancelled: boolean;
  /** the sheet shown when done ('' when cancelled) */
  activated: string;
}

export async function generateInExcel(
  api: ExcelApi,
  plan: Plan,
  opts: GenerateOptions,
  confirm: (conflicts: NameConflict[]) => Promise<boolean>,
  /** only for comparing ways of writing in tests (e.g. every sheet in full) */
  renderOverrides: Partial<Pick<RenderOptions, 'copySheets' | 'pasteRanges'>> = {},
): Promise<ExcelGeneration> {
  const snapshot = await api.run((context) => readWorkbook(context, sheetsToRead(opts)));
  const { existing, registryExists } = snapshot;
  const g = regenerate({ plan, ...opts }, { existing, registryExists, write: 'in-place' });
  const { actions, conflicts } = g;

  // Nothing has been written yet, so refusing leaves the workbook as it was.
  if (conflicts.length > 0 && !(await confirm(conflicts))) {
    return { actions, conflicts, cancelled: true, activated: '' };
  }

  const capabilities = capabilitiesOf(api);
  // A render that failed half-way may have left its very hidden scratch sheet behind.
  const stale = new RegExp(`^${TEMPLATE_SHEET}\\d*$`, 'i');
  const staleTemplates = snapshot.sheets.filter((s) => stale.test(s.name) && s.visibility === 'VeryHidden').map((s) => s.name);
  await api.run((context) =>
    renderSpec(context, g.spec, {
      updatable: g.updatable,
      existingSheets: existing.sheetNames,
      existingNames: snapshot.names,
      pageLayout: capabilities.pageLayout,
      rangeAreas: capabilities.rangeAreas,
      pasteRanges: capabilities.pasteRanges,
      staleTemplates,
      ...(g.activate ? { activate: g.activate } : {}),
      ...renderOverrides,
    }),
  );
  return { actions, conflicts, cancelled: false, activated: g.activate };
}
