/**
 * Bytes of a text file as plan documents arrive: UTF-8 with or without a BOM, UTF-16 with a
 * BOM (Notepad's "Unicode"), or GB18030/GBK from older Windows tools. Invalid UTF-8 is taken
 * as GB18030, a superset of GBK and GB2312, rather than shown as replacement characters.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
