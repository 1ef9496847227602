/**
 * How to ask a spreadsheet host for many sheets' values in as few answers as its response limit
 * allows (Excel on the web: 5 MB), planned before asking: from each sheet's used-range extent,
 * an estimate of what its values weigh; sheets grouped so each answer stays under the limit;
 * a sheet too large for one answer read in blocks of rows. Pure: extents in, steps out. The
 * host still splits an answer the application refuses (estimates are estimates).
 */
import type { RangeBounds } from './spec';

/** Excel on the web refuses a response over 5 MB ("Data transfer limits in Office Add-ins"). */
export const RESPONSE_LIMIT = 5 * 1024 * 1024;

/**
 * What one cell of a used range weighs in the answer (its JSON value and the comma after it).
 * Measured through the fake Excel's own response measurement (it sizes the JSON the loads bring
 * back): the bench's filled county sheets weigh 12.1 (60 tasks) and 13.2 (150 tasks) bytes a
 * cell, their city sheets 9.8 and 11.5; the seeds' generated sheets 3.9–9.4; a unit directory
 * 13.6–15.7 over a few dozen cells. 14 is above every task sheet measured, so a plan made with it
 * overestimates keytask's sheets; a sheet of long text in every cell weighs more and is caught by
 * the host's refusal split.
 */
export const BYTES_PER_CELL = 14;

/**
 * What one cell's number format weighs in an answer: `["General"],` is 12 bytes in a one-column
 * range (fewer in a wider one: `"General",`); a percent format (`0%`, `0.00%`) is shorter, and
 * 14 leaves room for a custom one a little longer than General.
 */
export const FORMAT_BYTES_PER_CELL = 14;

/**
 * Cells whose number formats one answer may carry: the margin is in the per-cell weight (General
 * weighs 10–12), plus 64 KB for the answer's envelope.
 */
export const FORMAT_CELLS_PER_ANSWER = Math.floor((RESPONSE_LIMIT - 64 * 1024) / FORMAT_BYTES_PER_CELL);

/** What each sheet's answer carries besides its values: property names, its address, merges. */
export const SHEET_OVERHEAD = 256;

/** The most cells one range may read, on every platform ("RangeExceedsLimit"). */
export const MAX_READ_CELLS = 5_000_000;

/**
 * What a planned answer may weigh: the limit less 64 KB for what travels with it (the loads a
 * caller sends alongside, the answer's envelope). The margin proper is in BYTES_PER_CELL.
 */
export const READ_BUDGET = RESPONSE_LIMIT - 64 * 1024;

/** A sheet to read: its used range when known (null: the sheet is empty), undefined when not. */
export interface SheetToRead {
  name: string;
  extent?: RangeBounds | null;
}

/** One request: several whole sheets, or one block of rows of a sheet too large for one. */
export type ReadStep = { sheets: string[] } | { sheet: string; extent: RangeBounds; rows: [number, number] };

const cellsOf = (b: RangeBounds): number => (b.row2 - b.row1 + 1) * (b.col2 - b.col1 + 1);

/**
 * The steps to read `sheets`, each answer estimated under `limit`. A sheet whose extent is not
 * known is taken to be as large as the largest one known: keytask's task sheets are copies of one
 * layout, and a city sheet is at least as wide as its county copies, so the guess errs large.
 * With no extent known there is nothing to plan from: one request for all, as before planning.
 */
export function planSheetReads(sheets: SheetToRead[], limit = READ_BUDGET): ReadStep[] {
  const known = sheets.flatMap((s) => (s.extent ? [cellsOf(s.extent)] : []));
  if (sheets.length === 0) return [];
  if (known.length === 0) return [{ sheets: sheets.map((s) => s.name) }];
  const prior = Math.max(...known);
  const weigh = (s: SheetToRead): number =>
    SHEET_OVERHEAD + (s.extent === null ? 0 : (s.extent ? cellsOf(s.extent) : prior) * BYTES_PER_CELL);
  const weights = sheets.map(weigh);
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= limit) return [{ sheets: sheets.map((s) => s.name) }];

  const steps: ReadStep[] = [];
  const whole: Array<{ name: string; bytes: number }> = [];
  sheets.forEach((s, i) => {
    if (weights[i] > limit && s.extent) steps.push(...rowBlocks(s.name, s.extent, limit));
    else whole.push({ name: s.name, bytes: weights[i] });
  });
  // As few requests as the estimate allows, filled evenly so none sits at the limit.
  const wholeBytes = whole.reduce((a, s) => a + s.bytes, 0);
  const target = wholeBytes / Math.max(1, Math.ceil(wholeBytes / limit));
  const groups: string[][] = [];
  let size = Infinity;
  for (const s of whole) {
    if (size + s.bytes > limit || size >= target) {
      groups.push([]);
      size = 0;
    }
    groups[groups.length - 1].push(s.name);
    size += s.bytes;
  }
  return [...groups.map((g) => ({ sheets: g })), ...steps];
}

/** One sheet in blocks of whole rows of its used range, each estimated under `limit`. */
function rowBlocks(sheet: string, extent: RangeBounds, limit: number): ReadStep[] {
  const cols = extent.col2 - extent.col1 + 1;
  const rows = extent.row2 - extent.row1 + 1;
  const perBlock = Math.max(1, Math.min(Math.floor((limit - SHEET_OVERHEAD) / (cols * BYTES_PER_CELL)), Math.floor(MAX_READ_CELLS / cols)));
  const blocks = Math.ceil(rows / perBlock);
  const size = Math.ceil(rows / blocks);
  const out: ReadStep[] = [];
  for (let r = extent.row1; r <= extent.row2; r += size) out.push({ sheet, extent, rows: [r, Math.min(extent.row2, r + size - 1)] });
  return out;
}
