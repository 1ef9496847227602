/**
 * Reading numbers the way clerks and plan documents write them: full-width digits (１２３),
 * thousands separators (1,200), Chinese scale characters (1.2万, 3亿, 萬, 億), a percent sign,
 * and a unit after the number (`200亿元`, `1.14万家`, `3000人次`).
 */
import { toHalfWidth, toSimplified } from './normalize';

/** Scale characters that may lead a unit: `万家` is 10,000 家. */
export const SCALES: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3, 百: 1e2 };

export interface ParsedQuantity {
  value: number;
  /** the unit as written after the number (`亿元`, `万家`, `%`), '' when none */
  unit: string;
}

const NUMBER = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)/;

/**
 * `"1.2万"` → 12000 when the scale stands alone, `"1.14万家"` → { 1.14, '万家' } (the unit keeps
 * its scale; see `splitScale`), `"１２３"` → 123, `"8%"` → { 8, '%' }. null when the text does not
 * start with a number.
 */
export function parseQuantity(text: string): ParsedQuantity | null {
  const s = toSimplified(toHalfWidth(text)).trim().replace(/\s+/g, '');
  const m = NUMBER.exec(s);
  if (!m) return null;
  const value = Number(m[1].replace(/,/g, ''));
  if (!Number.isFinite(value)) return null;
  let unit = s.slice(m[1].length).replace(/(以上|左右|以内|以下)$/, '');
  // A bare scale is part of the number: `1.2万` in a number cell means 12,000.
  if (unit in SCALES) return { value: value * SCALES[unit], unit: '' };
  if (unit === '％') unit = '%';
  return { value, unit };
}

/**
 * A number cell's value: numbers as they are; text read with `parseQuantity` when it is a
 * number and nothing else (a unit in a number cell is not a number). null otherwise.
 */
export function readNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const q = parseQuantity(v);
  return q && q.unit === '' ? q.value : null;
}

/** `万家` → { scale: 1e4, base: '家' }; `亿元` → { 1e8, '元' }; `家` → { 1, '家' }. */
export function splitScale(unit: string): { scale: number; base: string } {
  const u = toSimplified(unit.trim());
  const first = u.charAt(0);
  if (u.length > 1 && first in SCALES) return { scale: SCALES[first], base: u.slice(1) };
  return { scale: 1, base: u };
}

/**
 * How many of `to` one `from` is, when they measure the same thing at different scales
 * (`万家` → `家`: 10000); null when they measure different things.
 */
export function unitFactor(from: string, to: string): number | null {
  const a = splitScale(from);
  const b = splitScale(to);
  if (a.base !== b.base) return null;
  return a.scale / b.scale;
}
