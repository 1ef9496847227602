/**
 * What every part of the package shares for the values-only reader: the check of a part's root
 * element, and the sheet size past which ExcelJS turns a reference into nothing it can use.
 */
import { OPEN, Unsupported, type XmlScanner } from '../xmlScan';

/** The part of a defined-name or merge reference ExcelJS turns into a column number. */
export const MAX_COLUMN = 16384;
export const MAX_ROW = 1048576;

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const PACKAGE_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const RELS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * The part's root element, which must be `root`: unprefixed, or with the prefix the OpenXML SDK
 * binds the part's namespace to (`<x:worksheet xmlns:x="…/main">`, which ExcelJS cannot read),
 * in which case the scanner reads the part's element names without it. Returns the root's
 * namespace declarations, prefix → namespace.
 */
export function rootOf(sc: XmlScanner, root: string): Map<string, string> {
  if (sc.next() !== OPEN) throw new Unsupported(`root element is not <${root}>`);
  const declared = new Map<string, string>();
  for (const a of sc.attrNames()) if (a.startsWith('xmlns:')) declared.set(a.slice(6), sc.attr(a) ?? '');
  const colon = sc.name.indexOf(':');
  if (colon > 0) {
    const prefix = sc.name.slice(0, colon);
    const ns = declared.get(prefix);
    if (ns !== MAIN_NS && ns !== PACKAGE_RELS_NS) throw new Unsupported(`root element <${sc.name}>`);
    sc.stripPrefix(prefix);
    if (sc.name.slice(colon + 1) !== root) throw new Unsupported(`root element is not <${root}>`);
    return declared;
  }
  if (sc.name !== root) throw new Unsupported(`root element is not <${root}>`);
  return declared;
}
