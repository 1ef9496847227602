/**
 * Review in the open workbook. Everything is read in two syncs whatever the size or number of
 * sheets — sync 1 the sheet list, the active sheet, the names and the registry; sync 2 the
 * values (and merged areas) of the sheets to check and of the unit directory — and checked by
 * the core. A 5,000-task sheet costs what a 5-task one does: one more round trip is the price
 * users notice, not a few more kilobytes.
 */
import type { Finding } from '../../core/findings/catalogue';
import type { Lang } from '../../core/i18n';
import { REGISTRY_SHEET } from '../../core/sheet/registry';
import type { Visibility } from '../../core/sheet/spec';
import { type WorkbookSheet, planValidation, validateWorkbook } from '../../core/validate/workbook';
import { gridFromA1 } from './readWorkbook';
import type { ExcelApi } from './runtime';
import { loadStructure, structureOf } from './structure';

/** Range.getMergedAreasOrNullObject arrived in ExcelApi 1.13; older Excel is checked without merges. */
export const MERGED_AREAS_API = '1.13';

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

/**
 * `'新密市'!A6:A9, '新密市'!C6:C9` → `['A6:A9', 'C6:C9']`. Matched on the `!` rather than split
 * on commas, which a quoted sheet name may contain.
 */
export function mergedAddresses(address: string): string[] {
  return [...address.matchAll(/!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?/gi)].map((m) =>
    m[3] ? `${m[1]}${m[2]}:${m[3]}${m[4]}` : `${m[1]}${m[2]}`,
  );
}

export async function validateInExcel(api: ExcelApi, opts: ValidateInExcelOptions): Promise<ExcelValidation> {
  const merges = api.isSetSupported('ExcelApi', MERGED_AREAS_API);
  return api.run(async (context) => {
    const load = loadStructure(context);
    const active = load.worksheets.getActiveWorksheet();
    active.load('name');
    await context.sync();
    const { worksheets } = load;
    const structure = structureOf(load);
    const sheets: WorkbookSheet[] = structure.sheets.map((ws) => ({ name: ws.name, visibility: VISIBILITY[ws.visibility] ?? 'visible' }));
    const keytask = structure.keytaskSheets;
    const { registry, names: nameRefs } = structure;
    const only = opts.scope === 'active' ? active.name : undefined;
    const plan = planValidation(sheets, keytask, only);

    const toRead = [...new Set([...plan.targets.map((t) => t.sheet), ...(plan.directory ? [plan.directory] : [])])];
    const reads = toRead.map((name) => {
      const ws = worksheets.getItem(name);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('values,address');
      // The whole sheet, not the used range: a merge may reach past the last value.
      const areas = merges ? ws.getRange().getMergedAreasOrNullObject() : null;
      areas?.load('address');
      return { name, used, areas };
    });
    let syncs = 1;
    if (reads.length > 0) {
      await context.sync();
      syncs++;
    }
    const read = new Map(
      reads.map((r) => [
        r.name,
        {
          grid: r.used.isNullObject ? [] : gridFromA1(r.used.values, r.used.address),
          merges: r.areas && !r.areas.isNullObject ? mergedAddresses(r.areas.address) : [],
        },
      ]),
    );
    const all: WorkbookSheet[] = sheets.map((s) => {
      if (s.name === REGISTRY_SHEET && registry) return { ...s, grid: registry };
      const r = read.get(s.name);
      return r ? { ...s, grid: r.grid, merges: r.merges } : s;
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
