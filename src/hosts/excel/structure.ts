/**
 * The first read of every operation: the sheet list, the workbook's defined names and the
 * registry, from which keytask knows its sheets whatever the user renamed them to. Queued by
 * `loadStructure`, synced by the caller (which may add its own loads to the same round trip),
 * then read back with `structureOf`.
 */
import type { Grid } from '../../core/sheet/grid';
import { type KeytaskSheet, REGISTRY_SHEET, liveKeytaskSheets } from '../../core/sheet/registry';
import { gridFromA1 } from './usedRanges';

export interface StructureLoad {
  worksheets: Excel.WorksheetCollection;
  names: Excel.NamedItemCollection;
  registrySheet: Excel.Worksheet;
  registryUsed: Excel.Range;
}

export interface Structure {
  sheets: Array<{ name: string; visibility: string }>;
  /** lower-case sheet name → the name as Excel spells it (sheet names compare case-insensitively) */
  present: Map<string, string>;
  names: Array<{ name: string; ref: string }>;
  /** the registry sheet's values from A1, null when the workbook has none */
  registry: Grid | null;
  registryExists: boolean;
  keytaskSheets: KeytaskSheet[];
}

export function loadStructure(context: Excel.RequestContext): StructureLoad {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  const names = context.workbook.names;
  names.load('items/name,items/formula');
  const registrySheet = worksheets.getItemOrNullObject(REGISTRY_SHEET);
  const registryUsed = registrySheet.getUsedRangeOrNullObject(true);
  registryUsed.load('values,address');
  return { worksheets, names, registrySheet, registryUsed };
}

/** Call after the sync that followed `loadStructure`. */
export function structureOf(load: StructureLoad): Structure {
  const { worksheets, names, registrySheet, registryUsed } = load;
  const sheets = worksheets.items.map((ws) => ({ name: ws.name, visibility: String(ws.visibility) }));
  const nameRefs = names.items.map((n) => ({ name: n.name, ref: String(n.formula) }));
  const registry: Grid | null = registryUsed.isNullObject ? null : gridFromA1(registryUsed.values, registryUsed.address);
  return {
    sheets,
    present: new Map(sheets.map((s) => [s.name.toLowerCase(), s.name])),
    names: nameRefs,
    registry,
    registryExists: !registrySheet.isNullObject,
    keytaskSheets: liveKeytaskSheets(
      registry,
      nameRefs,
      sheets.map((s) => s.name),
    ),
  };
}
