/**
 * What a host (Excel through Office.js, WPS through its ET object model) writes into cells so the
 * sheet stores exactly the spec's values: the input for each cell given its number format, and,
 * for a sheet made as a copy of another, only the cells where the two differ. Pure: no host calls.
 */
import { type CellValue, type SheetSpec, isFormula, parseRange, rangeAddress, sheetExtent } from './spec';
import { excelWouldConvert } from './excelLimits';

export type CellInput = string | number | boolean;

/**
 * What to write for a cell so Excel stores exactly the spec's value. `text`: the cell is
 * formatted as text (`@`), where Excel stores any string as given — an apostrophe would stay
 * visible there. Elsewhere a string Excel would turn into a formula, number, date or boolean
 * gets Excel's own text mark, a leading apostrophe, which is not stored (a string that starts
 * with one gets a second, so the first survives). Texts are cut to a cell's length already
 * (renderableSpec).
 */
export function cellInput(v: CellValue, text = false): CellInput {
  if (v === null) return '';
  if (isFormula(v)) return v.formula;
  if (typeof v !== 'string') return v;
  if (text) return v;
  return excelWouldConvert(v) || v.startsWith("'") ? `'${v}` : v;
}

function fill2D<T>(rows: number, cols: number, value: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(cols).fill(value));
}

/**
 * Every number format of the sheet as one array (later formats win, as in the spec); cells no
 * format covers are null, which Excel leaves as they are.
 */
export function numberFormatGrid(spec: SheetSpec, generalIsDefault: boolean): { grid: Array<Array<string | null>>; width: number } {
  const ranges = spec.formats
    .filter((f) => f.style.numFmt !== undefined)
    .map((f) => ({ b: parseRange(f.range), fmt: f.style.numFmt as string }));
  if (ranges.length === 0) return { grid: [], width: 0 };
  const rows = Math.max(...ranges.map((r) => r.b.row2)) + 1;
  const width = Math.max(...ranges.map((r) => r.b.col2)) + 1;
  const grid = fill2D<string | null>(rows, width, null);
  for (const { b, fmt } of ranges) {
    const f = generalIsDefault && fmt === 'General' ? null : fmt;
    for (let r = b.row1; r <= b.row2; r++) for (let c = b.col1; c <= b.col2; c++) grid[r][c] = f;
  }
  return { grid, width };
}

/** Which cells of a sheet are text-formatted once its number formats are written. */
export function textCells(spec: SheetSpec): (r: number, c: number) => boolean {
  const { grid } = numberFormatGrid(spec, false);
  return (r, c) => grid[r]?.[c] === '@';
}

/** The spec's values as written: each cell's input for its format. */
export function inputs(spec: SheetSpec): CellInput[][] {
  const text = textCells(spec);
  return spec.values.map((row, r) => row.map((v, c) => cellInput(v, text(r, c))));
}

/** A row's run of cells to write into a copy. */
export interface CellRun {
  row: number;
  col: number;
  inputs: CellInput[];
}

/** Equal cells between two differing ones are written over rather than split into another run. */
const RUN_GAP = 3;

/** Where `values` differs from `template` (same size), as row runs of what to write. */
export function differingRuns(template: CellValue[][], values: CellValue[][], text: (r: number, c: number) => boolean): CellRun[] {
  const runs: CellRun[] = [];
  values.forEach((row, r) => {
    let run: CellRun | null = null;
    let lastDiff = -1;
    row.forEach((v, c) => {
      const input = cellInput(v, text(r, c));
      if (input === cellInput(template[r]?.[c] ?? null, text(r, c))) return;
      if (run && c - lastDiff <= RUN_GAP + 1) {
        for (let k = lastDiff + 1; k < c; k++) run.inputs.push(cellInput(row[k], text(r, k)));
        run.inputs.push(input);
      } else {
        run = { row: r, col: c, inputs: [input] };
        runs.push(run);
      }
      lastDiff = c;
    });
  });
  return runs;
}

/** The block a paste must cover: the values and every format, check and merge of the sheet. */
export function extentOf(spec: SheetSpec): string {
  const { rows, cols } = sheetExtent(spec);
  return rangeAddress(0, 0, Math.max(rows, 1) - 1, Math.max(cols, 1) - 1);
}
