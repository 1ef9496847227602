/** Excel's rules for sheet names, applied before a name reaches any host. */

const FORBIDDEN = /[\\/?*[\]:]/g;
export const MAX_SHEET_NAME = 31;

/** A legal sheet name for `wanted`: forbidden characters replaced, cut to 31 characters. */
export function legalSheetName(wanted: string): string {
  const cleaned =
    wanted
      .replace(FORBIDDEN, '_')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Sheet';
  return [...cleaned].slice(0, MAX_SHEET_NAME).join('');
}

/** `name`, or `name (2)`, `name (3)`… whichever is free; names compare case-insensitively as in Excel. */
export function freeSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const base = legalSheetName(wanted);
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = [...base].slice(0, MAX_SHEET_NAME - suffix.length).join('') + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
