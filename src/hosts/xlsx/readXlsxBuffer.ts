/**
 * Reads the bytes of an .xlsx file into plain grids of values plus the workbook's defined names:
 * what the core's readers (layout reader, registry) need, and nothing tied to ExcelJS.
 *
 * Browser-safe: no `fs`, no Node `Buffer`, so the task pane can read the files a clerk picks
 * (in the pane, never uploaded). readWorkbook.ts adds reading by path for the CLI.
 */
import ExcelJS from 'exceljs';
import type { CellValue, Visibility } from '../../core/sheet/spec';
import { XlsxReadError } from './errors';

/** A grid cell as read: formulas already replaced by their cached result. */
export type ReadValue = Exclude<CellValue, { formula: string }>;

export interface ReadSheetData {
  name: string;
  state: Visibility;
  /** values from A1; every row has the same length */
  grid: ReadValue[][];
}

export interface ReadWorkbook {
  sheets: ReadSheetData[];
  /** workbook-level defined names as written in the file, e.g. `'新密市'!$A$1` or `'新密市'!#REF!` */
  names: Array<{ name: string; ref: string }>;
}

/**
 * Parts of a sheet the readers never look at. ExcelJS expands every validation range into one
 * entry per cell while parsing, so a user's whole-column rule would cost a million objects.
 */
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'extLst'];

interface RawDefinedName {
  name: string;
  ranges: string[];
  localSheetId?: number;
}

/**
 * Keeps the defined names exactly as parsed. ExcelJS otherwise turns each name into a cell
 * matrix: `#REF!` names vanish and a name over a whole column is expanded cell by cell.
 * Returns null when this ExcelJS no longer lets the instance's `model` be intercepted.
 */
function captureDefinedNames(wb: ExcelJS.Workbook): (() => RawDefinedName[]) | null {
  let raw: RawDefinedName[] = [];
  try {
    Object.defineProperty(wb.definedNames, 'model', {
      configurable: true,
      get: () => raw,
      set: (v: RawDefinedName[] | undefined) => {
        raw = Array.isArray(v) ? v : [];
      },
    });
    return () => raw;
  } catch {
    return null;
  }
}

function isoDate(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function plain(v: unknown): ReadValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return isoDate(v);
  if (typeof v !== 'object') return String(v);
  const o = v as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) return plain(o.result);
  if (Array.isArray(o.richText)) return (o.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join('');
  if (typeof o.error === 'string') return o.error;
  if ('hyperlink' in o || 'text' in o) return plain(o.text);
  return null;
}

function cellValue(cell: ExcelJS.Cell): ReadValue {
  // A merged cell's `value` reports its master's; the file holds nothing there.
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  return plain(cell.value);
}

function gridOf(ws: ExcelJS.Worksheet): ReadValue[][] {
  const rows: ReadValue[][] = [];
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: ReadValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = cellValue(cell);
      if (v === null || v === '') return;
      out[c - 1] = v;
      width = Math.max(width, c);
    });
    if (out.length) rows[r - 1] = out;
  });
  const grid: ReadValue[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const src = rows[r] ?? [];
    const row: ReadValue[] = new Array<ReadValue>(width).fill(null);
    src.forEach((v, c) => {
      if (v !== undefined) row[c] = v;
    });
    grid.push(row);
  }
  return grid;
}

function stateOf(ws: ExcelJS.Worksheet): Visibility {
  return ws.state === 'veryHidden' ? 'veryHidden' : ws.state === 'hidden' ? 'hidden' : 'visible';
}

/** Every zip package starts with the local file header `PK\x03\x04`. */
function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** @param label how the file is named in errors (its name or path) */
export async function readXlsxBuffer(bytes: Uint8Array, label = '(buffer)'): Promise<ReadWorkbook> {
  // An .xlsx is a zip; anything else gets a plain answer instead of a zip library's stack.
  if (!isZip(bytes)) throw new XlsxReadError(label, 'notXlsx', bytes.length === 0 ? 'empty file' : 'not a zip package');
  const wb = new ExcelJS.Workbook();
  const rawNames = captureDefinedNames(wb);
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_NODES } as Partial<ExcelJS.XlsxReadOptions>);
  } catch (e) {
    throw new XlsxReadError(label, 'notXlsx', e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
  // ExcelJS accepts any zip (a .docx, say) as a workbook with no sheets; Excel requires one.
  if (wb.worksheets.length === 0) throw new XlsxReadError(label, 'notXlsx', 'no worksheets');
  const sheets: ReadSheetData[] = wb.worksheets.map((ws) => ({ name: ws.name, state: stateOf(ws), grid: gridOf(ws) }));
  const names = rawNames
    ? rawNames()
        .filter((n) => n.localSheetId === undefined)
        .map((n) => ({ name: n.name, ref: n.ranges.join(',') }))
    : (wb.definedNames.model as Array<{ name: string; ranges: string[] }>).map((n) => ({ name: n.name, ref: n.ranges.join(',') }));
  return { sheets, names };
}
