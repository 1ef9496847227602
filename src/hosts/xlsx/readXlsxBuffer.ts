/**
 * Reads the bytes of an .xlsx file into plain grids of values plus the workbook's defined names:
 * what the core's readers (layout reader, registry) need, and nothing tied to ExcelJS.
 *
 * Two readers give the same result: the values-only one (fastRead/), several times faster,
 * and ExcelJS's full load (excelJsRead.ts), which reads whatever the first leaves to it. ExcelJS
 * is loaded only then. Whatever neither reads is refused with an XlsxReadError that says what
 * the file is (sniff.ts) and what to do; nothing else escapes from here, and nothing costs
 * more than LIMITS allow.
 *
 * Browser-safe: no `fs`, no Node `Buffer`, so the task pane can read the files a clerk picks
 * (in the pane, never uploaded). readWorkbook.ts adds reading by path for the CLI, and Node's
 * zlib for unzipping.
 */
import { MAX_CELL_TEXT, cutCellText } from '../../core/sheet/excelLimits';
import { XlsxReadError } from './errors';
import { fastReadPackage } from './fastRead';
import { LIMITS, LimitExceeded } from './limits';
import type { ReadWorkbook } from './readTypes';
import { type Kind, kindOfBytes, kindOfPackage } from './sniff';
import { type OpenZip, ZipDamaged, type ZipPackage, bounded, openWithJsZip } from './zipPackage';

export type { ReadSheetData, ReadValue, ReadWorkbook } from './readTypes';

export interface ReadXlsxOptions {
  /** how the values-only reader opens the zip (default jszip; Node passes zlib's) */
  openZip?: OpenZip;
}

function refusal(label: string, kind: Kind): XlsxReadError {
  return new XlsxReadError(label, kind.reason, kind.detail ?? '');
}

/** Any failure as the refusal it is: nothing but an XlsxReadError leaves readXlsxBuffer. */
export function asReadError(e: unknown, label: string): XlsxReadError {
  if (e instanceof XlsxReadError) return e;
  if (e instanceof LimitExceeded) return new XlsxReadError(label, 'tooLarge', '', { limit: e.limit, where: e.where });
  const debug = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  if (e instanceof ZipDamaged) {
    if (e.kind === 'truncated') return new XlsxReadError(label, 'truncated', '', { debug });
    return new XlsxReadError(label, 'damaged', e.kind === 'duplicate' ? 'duplicateParts' : 'badZip', { debug });
  }
  // jszip (under ExcelJS) finds a part's declared size or checksum wrong only after inflating it.
  if (/size mismatch|crc32/i.test(debug)) return new XlsxReadError(label, 'damaged', 'badZip', { debug });
  if (e instanceof Error && e.name === 'NoWorksheets') return new XlsxReadError(label, 'damaged', 'noSheets', { debug });
  return new XlsxReadError(label, 'damaged', 'badXml', { debug });
}

/** The package by `openZip`, else by jszip where the first cannot follow the zip (zip64, say). */
async function openPackage(bytes: Uint8Array, openZip: OpenZip): Promise<ZipPackage> {
  try {
    return await openZip(bytes);
  } catch (e) {
    if (e instanceof LimitExceeded || (e instanceof ZipDamaged && e.kind !== 'broken') || openZip === openWithJsZip) throw e;
    return openWithJsZip(bytes);
  }
}

/** What a zip with no workbook in it is (an .ods, an .xlsb, a .docx …), or null. */
async function packageKind(pkg: ZipPackage): Promise<Kind | null> {
  const texts = new Map<string, string>();
  for (const name of ['mimetype', 'META-INF/manifest.xml']) {
    if (!pkg.names.includes(name)) continue;
    try {
      texts.set(name, new TextDecoder().decode((await pkg.bytes(name)).subarray(0, 65536)));
    } catch {
      // A part that cannot be read says nothing about the kind.
    }
  }
  return kindOfPackage(pkg.names, (n) => texts.get(n));
}

/**
 * Inflates every part once, within LIMITS, before ExcelJS (which trusts the zip) sees the file;
 * returns their total. A part the opener finds false (its size, its data) refuses the file.
 */
async function checkedSize(pkg: ZipPackage): Promise<number> {
  const b = bounded(pkg);
  let n = 0;
  for (const name of pkg.names) n += (await b.bytes(name)).length;
  return n;
}

async function readPackage(bytes: Uint8Array, label: string, openZip: OpenZip): Promise<ReadWorkbook> {
  const pkg = await openPackage(bytes, openZip);
  const kind = await packageKind(pkg);
  if (kind) throw refusal(label, kind);
  try {
    return await fastReadPackage(bounded(pkg));
  } catch (e) {
    // Whatever the values-only reader does not follow (see fastRead/) ExcelJS reads, unless
    // the file is too large to read at all.
    if (e instanceof LimitExceeded) throw e;
  }
  if ((await checkedSize(pkg)) > LIMITS.fallbackBytes) throw new LimitExceeded('fallbackBytes', label);
  const { readWithExcelJs } = await import(/* webpackChunkName: "xlsx-exceljs" */ './excelJsRead');
  return readWithExcelJs(bytes);
}

/**
 * Text over Excel's 32,767 characters a cell holds, cut with the cut shown (in place): Excel
 * never writes such a cell, and a hostile file's megabyte strings go no further than here.
 */
function cutLongCells(wb: ReadWorkbook): ReadWorkbook {
  for (const s of wb.sheets) {
    for (const row of s.grid) {
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v === 'string' && v.length > MAX_CELL_TEXT) row[c] = cutCellText(v);
      }
    }
  }
  return wb;
}

/**
 * Excel and WPS leave `~$name.xlsx` beside a workbook while it is open (a few hundred bytes
 * naming who has it open). `keytask rollup *.xlsx` picks it up with the county files; it is
 * named for what it is, since the workbook it stands for may hold unsaved figures.
 */
function isOwnerFile(label: string, bytes: Uint8Array): boolean {
  const name = label.slice(Math.max(label.lastIndexOf('/'), label.lastIndexOf('\\')) + 1);
  return name.startsWith('~$') && bytes.length <= 4096;
}

/** @param label how the file is named in errors (its name or path) */
export async function readXlsxBuffer(bytes: Uint8Array, label = '(buffer)', options: ReadXlsxOptions = {}): Promise<ReadWorkbook> {
  const kind = kindOfBytes(bytes);
  if (kind) throw refusal(label, isOwnerFile(label, bytes) ? { reason: 'notSpreadsheet', detail: 'lockFile' } : kind);
  let wb: ReadWorkbook;
  try {
    wb = await readPackage(bytes, label, options.openZip ?? openWithJsZip);
  } catch (e) {
    throw asReadError(e, label);
  }
  return cutLongCells(wb);
}
