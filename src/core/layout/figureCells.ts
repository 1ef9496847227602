/**
 * Which cells of a task sheet hold figures whose number format matters: the target, milestone
 * and actual columns of task rows, where they hold a number. A host that cannot see formats
 * with the values (Office.js, WPS) asks for the formats of just these ranges, then hands the
 * percent-formatted ones to the reader: Excel stores a typed `8%` as 0.08.
 */
import { type Grid } from '../sheet/grid';
import { cellAddress, rangeAddress } from '../sheet/spec';
import { locateColumns } from './reader';

export interface FigureRange {
  /** A1 range on the sheet, e.g. `G6:G60` or `I6:K60` */
  range: string;
  row1: number;
  col1: number;
}

/** Contiguous runs of the figure columns over the task rows, only where some cell is a number. */
export function figureRanges(grid: Grid): FigureRange[] {
  const located = locateColumns(grid);
  if (!located) return [];
  const { columns, firstDataRow } = located;
  const cols = Object.entries(columns)
    .filter(([k]) => k === 'target' || k === 'actual' || /^y\d{4}$/.test(k))
    .map(([, c]) => c as number)
    .sort((a, b) => a - b);
  const last = grid.length - 1;
  if (cols.length === 0 || last < firstDataRow) return [];
  const runs: Array<[number, number]> = [];
  for (const c of cols) {
    const run = runs[runs.length - 1];
    if (run && c === run[1] + 1) run[1] = c;
    else runs.push([c, c]);
  }
  const hasNumber = (c1: number, c2: number): boolean => {
    for (let r = firstDataRow; r <= last; r++) for (let c = c1; c <= c2; c++) if (typeof grid[r]?.[c] === 'number') return true;
    return false;
  };
  return runs
    .filter(([a, b]) => hasNumber(a, b))
    .map(([a, b]) => ({ range: rangeAddress(firstDataRow, a, last, b), row1: firstDataRow, col1: a }));
}

/** Whether an Excel number format shows a percent: a `%` outside quoted text and escapes. */
export function isPercentFormat(fmt: unknown): boolean {
  if (typeof fmt !== 'string' || !fmt) return false;
  return /%/.test(fmt.replace(/"[^"]*"/g, '').replace(/\\./g, ''));
}

/** The number cells of `range` whose format (as the host read it, a 2-D array) is a percent. */
export function percentCellsIn(grid: Grid, range: FigureRange, formats: unknown[][]): string[] {
  const out: string[] = [];
  formats.forEach((row, i) =>
    row.forEach((fmt, j) => {
      const r = range.row1 + i;
      const c = range.col1 + j;
      if (typeof grid[r]?.[c] === 'number' && isPercentFormat(fmt)) out.push(cellAddress(r, c));
    }),
  );
  return out;
}
