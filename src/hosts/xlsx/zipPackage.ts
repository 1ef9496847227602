/**
 * The files of a zip package, for the values-only reader. jszip does it everywhere (the task
 * pane included); readWorkbook.ts hands in a faster one for Node (nodeZip.ts). Either holds
 * every part to LIMITS while it inflates it, and `bounded` holds the package's total.
 */
import JSZip from 'jszip';
import { LIMITS, LimitExceeded } from './limits';

export interface ZipPackage {
  /** the files of the package (no folders), each name without a leading `/`, as ExcelJS names them */
  names: string[];
  /** a file's content, uncompressed; `name` as in `names` */
  bytes(name: string): Promise<Uint8Array>;
}

export type OpenZip = (bytes: Uint8Array) => Promise<ZipPackage>;

/** The zip itself is broken (`truncated`: cut short) or holds two parts under one name (`duplicate`). */
export class ZipDamaged extends Error {
  constructor(
    readonly kind: 'truncated' | 'duplicate' | 'broken',
    why: string,
  ) {
    super(why);
    this.name = 'ZipDamaged';
  }
}

/**
 * Package names as ExcelJS sees them: one leading `/` dropped (and `\` read as `/`, as some
 * Windows zip tools write it); two files under one name is not a package to guess about.
 */
export function packageNames<T>(entries: Array<[string, T]>): Map<string, T> {
  const byName = new Map<string, T>();
  for (const [written, entry] of entries) {
    const raw = written.includes('\\') ? written.replace(/\\/g, '/') : written;
    const name = raw.startsWith('/') ? raw.slice(1) : raw;
    if (byName.has(name)) throw new ZipDamaged('duplicate', `two files named ${name}`);
    byName.set(name, entry);
  }
  return byName;
}

/** The package with its parts' total held to LIMITS.packageBytes (each part is held by its opener). */
export function bounded(pkg: ZipPackage): ZipPackage {
  let total = 0;
  return {
    names: pkg.names,
    bytes: async (name) => {
      const b = await pkg.bytes(name);
      total += b.length;
      if (total > LIMITS.packageBytes) throw new LimitExceeded('packageBytes', name);
      return b;
    },
  };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

interface StreamHelper {
  on(event: 'data', f: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'end', f: () => void): StreamHelper;
  on(event: 'error', f: (e: Error) => void): StreamHelper;
  resume(): StreamHelper;
  pause(): StreamHelper;
}

/**
 * A part inflated by jszip, stopped as soon as it passes LIMITS.partBytes or the size the zip
 * declares for it (a bomb that declares 1,000 bytes is stopped there, as nodeZip.ts does, not
 * after 256 MB: jszip itself would find the lie only once it had inflated everything).
 */
function inflateBounded(f: JSZip.JSZipObject, name: string): Promise<Uint8Array> {
  const declared = (f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
  if (typeof declared === 'number' && declared > LIMITS.partBytes) return Promise.reject(new LimitExceeded('partBytes', name));
  const most = typeof declared === 'number' ? declared : Infinity;
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let stopped = false;
    const stream = (f as unknown as { internalStream(type: 'uint8array'): StreamHelper }).internalStream('uint8array');
    const stop = (e: Error): void => {
      stopped = true;
      stream.pause();
      reject(e);
    };
    stream
      .on('data', (chunk) => {
        if (stopped) return;
        size += chunk.length;
        if (size > LIMITS.partBytes) return stop(new LimitExceeded('partBytes', name));
        if (size > most) return stop(new ZipDamaged('broken', `${name}: size mismatch`));
        chunks.push(chunk);
      })
      .on('error', (e) => {
        stopped = true;
        reject(e);
      })
      .on('end', () => {
        if (!stopped) resolve(concat(chunks, size));
      })
      .resume();
  });
}

export const openWithJsZip: OpenZip = async (bytes) => {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new ZipDamaged(/end of central directory|Corrupted zip|end of data/i.test(why) ? 'truncated' : 'broken', why);
  }
  const files = packageNames(Object.values(zip.files).flatMap((f): Array<[string, JSZip.JSZipObject]> => (f.dir ? [] : [[f.name, f]])));
  return {
    names: [...files.keys()],
    bytes: (name) => {
      const f = files.get(name);
      if (!f) return Promise.reject(new Error(`no ${name} in the package`));
      return inflateBounded(f, name);
    },
  };
};
