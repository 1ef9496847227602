/**
 * Excel's rules for what a workbook may hold, as data both hosts check before writing: sheet
 * names (Excel refuses the file, or the Office.js call, otherwise) and cell text (XML cannot
 * carry most control characters; a cell holds at most 32,767 characters).
 */

/** A sheet name's length limit, in UTF-16 units as Excel counts them. */
export const MAX_SHEET_NAME = 31;
/** The characters Excel forbids in a sheet name. */
export const FORBIDDEN_IN_SHEET_NAME = /[\\/?*[\]:]/g;
/** Excel keeps this name for its change-tracking sheet (in any case). */
export const RESERVED_SHEET_NAME = 'History';

export type SheetNameProblem = 'empty' | 'tooLong' | 'forbidden' | 'reserved' | 'apostrophe' | 'control';

/** What is wrong with `name` as an Excel sheet name, or null. */
export function sheetNameProblem(name: string): SheetNameProblem | null {
  if (name.trim() === '') return 'empty';
  if (name.length > MAX_SHEET_NAME) return 'tooLong';
  if (new RegExp(FORBIDDEN_IN_SHEET_NAME.source).test(name)) return 'forbidden';
  if (name.toLowerCase() === RESERVED_SHEET_NAME.toLowerCase()) return 'reserved';
  if (name.startsWith("'") || name.endsWith("'")) return 'apostrophe';
  if (CONTROL.test(name)) return 'control';
  return null;
}

/** Characters XML 1.0 cannot carry (C0 controls but tab and line ends, U+FFFE/U+FFFF, lone surrogates). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/;

/** `s` without the characters XML cannot carry, so every part written stays well-formed. */
export function xmlSafe(s: string): string {
  return s.replace(NOT_XML, '');
}

/** The most characters a cell holds. */
export const MAX_CELL_CHARS = 32767;
/** What a cut cell ends with, so the cut is seen. */
export const CUT_MARK = '…(截断)';

/** Text cut to MAX_CELL_CHARS with CUT_MARK, as Excel can hold it (what readers do to a file's cells too). */
export function cutCellText(s: string): string {
  if (s.length <= MAX_CELL_CHARS) return s;
  let cut = MAX_CELL_CHARS - CUT_MARK.length;
  // Never between the halves of a surrogate pair.
  if (/[\ud800-\udbff]/.test(s.charAt(cut - 1))) cut--;
  return s.slice(0, cut) + CUT_MARK;
}

/** Cell text as Excel can hold it: XML-safe, and cut to MAX_CELL_CHARS with CUT_MARK. */
export function cellTextForExcel(s: string): string {
  return cutCellText(xmlSafe(s));
}

/** A legal sheet name for `wanted`: forbidden and control characters replaced, not reserved, at most 31 UTF-16 units. */
export function legalSheetName(wanted: string): string {
  let cleaned =
    xmlSafe(wanted)
      // eslint-disable-next-line no-control-regex
      .replace(/[\x00-\x1f\x7f]/g, '')
      .replace(FORBIDDEN_IN_SHEET_NAME, '_')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Sheet';
  if (cleaned.toLowerCase() === RESERVED_SHEET_NAME.toLowerCase()) cleaned = `${cleaned}_`;
  return cutUtf16(cleaned, MAX_SHEET_NAME);
}

/** The longest start of `s` within `units` UTF-16 units that does not split a character. */
export function cutUtf16(s: string, units: number): string {
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > units) break;
    out += ch;
  }
  return out;
}
