/**
 * The values-only .xlsx reader: unzips the package and scans the few parts that hold values
 * (workbook, its relationships, shared strings, the number formats of styles.xml, each sheet's
 * cells and merged ranges) without building ExcelJS's model of styles, columns, views and the
 * rest. Several times faster than ExcelJS's full load, which is what a roll-up of hundreds of
 * county files spends its time on.
 *
 * It gives exactly what excelJsRead.ts gives for the same file: each rule below follows what
 * ExcelJS 4.4 does (its SAX decoding, its second decoding of some strings, its date formats,
 * which duplicate wins), and the tests compare the two readers on many workbooks. Where ExcelJS
 * does something this reader does not follow (a strict-OOXML file, `t="d"` cells, a 1904 date
 * system written `true`, odd names or sheet ids, markup in unexpected places) it throws
 * `Unsupported` and readXlsxBuffer reads the file with ExcelJS instead. Where ExcelJS would fail
 * or give a meaningless value, this reader gives the plain one (see the notes at `cellValue`
 * and `parseRows`). It does not parse what it does not need (drawings, comments, validations,
 * the sheet after its merged ranges), so a file ExcelJS fails on there reads here.
 *
 * Browser-safe: the package is opened through an `OpenZip` (jszip unless the caller has a
 * faster one).
 */
import { isPercentFormat } from '../../core/layout/figureCells';
import { type Visibility, columnIndex, columnLetter } from '../../core/sheet/spec';
import { eachPresent, shapeGrid } from './gridShape';
import { LIMITS, LimitExceeded } from './limits';
import { type ReadSheetData, type ReadValue, type ReadWorkbook, isoDateText } from './readTypes';
import { type OpenZip, type ZipPackage, bounded, openWithJsZip } from './zipPackage';
import { CLOSE, END, OPEN, Unsupported, XmlScanner, unescapeOoxml, xmlDecodeAgain } from './xmlScan';

export { Unsupported } from './xmlScan';

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';
/** Which package files ExcelJS parses as worksheets (not anchored, as in ExcelJS). */
const WORKSHEET_FILE = /xl\/worksheets\/sheet(\d+)[.]xml/;
const WORKSHEET_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
/** The part of a defined-name or merge reference ExcelJS turns into a column number. */
const MAX_COLUMN = 16384;
const MAX_ROW = 1048576;

// ---------------------------------------------------------------------------------------------
// Dates: ExcelJS turns a number into a Date when its cell style's number format looks like one.

/** ExcelJS's built-in number formats (the ones it knows a format code for). */
export const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** ExcelJS's test: after taking out `[…]` and `"…"`, any of y m d h M s b. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** An Excel serial date as ExcelJS converts it, then as the readers write dates. */
function serialToIso(v: number, date1904: boolean): string {
  const d = new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  const text = isoDateText(d);
  if (text === null) throw new Unsupported('date out of range');
  return text;
}

// ---------------------------------------------------------------------------------------------
// Addresses

/** 1-based, as the file's references count. */
const columnNumber = (letters: string): number => columnIndex(letters) + 1;
export const columnLetters = (n: number): string => columnLetter(n - 1);

/** The column of a cell reference such as `B3` (its row is the row element's). */
function cellColumn(ref: string): number {
  const n = ref.length;
  let i = 0;
  let col = 0;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + c - 64;
  }
  if (i === 0 || i > 3 || i === n) throw new Unsupported(`cell reference ${ref}`);
  for (let j = i; j < n; j++) {
    const c = ref.charCodeAt(j);
    if (c < 48 || c > 57) throw new Unsupported(`cell reference ${ref}`);
  }
  if (col > MAX_COLUMN) throw new Unsupported(`cell reference ${ref}`);
  return col;
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MERGE_REF = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/;

function mergeRect(ref: string): Rect {
  const m = MERGE_REF.exec(ref);
  if (!m) throw new Unsupported(`merge ${ref}`);
  const c1 = columnNumber(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  const rect = { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
  if (rect.top < 1 || rect.right > MAX_COLUMN || rect.bottom > MAX_ROW) throw new Unsupported(`merge ${ref}`);
  return rect;
}

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

// ---------------------------------------------------------------------------------------------
// Package parts

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PACKAGE_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const RELS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * The part's root element, which must be `root`: unprefixed, or with the prefix the OpenXML SDK
 * binds the part's namespace to (`<x:worksheet xmlns:x="…/main">`, which ExcelJS cannot read),
 * in which case the scanner reads the part's element names without it. Returns the root's
 * namespace declarations, prefix → namespace.
 */
function rootOf(sc: XmlScanner, root: string): Map<string, string> {
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

interface SheetDef {
  name: string;
  id: number;
  state: Visibility;
  rId: string | undefined;
}

interface WorkbookPart {
  sheets: SheetDef[];
  names: Array<{ name: string; ref: string }>;
  date1904: boolean;
}

/** Sheet names ExcelJS's Worksheet refuses (throws) or shortens. */
function checkSheetName(name: string, seen: Set<string>): void {
  if (name === '' || name === 'History' || /[*?:/\\[\]]/.test(name) || /(^')|('$)/.test(name) || name.length > 31) {
    throw new Unsupported(`sheet name ${name}`);
  }
  const key = name.toLowerCase();
  if (seen.has(key)) throw new Unsupported(`sheet name ${name} twice`);
  seen.add(key);
}

function parseWorkbook(xml: string): WorkbookPart {
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

interface Rel {
  target: string | undefined;
  type: string;
}

function parseRels(xml: string): Map<string, Rel> {
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

/** A shared string's value: text, rich text joined, or null for an empty `<si/>` (ExcelJS's `{}`). */
function parseSharedStrings(xml: string): Array<string | null> {
  const sc = new XmlScanner(xml);
  rootOf(sc, 'sst');
  const out: Array<string | null> = [];
  for (let t = sc.next(); t !== END; t = sc.next()) {
    if (t === CLOSE) {
      if (sc.name === 'sst') break;
      throw new Unsupported(`</${sc.name}> in <sst>`);
    }
    // ExcelJS throws on anything else at this level.
    if (sc.name !== 'si') throw new Unsupported(`<${sc.name}> in <sst>`);
    if (sc.selfClosing) {
      out.push(null);
      continue;
    }
    let text: string | undefined;
    let runs: string[] | null = null;
    for (;;) {
      const u = sc.next();
      if (u === END) throw new Unsupported('unterminated <si>');
      if (u === CLOSE) {
        if (sc.name === 'si') break;
        throw new Unsupported(`</${sc.name}> in <si>`);
      }
      const tag: string = sc.name;
      switch (tag) {
        case 't':
          // A <t> after runs replaces them in ExcelJS; runs after a <t> make it throw.
          text = unescapeOoxml(sc.leafText());
          runs = null;
          break;
        case 'r':
          if (text !== undefined) throw new Unsupported('rich run after text in <si>');
          (runs ??= []).push(parseRun(sc));
          break;
        case 'rPh':
        case 'phoneticPr':
          // Phonetic guides: not part of the text.
          sc.skipElement();
          break;
        default:
          throw new Unsupported(`<${tag}> in <si>`);
      }
    }
    out.push(text !== undefined ? text : runs ? runs.join('') : null);
  }
  return out;
}

/** A rich-text run whose `<r>` is current: its last `<t>`'s text (ExcelJS keeps the last). */
function parseRun(sc: XmlScanner): string {
  if (sc.selfClosing) return '';
  let text = '';
  for (;;) {
    const t = sc.next();
    if (t === END) throw new Unsupported('unterminated <r>');
    if (t === CLOSE) {
      if (sc.name === 'r') return text;
      throw new Unsupported(`</${sc.name}> in <r>`);
    }
    if (sc.name === 't') text = unescapeOoxml(sc.leafText());
    else if (sc.name === 'rPr') sc.skipElement();
    else throw new Unsupported(`<${sc.name}> in <r>`);
  }
}

/**
 * For each cell style (`s`), whether ExcelJS reads a number in it as a date; null when
 * styles.xml has no cell formats, where ExcelJS throws on any style index.
 */
function parseStyles(xml: string): { date: boolean[]; percent: boolean[] } | null {
  const sc = new XmlScanner(xml);
  rootOf(sc, 'styleSheet');
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let where = '';
  for (let t = sc.next(); t !== END; t = sc.next()) {
    if (t === CLOSE) {
      if (sc.name === where) where = '';
      continue;
    }
    const tag = sc.name;
    if (where === '' && (tag === 'numFmts' || tag === 'cellXfs')) {
      if (!sc.selfClosing) where = tag;
    } else if (where === 'numFmts' && tag === 'numFmt') {
      const code = sc.attr('formatCode');
      if (code === undefined) throw new Unsupported('numFmt without formatCode');
      custom.set(parseInt(sc.attr('numFmtId') ?? '', 10), code.replace(/[\\](.)/g, '$1'));
    } else if (where === 'cellXfs' && tag === 'xf') {
      xfFormats.push(parseInt(sc.attr('numFmtId') ?? '', 10));
      sc.skipElement();
    }
  }
  if (xfFormats.length === 0) return null;
  const code = (id: number): string | undefined => (id ? custom.get(id) || BUILTIN_FORMATS[id] : undefined);
  return { date: xfFormats.map((id) => isDateFormat(code(id))), percent: xfFormats.map((id) => isPercentFormat(code(id))) };
}

// ---------------------------------------------------------------------------------------------
// Sheets

interface Context {
  /** the sheet being read, for the limit's message */
  sheet: string;
  strings: Array<string | null> | undefined;
  /** undefined: no styles.xml; null: one ExcelJS cannot use */
  dateStyles: boolean[] | null | undefined;
  /** for each cell style, whether its number format is a percent */
  percentStyles: boolean[] | undefined;
  date1904: boolean;
  /** the row being read (1-based) and the percent-formatted number cells found so far */
  rowNumber: number;
  percentCells: string[];
}

/**
 * A cell's value from what its element held, as ExcelJS's cell parser and reconcile make it and
 * excelJsRead.ts then flattens it (a formula's cached result, 0 and false included). One
 * difference, kept on purpose: a formula whose cached result is text, a boolean or an error in
 * a date-formatted cell keeps that result, where ExcelJS converts it to a date anyway (an
 * invalid one for errors and non-numeric text, day N of 1900 for text "N", 1899-12-31 for true).
 */
function cellValue(
  ctx: Context,
  type: string,
  style: number,
  value: string | undefined,
  runs: string[] | null,
  formula: boolean,
): ReadValue | undefined {
  if (runs && (value !== undefined || type !== 'inlineStr' || formula)) throw new Unsupported('rich text where ExcelJS expects text');
  const isDate = style > 0 && ctx.dateStyles?.[style] === true;
  if (formula) {
    // ExcelJS keeps a result only when the text is non-empty.
    if (!value) return null;
    switch (type) {
      case 'str':
        return xmlDecodeAgain(value);
      case 'b':
        return parseInt(value, 10) !== 0;
      case 'e':
        return value;
      default: {
        const n = parseFloat(value);
        return isDate ? serialToIso(n, ctx.date1904) : n;
      }
    }
  }
  if (runs) return runs.join('');
  if (value === undefined) return undefined;
  switch (type) {
    case 's': {
      if (!ctx.strings) throw new Unsupported('shared string without sharedStrings.xml');
      const s = ctx.strings[parseInt(value, 10)];
      if (s === undefined) throw new Unsupported(`shared string ${value}`);
      return s;
    }
    case 'str':
      return xmlDecodeAgain(value);
    case 'inlineStr':
      return value;
    case 'b':
      return parseInt(value, 10) !== 0;
    case 'e':
      return value;
    default: {
      const n = parseFloat(value);
      return isDate ? serialToIso(n, ctx.date1904) : n;
    }
  }
}

const CELL_TYPES = new Set(['', 'n', 's', 'str', 'inlineStr', 'b', 'e']);

/**
 * `<sheetData>`'s rows, by row index; each row by column index, null where a cell holds nothing.
 *
 * Rows and cells without `r` follow the one before (a row the previous row + 1, a cell the
 * previous cell + 1, the first cell of a row column A), as the format allows. ExcelJS cannot
 * read a row without `r`, nor a first cell without one, and places a cell without `r` after
 * the previous cell that has a value or a style: a file relying on those reads here and not
 * there (or differently).
 */
interface Rows {
  /** sparse: rows by index, each sparse by column index */
  rows: ReadValue[][];
  /** the entries of each row */
  counts: number[];
  /** the rows present */
  count: number;
}

function parseRows(sc: XmlScanner, ctx: Context): Rows {
  const rows: ReadValue[][] = [];
  const counts: number[] = [];
  let cells = 0;
  let rowNumber = 0;
  for (;;) {
    const t = sc.next();
    if (t === END) throw new Unsupported('unterminated <sheetData>');
    if (t === CLOSE) {
      if (sc.name === 'sheetData') return { rows, counts, count: Object.keys(counts).length };
      throw new Unsupported(`</${sc.name}> in <sheetData>`);
    }
    if (sc.name !== 'row') throw new Unsupported(`<${sc.name}> in <sheetData>`);
    const r = sc.attr('r');
    if (r !== undefined) {
      if (!/^\d+$/.test(r)) throw new Unsupported(`row ${r}`);
      rowNumber = Number(r);
    } else {
      rowNumber++;
    }
    if (rowNumber < 1 || rowNumber > MAX_ROW) throw new Unsupported(`row ${rowNumber}`);
    const rs = sc.attr('s');
    // ExcelJS looks a row's style up and throws where there is no style table to look in.
    if (rs && parseInt(rs, 10) && !ctx.dateStyles) throw new Unsupported('row style without cell styles');
    // A row given twice: ExcelJS keeps the later.
    const row: ReadValue[] = [];
    rows[rowNumber - 1] = row;
    ctx.rowNumber = rowNumber;
    counts[rowNumber - 1] = 0;
    if (sc.selfClosing) continue;
    let col = 0;
    for (;;) {
      const u = sc.next();
      if (u === END) throw new Unsupported('unterminated <row>');
      const tag: string = sc.name;
      if (u === CLOSE) {
        if (tag === 'row') break;
        throw new Unsupported(`</${tag}> in <row>`);
      }
      if (tag !== 'c') throw new Unsupported(`<${sc.name}> in <row>`);
      col = parseCell(sc, ctx, row, col);
      counts[rowNumber - 1]++;
      // Every cell element counts, held or not: the limit bounds the work, not just the result.
      if (++cells > LIMITS.sheetCells) throw new LimitExceeded('sheetCells', ctx.sheet);
    }
  }
}

/** One `<c>` (current): its value into `row`; returns its column number. */
function parseCell(sc: XmlScanner, ctx: Context, row: ReadValue[], previous: number): number {
  // r, t and s are read from the source without decoding where they are plain (nearly always).
  const kr = sc.attrIndex('r');
  let col = previous + 1;
  if (kr >= 0) {
    col = sc.attrColumn(kr);
    if (col < 0) col = cellColumn(sc.attrValue(kr));
  }
  if (col > MAX_COLUMN) throw new Unsupported('column past XFD');
  const kt = sc.attrIndex('t');
  const type = kt < 0 ? '' : sc.attrValue(kt);
  if (!CELL_TYPES.has(type)) throw new Unsupported(`cell type ${type}`);
  const ks = sc.attrIndex('s');
  let style = 0;
  if (ks >= 0) {
    style = sc.attrDigits(ks);
    if (style < 0) {
      // As ExcelJS: parseInt of the attribute when it is not empty.
      const s = sc.attrValue(ks);
      style = s ? parseInt(s, 10) : 0;
    }
  }
  if (style && ctx.dateStyles === null) throw new Unsupported('cell style without cell styles');
  let value: string | undefined;
  let runs: string[] | null = null;
  let formula = false;
  if (!sc.selfClosing) {
    for (;;) {
      const u = sc.next();
      if (u === END) throw new Unsupported('unterminated <c>');
      if (u === CLOSE) {
        if (sc.name === 'c') break;
        if (sc.name === 'is') continue;
        throw new Unsupported(`</${sc.name}> in <c>`);
      }
      switch (sc.name) {
        case 'v':
        case 't': {
          // ExcelJS appends the text of every <v> and of every <t> outside a run.
          const text = sc.leafText();
          if (text) value = value === undefined ? text : value + text;
          break;
        }
        case 'f':
          if (sc.attr('t')) formula = true;
          if (sc.leafText()) formula = true;
          break;
        case 'is':
          break;
        case 'r':
          (runs ??= []).push(parseRun(sc));
          break;
        default:
          // ExcelJS's cell parser loses track of the cell at an element it does not know.
          throw new Unsupported(`<${sc.name}> in <c>`);
      }
    }
  }
  const v = cellValue(ctx, type, style, value, runs, formula);
  // No value and no style: ExcelJS does not make the cell, so an earlier one at this address stays.
  if (v !== undefined || style) row[col - 1] = v ?? null;
  if (typeof v === 'number' && style && ctx.percentStyles?.[style]) ctx.percentCells.push(`${columnLetters(col)}${ctx.rowNumber}`);
  return col;
}

function parseMerges(sc: XmlScanner): Rect[] {
  const out: Rect[] = [];
  for (;;) {
    const t = sc.next();
    if (t === END) throw new Unsupported('unterminated <mergeCells>');
    if (t === CLOSE) {
      if (sc.name === 'mergeCells') return out;
      continue;
    }
    if (sc.name !== 'mergeCell') throw new Unsupported(`<${sc.name}> in <mergeCells>`);
    const ref = sc.attr('ref');
    if (ref === undefined) throw new Unsupported('mergeCell without ref');
    out.push(mergeRect(ref));
  }
}

/** ExcelJS throws on merged ranges that overlap; so does this, to leave the file to it. */
function checkOverlaps(merges: Rect[]): void {
  const sorted = [...merges].sort((a, b) => a.top - b.top);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length && sorted[j].top <= a.bottom; j++) {
      const b = sorted[j];
      if (b.left <= a.right && b.right >= a.left) throw new Unsupported('overlapping merged ranges');
    }
  }
}

function parseSheet(xml: string, ctx: Context): { grid: ReadValue[][]; merges: string[]; percentCells: string[] } {
  ctx.percentCells = [];
  const sc = new XmlScanner(xml);
  rootOf(sc, 'worksheet');
  let rows: Rows | null = null;
  let rects: Rect[] = [];
  for (let t = sc.next(); t !== END; t = sc.next()) {
    if (t !== OPEN) continue;
    if (sc.name === 'sheetData') {
      if (rows) throw new Unsupported('two <sheetData>');
      rows = sc.selfClosing ? { rows: [], counts: [], count: 0 } : parseRows(sc, ctx);
    } else if (sc.name === 'mergeCells') {
      // Given twice: ExcelJS keeps the later list.
      rects = sc.selfClosing ? [] : parseMerges(sc);
    }
  }
  checkOverlaps(rects);
  const data = rows ?? { rows: [], counts: [], count: 0 };
  // A merged range's cells other than its top-left hold nothing of their own (visited by the
  // cells present, so a range over the whole sheet costs what the sheet holds).
  for (const m of rects) {
    eachPresent(data.rows, data.count, m.top - 1, m.bottom, (r, row) => {
      eachPresent(row, data.counts[r], r === m.top - 1 ? m.left : m.left - 1, m.right, (c) => {
        row[c] = null;
      });
    });
  }
  const grid = shapeGrid(data.rows, data.counts, data.count, ctx.sheet);
  return {
    grid,
    merges: rects.map((m) => `${columnLetters(m.left)}${m.top}:${columnLetters(m.right)}${m.bottom}`),
    percentCells: ctx.percentCells,
  };
}

// ---------------------------------------------------------------------------------------------

const utf8 = new TextDecoder();

/**
 * Where `marker` (ASCII) first occurs in `bytes` from `from`, -1 if nowhere. Looks for the
 * marker's first capital, rare in the tag soup of a sheet, with the typed array's own indexOf.
 */
function findAscii(bytes: Uint8Array, marker: string, from: number): number {
  let k = 0;
  while (k < marker.length - 1 && !/[A-Z]/.test(marker[k])) k++;
  const anchor = marker.charCodeAt(k);
  for (let i = bytes.indexOf(anchor, from + k); i >= 0; i = bytes.indexOf(anchor, i + 1)) {
    const start = i - k;
    let j = 0;
    while (j < marker.length && bytes[start + j] === marker.charCodeAt(j)) j++;
    if (j === marker.length) return start;
  }
  return -1;
}

/**
 * A worksheet's XML up to its merged ranges: the cells and the merges are all this reader
 * wants, and what follows (validation lists, conditional formats) is often most of the file,
 * and the part with Chinese text in it, which makes the whole string two bytes a character.
 */
function sheetXml(bytes: Uint8Array): string {
  const data = findAscii(bytes, '</sheetData>', 0);
  if (data < 0) return utf8.decode(bytes);
  const merges = findAscii(bytes, '</mergeCells>', data);
  const end = merges >= 0 ? merges + '</mergeCells>'.length : data + '</sheetData>'.length;
  return utf8.decode(bytes.subarray(0, end));
}

async function optionalText(pkg: ZipPackage, name: string): Promise<string | undefined> {
  return pkg.names.includes(name) ? utf8.decode(await pkg.bytes(name)) : undefined;
}

/**
 * Reads a workbook's values, sheet states, merged ranges and workbook-level defined names.
 * Throws (`Unsupported` or the zip reader's error) where the file is better left to ExcelJS,
 * and LimitExceeded where it is too large to read at all.
 */
export async function fastReadXlsx(bytes: Uint8Array, openZip: OpenZip = openWithJsZip): Promise<ReadWorkbook> {
  return fastReadPackage(bounded(await openZip(bytes)));
}

/** fastReadXlsx on a package already opened (and bounded: see zipPackage.ts). */
export async function fastReadPackage(pkg: ZipPackage): Promise<ReadWorkbook> {
  const workbookXml = await optionalText(pkg, WORKBOOK);
  const relsXml = await optionalText(pkg, WORKBOOK_RELS);
  if (workbookXml === undefined || relsXml === undefined) throw new Unsupported('no workbook part');
  const workbook = parseWorkbook(workbookXml);
  const rels = parseRels(relsXml);
  const stringsXml = await optionalText(pkg, SHARED_STRINGS);
  const stylesXml = await optionalText(pkg, STYLES);
  const styles = stylesXml === undefined ? undefined : parseStyles(stylesXml);
  const ctx: Context = {
    sheet: '',
    strings: stringsXml === undefined ? undefined : parseSharedStrings(stringsXml),
    dateStyles: styles === undefined ? undefined : (styles?.date ?? null),
    percentStyles: styles?.percent,
    date1904: workbook.date1904,
    rowNumber: 0,
    percentCells: [],
  };

  // ExcelJS keeps the sheets whose relationship leads to a file it parsed as a worksheet
  // (chart sheets drop out), in the workbook's order. Where that leaves none (a package whose
  // sheets are not named sheetN.xml, which ExcelJS reads as empty), the worksheet relationships
  // say which parts are sheets.
  const worksheetFiles = new Set(pkg.names.filter((n) => WORKSHEET_FILE.test(n)));
  const partOf = (def: SheetDef): string | null => {
    const rel = def.rId === undefined ? undefined : rels.get(def.rId);
    if (rel === undefined) return null;
    if (rel.target === undefined) throw new Unsupported('relationship without target');
    return `xl/${rel.target.replace(/^(\s|\/xl\/)+/, '')}`;
  };
  const byExcelJs = workbook.sheets.some((def) => worksheetFiles.has(partOf(def) ?? ''));
  const isSheet = (def: SheetDef, part: string): boolean =>
    byExcelJs ? worksheetFiles.has(part) : rels.get(def.rId ?? '')?.type === WORKSHEET_REL && pkg.names.includes(part);
  const ids = new Set<number>();
  const names = new Set<string>();
  const sheets: ReadSheetData[] = [];
  for (const def of workbook.sheets) {
    const part = partOf(def);
    if (part === null || !isSheet(def, part)) continue;
    // ExcelJS files sheets by id and checks their names.
    if (!(def.id >= 1) || ids.has(def.id)) throw new Unsupported(`sheet id ${def.id}`);
    ids.add(def.id);
    checkSheetName(def.name, names);
    const { grid, merges, percentCells } = parseSheet(sheetXml(await pkg.bytes(part)), { ...ctx, sheet: def.name });
    sheets.push({ name: def.name, state: def.state, grid, merges, ...(percentCells.length ? { percentCells } : {}) });
  }
  if (sheets.length === 0) throw new Unsupported('no worksheets');
  return { sheets, names: workbook.names };
}
