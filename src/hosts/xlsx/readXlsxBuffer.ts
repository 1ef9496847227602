/**
 * Reads the bytes of an .xlsx file into plain grids of values plus the workbook's defined names:
 * what the core's readers (layout reader, registry) need, and nothing tied to ExcelJS.
 *
 * Two readers give the same result: the values-only one (fastRead.ts), several times faster,
 * and ExcelJS's full load (excelJsRead.ts), which reads whatever the first leaves to it or
 * fails on. ExcelJS is loaded only then.
 *
 * Browser-safe: no `fs`, no Node `Buffer`, so the task pane can read the files a clerk picks
 * (in the pane, never uploaded). readWorkbook.ts adds reading by path for the CLI, and Node's
 * zlib for unzipping.
 */
import { XlsxReadError } from './errors';
import { fastReadXlsx } from './fastRead';
import type { ReadWorkbook } from './readTypes';
import type { OpenZip } from './zipPackage';

export type { ReadSheetData, ReadValue, ReadWorkbook } from './readTypes';

export interface ReadXlsxOptions {
  /** how the values-only reader opens the zip (default jszip; Node passes zlib's) */
  openZip?: OpenZip;
}

/** Every zip package starts with the local file header `PK\x03\x04`. */
function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** @param label how the file is named in errors (its name or path) */
export async function readXlsxBuffer(bytes: Uint8Array, label = '(buffer)', options: ReadXlsxOptions = {}): Promise<ReadWorkbook> {
  // An .xlsx is a zip; anything else gets a plain answer instead of a zip library's stack.
  if (!isZip(bytes)) throw new XlsxReadError(label, 'notXlsx', bytes.length === 0 ? 'empty file' : 'not a zip package');
  try {
    return await fastReadXlsx(bytes, options.openZip);
  } catch {
    // Whatever the values-only reader does not follow (see fastRead.ts), ExcelJS reads, or
    // fails on with its own words.
  }
  const { readWithExcelJs } = await import(/* webpackChunkName: "xlsx-exceljs" */ './excelJsRead');
  return readWithExcelJs(bytes, label);
}
