/** Small helpers for reading 2-D grids of cell values as hosts deliver them. */
import type { CellValue } from './spec';

export type Grid = CellValue[][];

/** A cell as trimmed text ('' for empty, formulas and errors as their text). */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return v.formula;
  return String(v).trim();
}

export function isEmpty(v: CellValue | undefined): boolean {
  // A number or boolean is never empty: asked of every cell of every row, the answer must not
  // cost the number's text (String(12.5)) each time.
  if (typeof v === 'number' || typeof v === 'boolean') return false;
  if (typeof v === 'string') {
    // Nor is text that starts with a letter, digit or Chinese character (most cells).
    const c = v.charCodeAt(0);
    if ((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff)) return false;
  }
  return cellText(v) === '';
}

export function cellAt(grid: Grid, row: number, col: number): CellValue {
  return grid[row]?.[col] ?? null;
}

/** A sheet's title: the first text in its first row ('' when it has none). */
export function titleOf(grid: Grid): string {
  return (grid[0] ?? []).map(cellText).find(Boolean) ?? '';
}
