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

/** Units a number in running text may carry, longest first so `万家` wins over `万`. */
const TEXT_UNITS = [
  '万吨标准煤',
  '万千瓦时',
  '万千瓦',
  '万平方米',
  '平方公里',
  '平方米',
  '人次',
  '亿元',
  '万元',
  '万家',
  '万个',
  '万人',
  '万台',
  '万户',
  '万吨',
  '亿',
  '万',
  '家',
  '个',
  '项',
  '台',
  '套',
  '人',
  '户',
  '座',
  '所',
  '条',
  '吨',
  '公里',
  '亩',
  '元',
  '%',
  '件',
  '名',
  '次',
  '批',
  '场',
];

export interface TextQuantity extends ParsedQuantity {
  /** the number and unit as they stand in the text */
  text: string;
}

/**
 * Numbers with their units in a sentence: `力争培育10家中小企业` → [{10, '家'}], `5G基站1.2万个` →
 * [{5, ''}, {1.2, '万个'}], `培育1“数字领航”企业` → [{1, ''}] (the unit the writer left out).
 */
export function quantitiesIn(sentence: string): TextQuantity[] {
  const s = toSimplified(toHalfWidth(sentence));
  const out: TextQuantity[] = [];
  const re = /(\d+(?:,\d{3})*(?:\.\d+)?)/g;
  for (const m of s.matchAll(re)) {
    const at = (m.index ?? 0) + m[0].length;
    // A year (`2023年`) or a percentage point is not a target.
    if (/^\d{4}$/.test(m[0]) && s.charAt(at) === '年') continue;
    const after = s.slice(at);
    const unit = TEXT_UNITS.find((u) => after.startsWith(u)) ?? '';
    if (unit === '' && /^[a-zA-Z]/.test(after)) continue; // `5G`, `A4`: a name, not a figure
    out.push({ value: Number(m[0].replace(/,/g, '')), unit, text: m[0] + unit });
  }
  return out;
}
