/**
 * Finds the parts of a key-task sheet in a grid of values, the way a person would: by its
 * header text (either language, simplified or traditional, with or without the `*` mark),
 * not by position. A user who moved a column, inserted rows above the header or added
 * tasks still gets a sheet keytask can read.
 */
import { FIXED_COLUMNS, FOREIGN_HEADERS, PLAUSIBLE_YEARS, type ColumnKey, type ForeignColumnKey, isYearKey, yearKey } from './columns';
import { HEADER_BLOCK_LABELS, type HeaderBlock, type HeaderBlockField } from './taskSheet';
import { type CellValue } from '../sheet/spec';
import { type Grid, cellText, isEmpty } from '../sheet/grid';
import { memoized } from '../text/memo';
import { matchKey } from '../text/normalize';
import { percentText } from '../text/quantity';
import { cellAddress } from '../sheet/spec';
import { taskIdKey } from './taskId';

/** How far down a header row is looked for. */
const HEADER_SEARCH_ROWS = 40;
/**
 * A row is a task list's header when it names an id column, a task column and at least one of
 * these (or a year column, in it or in the row below): three everyday words (`Unit`, `Target`,
 * `Status`) would make any data sheet a task list, with hundreds of findings.
 */
const KEY_COLUMNS = new Set<ColumnKey>(['indicator', 'target', 'deadline', 'lead', 'cooperating', 'actual', 'schedule', 'responsibility']);

const HEADER_LOOKUP: Map<string, ColumnKey> = (() => {
  const m = new Map<string, ColumnKey>();
  for (const def of Object.values(FIXED_COLUMNS)) {
    for (const t of [def.header.zh, def.header.en, ...(def.aliases ?? [])]) m.set(matchKey(t), def.key);
  }
  for (const [key, headers] of Object.entries(FOREIGN_HEADERS) as Array<[ForeignColumnKey, string[]]>) {
    for (const t of headers) m.set(matchKey(t), key);
  }
  return m;
})();

function headerKeyOf(v: CellValue | undefined): ColumnKey | null {
  if (v === null || v === undefined || v === '') return null;
  // A number heads a column only as a year (2024): the data rows the header search passes
  // over are mostly numbers, and need not be made text first.
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1000 && v <= 9999 ? headerKeyOfText(String(v)) : null;
  return headerKeyOfText(cellText(v));
}

/** Found once per cell text: every county's sheet repeats the same header and top rows. */
const headerKeyOfText = memoized(20_000, (text: string): ColumnKey | null => {
  const t = matchKey(text).replace(/^\*+/, '').replace(/\*+$/, '');
  if (!t) return null;
  const year = /^(\d{4})(年|年度|年目标)?$/.exec(t);
  if (year) {
    const y = Number(year[1]);
    return y >= PLAUSIBLE_YEARS.min && y <= PLAUSIBLE_YEARS.max ? yearKey(y) : null;
  }
  return HEADER_LOOKUP.get(t) ?? null;
});

const SECTION_ID = /^[(（]?[一二三四五六七八九十百]+[)）、.]?$/;

export function isSectionId(text: string): boolean {
  // A task's id (a digit first, the most common cell of the column) is never one: asked of every row.
  const c = text.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return false;
  return SECTION_ID.test(text.trim()) && /[一二三四五六七八九十]/.test(text);
}

export interface SheetColumns {
  /** 0-based row of the (first) header row */
  headerRow: number;
  /** 0-based row where data starts: below the header and any year sub-header */
  firstDataRow: number;
  columns: Partial<Record<ColumnKey, number>>;
  /** plan years found as milestone columns, ascending */
  years: number[];
}

export type ReadRow =
  | { type: 'section'; row: number; id: string; title: string }
  | { type: 'task'; row: number; id: string; values: Partial<Record<ColumnKey, CellValue>> };

export interface ReadSheet extends SheetColumns {
  headerBlock: HeaderBlock;
  rows: ReadRow[];
}

function rowKeys(row: readonly CellValue[] | undefined): ColumnKey[] {
  const keys: ColumnKey[] = [];
  for (const v of row ?? []) {
    const k = headerKeyOf(v);
    if (k) keys.push(k);
  }
  return keys;
}

/** How many columns a row names when it is a task list's header (see KEY_COLUMNS), else 0. */
function headerScore(keys: ColumnKey[], below: ColumnKey[]): number {
  if (!keys.includes('id') || !keys.includes('task')) return 0;
  const keyed = (k: ColumnKey): boolean => KEY_COLUMNS.has(k) || isYearKey(k);
  return keys.some(keyed) || below.some(isYearKey) ? keys.length : 0;
}

export function locateColumns(grid: Grid): SheetColumns | null {
  let best = -1;
  let bestCount = 0;
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  let keys = rowKeys(grid[0]);
  for (let r = 0; r < limit; r++) {
    const below = rowKeys(grid[r + 1]);
    const count = headerScore(keys, below);
    if (count > bestCount) {
      best = r;
      bestCount = count;
    }
    keys = below;
  }
  if (best < 0) return null;
  const columns: Partial<Record<ColumnKey, number>> = {};
  let firstDataRow = best + 1;
  // The header may span two rows (year columns sit under a merged group heading).
  for (const r of [best, best + 1]) {
    let found = false;
    (grid[r] ?? []).forEach((v, c) => {
      const key = headerKeyOf(v);
      if (key && columns[key] === undefined) {
        columns[key] = c;
        found = true;
      }
    });
    if (r > best && found) firstDataRow = r + 1;
  }
  const years = Object.keys(columns)
    .filter((k) => /^y\d{4}$/.test(k))
    .map((k) => Number(k.slice(1)))
    .sort((a, b) => a - b);
  return { headerRow: best, firstDataRow, columns, years };
}

function readHeaderBlock(grid: Grid, headerRow: number): HeaderBlock {
  const block: HeaderBlock = {};
  const labels = new Map<string, HeaderBlockField>();
  for (const f of Object.keys(HEADER_BLOCK_LABELS) as HeaderBlockField[]) {
    for (const l of [HEADER_BLOCK_LABELS[f].zh, HEADER_BLOCK_LABELS[f].en]) labels.set(matchKey(l).replace(/:$/, ''), f);
  }
  for (let r = 0; r < headerRow; r++) {
    const row = grid[r] ?? [];
    row.forEach((v, c) => {
      const field = labels.get(matchKey(cellText(v)).replace(/:$/, ''));
      if (!field) return;
      // The value is the next non-empty cell to the right that is not itself a label.
      for (let k = c + 1; k < row.length; k++) {
        const t = cellText(row[k]);
        if (!t) continue;
        if (!labels.has(matchKey(t).replace(/:$/, ''))) block[field] = t;
        break;
      }
    });
  }
  return block;
}

export interface ReadOptions {
  /**
   * Cells formatted as percent (A1 addresses), as the host read them: Excel stores a typed
   * `8%` as 0.08, and the clerk meant 8%.
   */
  percentCells?: Iterable<string>;
}

/** Reads a key-task sheet; null when the grid has no recognisable header. */
export function readTaskSheet(grid: Grid, opts: ReadOptions = {}): ReadSheet | null {
  const percent = opts.percentCells ? new Set(opts.percentCells) : null;
  const located = locateColumns(grid);
  if (!located) return null;
  const { columns, firstDataRow } = located;
  const idCol = columns.id;
  const keyed = Object.entries(columns) as Array<[ColumnKey, number]>;
  // Each row's values start as a copy of one object holding every column: an object given
  // twenty keys one by one falls into V8's slow dictionary mode, and every rule reads these.
  const blankValues: Partial<Record<ColumnKey, CellValue>> = Object.fromEntries(keyed.map(([key]) => [key, null]));
  const rows: ReadRow[] = [];
  for (let r = firstDataRow; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (row.every((v) => isEmpty(v))) continue;
    const written = idCol === undefined ? '' : cellText(row[idCol]);
    if (written && isSectionId(written)) {
      const id = written;
      const title = row
        .map(cellText)
        .filter((t, c) => c !== idCol && t)
        .join('');
      rows.push({ type: 'section', row: r, id, title });
      continue;
    }
    const id = taskIdKey(written);
    const values = { ...blankValues };
    let any = false;
    for (const [key, c] of keyed) {
      let v = row[c] ?? null;
      if (percent && typeof v === 'number' && percent.has(cellAddress(r, c))) v = percentText(v);
      values[key] = v;
      if (!any && key !== 'rate' && !isEmpty(v)) any = true;
    }
    if (!any) continue; // a spare row with only its completion formula
    rows.push({ type: 'task', row: r, id, values });
  }
  return { ...located, headerBlock: readHeaderBlock(grid, located.headerRow), rows };
}
