/** A1 addresses as Excel accepts and reports them, including whole columns and rows. */
import { type RangeBounds, columnIndex, parseRange, rangeAddress, sheetNameOfReference } from '../../../src/core/sheet/spec';

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export type Bounds = RangeBounds;

export const WHOLE_SHEET: Bounds = { row1: 0, col1: 0, row2: MAX_ROWS - 1, col2: MAX_COLUMNS - 1 };

/** Splits `'Sheet x'!A1:B2` into sheet name (or null) and the local part. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: null, local: address.trim() };
  return { sheet: sheetNameOfReference(address), local: address.slice(bang + 1).trim() };
}

/** Parses `A1`, `A1:C3`, `A:C`, `3:5` (with or without `$`); null when it is not an address. */
export function parseLocal(local: string): Bounds | null {
  const s = local.replace(/\$/g, '').toUpperCase();
  const cols = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(s);
  if (cols) {
    const a = columnIndex(cols[1]);
    const b = columnIndex(cols[2]);
    return { row1: 0, row2: MAX_ROWS - 1, col1: Math.min(a, b), col2: Math.max(a, b) };
  }
  const rows = /^(\d+):(\d+)$/.exec(s);
  if (rows) {
    const a = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    return { row1: Math.min(a, b), row2: Math.max(a, b), col1: 0, col2: MAX_COLUMNS - 1 };
  }
  if (!/^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/.test(s)) return null;
  const b = parseRange(s);
  if (b.row2 >= MAX_ROWS || b.col2 >= MAX_COLUMNS || b.row1 < 0) return null;
  return b;
}

/** How Excel writes a range's address: whole rows as `1:1048576`, single cells as `A1`. */
export function formatLocal(b: Bounds): string {
  if (b.col1 === 0 && b.col2 === MAX_COLUMNS - 1) return `${b.row1 + 1}:${b.row2 + 1}`;
  return rangeAddress(b.row1, b.col1, b.row2, b.col2);
}

/** Excel quotes a sheet name in a reference unless it is a plain word. */
export function referenceSheetName(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function intersects(a: Bounds, b: Bounds): boolean {
  return a.row1 <= b.row2 && b.row1 <= a.row2 && a.col1 <= b.col2 && b.col1 <= a.col2;
}

export function contains(outer: Bounds, r: number, c: number): boolean {
  return r >= outer.row1 && r <= outer.row2 && c >= outer.col1 && c <= outer.col2;
}

/** `a` minus `b`: up to four rectangles that cover what of `a` lies outside `b`. */
export function subtract(a: Bounds, b: Bounds): Bounds[] {
  if (!intersects(a, b)) return [a];
  const out: Bounds[] = [];
  if (a.row1 < b.row1) out.push({ ...a, row2: b.row1 - 1 });
  if (a.row2 > b.row2) out.push({ ...a, row1: b.row2 + 1 });
  const row1 = Math.max(a.row1, b.row1);
  const row2 = Math.min(a.row2, b.row2);
  if (a.col1 < b.col1) out.push({ row1, row2, col1: a.col1, col2: b.col1 - 1 });
  if (a.col2 > b.col2) out.push({ row1, row2, col1: b.col2 + 1, col2: a.col2 });
  return out;
}

export function cellCount(b: Bounds): number {
  return (b.row2 - b.row1 + 1) * (b.col2 - b.col1 + 1);
}
