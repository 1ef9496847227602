/**
 * What reading an .xlsx gives, whichever reader did it (fastRead/, or ExcelJS in
 * excelJsRead.ts): plain grids of values plus the workbook's defined names.
 */
import type { CellValue, Visibility } from '../../core/sheet/spec';

/** A grid cell as read: formulas already replaced by their cached result. */
export type ReadValue = Exclude<CellValue, { formula: string }>;

export interface ReadSheetData {
  name: string;
  state: Visibility;
  /** values from A1; every row has the same length */
  grid: ReadValue[][];
  /** merged ranges as `A6:A9` (top-left:bottom-right), in the file's order */
  merges?: string[];
  /** number cells formatted as percent (`N7`), in the file's order; absent when none */
  percentCells?: string[];
}

export interface ReadWorkbook {
  sheets: ReadSheetData[];
  /** workbook-level defined names as written in the file, e.g. `'新密市'!$A$1` or `'新密市'!#REF!` */
  names: Array<{ name: string; ref: string }>;
}

/**
 * How both readers write a date: `2024-06-30` at midnight UTC, else the full ISO time; null for
 * an invalid date (ExcelJS makes one from a formula's text or error result in a date-formatted cell).
 */
export function isoDateText(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
