/**
 * What the operations read from the active workbook through ET: the sheet list, the defined
 * names and the registry (structure), and the grids of sheets, with their merged areas and the
 * figure cells formatted as percent. In the shapes the Excel host hands the core, so the core
 * cannot tell the hosts apart.
 */
import { figureRanges, percentCellsIn } from '../../core/layout/figureCells';
import type { Grid } from '../../core/sheet/grid';
import { type KeytaskSheet, REGISTRY_SHEET, liveKeytaskSheets } from '../../core/sheet/registry';
import { type CellValue, type Visibility, cellAddress, parseRange, rangeAddress } from '../../core/sheet/spec';
import { type EtApplication, type EtRange, type EtWorksheet, XL_SHEET } from './et';

export interface WpsStructure {
  sheets: Array<{ name: string; visibility: Visibility }>;
  /** workbook-level defined names */
  names: Array<{ name: string; ref: string }>;
  registry: Grid | null;
  registryExists: boolean;
  keytaskSheets: KeytaskSheet[];
  /** the active sheet's name */
  active: string;
}

const VISIBILITY = new Map<number, Visibility>([
  [XL_SHEET.visible, 'visible'],
  [XL_SHEET.hidden, 'hidden'],
  [XL_SHEET.veryHidden, 'veryHidden'],
]);

function toCellValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/**
 * A range's Value2 as a 2-D array: one cell's Value2 is the bare value, not an array
 * (Range.Value2, https://learn.microsoft.com/office/vba/api/excel.range.value2).
 */
export function values2D(r: EtRange): unknown[][] {
  const v = r.Value2;
  return Array.isArray(v) ? (v as unknown[][]) : [[v]];
}

/**
 * A sheet's values from A1, as the Excel host reads them (the used range of values only):
 * rows before the first value are empty, and each row runs from A to the last column holding a
 * value. ET's UsedRange also takes formatted empty cells in, which are cut off here.
 */
export function gridOf(ws: EtWorksheet): Grid {
  const used = ws.UsedRange;
  const raw = values2D(used).map((row) => row.map(toCellValue));
  let row1 = Infinity;
  let row2 = -1;
  let col1 = Infinity;
  let col2 = -1;
  raw.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null) return;
      row1 = Math.min(row1, r);
      row2 = Math.max(row2, r);
      col1 = Math.min(col1, c);
      col2 = Math.max(col2, c);
    }),
  );
  if (row2 < 0) return [];
  const top = used.Row - 1 + row1;
  const left = used.Column - 1 + col1;
  const grid: Grid = Array.from({ length: top }, () => []);
  for (let r = row1; r <= row2; r++) grid.push([...new Array<CellValue>(left).fill(null), ...raw[r].slice(col1, col2 + 1)]);
  return grid;
}

/** `$A$6:$A$9` → `A6:A9` */
const local = (address: string): string => address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');

/**
 * Merged areas of the used range. ET has no call that lists them; Range.MergeCells is false for a
 * block with no merged cell (null when partly merged, https://learn.microsoft.com/office/vba/api/excel.range.mergecells),
 * so blocks of rows without one are skipped whole and only rows that have one are asked cell by cell.
 */
export function mergesOf(ws: EtWorksheet): string[] {
  const used = ws.UsedRange;
  const col1 = used.Column - 1;
  const col2 = col1 + used.Columns.Count - 1;
  const found = new Set<string>();
  const scan = (row1: number, row2: number): void => {
    if (ws.Range(rangeAddress(row1, col1, row2, col2)).MergeCells === false) return;
    if (row1 < row2) {
      const mid = Math.floor((row1 + row2) / 2);
      scan(row1, mid);
      scan(mid + 1, row2);
      return;
    }
    for (let c = col1; c <= col2; c++) {
      const cell = ws.Range(cellAddress(row1, c));
      if (cell.MergeCells) found.add(local(cell.MergeArea.Address()));
    }
  };
  const row1 = used.Row - 1;
  scan(row1, row1 + used.Rows.Count - 1);
  return [...found];
}

/**
 * The figure cells formatted as percent (a clerk's 8% is stored as 0.08). Reading NumberFormat of
 * a range gives its one format, or null when its cells differ; then the cells are asked one by one.
 */
export function percentCellsOf(ws: EtWorksheet, grid: Grid): string[] {
  return figureRanges(grid).flatMap((range) => {
    const b = parseRange(range.range);
    const whole = ws.Range(range.range).NumberFormat;
    const formats = Array.from({ length: b.row2 - b.row1 + 1 }, (_, i) =>
      Array.from({ length: b.col2 - b.col1 + 1 }, (_, j) =>
        whole !== null ? whole : ws.Range(cellAddress(b.row1 + i, b.col1 + j)).NumberFormat,
      ),
    );
    return percentCellsIn(grid, range, formats);
  });
}

/** Every sheet (Worksheets.Item is 1-based), the workbook-level names and the registry. */
export function readStructure(app: EtApplication): WpsStructure {
  const book = app.ActiveWorkbook;
  const sheets: WpsStructure['sheets'] = [];
  for (let i = 1; i <= book.Worksheets.Count; i++) {
    const ws = book.Worksheets.Item(i);
    sheets.push({ name: ws.Name, visibility: VISIBILITY.get(ws.Visible) ?? 'visible' });
  }
  const names: WpsStructure['names'] = [];
  for (let i = 1; i <= book.Names.Count; i++) {
    const n = book.Names.Item(i);
    // A sheet-level name is listed as `Sheet1!name`; the Excel host reads workbook-level ones only.
    if (!n.Name.includes('!')) names.push({ name: n.Name, ref: n.RefersTo });
  }
  const registrySheet = sheets.find((s) => s.name.toLowerCase() === REGISTRY_SHEET.toLowerCase());
  const read = registrySheet ? gridOf(book.Worksheets.Item(registrySheet.name)) : null;
  // An empty registry sheet reads as none, as in the Excel host (no used range of values).
  const registry = read && read.length > 0 ? read : null;
  return {
    sheets,
    names,
    registry,
    registryExists: registrySheet !== undefined,
    keytaskSheets: liveKeytaskSheets(
      registry,
      names,
      sheets.map((s) => s.name),
    ),
    active: book.ActiveSheet.Name,
  };
}
