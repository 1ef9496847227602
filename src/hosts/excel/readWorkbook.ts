/**
 * Reads what generation needs from the open workbook in a fixed number of round trips:
 * sync 1 gets the sheet list, the defined names and the registry sheet's values; sync 2 (only
 * when keytask sheets are to be updated) gets the values of all of them at once (in more only
 * past the 5 MB response limit: usedRanges.ts).
 */
import type { ExistingWorkbook } from '../../core/generate/generate';
import type { Grid } from '../../core/sheet/grid';
import { loadStructure, structureOf } from './structure';
import { readUsedRanges } from './usedRanges';

export interface WorkbookSnapshot {
  existing: ExistingWorkbook;
  /** every sheet, keytask's and the user's, with its visibility */
  sheets: Array<{ name: string; visibility: string }>;
  /** every workbook-level defined name */
  names: string[];
  registryExists: boolean;
}

/**
 * @param wantedKeys keys of the keytask sheets generation will update (their grids are read);
 *   undefined reads the grids of every keytask sheet found.
 */
export async function readWorkbook(context: Excel.RequestContext, wantedKeys?: readonly string[]): Promise<WorkbookSnapshot> {
  const load = loadStructure(context);
  await context.sync();
  const { sheets, names: nameRefs, keytaskSheets, registryExists, extents } = structureOf(load);

  const toRead = keytaskSheets.filter(
    (s): s is typeof s & { sheet: string } => s.sheet !== null && (!wantedKeys || wantedKeys.includes(s.key)),
  );
  const grids: Record<string, Grid> = {};
  if (toRead.length > 0) {
    const read = await readUsedRanges(
      context,
      toRead.map((s) => s.sheet),
      { extents },
    );
    for (const [sheet, v] of read.sheets) grids[sheet] = v.grid;
  }

  return {
    existing: { sheetNames: sheets.map((s) => s.name), keytaskSheets, grids },
    sheets,
    names: nameRefs.map((n) => n.name),
    registryExists,
  };
}
