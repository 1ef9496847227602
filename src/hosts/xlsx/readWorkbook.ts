/**
 * Reads an .xlsx file (by path or from its bytes) into plain grids of values plus the
 * workbook's defined names. The parsing itself is in readXlsxBuffer.ts, which the task pane
 * uses directly: this file needs Node's `fs`, and gives the reader Node's zlib to unzip with.
 */
import { readFile } from 'fs/promises';
import { type KeytaskSheet, REGISTRY_SHEET, liveKeytaskSheets } from '../../core/sheet/registry';
import { XlsxReadError } from './errors';
import { openWithZlib } from './nodeZip';
import { type ReadWorkbook, readXlsxBuffer } from './readXlsxBuffer';

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

/** The keytask sheets of a read workbook, under their current names (null: sheet deleted). */
export function keytaskSheetsOf(read: ReadWorkbook): KeytaskSheet[] {
  const registry = read.sheets.find((s) => s.name === REGISTRY_SHEET);
  return liveKeytaskSheets(
    registry?.grid,
    read.names,
    read.sheets.map((s) => s.name),
  );
}
