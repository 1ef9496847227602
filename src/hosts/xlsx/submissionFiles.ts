/**
 * County workbooks read for a roll-up, the same way in the CLI (by path) and the pane (the
 * files a clerk picked): a file that cannot be read is named with a plain reason in the
 * user's language and the roll-up goes on — one broken attachment must not hold up a city's
 * roll-up of a hundred counties. Only an XlsxReadError is such a file; anything else is a bug
 * and is thrown. Browser-safe: how the bytes are got is the caller's `read`.
 */
import type { Lang } from '../../core/i18n';
import type { SourceFile, UnreadableFile } from '../../core/rollup/sources';
import { XlsxReadError, unreadableOf } from './errors';
import type { ReadWorkbook } from './readTypes';

export interface SubmissionFile {
  /** how the file is shown and traced back (its name, or the path given) */
  name: string;
  /** reads it; a file that cannot be read throws an XlsxReadError */
  read: () => Promise<ReadWorkbook>;
}

export interface SubmissionFiles {
  read: SourceFile[];
  unreadable: UnreadableFile[];
}

/** One file after another, in the order given; `onFile` after each, read or not (a progress bar). */
export async function readSubmissionFiles(
  files: readonly SubmissionFile[],
  opts: { lang: Lang; onFile?: (name: string) => void },
): Promise<SubmissionFiles> {
  const out: SubmissionFiles = { read: [], unreadable: [] };
  await eachSubmissionFile(files, opts, { read: (f) => out.read.push(f), unreadable: (u) => out.unreadable.push(u) });
  return out;
}

/**
 * The same, each file handed over as it is read and not kept here (`at`: its place in `files`):
 * a caller that keeps only what it needs of each holds one file's grids at a time.
 */
export async function eachSubmissionFile(
  files: readonly SubmissionFile[],
  opts: { lang: Lang; onFile?: (name: string) => void },
  take: { read: (file: SourceFile, at: number) => void; unreadable: (file: UnreadableFile, at: number) => void },
): Promise<void> {
  for (const [at, file] of files.entries()) {
    let wb: ReadWorkbook;
    try {
      wb = await file.read();
    } catch (e) {
      if (!(e instanceof XlsxReadError)) throw e;
      take.unreadable({ name: file.name, ...unreadableOf(e, opts.lang) }, at);
      opts.onFile?.(file.name);
      continue;
    }
    take.read({ name: file.name, grids: wb.sheets, names: wb.names }, at);
    opts.onFile?.(file.name);
  }
}
