/**
 * What a file that is not a readable .xlsx is, from its first bytes and (for a zip) its part
 * names, so a refusal can say "encrypted" or "a legacy .xls workbook" and what to do, rather
 * than "not a zip package". Browser-safe.
 */
import { type DetailKey, type XlsxReadReason } from './errors';

export interface Kind {
  reason: XlsxReadReason;
  detail?: DetailKey;
}

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/** Whether `name` occurs in `bytes` as UTF-16LE (how a CFB directory names its streams). */
function hasUtf16(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  for (let i = bytes.indexOf(first); i >= 0 && i + name.length * 2 <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    let k = 0;
    while (k < name.length && bytes[i + 2 * k] === name.charCodeAt(k) && bytes[i + 2 * k + 1] === 0) k++;
    if (k === name.length) return true;
  }
  return false;
}

/** A compound (OLE) file: an encrypted OOXML package, a legacy .xls, or some other Office file. */
function compoundKind(bytes: Uint8Array): Kind {
  if (hasUtf16(bytes, 'EncryptedPackage') || hasUtf16(bytes, 'EncryptionInfo')) return { reason: 'encrypted' };
  if (['Workbook', 'WORKBOOK', 'Book', 'BOOK'].some((n) => hasUtf16(bytes, n))) return { reason: 'xls' };
  if (hasUtf16(bytes, 'WordDocument')) return { reason: 'notSpreadsheet', detail: 'word' };
  if (hasUtf16(bytes, 'PowerPoint Document')) return { reason: 'notSpreadsheet', detail: 'powerpoint' };
  return { reason: 'notSpreadsheet', detail: 'legacyOffice' };
}

/**
 * What a file that does not start as a zip is. Null for a zip (local header, or the end record
 * of an empty zip), which the package reader looks into.
 */
export function kindOfBytes(bytes: Uint8Array): Kind | null {
  if (bytes.length === 0) return { reason: 'empty' };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return null;
  if (startsWith(bytes, CFB)) return compoundKind(bytes);
  // BIFF2–5 .xls written without a compound file: a BOF record.
  if (bytes[0] === 0x09 && (bytes[1] === 0x00 || bytes[1] === 0x02 || bytes[1] === 0x04 || bytes[1] === 0x08)) return { reason: 'xls' };
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '');
  if (head.startsWith('%PDF')) return { reason: 'notSpreadsheet', detail: 'pdf' };
  if (/urn:schemas-microsoft-com:office:spreadsheet/.test(head)) return { reason: 'notSpreadsheet', detail: 'xml2003' };
  if (/^\s*<(!doctype html|html)/i.test(head)) {
    // Excel's "web page" .xls: an HTML table under an .xls name.
    return /urn:schemas-microsoft-com:office:excel/.test(head) ? { reason: 'xls' } : { reason: 'notSpreadsheet', detail: 'html' };
  }
  // Text: no NUL and few control characters in the first block.
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of sample) if (b === 0 || (b < 32 && b !== 9 && b !== 10 && b !== 13)) control++;
  if (control === 0) return { reason: 'notSpreadsheet', detail: 'text' };
  return { reason: 'notSpreadsheet', detail: 'unknown' };
}

/**
 * What a zip package that has no readable workbook is, from its part names (and, for an
 * OpenDocument file, its `mimetype` and manifest text when given). Null when it looks like an
 * .xlsx (then a failure to read it means the parts are damaged).
 */
export function kindOfPackage(names: readonly string[], text: (name: string) => string | undefined = () => undefined): Kind | null {
  const has = (n: string): boolean => names.includes(n);
  if (has('xl/workbook.bin')) return { reason: 'xlsb' };
  if (has('mimetype') || has('content.xml')) {
    const mime = text('mimetype') ?? '';
    if (mime.includes('opendocument.spreadsheet') || has('content.xml')) {
      return (text('META-INF/manifest.xml') ?? '').includes('encryption-data') ? { reason: 'encrypted' } : { reason: 'ods' };
    }
  }
  if (has('word/document.xml')) return { reason: 'notSpreadsheet', detail: 'word' };
  if (has('ppt/presentation.xml')) return { reason: 'notSpreadsheet', detail: 'powerpoint' };
  if (names.some((n) => n.startsWith('xl/') || /(^|\/)workbook\.xml$/.test(n))) return null;
  return { reason: 'notSpreadsheet', detail: has('[Content_Types].xml') ? 'unknown' : 'zip' };
}
