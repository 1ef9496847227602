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

/**
 * How a number cell reads, as a clerk filled it, against the task's unit. A figure is either
 * read with certainty (a number; a number with the task's unit or a scale of it) or it says why
 * it cannot be: keytask never guesses a figure that will be summed.
 */
export type CellQuantity =
  /** nothing typed */
  | { kind: 'empty' }
  /** a number in the task's unit (`45`, `４５`, `3,000`, `3家` under 家) */
  | { kind: 'number'; value: number }
  /** a number with a scale or unit converted with certainty to the task's unit (`0.23万` under 万个 → 0.23) */
  | { kind: 'converted'; value: number; typed: string }
  /** a number with a unit where the task names none: the unit is taken as written */
  | { kind: 'withUnit'; value: number; unit: string }
  /** a number whose unit does not convert to the task's (`5个` under 家, `8%` under 亿元) */
  | { kind: 'unitMismatch'; typed: string; unit: string }
  /** a number qualified as approximate or as a bound (`约4家`, `4家以上`) */
  | { kind: 'approximate'; typed: string }
  /** anything else: text, an error value, a range */
  | { kind: 'invalid'; typed: string };

/** Words that make a figure approximate or a bound rather than a count. */
const APPROX_BEFORE = /^(约|大约|约为|近|将近|接近|超过|逾|不少于|不低于|不足|≈|~)/;
const APPROX_AFTER = /(以上|左右|以内|以下|上下|余|多)$/;
/** Words around a figure that change nothing (`累计4家`, `完成4家`, `共4家`). */
const NEUTRAL_BEFORE = /^(累计|共计|合计|共|已完成|完成|达到|达)/;
const CELL_NUMBER = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)/;

/** A percent-formatted cell's number as the clerk sees it: 0.08 → `8%`. */
export function percentText(v: number): string {
  return `${Math.round(v * 100 * 1e9) / 1e9}%`;
}

export function readCellQuantity(v: unknown, taskUnit: string | null): CellQuantity {
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'invalid', typed: String(v) };
  if (typeof v === 'boolean') return { kind: 'invalid', typed: v ? 'TRUE' : 'FALSE' };
  if (typeof v !== 'string') return { kind: 'invalid', typed: String(v) };
  const typed = v.trim();
  if (typed === '') return { kind: 'empty' };
  let s = toSimplified(toHalfWidth(typed))
    .replace(/\s+/g, '')
    .replace(/％/g, '%')
    .replace(/[。.]$/, '');
  s = s.replace(NEUTRAL_BEFORE, '');
  let approximate = false;
  if (APPROX_BEFORE.test(s)) {
    approximate = true;
    s = s.replace(APPROX_BEFORE, '');
  }
  const m = CELL_NUMBER.exec(s);
  if (!m) return { kind: 'invalid', typed };
  const value = Number(m[1].replace(/,/g, ''));
  if (!Number.isFinite(value)) return { kind: 'invalid', typed };
  let unit = s.slice(m[1].length);
  if (APPROX_AFTER.test(unit)) {
    approximate = true;
    unit = unit.replace(APPROX_AFTER, '');
  }
  // A second number, a range (`3-5`), a date: not one figure.
  if (/\d/.test(unit) || /^[-~—至到]/.test(unit)) return { kind: 'invalid', typed };
  if (approximate) return { kind: 'approximate', typed };
  if (unit === '') return { kind: 'number', value };
  const want = (taskUnit ?? '').trim();
  const typedScale = unit in SCALES ? { scale: SCALES[unit], base: '' } : splitScale(unit);
  if (!want) {
    // No unit to convert to: a bare scale is part of the number, anything else is the unit.
    if (typedScale.base === '' && typedScale.scale !== 1) return { kind: 'converted', value: value * typedScale.scale, typed };
    return { kind: 'withUnit', value, unit };
  }
  if (toSimplified(want) === unit) return { kind: 'number', value };
  const target = splitScale(want);
  // A bare scale (`0.23万`) scales the task's own base unit; otherwise the bases must agree.
  if (unit !== '%' && want !== '%' && (typedScale.base === '' || typedScale.base === target.base)) {
    const converted = Math.round(((value * typedScale.scale) / target.scale) * 1e9) / 1e9;
    return { kind: 'converted', value: converted, typed };
  }
  return { kind: 'unitMismatch', typed, unit };
}
