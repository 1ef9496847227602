/**
 * The first read of every operation: the sheet list, the workbook's defined names and the
 * registry, from which keytask knows its sheets whatever the user renamed them to. Queued by
 * `loadStructure`, synced by the caller (which may add its own loads to the same round trip),
 * then read back with `structureOf`.
 *
 * It also brings the used-range address of the active sheet and of the first visible one, so
 * the values read that follows can be planned under the response limit before it is sent
 * (usedRanges.ts). Office.js can only name a sheet it knows, and the sheets keytask will read are
 * known only from this read's answer; these two need no name and, in a keytask workbook, are
 * usually its city sheet or a county copy — the layout every task sheet shares.
 */
import type { Grid } from '../../core/sheet/grid';
import { type KeytaskSheet, REGISTRY_SHEET, liveKeytaskSheets } from '../../core/sheet/registry';
import { gridFromA1 } from './usedRanges';

export interface StructureLoad {
  worksheets: Excel.WorksheetCollection;
  names: Excel.NamedItemCollection;
  registrySheet: Excel.Worksheet;
  registryUsed: Excel.Range;
  /** sheets reachable without a name, with their used ranges */
  probes: Array<{ sheet: Excel.Worksheet; used: Excel.Range }>;
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
  /** used-range addresses known so far, by sheet name (null: empty sheet), for readUsedRanges */
  extents: Map<string, string | null>;
}

export function loadStructure(context: Excel.RequestContext): StructureLoad {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  const names = context.workbook.names;
  names.load('items/name,items/formula');
  const registrySheet = worksheets.getItemOrNullObject(REGISTRY_SHEET);
  const registryUsed = registrySheet.getUsedRangeOrNullObject(true);
  registryUsed.load('values,address');
  const probes = [worksheets.getActiveWorksheet(), worksheets.getFirst(true)].map((sheet) => {
    sheet.load('name');
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('address');
    return { sheet, used };
  });
  return { worksheets, names, registrySheet, registryUsed, probes };
}

/** Call after the sync that followed `loadStructure`. */
export function structureOf(load: StructureLoad): Structure {
  const { worksheets, names, registrySheet, registryUsed, probes } = load;
  const sheets = worksheets.items.map((ws) => ({ name: ws.name, visibility: String(ws.visibility) }));
  const nameRefs = names.items.map((n) => ({ name: n.name, ref: String(n.formula) }));
  const registry: Grid | null = registryUsed.isNullObject ? null : gridFromA1(registryUsed.values, registryUsed.address);
  return {
    sheets,
    present: new Map(sheets.map((s) => [s.name.toLowerCase(), s.name])),
    names: nameRefs,
    registry,
    registryExists: !registrySheet.isNullObject,
    extents: new Map([
      ...(registryUsed.isNullObject ? [] : [[REGISTRY_SHEET, registryUsed.address] as const]),
      ...probes.map((p) => [p.sheet.name, p.used.isNullObject ? null : p.used.address] as const),
    ]),
    keytaskSheets: liveKeytaskSheets(
      registry,
      nameRefs,
      sheets.map((s) => s.name),
    ),
  };
}
