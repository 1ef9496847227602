/**
 * Review in the active WPS workbook: the structure, then the grids (with merged areas and percent
 * cells) of the sheets the core says to check, then the core's validate — the steps of the Excel
 * host's validateInExcel, through ET.
 */
import type { Finding } from '../../core/findings/catalogue';
import type { Lang } from '../../core/i18n';
import { type ValidationReport, sheetsToValidate, validate, withGrids } from '../../core/operations/validate';
import type { WorkbookSheet } from '../../core/validate/workbook';
import type { EtApplication } from './et';
import { gridOf, mergesOf, percentCellsOf, readStructure } from './readGrids';
import type { WpsApi } from './runtime';

export interface ValidateInWpsOptions {
  /** the active sheet only, or every task sheet of the workbook */
  scope: 'active' | 'all';
  lang: Lang;
}

/** What a review reads: the task sheets the core says to check, with their grids, and the names. */
export function readForReviewInWps(
  app: EtApplication,
  scope: 'active' | 'all',
): { sheets: WorkbookSheet[]; names: Array<{ name: string; ref: string }>; only?: string } {
  const structure = readStructure(app);
  const { sheets, registry, names } = structure;
  const only = scope === 'active' ? structure.active : undefined;
  const { plan, read } = sheetsToValidate(sheets, registry, names, only);
  const targets = new Set(plan.targets.map((t) => t.sheet));
  const all = withGrids(sheets, registry, (name) => {
    if (!read.includes(name)) return undefined;
    const ws = app.ActiveWorkbook.Worksheets.Item(name);
    const grid = gridOf(ws);
    const percentCells = targets.has(name) ? percentCellsOf(ws, grid) : [];
    return { grid, merges: mergesOf(ws), ...(percentCells.length > 0 ? { percentCells } : {}) };
  });
  return { sheets: all, names, ...(only !== undefined ? { only } : {}) };
}

export async function validateInWps(api: WpsApi, opts: ValidateInWpsOptions): Promise<ValidationReport> {
  return api.run((app) => {
    const { sheets, names, only } = readForReviewInWps(app, opts.scope);
    return validate(sheets, names, { lang: opts.lang, ...(only !== undefined ? { sheet: only } : {}) }).report;
  });
}

/** Shows the cell a finding is about: activates its sheet and selects the cell. */
export async function selectFindingInWps(api: WpsApi, finding: Pick<Finding, 'sheet' | 'cell'>): Promise<void> {
  await api.run((app) => {
    const ws = app.ActiveWorkbook.Worksheets.Item(finding.sheet);
    ws.Activate();
    ws.Range(finding.cell ?? 'A1').Select();
  });
}
