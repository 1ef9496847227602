/**
 * Reads the values (and, where asked, the merged areas) of many sheets in as few round trips as
 * Excel on the web's 5 MB response limit allows.
 *
 * When the structure read brought used-range extents, the requests are planned from them before
 * anything is asked (core/sheet/readPlan.ts): a city with twenty counties comes back in one
 * sync, four hundred in as many as their megabytes need, a sheet too large for one answer in
 * blocks of rows. Without extents, everything is asked for in one request. Either way, a
 * response over the limit fails the whole sync and has no side effect (these are reads), so a
 * refused request is asked for again in smaller groups, each split again if it still does not
 * fit: the estimates are estimates.
 */
import type { Grid } from '../../core/sheet/grid';
import { MAX_READ_CELLS, READ_BUDGET, planSheetReads } from '../../core/sheet/readPlan';
import { type CellValue, type RangeBounds, parseRange, rangeAddress } from '../../core/sheet/spec';

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
  /**
   * Used-range addresses already known, by sheet (null: the sheet is empty), from which the
   * requests are planned before any is sent (structure.ts loads some with the structure).
   */
  extents?: ReadonlyMap<string, string | null>;
  /** the response limit planned for (Excel on the web's less a margin: READ_BUDGET); tests make it small */
  limit?: number;
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

/** The bounds of an address such as `'县 1'!B3:K60`. */
export function boundsOf(address: string): RangeBounds {
  return parseRange(address.slice(address.lastIndexOf('!') + 1));
}

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
  /** Loads queued again before each request until one lands (a refused request delivers none). */
  const carried: Array<() => void> = opts.alongside ? [opts.alongside] : [];

  /** Queues what travels with the next request; call just before its `context.sync()`. */
  const carry = (): void => {
    for (const c of carried) c();
  };
  /** A request's sync: true when its answer came back, false when it was over the limit. */
  const landed = async (sync: Promise<void>): Promise<boolean> => {
    const ok = await sync.then(
      () => true,
      (e: unknown) => {
        if (!isPayloadLimit(e)) throw e ?? new Error('sync failed');
        return false;
      },
    );
    syncs++;
    if (ok) carried.length = 0;
    return ok;
  };

  /** The whole sheet's merged areas, not the used range's: a merge may reach past the last value. */
  const mergedAreas = (ws: Excel.Worksheet): Excel.RangeAreas | null => {
    const areas = opts.merges ? ws.getRange().getMergedAreasOrNullObject() : null;
    areas?.load('address');
    return areas;
  };
  const mergesOf = (areas: Excel.RangeAreas | null): string[] => (areas && !areas.isNullObject ? mergedAddresses(areas.address) : []);

  const readGroup = async (group: string[]): Promise<void> => {
    const loads = group.map((name) => {
      const ws = context.workbook.worksheets.getItem(name);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('values,address');
      return { name, used, areas: mergedAreas(ws) };
    });
    carry();
    if (await landed(context.sync())) {
      for (const { name, used, areas } of loads) {
        sheets.set(name, { grid: used.isNullObject ? [] : gridFromA1(used.values, used.address), merges: mergesOf(areas) });
      }
      return;
    }
    if (group.length === 1) {
      sheets.set(group[0], await readInBlocks(group[0]));
      return;
    }
    for (const part of split(group, fanOut)) await readGroup(part);
  };

  /** A sheet whose values alone exceed a response: its address first, then blocks of rows. */
  const readInBlocks = async (name: string): Promise<SheetValues> => {
    const ws = context.workbook.worksheets.getItem(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('address');
    const areas = mergedAreas(ws);
    carry();
    if (!(await landed(context.sync()))) throw new Error(`keytask: cannot read the extent of sheet '${name}'`);
    if (used.isNullObject) return { grid: [], merges: mergesOf(areas) };
    const b = boundsOf(used.address);
    // Blocks of at most five million cells first; smaller ones if an answer is still too large.
    const blockRows = Math.max(1, Math.floor(MAX_READ_CELLS / (b.col2 - b.col1 + 1)));
    const blocks: Array<[number, number]> = [];
    for (let r = b.row1; r <= b.row2; r += blockRows) blocks.push([r, Math.min(b.row2, r + blockRows - 1)]);
    return { grid: await readBlocks(ws, name, used.address, blocks), merges: mergesOf(areas) };
  };

  /** The rows of a sheet's used range (`address`) in the blocks given, each split if refused. */
  const readBlocks = async (ws: Excel.Worksheet, name: string, address: string, blocks: Array<[number, number]>): Promise<Grid> => {
    const b = boundsOf(address);
    const rows: unknown[][] = [];
    const readRows = async (first: number, last: number): Promise<void> => {
      const block = ws.getRange(rangeAddress(first, b.col1, last, b.col2));
      block.load('values');
      carry();
      if (await landed(context.sync())) {
        rows.push(...block.values);
        return;
      }
      if (first === last) throw new Error(`keytask: row ${first + 1} of sheet '${name}' is larger than a response may be`);
      const size = Math.ceil((last - first + 1) / fanOut);
      for (let r = first; r <= last; r += size) await readRows(r, Math.min(last, r + size - 1));
    };
    for (const [first, last] of blocks) await readRows(first, last);
    return gridFromA1(rows, address);
  };

  /** A sheet planned in blocks up front: its extent is known, its merges travel with the first block. */
  const readPlannedBlocks = async (name: string, blocks: Array<[number, number]>): Promise<void> => {
    const address = opts.extents?.get(name);
    if (!address) return;
    const ws = context.workbook.worksheets.getItem(name);
    let areas: Excel.RangeAreas | null = null;
    if (opts.merges) carried.push(() => (areas = mergedAreas(ws)));
    const grid = await readBlocks(ws, name, address, blocks);
    sheets.set(name, { grid, merges: mergesOf(areas) });
  };

  const extents = opts.extents;
  const steps = planSheetReads(
    names.map((name) => {
      const address = extents?.get(name);
      return address === undefined ? { name } : { name, extent: address === null ? null : boundsOf(address) };
    }),
    opts.limit ?? READ_BUDGET,
  );
  const blocked = new Map<string, Array<[number, number]>>();
  for (const step of steps) {
    if ('sheets' in step) await readGroup(step.sheets);
    else blocked.set(step.sheet, [...(blocked.get(step.sheet) ?? []), step.rows]);
  }
  for (const [name, blocks] of blocked) await readPlannedBlocks(name, blocks);
  if (names.length === 0 && carried.length > 0) {
    carry();
    await landed(context.sync());
  }
  return { sheets, syncs };
}
