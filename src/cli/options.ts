/** Option parsing and file writing shared by every keytask command. */
import { type Stats, statSync } from 'fs';
import { mkdir, rename, unlink, writeFile } from 'fs/promises';
import { basename, dirname, join, resolve } from 'path';
import type { Lang } from '../core/i18n';
import { PAPERS, type Paper } from '../core/sheet/printPlan';
import { InputError } from './errors';
import type { Messages } from './messages';
import { parseYears } from './planInput';

export function langOf(v: string | undefined, fallback: Lang, m: Messages): Lang {
  if (v === undefined) return fallback;
  const l = v.trim().toLowerCase();
  if (l === 'zh' || l === 'en') return l;
  throw new InputError(m.f.badLang(v));
}

/** --lang when given (checked), else undefined: the operation then takes the workbook's or Chinese. */
export function langOption(v: string | undefined, m: Messages): Lang | undefined {
  return v === undefined ? undefined : langOf(v, 'zh', m);
}

/** --paper when given (A4 or A3, any case), else undefined. */
export function paperOption(v: string | undefined, m: Messages): Paper | undefined {
  if (v === undefined) return undefined;
  const p = v.trim().toUpperCase();
  if (!(PAPERS as readonly string[]).includes(p)) throw new InputError(m.f.badPaper(v));
  return p as Paper;
}

/** --years when given (checked), else null. */
export function yearsOption(v: string | undefined, m: Messages): [number, number] | null {
  if (v === undefined) return null;
  const years = parseYears(v);
  if (!years) throw new InputError(m.f.badYears(v));
  return years;
}

export function formatOf(v: string | undefined, m: Messages): 'table' | 'json' {
  const f = (v ?? 'table').trim().toLowerCase();
  if (f === 'table' || f === 'json') return f;
  throw new InputError(m.f.badFormat(v ?? ''));
}

function statOf(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/**
 * Whether two paths name one file: through `./`, `..`, symbolic links (stat follows them) or
 * hard links alike, as the file system sees it (same device and inode).
 */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  const sa = statOf(a);
  const sb = statOf(b);
  return sa !== null && sb !== null && sa.dev === sb.dev && sa.ino === sb.ino;
}

/**
 * The one rule for every file a command writes: never one of its inputs (refused with
 * `isInput`'s message, whatever --force says), and never an existing file without --force (said
 * by `exists`: generate and import also offer --replace, the other commands only --force).
 */
export function checkOutput(
  output: string,
  inputs: readonly string[],
  force: boolean | undefined,
  m: Messages,
  isInput: (file: string) => string = m.f.outputIsInput,
  exists: (file: string) => string = m.f.outputExists,
): void {
  if (inputs.some((input) => sameFile(input, output))) throw new InputError(isInput(output));
  if (statOf(output) !== null && !force) throw new InputError(exists(output));
}

/**
 * Writes through a temporary file beside the target and renames it into place, so a failed
 * or interrupted write never leaves a half-written workbook under the user's file name.
 */
export async function writeFileAtomic(file: string, data: Buffer, m: Messages): Promise<void> {
  const target = resolve(file);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(tmp, data);
    await rename(tmp, target);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    const err = e as NodeJS.ErrnoException;
    throw new InputError(m.f.cannotWrite(file, err.code ?? err.message));
  }
}
