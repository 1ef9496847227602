/**
 * How much room text takes in a cell, for layouts that size their rows: neither Excel nor
 * LibreOffice grows a row for wrapped text in a file they open.
 */

/** Excel width units a text needs at 11 pt: CJK characters are about two digits wide. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 2 : 1.1;
  return w;
}

/** Lines a text wraps to in a column `width` units wide (explicit line breaks counted). */
export function wrappedLines(text: string, width: number): number {
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(textWidth(part) / Math.max(1, width - 1))), 0);
}

/** The height in points of a row whose tallest cell wraps to `lines` lines of `fontSize` text. */
export function rowHeightFor(lines: number, fontSize: number, least = 18): number {
  return Math.max(least, Math.ceil(lines * fontSize * 1.35 + 4));
}
