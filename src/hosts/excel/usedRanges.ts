/**
 * Reads the values (and, where asked, the merged areas) of many sheets in as few round trips as
 * Excel on the web's 5 MB response limit allows.
 *
 * Everything is asked for in one request first: a city with twenty counties comes back in one
 * sync. A response over the limit fails the whole sync and has no side effect (these are reads),
 * so the sheets are then asked for again in four smaller groups, each split again if it still
 * does not fit; a sheet too large on its own is read in blocks of rows. The number of syncs
 * grows only once the values themselves are megabytes, which no batching can avoid.
 */
import type { Grid } from '../../core/sheet/grid';
import { type CellValue, parseRange, rangeAddress } from '../../core/sheet/spec';

export interface SheetValues {
  grid: Grid;
  /** merged areas (`A6:A9`), when asked for and the API has them */
  merges: string[];
}

export interface UsedRangesRead {
  sheets: Map<string, SheetValues>;
  syncs: number;
}

export interface UsedRangesOptions {
  /** also read merged areas (Range.getMergedAreasOrNullObject, ExcelApi 1.13) */
  merges?: boolean;
  /**
   * Queues other small loads to travel with the first request. Called again before each retry
   * until a request succeeds, since a failed request delivers none of its loads.
   */
  alongside?: () => void;
  /** into how many groups a request that came back too large is split */
  fanOut?: number;
}

function toCellValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/**
 * Values as `getUsedRange` delivers them start at the used range's top-left; the core reads
 * grids from A1, so the rows and columns before it are filled with empty cells.
 */
export function gridFromA1(values: unknown[][], address: string): Grid {
  const local = address.slice(address.lastIndexOf('!') + 1);
  const { row1, col1 } = parseRange(local);
  const lead: CellValue[] = new Array<CellValue>(col1).fill(null);
  const rows: Grid = Array.from({ length: row1 }, () => []);
  for (const row of values) rows.push([...lead, ...row.map(toCellValue)]);
  return rows;
}

/**
 * A1 addresses of each area in an address list such as `Sheet1!A6:A9, Sheet1!C6:C9`.
 */
export function mergedAddresses(address: string): string[] {
  return [...address.matchAll(/!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?/gi)].map((m) =>
    m[3] ? `${m[1]}${m[2]}:${m[3]}${m[4]}` : `${m[1]}${m[2]}`,
  );
}

/**
 * Excel's answer to a request or response over 5 MB (Excel on the web), or to a read of a range
 * over five million cells (RangeExceedsLimit, every platform): asking for less succeeds.
 */
export function isPayloadLimit(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded' || code === 'RangeExceedsLimit';
}

/** "A range is limited to five million cells for get operations", on every platform. */
export const MAX_READ_CELLS = 5_000_000;

function split<T>(items: T[], parts: number): T[][] {
  const size = Math.ceil(items.length / parts);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function readUsedRanges(
  context: Excel.RequestContext,
  names: string[],
  opts: UsedRangesOptions = {},
): Promise<UsedRangesRead> {
  const fanOut = Math.max(2, opts.fanOut ?? 4);
  const sheets = new Map<string, SheetValues>();
  let syncs = 0;
  let alongside = opts.alongside;

  /** After a sync: false when its answer was over the limit (nothing it loaded is there). */
  const landed = (e?: unknown): boolean => {
    syncs++;
    if (e === undefined) {
      alongside = undefined;
      return true;
    }
    if (!isPayloadLimit(e)) throw e;
    return false;
  };
  const refused = (e: unknown): boolean => landed(e ?? new Error('sync failed'));

  const readGroup = async (group: string[]): Promise<void> => {
    alongside?.();
    const loads = group.map((name) => {
      const ws = context.workbook.worksheets.getItem(name);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('values,address');
      // The whole sheet, not the used range: a merge may reach past the last value.
      const areas = opts.merges ? ws.getRange().getMergedAreasOrNullObject() : null;
      areas?.load('address');
      return { name, used, areas };
    });
    if (await context.sync().then(() => landed(), refused)) {
      for (const { name, used, areas } of loads) {
        sheets.set(name, {
          grid: used.isNullObject ? [] : gridFromA1(used.values, used.address),
          merges: areas && !areas.isNullObject ? mergedAddresses(areas.address) : [],
        });
      }
      return;
    }
    if (group.length === 1) {
      sheets.set(group[0], await readInBlocks(group[0]));
      return;
    }
    for (const part of split(group, fanOut)) await readGroup(part);
  };

  /** One sheet whose values alone exceed a response: its address first, then blocks of rows. */
  const readInBlocks = async (name: string): Promise<SheetValues> => {
    alongside?.();
    const ws = context.workbook.worksheets.getItem(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('address');
    const areas = opts.merges ? ws.getRange().getMergedAreasOrNullObject() : null;
    areas?.load('address');
    if (!(await context.sync().then(() => landed(), refused))) throw new Error(`keytask: cannot read the extent of sheet '${name}'`);
    const merges = areas && !areas.isNullObject ? mergedAddresses(areas.address) : [];
    if (used.isNullObject) return { grid: [], merges };
    const b = parseRange(used.address.slice(used.address.lastIndexOf('!') + 1));
    const rows: unknown[][] = [];
    const readRows = async (first: number, last: number): Promise<void> => {
      const block = ws.getRange(rangeAddress(first, b.col1, last, b.col2));
      block.load('values');
      if (await context.sync().then(() => landed(), refused)) {
        rows.push(...block.values);
        return;
      }
      if (first === last) throw new Error(`keytask: row ${first + 1} of sheet '${name}' is larger than a response may be`);
      const size = Math.ceil((last - first + 1) / fanOut);
      for (let r = first; r <= last; r += size) await readRows(r, Math.min(last, r + size - 1));
    };
    // Blocks of at most five million cells first; smaller ones if an answer is still too large.
    const blockRows = Math.max(1, Math.floor(MAX_READ_CELLS / (b.col2 - b.col1 + 1)));
    for (let r = b.row1; r <= b.row2; r += blockRows) await readRows(r, Math.min(b.row2, r + blockRows - 1));
    return { grid: gridFromA1(rows, used.address), merges };
  };

  if (names.length > 0) await readGroup(names);
  else if (alongside) await context.sync().then(() => landed(), refused);
  return { sheets, syncs };
}
