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
import {
  type SheetInfo,
  type ValidationReport,
  type WorkbookSheet,
  sheetsToValidate,
  validate,
  withGrids,
} from '../../core/operations/validate';
import type { Visibility } from '../../core/sheet/spec';
import { type ExcelApi, capabilitiesOf } from './runtime';
import { loadStructure, structureOf } from './structure';
import { readPercentCells } from './percentCells';
import { readUsedRanges } from './usedRanges';

export interface ValidateInExcelOptions {
  /** the active sheet only, or every task sheet of the workbook */
  scope: 'active' | 'all';
  lang: Lang;
}

export interface ExcelValidation extends ValidationReport {
  /** round trips used */
  syncs: number;
}

const VISIBILITY: Record<string, Visibility> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

/** What a review reads of the open workbook: every sheet, with the grids `validate` needs. */
export interface ReviewRead {
  sheets: WorkbookSheet[];
  names: Array<{ name: string; ref: string }>;
  /** the active sheet's name when the scope is the active sheet */
  only: string | undefined;
  /** round trips used */
  syncs: number;
}

/**
 * Reads what `validate` (and `fillStatus`, which takes the same sheets) needs, in the syncs the
 * header describes: structure and active sheet, the sheets' values, the figure cells' formats.
 */
export async function readForReview(api: ExcelApi, context: Excel.RequestContext, scope: 'active' | 'all'): Promise<ReviewRead> {
  // Older Excel (before Range.getMergedAreasOrNullObject) is checked without merges.
  const merges = capabilitiesOf(api).mergedAreas;
  const load = loadStructure(context);
  const active = load.worksheets.getActiveWorksheet();
  active.load('name');
  await context.sync();
  const structure = structureOf(load);
  const sheets: SheetInfo[] = structure.sheets.map((ws) => ({ name: ws.name, visibility: VISIBILITY[ws.visibility] ?? 'visible' }));
  const { registry, names } = structure;
  const only = scope === 'active' ? active.name : undefined;
  const { plan, read: toRead } = sheetsToValidate(sheets, registry, names, only);

  const read = await readUsedRanges(context, toRead, { merges, extents: structure.extents });
  const percent = await readPercentCells(
    context,
    plan.targets.flatMap((t) => {
      const r = read.sheets.get(t.sheet);
      return r ? [{ sheet: t.sheet, grid: r.grid }] : [];
    }),
  );
  const all = withGrids(sheets, registry, (name) => {
    const r = read.sheets.get(name);
    const percentCells = percent.cells.get(name);
    return r ? { grid: r.grid, merges: r.merges, ...(percentCells ? { percentCells } : {}) } : undefined;
  });
  return { sheets: all, names, only, syncs: 1 + read.syncs + percent.syncs };
}

export async function validateInExcel(api: ExcelApi, opts: ValidateInExcelOptions): Promise<ExcelValidation> {
  return api.run(async (context) => {
    const { sheets, names, only, syncs } = await readForReview(api, context, opts.scope);
    const { report } = validate(sheets, names, { lang: opts.lang, ...(only !== undefined ? { sheet: only } : {}) });
    return { ...report, syncs };
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
