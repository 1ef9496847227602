/**
 * From the cells a reader found to the grid it returns, at a cost set by the cells present,
 * never by how far apart they are: a file with cells in A1, XFD1 and A70000 holds three cells,
 * not a billion. Both readers (fastRead/, excelJsRead.ts) shape their grids here, so they agree.
 */
import { LIMITS, LimitExceeded } from './limits';
import type { ReadValue } from './readTypes';

/**
 * Calls `f` for each index in [from, to) that `list` holds (a sparse array with `count` entries),
 * in order: by counting up where the range is about as long as the entries, else by its keys.
 */
export function eachPresent<T>(
  list: ReadonlyArray<T | undefined>,
  count: number,
  from: number,
  to: number,
  f: (i: number, v: T) => void,
): void {
  const end = Math.min(to, list.length);
  if (end - from <= 4 * count + 16) {
    for (let i = from; i < end; i++) {
      const v = list[i];
      if (v !== undefined) f(i, v);
    }
    return;
  }
  for (const k of Object.keys(list)) {
    const i = Number(k);
    if (i < from) continue;
    if (i >= end) break;
    f(i, list[i] as T);
  }
}

const filled = (v: ReadValue | undefined): v is NonNullable<ReadValue> => v !== null && v !== undefined && v !== '';

/**
 * The grid of `rows` (sparse: `rows[r][c]`, `counts[r]` the entries of row r, `rowCount` the
 * rows present). Rows end at the last holding a value. All rows are as wide as the widest
 * value where that costs at most about twice the cells the rows hold; otherwise (cells far
 * apart) each row is as long as its own last value, and a reader of the grid gets null beyond.
 * Throws LimitExceeded when even that passes LIMITS.sheetCells.
 */
export function shapeGrid(
  rows: ReadonlyArray<ReadValue[] | undefined>,
  counts: readonly number[],
  rowCount: number,
  sheet: string,
): ReadValue[][] {
  const last: number[] = [];
  let height = 0;
  let width = 0;
  let cells = 0;
  eachPresent(rows, rowCount, 0, rows.length, (r, row) => {
    let end = 0;
    eachPresent(row, counts[r] ?? row.length, 0, row.length, (c, v) => {
      if (filled(v)) end = c + 1;
    });
    if (end === 0) return;
    last[r] = end;
    height = r + 1;
    width = Math.max(width, end);
    cells += end;
    if (cells > LIMITS.sheetCells) throw new LimitExceeded('sheetCells', sheet);
  });
  const dense = height * width <= 2 * cells + 65536;
  const grid: ReadValue[][] = new Array<ReadValue[]>(height);
  for (let r = 0; r < height; r++) {
    const end = last[r] ?? 0;
    const out = new Array<ReadValue>(dense ? width : end).fill(null);
    const src = rows[r];
    if (src && end) {
      eachPresent(src, counts[r] ?? src.length, 0, end, (c, v) => {
        if (filled(v)) out[c] = v;
      });
    }
    grid[r] = out;
  }
  return grid;
}
