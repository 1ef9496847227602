/**
 * Excel's own limits and input rules, which every host must respect whatever writes the file:
 * Office.js refuses what breaks them, and an .xlsx file that breaks them is "repaired" (cut)
 * when Excel opens it. Pure: no Office.js, no I/O.
 *
 * Source for the sizes: "Excel specifications and limits",
 * https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3
 * (row height 409 points; 32,767 characters in a cell). Sheet names: "Rename a worksheet",
 * https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9
 * (at most 31 characters, none of / \ ? * : [ ], not beginning or ending with an apostrophe,
 * not "History", a name Excel reserves).
 */

/** The tallest row Excel allows, in points. */
export const MAX_ROW_HEIGHT = 409;

/** The most characters a cell can hold. */
export const MAX_CELL_TEXT = 32767;

/** What replaces the end of a text too long for one cell, so the cut is visible. */
export const TRUNCATED_MARK = '…(截断)';

/**
 * Sheet names are at most 31 characters as Excel counts them: UTF-16 code units, so a
 * character outside the Basic Multilingual Plane (𠀀, emoji) counts twice.
 */
export const MAX_SHEET_NAME = 31;

/** Names Excel keeps for itself (compared case-insensitively). */
export const RESERVED_SHEET_NAMES: readonly string[] = ['History'];

export const FORBIDDEN_SHEET_CHARS = /[\\/?*[\]:]/g;

/** A row height Excel accepts: at most 409 points. */
export function clampRowHeight(points: number): number {
  return Math.min(MAX_ROW_HEIGHT, Math.max(0, points));
}

/** Characters XML 1.0 cannot carry (C0 controls but tab and line ends, U+FFFE/U+FFFF, lone surrogates). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/;

/** Whether XML can carry every character of `s`. */
export function xmlCarries(s: string): boolean {
  return s.search(NOT_XML) < 0;
}

/** Whether a cell holds `text` as it is: XML-safe and no longer than a cell's length. */
export function fitsCell(text: string): boolean {
  return text.length <= MAX_CELL_TEXT && xmlCarries(text);
}

/** `s` without the characters XML cannot carry, so every part written stays well-formed. */
export function xmlSafe(s: string): string {
  return s.replace(NOT_XML, '');
}

/** Text cut to a cell's length, ending in `…(截断)` when cut (what readers do to a file's cells too). */
export function cutCellText(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  let head = text.slice(0, MAX_CELL_TEXT - TRUNCATED_MARK.length);
  // Never cut a surrogate pair in half.
  if (/[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1);
  return head + TRUNCATED_MARK;
}

/** Cell text as Excel can hold it: XML-safe, and at most a cell's length, ending in `…(截断)` when cut. */
export function capCellText(text: string): string {
  return cutCellText(xmlSafe(text));
}

/** The first `max` UTF-16 units of `s`, without splitting a surrogate pair. */
export function cutUtf16(s: string, max: number): string {
  if (s.length <= max) return s;
  const head = s.slice(0, max);
  return /[\ud800-\udbff]$/.test(head) ? head.slice(0, -1) : head;
}

export type SheetNameProblem = 'empty' | 'tooLong' | 'forbidden' | 'reserved' | 'apostrophe' | 'control';

/** What is wrong with `name` as an Excel sheet name, or null. */
export function sheetNameProblem(name: string): SheetNameProblem | null {
  if (name.trim() === '') return 'empty';
  if (name.length > MAX_SHEET_NAME) return 'tooLong';
  if (new RegExp(FORBIDDEN_SHEET_CHARS.source).test(name)) return 'forbidden';
  if (RESERVED_SHEET_NAMES.some((r) => r.toLowerCase() === name.toLowerCase())) return 'reserved';
  if (name.startsWith("'") || name.endsWith("'")) return 'apostrophe';
  if (CONTROL.test(name)) return 'control';
  return null;
}

/** Whether Excel would refuse `name` as a sheet name. */
export function illegalSheetName(name: string): boolean {
  return sheetNameProblem(name) !== null;
}

/**
 * A legal sheet name for `wanted`: control and forbidden characters replaced, no apostrophe at
 * either end, a name Excel reserves (`History`) given a mark, at most 31 UTF-16 units.
 */
export function legalSheetName(wanted: string): string {
  const cleaned =
    xmlSafe(wanted)
      // eslint-disable-next-line no-control-regex
      .replace(/[\x00-\x1f\x7f]/g, '')
      .replace(FORBIDDEN_SHEET_CHARS, '_')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Sheet';
  const cut = cutUtf16(cleaned, MAX_SHEET_NAME);
  return RESERVED_SHEET_NAMES.some((r) => r.toLowerCase() === cut.toLowerCase()) ? `${cut}_` : cut;
}

/**
 * Strings Excel does not keep as typed when they go into a General cell (typed, or written
 * through `Range.values` / `Range.formulas`, which parse input as typing does): formulas and
 * signed input (`=`, `+`, `-`, `@`), numbers in any of Excel's spellings (`1,000`, `(5)`,
 * `50%`, `1e3`, `$5`, long digit ids that lose digits past 15), dates and times (`2023-1`,
 * `1/2`, `2023年1月`, `12:30`) and the booleans `TRUE` / `FALSE`. Such a string is written with
 * Excel's text mark (a leading apostrophe) into a General cell, or into a text-formatted (`@`)
 * cell as it is.
 *
 * Documented: "Format numbers as text",
 * https://support.microsoft.com/office/format-numbers-as-text-583160db-35e7-4d5e-8a27-4ef1ac8b4f3c
 * ("Excel automatically converts … to a date", "enter an apostrophe"). Which date spellings
 * Excel takes depends on the locale, which is not documented in full: anything that looks like
 * one is guarded.
 */
export function excelWouldConvert(s: string): boolean {
  if (s === '') return false;
  if (/^[=+\-@]/.test(s)) return true;
  const t = s.trim();
  if (/^(true|false)$/i.test(t)) return true;
  // Numbers, dates and times in any spelling: digits with separators, signs, currency, percent,
  // parentheses, an exponent or 年月日 (1,000 · (5) · 50% · ¥5 · 1e3 · 2023-1 · 1/2 · 12:30 · 2023年1月).
  if (/\d/.test(t) && /^[\d\s.,:/\-+()%$¥￥€£eE年月日]+$/.test(t)) return true;
  // Dates with a month's name (1-Jan, Jan-23, 2 March 2024), times with AM / PM.
  const month = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
  if (new RegExp(`^(\\d{1,4}[-/ ])?${month}([-/ ,]+\\d{1,4})*$`, 'i').test(t)) return true;
  if (/^[\d:.\s]+[ap]m?$/i.test(t) && /\d/.test(t)) return true;
  return false;
}
