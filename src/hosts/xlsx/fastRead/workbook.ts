/**
 * The workbook part and its relationships, as ExcelJS reads them: the sheets in order with their
 * states and relationship ids, the 1904 date system, and the workbook-level defined names.
 */
import type { Visibility } from '../../../core/sheet/spec';
import { CLOSE, END, OPEN, Unsupported, XmlScanner, xmlDecodeAgain } from '../xmlScan';
import { MAX_COLUMN, RELS_NS, rootOf } from './root';

// ---------------------------------------------------------------------------------------------
// Defined names, kept as ExcelJS keeps them: the text split on commas outside quotes, pieces
// ExcelJS cannot decode as a range dropped, the rest joined again.

/** Where ExcelJS's colCache.decodeAddress throws: a column past XFD. */
function addressThrows(value: string): boolean {
  let hasCol = false;
  let hasRow = false;
  let col = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!hasRow && c >= 65 && c <= 90) {
      hasCol = true;
      col = col * 26 + c - 64;
    } else if (c >= 48 && c <= 57) {
      hasRow = true;
    } else if (hasRow && hasCol && c !== 36) {
      break;
    }
  }
  return hasCol && col > MAX_COLUMN;
}

/** ExcelJS's colCache.decodeEx succeeds (extractRanges keeps only such pieces). */
function isValidRange(range: string): boolean {
  const groups = /(?:(?:(?:'((?:[^']|'')*)')|([^'^ !]*))!)?(.*)/.exec(range);
  const reference = groups?.[3] ?? '';
  const parts = reference.split(':');
  if (parts.length > 1) return !addressThrows(parts[0]) && !addressThrows(parts[1]);
  if (reference.startsWith('#')) return true;
  return !addressThrows(reference);
}

function extractRanges(text: string): string[] {
  const ranges: string[] = [];
  let quotesOpened = false;
  let last = '';
  for (const item of text.split(',')) {
    if (!item) continue;
    const quotes = (item.match(/'/g) ?? []).length;
    if (!quotes) {
      if (quotesOpened) last += `${item},`;
      else if (isValidRange(item)) ranges.push(item);
      continue;
    }
    const quotesEven = quotes % 2 === 0;
    if (!quotesOpened && quotesEven && isValidRange(item)) {
      ranges.push(item);
    } else if (quotesOpened && !quotesEven) {
      quotesOpened = false;
      if (isValidRange(last + item)) ranges.push(last + item);
      last = '';
    } else {
      quotesOpened = true;
      last += `${item},`;
    }
  }
  return ranges;
}

/** A `<sheet>`'s relationship id: `r:id`, or under whatever prefix the relationships namespace has here. */
function relationshipId(sc: XmlScanner, declared: Map<string, string>): string | undefined {
  const plain = sc.attr('r:id');
  if (plain !== undefined && (declared.get('r') ?? RELS_NS) === RELS_NS) return plain;
  for (const a of sc.attrNames()) {
    const colon = a.indexOf(':');
    if (colon <= 0 || a.slice(colon + 1) !== 'id') continue;
    const prefix = a.slice(0, colon);
    if ((sc.attr(`xmlns:${prefix}`) ?? declared.get(prefix)) === RELS_NS) return sc.attr(a);
  }
  return plain;
}

export interface SheetDef {
  name: string;
  id: number;
  state: Visibility;
  rId: string | undefined;
}

export interface WorkbookPart {
  sheets: SheetDef[];
  names: Array<{ name: string; ref: string }>;
  date1904: boolean;
}

/** Sheet names ExcelJS's Worksheet refuses (throws) or shortens. */
export function checkSheetName(name: string, seen: Set<string>): void {
  if (name === '' || name === 'History' || /[*?:/\\[\]]/.test(name) || /(^')|('$)/.test(name) || name.length > 31) {
    throw new Unsupported(`sheet name ${name}`);
  }
  const key = name.toLowerCase();
  if (seen.has(key)) throw new Unsupported(`sheet name ${name} twice`);
  seen.add(key);
}

export function parseWorkbook(xml: string): WorkbookPart {
  if (xml.includes('http://purl.oclc.org/ooxml/')) throw new Unsupported('strict OOXML');
  const sc = new XmlScanner(xml);
  const declared = rootOf(sc, 'workbook');
  let sheets: SheetDef[] = [];
  let names: Array<{ name: string; ref: string }> = [];
  let date1904 = false;
  let where = '';
  for (let t = sc.next(); t !== END; t = sc.next()) {
    if (t === CLOSE) {
      if (sc.name === where) where = '';
      continue;
    }
    const tag = sc.name;
    if (where === '' && (tag === 'sheets' || tag === 'definedNames')) {
      // A list given twice: ExcelJS keeps the later.
      if (tag === 'sheets') sheets = [];
      else names = [];
      if (!sc.selfClosing) where = tag;
    } else if (where === '' && tag === 'workbookPr') {
      const v = sc.attr('date1904');
      // ExcelJS takes only '1' as true; 'true' (also valid) it reads as false, so that file goes to it.
      if (v !== undefined && v !== '0' && v !== '1' && v !== 'false') throw new Unsupported(`date1904="${v}"`);
      date1904 = v === '1';
      sc.skipElement();
    } else if (where === 'sheets' && tag === 'sheet') {
      const raw = sc.attr('name');
      if (raw === undefined) throw new Unsupported('sheet without a name');
      const state = sc.attr('state');
      sheets.push({
        // ExcelJS decodes the name a second time.
        name: xmlDecodeAgain(raw),
        id: parseInt(sc.attr('sheetId') ?? '', 10),
        state: state === 'veryHidden' ? 'veryHidden' : state === 'hidden' ? 'hidden' : 'visible',
        rId: relationshipId(sc, declared),
      });
      sc.skipElement();
    } else if (where === 'definedNames' && tag === 'definedName') {
      const name = sc.attr('name');
      if (name === undefined) throw new Unsupported('defined name without a name');
      const local = sc.attr('localSheetId') !== undefined;
      const text = sc.leafText();
      // ExcelJS turns print areas and titles into page setup, whatever their scope.
      if (local || name === '_xlnm.Print_Area' || name === '_xlnm.Print_Titles') continue;
      names.push({ name, ref: extractRanges(text).join(',') });
    } else if (where !== '') {
      throw new Unsupported(`<${tag}> in <${where}>`);
    }
  }
  return { sheets, names, date1904 };
}

export interface Rel {
  target: string | undefined;
  type: string;
}

export function parseRels(xml: string): Map<string, Rel> {
  const sc = new XmlScanner(xml);
  rootOf(sc, 'Relationships');
  const rels = new Map<string, Rel>();
  for (let t = sc.next(); t !== END; t = sc.next()) {
    if (t === OPEN && sc.name === 'Relationship') {
      const id = sc.attr('Id');
      if (id !== undefined) rels.set(id, { target: sc.attr('Target'), type: sc.attr('Type') ?? '' });
    }
  }
  return rels;
}
