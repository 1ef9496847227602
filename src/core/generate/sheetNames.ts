/** Excel's rules for sheet names, applied before a name reaches any host. */
import { FORBIDDEN_SHEET_CHARS, MAX_SHEET_NAME, RESERVED_SHEET_NAMES, cutUtf16 } from '../sheet/excelLimits';

/**
 * A legal sheet name for `wanted`: forbidden characters replaced, cut to 31 UTF-16 units (as
 * Excel counts), and a name Excel reserves (`History`) given a mark.
 */
export function legalSheetName(wanted: string): string {
  const cleaned =
    wanted
      .replace(FORBIDDEN_SHEET_CHARS, '_')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Sheet';
  const cut = cutUtf16(cleaned, MAX_SHEET_NAME);
  return RESERVED_SHEET_NAMES.some((r) => r.toLowerCase() === cut.toLowerCase()) ? `${cut}_` : cut;
}

/** `name`, or `name (2)`, `name (3)`… whichever is free; names compare case-insensitively as in Excel. */
export function freeSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const base = legalSheetName(wanted);
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = cutUtf16(base, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
