/**
 * How Excel parses a string written through `Range.values` / `Range.formulas`: as if typed.
 * The fake converts where Excel is documented to convert, and, where the documentation says
 * only "Excel converts", converts the common spellings a clerk's text hits (stricter).
 *
 * - `=…` is a formula; a non-numeric `+`, `-` or `@` start makes one too: Range.values, "If the
 *   returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets
 *   this value as a formula" (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member).
 * - A leading apostrophe marks text and is not stored — in a General cell. In a text-formatted
 *   (`@`) cell everything is stored as given, the apostrophe included ("Format numbers as text",
 *   https://support.microsoft.com/office/format-numbers-as-text-583160db-35e7-4d5e-8a27-4ef1ac8b4f3c:
 *   the Text format shows a cell "exactly as entered"; that the apostrophe then stays is not
 *   documented: the stricter behaviour).
 * - Numbers in Excel's spellings (`1,000`, `(5)`, `50%`, `$5`, `1e3`) become numbers, a percent
 *   with the `0%` format; digits past 15 are lost ("Last digits are changed to zeroes when you
 *   type long numbers in cells of Excel", https://learn.microsoft.com/office/troubleshoot/excel/last-digits-changed-to-zeros).
 * - Text that looks like a date (`2023-1`, `1/2`, `2023/1/2`, `2023年1月`) becomes a date serial
 *   with a date format ("Stop automatically changing numbers to dates",
 *   https://support.microsoft.com/office/stop-automatically-changing-numbers-to-dates-452bd2db-cc96-47d1-81e4-72cec11c4ed8).
 * - `TRUE` / `FALSE` become booleans (undocumented for the API; what typing does).
 */
import type { Scalar } from './state';

export interface ParsedInput {
  value: Scalar;
  formula?: string;
  /** a format Excel gives the cell along with the value (dates, percentages) */
  numberFormat?: string;
}

/** The year a date without one (`1/2`) falls in; fixed so tests do not depend on the clock. */
export const FAKE_CURRENT_YEAR = 2026;

/** Days since 1899-12-30, Excel's date serial. */
function serial(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, m - 1, d);
  if (new Date(t).getUTCDate() !== d) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86400000);
}

function dateOf(t: string): number | null {
  let m = /^(\d{4})[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?|月)?$/.exec(t);
  if (m) return serial(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1);
  m = /^(\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (m) return serial(FAKE_CURRENT_YEAR, Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (m) return serial(FAKE_CURRENT_YEAR, Number(m[1]), Number(m[2]));
  return null;
}

/** Keeps 15 significant digits of an integer's digits, the rest becoming zeros, as Excel does. */
function fifteenDigits(digits: string): string {
  return digits.length > 15 ? digits.slice(0, 15) + '0'.repeat(digits.length - 15) : digits;
}

function numberOf(t: string): { value: number; percent: boolean } | null {
  const m = /^(\()?([$¥€£])?(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?(%)?(\))?$/.exec(t);
  if (!m || (m[3] === undefined && m[4] === undefined) || Boolean(m[1]) !== Boolean(m[7])) return null;
  let value = Number(`${fifteenDigits((m[3] ?? '0').replace(/,/g, ''))}${m[4] ?? ''}${m[5] ?? ''}`);
  if (m[6]) value /= 100;
  if (m[1]) value = -value;
  return { value, percent: Boolean(m[6]) };
}

/** What a General (or other non-text) cell holds after `input` is written to it. */
export function parseInput(input: string, numberFormat: string | undefined): ParsedInput {
  if (input === '') return { value: '' };
  if (numberFormat === '@') return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input.startsWith('=') && input.length > 1) return { value: '', formula: input };
  const t = input.trim();
  const signed = /^[+-]/.test(t) ? numberOf(t.slice(1)) : null;
  if (signed) return { value: t.startsWith('-') ? -signed.value : signed.value, ...(signed.percent ? { numberFormat: '0%' } : {}) };
  if (/^[+\-@]/.test(input)) return { value: '', formula: `=${input}` };
  const n = numberOf(t);
  if (n) return { value: n.value, ...(n.percent ? { numberFormat: '0%' } : {}) };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  const d = dateOf(t);
  if (d !== null) return { value: d, numberFormat: 'yyyy/m/d' };
  return { value: input };
}
