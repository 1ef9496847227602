/**
 * A worksheet part: its cells (up to its merged ranges, all this reader wants) as ExcelJS reads
 * them, dates and percent-formatted numbers by the cell's style, and its merged ranges.
 */
import { columnIndex, columnLetter } from '../../../core/sheet/spec';
import { eachPresent, shapeGrid } from '../gridShape';
import { LIMITS, LimitExceeded } from '../limits';
import { type ReadValue, isoDateText } from '../readTypes';
import { CLOSE, END, OPEN, Unsupported, XmlScanner, xmlDecodeAgain } from '../xmlScan';
import { MAX_COLUMN, MAX_ROW, rootOf } from './root';
import { parseRun } from './sharedStrings';

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

export interface Context {
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

export function parseSheet(xml: string, ctx: Context): { grid: ReadValue[][]; merges: string[]; percentCells: string[] } {
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

export const utf8 = new TextDecoder();

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
export function sheetXml(bytes: Uint8Array): string {
  const data = findAscii(bytes, '</sheetData>', 0);
  if (data < 0) return utf8.decode(bytes);
  const merges = findAscii(bytes, '</mergeCells>', data);
  const end = merges >= 0 ? merges + '</mergeCells>'.length : data + '</sheetData>'.length;
  return utf8.decode(bytes.subarray(0, end));
}
