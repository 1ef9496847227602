/**
 * Reading an .xlsx through ExcelJS's full load: the reader readXlsxBuffer falls back to when
 * the values-only reader (fastRead.ts) leaves a file to it, and the reference that reader is
 * tested against. Browser-safe, like readXlsxBuffer.
 */
import ExcelJS from 'exceljs';
import type { Visibility } from '../../core/sheet/spec';
import { isPercentFormat } from '../../core/layout/figureCells';
import { shapeGrid } from './gridShape';
import { type ReadSheetData, type ReadValue, type ReadWorkbook, isoDateText } from './readTypes';

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

export class NoWorksheets extends Error {
  constructor() {
    super('no worksheets');
    this.name = 'NoWorksheets';
  }
}

function plain(v: unknown): ReadValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return isoDateText(v);
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
  // A formula cell's `value` leaves out a cached result that is falsy (0, false), and the
  // result itself when the formula is a shared one whose master is missing: ask for the result.
  if (cell.type === ExcelJS.ValueType.Formula) return plain(cell.result);
  return plain(cell.value);
}

function gridOf(ws: ExcelJS.Worksheet, percentCells: string[]): ReadValue[][] {
  const rows: ReadValue[][] = [];
  const counts: number[] = [];
  let count = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: ReadValue[] = [];
    let n = 0;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = cellValue(cell);
      if (v === null || v === '') return;
      out[c - 1] = v;
      if (typeof v === 'number' && isPercentFormat(cell.numFmt)) percentCells.push(cell.address);
      n++;
    });
    if (n) {
      rows[r - 1] = out;
      counts[r - 1] = n;
      count++;
    }
  });
  return shapeGrid(rows, counts, count, ws.name);
}

/** The merged ranges, `A6:A9`, from ExcelJS's own index of them (not public, so looked for with care). */
function mergesOf(ws: ExcelJS.Worksheet): string[] | undefined {
  const index = (ws as unknown as { _merges?: Record<string, { range?: unknown }> })._merges;
  if (!index || typeof index !== 'object') return undefined;
  const out: string[] = [];
  for (const m of Object.values(index)) {
    if (typeof m?.range !== 'string') return undefined;
    out.push(m.range);
  }
  return out;
}

function stateOf(ws: ExcelJS.Worksheet): Visibility {
  return ws.state === 'veryHidden' ? 'veryHidden' : ws.state === 'hidden' ? 'hidden' : 'visible';
}

/**
 * Throws ExcelJS's own error where it cannot load the file, and `NoWorksheets` where it loads
 * a zip with no worksheet in it (ExcelJS accepts a .docx, say, as an empty workbook; Excel
 * requires a sheet). readXlsxBuffer turns both into a plain refusal.
 */
export async function readWithExcelJs(bytes: Uint8Array): Promise<ReadWorkbook> {
  const wb = new ExcelJS.Workbook();
  const rawNames = captureDefinedNames(wb);
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer, { ignoreNodes: IGNORED_NODES } as Partial<ExcelJS.XlsxReadOptions>);
  if (wb.worksheets.length === 0) throw new NoWorksheets();
  const sheets: ReadSheetData[] = wb.worksheets.map((ws) => {
    const merges = mergesOf(ws);
    const percentCells: string[] = [];
    const grid = gridOf(ws, percentCells);
    return { name: ws.name, state: stateOf(ws), grid, ...(merges ? { merges } : {}), ...(percentCells.length ? { percentCells } : {}) };
  });
  const names = rawNames
    ? rawNames()
        .filter((n) => n.localSheetId === undefined)
        .map((n) => ({ name: n.name, ref: n.ranges.join(',') }))
    : (wb.definedNames.model as Array<{ name: string; ranges: string[] }>).map((n) => ({ name: n.name, ref: n.ranges.join(',') }));
  return { sheets, names };
}
