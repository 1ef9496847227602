/** Free sheet names, by Excel's rules (sheet/excelLimits.ts), before a name reaches any host. */
import { MAX_SHEET_NAME, cutUtf16, legalSheetName } from '../sheet/excelLimits';

export { MAX_SHEET_NAME, legalSheetName };

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
