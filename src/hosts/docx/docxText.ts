/**
 * The .docx host: the text of a plan document for the importer (src/core/import), which reads
 * plain text only. The text of a .docx: mammoth's raw text gives every paragraph, including each paragraph of
 * each table cell, its own line, which is the flattened form the importer reads (a 重点任务清单
 * table comes out one cell per line, like seed 001).
 */
import mammoth from 'mammoth';

/** A .docx (any zip really) starts with `PK\x03\x04`. */
export function isDocx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export async function docxText(bytes: Uint8Array): Promise<string> {
  // Node takes a Buffer, a browser an ArrayBuffer; give each what it reads.
  const input =
    typeof Buffer !== 'undefined'
      ? { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }
      : { arrayBuffer: bytes.slice().buffer as ArrayBuffer };
  const result = await mammoth.extractRawText(input);
  return result.value;
}
