/**
 * Files a clerk picks in the pane, read in the pane: nothing is uploaded anywhere. The readers
 * (ExcelJS for .xlsx, mammoth for .docx) are large and only some clerks need them, so each is
 * loaded on first use as a chunk of its own beside the pane's bundle.
 */
import { decodeText } from '../core/import/decode';
import type { SourceFile, UnreadableFile } from '../core/rollup/sources';

export async function fileBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** Raised when a file named .docx is not one; the pane words it. */
export class NotDocxError extends Error {
  constructor(readonly file: string) {
    super(`${file} is not a .docx document`);
    this.name = 'NotDocxError';
  }
}

/** A plan document's text: a .docx through mammoth, anything else decoded as text (UTF-8, UTF-16, GB18030). */
export async function planFileText(file: File): Promise<string> {
  const bytes = await fileBytes(file);
  if (!/\.docx$/i.test(file.name)) return decodeText(bytes);
  const { docxText, isDocx } = await import(/* webpackChunkName: "docx-reader" */ '../hosts/docx/docxText');
  if (!isDocx(bytes)) throw new NotDocxError(file.name);
  try {
    return await docxText(bytes);
  } catch {
    // mammoth's own words are about zip entries and XML; the clerk needs to know the file is bad.
    throw new NotDocxError(file.name);
  }
}

export interface ReadFiles {
  files: SourceFile[];
  unreadable: UnreadableFile[];
}

/**
 * County workbooks for a roll-up, read as the CLI reads them (hosts/xlsx/submissionFiles.ts):
 * a file that cannot be read is reported by name, not thrown. A picked file the browser can no
 * longer give (moved or deleted since it was picked) is one of those.
 */
export async function readCountyFiles(picked: readonly File[], lang: 'zh' | 'en' = 'zh'): Promise<ReadFiles> {
  if (picked.length === 0) return { files: [], unreadable: [] };
  const { readXlsxBuffer } = await import(/* webpackChunkName: "xlsx-reader" */ '../hosts/xlsx/readXlsxBuffer');
  const { readSubmissionFiles } = await import('../hosts/xlsx/submissionFiles');
  const { XlsxReadError } = await import('../hosts/xlsx/errors');
  const bytesOf = async (file: File): Promise<Uint8Array> => {
    try {
      return await fileBytes(file);
    } catch (e) {
      throw new XlsxReadError(file.name, 'missing', e instanceof Error ? e.message : String(e));
    }
  };
  const { read, unreadable } = await readSubmissionFiles(
    picked.map((file) => ({ name: file.name, read: async () => readXlsxBuffer(await bytesOf(file), file.name) })),
    { lang },
  );
  return { files: read, unreadable };
}
