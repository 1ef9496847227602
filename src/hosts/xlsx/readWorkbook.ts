/**
 * Reads an .xlsx file (by path or from its bytes) into plain grids of values plus the
 * workbook's defined names. The parsing itself is in readXlsxBuffer.ts, which the task pane
 * uses directly: this file needs Node's `fs`, and gives the reader Node's zlib to unzip with.
 */
import { readFile } from 'fs/promises';
import { type KeytaskSheet, REGISTRY_SHEET, liveKeytaskSheets } from '../../core/sheet/registry';
import { XlsxReadError } from './errors';
import { LIMITS, LimitExceeded } from './limits';
import { declaredSizes, openWithZlib } from './nodeZip';
import { type ReadWorkbook, asReadError, readXlsxBuffer } from './readXlsxBuffer';
import { bounded } from './zipPackage';

export { XlsxReadError, type XlsxReadReason } from './errors';
export { type ReadSheetData, type ReadValue, type ReadWorkbook, readXlsxBuffer } from './readXlsxBuffer';

async function loadBytes(fileOrBuffer: string | Buffer | Uint8Array): Promise<{ bytes: Buffer; label: string }> {
  if (typeof fileOrBuffer !== 'string') return { bytes: Buffer.from(fileOrBuffer), label: '(buffer)' };
  try {
    return { bytes: await readFile(fileOrBuffer), label: fileOrBuffer };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new XlsxReadError(fileOrBuffer, 'missing', code === 'ENOENT' ? 'no such file' : (code ?? String(e)));
  }
}

export async function readXlsx(fileOrBuffer: string | Buffer | Uint8Array): Promise<ReadWorkbook> {
  const { bytes, label } = await loadBytes(fileOrBuffer);
  return readXlsxBuffer(bytes, label, { openZip: openWithZlib });
}

const DOCX_BODY = 'word/document.xml';

/**
 * Before a .docx is handed to a reader that trusts its zip (mammoth, through jszip): its body
 * within LIMITS.docxBodyBytes by its declared size, and every part inflated once within
 * LIMITS, which holds each to that size. Throws XlsxReadError (`tooLarge`, `truncated`,
 * `damaged`); a zip this cannot follow (zip64, say) is left to the reader.
 */
export async function checkDocxPackage(bytes: Uint8Array, label: string): Promise<void> {
  try {
    let sizes: Map<string, number>;
    try {
      sizes = declaredSizes(bytes);
    } catch (e) {
      if (e instanceof Error && e.name !== 'ZipDamaged') return;
      throw e;
    }
    if ((sizes.get(DOCX_BODY) ?? 0) > LIMITS.docxBodyBytes) throw new LimitExceeded('docxBodyBytes', DOCX_BODY);
    const pkg = bounded(await openWithZlib(bytes));
    for (const name of pkg.names) await pkg.bytes(name);
  } catch (e) {
    throw asReadError(e, label);
  }
}

/** The keytask sheets of a read workbook, under their current names (null: sheet deleted). */
export function keytaskSheetsOf(read: ReadWorkbook): KeytaskSheet[] {
  const registry = read.sheets.find((s) => s.name === REGISTRY_SHEET);
  return liveKeytaskSheets(
    registry?.grid,
    read.names,
    read.sheets.map((s) => s.name),
  );
}
