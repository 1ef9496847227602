/**
 * Reporting periods (报送期) and plan periods as clerks write them, read into numbers.
 * `2025年第2季度`, `2025年二季度`, `2025年6月`, `2025年上半年`, `2025年`, `2025-06`, `2025Q2`.
 */
import { toHalfWidth, toSimplified } from '../text/normalize';

export interface ReportingPeriod {
  year: number;
  /** share of the year elapsed at the end of the period, 0 < fraction ≤ 1 */
  fraction: number;
  text: string;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };

export function parseReportingPeriod(raw: string): ReportingPeriod | null {
  const text = toSimplified(toHalfWidth(raw)).replace(/\s+/g, '');
  const y = /(\d{4})/.exec(text);
  if (!y) return null;
  const year = Number(y[1]);
  const rest = text.slice((y.index ?? 0) + 4);
  const quarter = /(?:第)?([一二三四1-4])季度|Q([1-4])/i.exec(rest);
  if (quarter) return { year, fraction: CN_DIGITS[quarter[1] ?? quarter[2]] / 4, text: raw.trim() };
  const month = /^(?:年|-|\/|\.)?(\d{1,2})(?:月|$)/.exec(rest);
  if (month && Number(month[1]) >= 1 && Number(month[1]) <= 12) return { year, fraction: Number(month[1]) / 12, text: raw.trim() };
  if (/上半年|半年/.test(rest)) return { year, fraction: 0.5, text: raw.trim() };
  if (/前三季度/.test(rest)) return { year, fraction: 0.75, text: raw.trim() };
  if (/^年?(度|底|末|全年)?$/.test(rest)) return { year, fraction: 1, text: raw.trim() };
  return null;
}

/** `(2023—2025年)` in a title or plan name → { start: 2023, end: 2025 }. */
export function periodFromTitle(title: string): { start: number; end: number } | null {
  const m = /(\d{4})\s*年?\s*[—–\-~至到]+\s*(\d{4})/.exec(toHalfWidth(title));
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end >= start && end - start < 30 ? { start, end } : null;
}

/** The year a deadline names (`2025年完成`, `2023年底前`), or null for ongoing work. */
export function deadlineYear(text: string): number | null {
  const m = /(\d{4})\s*年/.exec(toHalfWidth(text));
  return m ? Number(m[1]) : null;
}
