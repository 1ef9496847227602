/**
 * Node only: the files of a zip package read straight from its central directory and inflated
 * by Node's zlib, for the values-only reader. jszip inflates in JavaScript (pako) and gathers
 * its output chunk by chunk, which cost more than parsing the XML itself over many files.
 * Plain zips only: stored or deflated files, no encryption, no zip64, one disk; anything else
 * throws and the file is read by ExcelJS instead.
 */
import { inflateRawSync } from 'zlib';
import { LIMITS, LimitExceeded } from './limits';
import { type OpenZip, ZipDamaged, type ZipPackage, packageNames } from './zipPackage';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Output chunk ceiling: a part larger than this is inflated in several chunks. */
const MAX_CHUNK = 64 * 1024 * 1024;

interface Entry {
  method: number;
  compressed: number;
  size: number;
  local: number;
}

function endOfCentralDirectory(b: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65535.
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) if (b.readUInt32LE(i) === EOCD) return i;
  throw new ZipDamaged('truncated', 'no end of central directory');
}

function entries(b: Buffer): Array<[string, Entry]> {
  const eocd = endOfCentralDirectory(b);
  const disk = b.readUInt16LE(eocd + 4);
  const count = b.readUInt16LE(eocd + 10);
  const size = b.readUInt32LE(eocd + 12);
  const offset = b.readUInt32LE(eocd + 16);
  if (disk !== 0 || count === 0xffff || offset === 0xffffffff || size === 0xffffffff) throw new Error('zip64 or multi-disk');
  if (offset + size > eocd) throw new ZipDamaged('truncated', 'central directory out of bounds');
  const out: Array<[string, Entry]> = [];
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== CENTRAL) throw new ZipDamaged('broken', 'bad central directory');
    const flags = b.readUInt16LE(p + 8);
    const method = b.readUInt16LE(p + 10);
    const compressed = b.readUInt32LE(p + 20);
    const usize = b.readUInt32LE(p + 24);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    const local = b.readUInt32LE(p + 42);
    if (flags & 1) throw new Error('encrypted');
    if (compressed === 0xffffffff || usize === 0xffffffff || local === 0xffffffff) throw new Error('zip64');
    const name = b.toString('utf8', p + 46, p + 46 + nameLen);
    if (!name.endsWith('/')) out.push([name, { method, compressed, size: usize, local }]);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function contents(b: Buffer, e: Entry, name: string): Buffer {
  // The declared size is the most the inflater may give (below), so checking it holds the part.
  if (e.size > LIMITS.partBytes) throw new LimitExceeded('partBytes', name);
  if (e.local + 30 > b.length || b.readUInt32LE(e.local) !== LOCAL) throw new ZipDamaged('broken', 'bad local header');
  const start = e.local + 30 + b.readUInt16LE(e.local + 26) + b.readUInt16LE(e.local + 28);
  if (start + e.compressed > b.length) throw new ZipDamaged('truncated', 'file data out of bounds');
  const raw = b.subarray(start, start + e.compressed);
  let data: Buffer;
  if (e.method === 0) {
    data = raw;
  } else if (e.method === 8) {
    // One output chunk of the size the directory gives: zlib's default 16 KB chunks, gathered
    // and copied together afterwards, cost ten times the inflating itself. Never more than that
    // size (a damaged or hostile directory entry must not make it inflate without end).
    try {
      data = inflateRawSync(raw, { chunkSize: Math.min(Math.max(64, e.size), MAX_CHUNK), maxOutputLength: Math.max(1, e.size) });
    } catch (err) {
      throw new ZipDamaged('broken', `${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  } else {
    throw new Error(`compression method ${e.method}`);
  }
  if (data.length !== e.size) throw new ZipDamaged('broken', `${name}: size mismatch`);
  return data;
}

/** Each part's size as the zip declares it (what openWithZlib holds the inflater to). */
export function declaredSizes(bytes: Uint8Array): Map<string, number> {
  const b = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Map([...packageNames(entries(b))].map(([name, e]) => [name, e.size]));
}

export const openWithZlib: OpenZip = (bytes) => {
  try {
    const b = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const files = packageNames(entries(b));
    const pkg: ZipPackage = {
      names: [...files.keys()],
      bytes: (name) => {
        const e = files.get(name);
        if (!e) return Promise.reject(new Error(`no ${name} in the package`));
        try {
          return Promise.resolve(contents(b, e, name));
        } catch (err) {
          return Promise.reject(err instanceof Error ? err : new Error(String(err)));
        }
      },
    };
    return Promise.resolve(pkg);
  } catch (err) {
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
};
