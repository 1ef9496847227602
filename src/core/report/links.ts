/** In-workbook and cross-file links as HYPERLINK formulas, with every string literal escaped. */
import { quoteSheetName } from '../sheet/spec';

/** A string as an Excel formula literal: quotes doubled, so text from a county stays text. */
export function formulaString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * `=HYPERLINK("#'新密市'!N12", 70)`: a link to a cell of this workbook (or of `file` beside it)
 * that shows `label`. Only keytask builds these; no county text ever becomes formula code.
 */
export function linkFormula(sheet: string, cell: string, label: string | number, file?: string): string {
  const target = `${file ?? ''}#${quoteSheetName(sheet)}!${cell}`;
  const shown = typeof label === 'number' ? String(label) : formulaString(label);
  return `=HYPERLINK(${formulaString(target)},${shown})`;
}
