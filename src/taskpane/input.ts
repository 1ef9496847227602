/**
 * Turning what a clerk typed into the pane into values for the core, and errors into words.
 * Kept apart from the components so the rules are plain functions.
 */
import { Refusal } from '../core/refusal';
import type { Strings } from './i18n';

/** County lists pasted from documents split as the CLI's do: one parser in the core. */
export { parseCounties } from '../core/text/counties';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/** Local plans are three- or five-year plans; more columns than this is a typo. */
export const MAX_PLAN_YEARS = 10;

export type PeriodCheck = { ok: true; startYear: number; endYear: number } | { ok: false; message: string };

export function checkPeriod(start: string, end: string, s: Strings): PeriodCheck {
  const startYear = Number(start.trim());
  const endYear = Number(end.trim());
  const valid = (y: number): boolean => Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;
  if (!valid(startYear) || !valid(endYear)) return { ok: false, message: s.generate.badYear };
  if (endYear < startYear || endYear - startYear + 1 > MAX_PLAN_YEARS) {
    return { ok: false, message: s.generate.badPeriod(MAX_PLAN_YEARS) };
  }
  return { ok: true, startYear, endYear };
}

/**
 * A message fit to show a clerk: Office errors carry a readable `message` (and a `code`);
 * anything else falls back to a generic sentence. Stacks are never shown.
 */
export function errorMessage(err: unknown, s: Strings): string {
  // keytask's own refusals are said in the pane's language, not both at once.
  if (err instanceof Refusal) return err.describe(s.lang);
  if (typeof err === 'string' && err.trim()) return err.trim();
  if (err && typeof err === 'object') {
    const { message, code } = err as { message?: unknown; code?: unknown };
    const text = typeof message === 'string' ? firstLine(message) : '';
    if (text) return typeof code === 'string' && code && !text.includes(code) ? `${text} (${code})` : text;
    if (typeof code === 'string' && code) return `${s.errors.unknown} (${code})`;
  }
  return s.errors.unknown;
}

/** Some runtimes fold the stack into the message; only the first line is meant for people. */
function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}
