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
  for (const file of files) {
    try {
      const wb = await file.read();
      out.read.push({ name: file.name, grids: wb.sheets, names: wb.names });
    } catch (e) {
      if (!(e instanceof XlsxReadError)) throw e;
      out.unreadable.push({ name: file.name, ...unreadableOf(e, opts.lang) });
    }
    opts.onFile?.(file.name);
  }
  return out;
}
