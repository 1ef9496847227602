/**
 * The files of a zip package, for the values-only reader. jszip does it everywhere (the task
 * pane included); readWorkbook.ts hands in a faster one for Node (nodeZip.ts).
 */
import JSZip from 'jszip';

export interface ZipPackage {
  /** the files of the package (no folders), each name without a leading `/`, as ExcelJS names them */
  names: string[];
  /** a file's content, uncompressed; `name` as in `names` */
  bytes(name: string): Promise<Uint8Array>;
}

export type OpenZip = (bytes: Uint8Array) => Promise<ZipPackage>;

/** Package names as ExcelJS sees them: one leading `/` dropped; two files under one name is not a package to guess about. */
export function packageNames<T>(entries: Array<[string, T]>): Map<string, T> {
  const byName = new Map<string, T>();
  for (const [raw, entry] of entries) {
    const name = raw.startsWith('/') ? raw.slice(1) : raw;
    if (byName.has(name)) throw new Error(`two files named ${name}`);
    byName.set(name, entry);
  }
  return byName;
}

export const openWithJsZip: OpenZip = async (bytes) => {
  const zip = await JSZip.loadAsync(bytes);
  const files = packageNames(Object.values(zip.files).flatMap((f): Array<[string, JSZip.JSZipObject]> => (f.dir ? [] : [[f.name, f]])));
  return {
    names: [...files.keys()],
    bytes: (name) => {
      const f = files.get(name);
      if (!f) throw new Error(`no ${name} in the package`);
      return f.async('uint8array');
    },
  };
};
