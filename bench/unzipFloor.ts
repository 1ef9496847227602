/**
 * The real floor of a roll-up over files: inflating the parts any reader must inflate — each
 * worksheet and the shared strings — with node's zlib, and decoding them as UTF-8, nothing
 * else. Run as its own process by the bench, like keytask. The zip is walked through its
 * central directory here (no library), so the figure is zlib's and the disk's alone.
 */
import { readFile } from 'fs/promises';
import { inflateRawSync } from 'zlib';

/** Worksheets and shared strings: what holds a sheet's values. */
const WANTED = /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/;

/** Inflated and decoded characters of the wanted parts of one .xlsx. */
export function inflateParts(zip: Buffer): number {
  // End of central directory: signature 0x06054b50 within the last 64 KB + 22 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip');
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  let chars = 0;
  for (let n = 0; n < entries; n++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (!WANTED.test(name)) continue;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    chars += (method === 0 ? raw : inflateRawSync(raw)).toString('utf8').length;
  }
  return chars;
}

async function main(files: string[]): Promise<void> {
  let chars = 0;
  for (const f of files) chars += inflateParts(await readFile(f));
  process.stdout.write(`${files.length} files, ${chars} characters\n`);
}

if (require.main === module) void main(process.argv.slice(2));
