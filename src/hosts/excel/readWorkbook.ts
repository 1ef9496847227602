/**
 * Reads what generation needs from the open workbook in a fixed number of round trips:
 * sync 1 gets the sheet list, the defined names and the registry sheet's values; sync 2 (only
 * when keytask sheets are to be updated) gets the values of all of them at once.
 */
import type { ExistingWorkbook } from '../../core/generate/generate';
import type { Grid } from '../../core/sheet/grid';
import { type CellValue, parseRange } from '../../core/sheet/spec';
import { loadStructure, structureOf } from './structure';

export interface WorkbookSnapshot {
  existing: ExistingWorkbook;
  /** every sheet, keytask's and the user's, with its visibility */
  sheets: Array<{ name: string; visibility: string }>;
  /** every workbook-level defined name */
  names: string[];
  registryExists: boolean;
}

/**
 * Values as `getUsedRange` delivers them start at the used range's top-left; the core reads
 * grids from A1, so the rows and columns before it are filled with empty cells.
 */
export function gridFromA1(values: unknown[][], address: string): Grid {
  const local = address.slice(address.lastIndexOf('!') + 1);
  const { row1, col1 } = parseRange(local);
  const lead: CellValue[] = new Array<CellValue>(col1).fill(null);
  const rows: Grid = Array.from({ length: row1 }, () => []);
  for (const row of values) rows.push([...lead, ...row.map(toCellValue)]);
  return rows;
}

function toCellValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/**
 * @param wantedKeys keys of the keytask sheets generation will update (their grids are read);
 *   undefined reads the grids of every keytask sheet found.
 */
export async function readWorkbook(context: Excel.RequestContext, wantedKeys?: readonly string[]): Promise<WorkbookSnapshot> {
  const load = loadStructure(context);
  await context.sync();
  const { worksheets } = load;
  const { sheets, names: nameRefs, keytaskSheets, registryExists } = structureOf(load);

  const toRead = keytaskSheets.filter(
    (s): s is typeof s & { sheet: string } => s.sheet !== null && (!wantedKeys || wantedKeys.includes(s.key)),
  );
  const grids: Record<string, Grid> = {};
  if (toRead.length > 0) {
    const used = toRead.map((s) => {
      const range = worksheets.getItem(s.sheet).getUsedRangeOrNullObject(true);
      range.load('values,address');
      return { sheet: s.sheet, range };
    });
    await context.sync();
    for (const { sheet, range } of used) grids[sheet] = range.isNullObject ? [] : gridFromA1(range.values, range.address);
  }

  return {
    existing: { sheetNames: sheets.map((s) => s.name), keytaskSheets, grids },
    sheets,
    names: nameRefs.map((n) => n.name),
    registryExists,
  };
}
