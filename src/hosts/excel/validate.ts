/**
 * Review in the open workbook. Everything is read in three syncs whatever the number of rows or
 * sheets — sync 1 the sheet list, the active sheet, the names and the registry; sync 2 the
 * values (and merged areas) of the sheets to check and of the unit directory; sync 3, when the
 * figure columns hold numbers, their number formats (a percent cell holds 0.08 for 8%) — and
 * checked by the core. A 5,000-task sheet costs what a 5-task one does: one more round trip is the price
 * users notice, not a few more kilobytes. Only values beyond Excel on the web's 5 MB response
 * limit (hundreds of county sheets) are read in more syncs (usedRanges.ts).
 */
import type { Finding } from '../../core/findings/catalogue';
import type { Lang } from '../../core/i18n';
import { REGISTRY_SHEET } from '../../core/sheet/registry';
import type { Visibility } from '../../core/sheet/spec';
import { type WorkbookSheet, planValidation, validateWorkbook } from '../../core/validate/workbook';
import { type ExcelApi, capabilitiesOf } from './runtime';
import { loadStructure, structureOf } from './structure';
import { readPercentCells } from './percentCells';
import { readUsedRanges } from './usedRanges';

export interface ValidateInExcelOptions {
  /** the active sheet only, or every task sheet of the workbook */
  scope: 'active' | 'all';
  lang: Lang;
}

export interface ExcelValidation {
  findings: Finding[];
  checked: string[];
  /** round trips used */
  syncs: number;
}

const VISIBILITY: Record<string, Visibility> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

export async function validateInExcel(api: ExcelApi, opts: ValidateInExcelOptions): Promise<ExcelValidation> {
  // Older Excel (before Range.getMergedAreasOrNullObject) is checked without merges.
  const merges = capabilitiesOf(api).mergedAreas;
  return api.run(async (context) => {
    const load = loadStructure(context);
    const active = load.worksheets.getActiveWorksheet();
    active.load('name');
    await context.sync();
    const structure = structureOf(load);
    const sheets: WorkbookSheet[] = structure.sheets.map((ws) => ({ name: ws.name, visibility: VISIBILITY[ws.visibility] ?? 'visible' }));
    const keytask = structure.keytaskSheets;
    const { registry, names: nameRefs } = structure;
    const only = opts.scope === 'active' ? active.name : undefined;
    const plan = planValidation(sheets, keytask, only);

    const toRead = [...new Set([...plan.targets.map((t) => t.sheet), ...(plan.directory ? [plan.directory] : [])])];
    const read = await readUsedRanges(context, toRead, { merges });
    const percent = await readPercentCells(
      context,
      plan.targets.flatMap((t) => {
        const r = read.sheets.get(t.sheet);
        return r ? [{ sheet: t.sheet, grid: r.grid }] : [];
      }),
    );
    const syncs = 1 + read.syncs + percent.syncs;
    const all: WorkbookSheet[] = sheets.map((s) => {
      if (s.name === REGISTRY_SHEET && registry) return { ...s, grid: registry };
      const r = read.sheets.get(s.name);
      const percentCells = percent.cells.get(s.name);
      return r ? { ...s, grid: r.grid, merges: r.merges, ...(percentCells ? { percentCells } : {}) } : s;
    });
    const result = validateWorkbook(all, nameRefs, { lang: opts.lang, ...(only !== undefined ? { sheet: only } : {}) });
    return { ...result, syncs };
  });
}

/** Shows the cell a finding is about: activates its sheet and selects the cell, in one sync. */
export async function selectFinding(api: ExcelApi, finding: Pick<Finding, 'sheet' | 'cell'>): Promise<void> {
  await api.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(finding.sheet);
    ws.activate();
    ws.getRange(finding.cell ?? 'A1').select();
    await context.sync();
  });
}
