/**
 * What reading an .xlsx gives, whichever reader did it (fastRead.ts, or ExcelJS in
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
}

export interface ReadWorkbook {
  sheets: ReadSheetData[];
  /** workbook-level defined names as written in the file, e.g. `'新密市'!$A$1` or `'新密市'!#REF!` */
  names: Array<{ name: string; ref: string }>;
}
