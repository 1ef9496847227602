/**
 * Which figure cells are formatted as percent. Office.js gives values without their formats, and
 * Excel stores a typed `8%` as 0.08: without the format, a clerk's 8% reads as 0.08. Loading
 * every cell's format with the values would double the answer; this asks, in one more sync for
 * all sheets together, for the formats of only the figure columns' task rows that hold numbers
 * (core/layout/figureCells.ts decides which). Split further only past what one answer carries
 * (core/sheet/readPlan.ts, FORMAT_CELLS_PER_ANSWER).
 */
import { figureRanges, percentCellsIn } from '../../core/layout/figureCells';
import type { Grid } from '../../core/sheet/grid';
import { FORMAT_CELLS_PER_ANSWER } from '../../core/sheet/readPlan';
import { parseRange } from '../../core/sheet/spec';

/** Cells whose formats one request asks for. */
const CELLS_PER_SYNC = FORMAT_CELLS_PER_ANSWER;

export interface PercentCellsRead {
  cells: Map<string, string[]>;
  syncs: number;
}

export async function readPercentCells(
  context: Excel.RequestContext,
  sheets: Array<{ sheet: string; grid: Grid }>,
): Promise<PercentCellsRead> {
  const wanted = sheets.flatMap(({ sheet, grid }) => figureRanges(grid).map((range) => ({ sheet, grid, range })));
  // Batches by cell count; almost always one. (Recursion, not a loop: each batch is a request
  // only because the one before would have been too large an answer.)
  const batches: Array<typeof wanted> = [];
  let size = Infinity;
  for (const w of wanted) {
    const b = parseRange(w.range.range);
    const n = (b.row2 - b.row1 + 1) * (b.col2 - b.col1 + 1);
    if (size + n > CELLS_PER_SYNC && size > 0) {
      batches.push([]);
      size = 0;
    }
    batches[batches.length - 1].push(w);
    size += n;
  }
  const cells = new Map<string, string[]>();
  let syncs = 0;
  const readBatch = async (k: number): Promise<void> => {
    if (k >= batches.length) return;
    const loads = batches[k].map((w) => {
      const loaded = context.workbook.worksheets.getItem(w.sheet).getRange(w.range.range);
      loaded.load('numberFormat');
      return { ...w, loaded };
    });
    await context.sync();
    syncs++;
    for (const l of loads) {
      const found = percentCellsIn(l.grid, l.range, l.loaded.numberFormat);
      if (found.length) cells.set(l.sheet, [...(cells.get(l.sheet) ?? []), ...found]);
    }
    await readBatch(k + 1);
  };
  await readBatch(0);
  return { cells, syncs };
}
