/**
 * A WorkbookSpec held against everything Excel refuses, once, before any host writes it. Office.js
 * fails the whole request on a text or size Excel refuses (after earlier requests have already
 * changed the workbook), and Excel "repairs" (cuts) an .xlsx file that breaks them when it opens
 * it: so both hosts call this first and never write a spec Excel would not take.
 *
 * What the core can mend without changing what the user reads is mended in the spec returned (a
 * cut stays visible, `…(截断)`): long cell texts, characters XML cannot carry, rows taller than
 * Excel allows, check titles and messages longer than Excel's dialog holds, columns wider and fonts
 * larger than Excel allows. What cannot be mended without changing the workbook's meaning (a list
 * of choices too long, a sheet name Excel refuses, a formula too long, a sheet too big) is
 * reported: the hosts refuse such a spec before writing anything. The core never builds one; a
 * problem here is a keytask bug, caught before the user's Excel meets it. Pure: no I/O.
 */
import { MAX_ROW_HEIGHT, capCellText, cutUtf16, fitsCell, sheetNameProblem, xmlCarries, xmlSafe } from './excelLimits';
import {
  type CellStyle,
  type CellValue,
  type SheetSpec,
  type ValidationSpec,
  type WorkbookSpec,
  cellAddress,
  isFormula,
  sheetExtent,
} from './spec';

/**
 * A literal list of choices (`甲,乙,丙`) is at most 255 characters, commas included: Excel keeps it
 * in a formula field of that size. No Microsoft page we found states it; Office.js refuses a
 * longer `source` (InvalidArgument, as the fake Excel does) and Excel drops the list when it opens
 * such a file, which the .xlsx writers of other vendors document the same way. A longer list goes
 * through a defined name (`listRef`), as the unit directory does.
 */
export const MAX_LIST_CHARS = 255;

/**
 * Titles and messages of a check's input message and error alert. "[MS-OI29500] 2.1.613
 * dataValidation",
 * https://learn.microsoft.com/openspecs/office_standards/ms-oi29500/0114969a-4859-443e-ae3e-0c1fdebfcc64
 * (promptTitle and errorTitle at most 32 characters, prompt at most 255, error at most 224) and
 * "[MS-XLSB] 2.5.37 DValStrings",
 * https://learn.microsoft.com/openspecs/office_file_formats/ms-xlsb/b8894965-c186-4bba-8a0b-8ec2a37a1cbe
 * (the same, the error message 225): the smaller of the two is kept.
 */
export const MAX_PROMPT_TITLE = 32;
export const MAX_PROMPT = 255;
export const MAX_ERROR_TITLE = 32;
export const MAX_ERROR = 224;

/**
 * "Excel specifications and limits",
 * https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3
 * (1,048,576 rows by 16,384 columns; column width 255 characters; formula contents 8,192
 * characters, also "[MS-OI29500] 2.1.1085 ST_Formula",
 * https://learn.microsoft.com/openspecs/office_standards/ms-oi29500/8ebf82e4-4fa4-43a6-9ecd-d2d793a6f4bf).
 * Font size 1–409 points is what Excel's font box and Office.js take (the fake Excel refuses
 * others); no Microsoft page we found states it.
 */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;
export const MAX_COLUMN_WIDTH = 255;
export const MAX_FORMULA = 8192;
export const MIN_FONT_SIZE = 1;
export const MAX_FONT_SIZE = 409;

/**
 * Defined names: at most 255 characters, a letter, `_` or `\` first, then letters, digits, `_` and
 * `.`, and not a cell reference ("Names in formulas",
 * https://support.microsoft.com/office/define-and-use-names-in-formulas-4d0f13ac-53b7-422e-afd2-abd7ff379c64).
 */
export const MAX_NAME = 255;
const NAME_SYNTAX = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u;
const LOOKS_LIKE_CELL = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[Rr]|[Cc])$/;

export type RenderLimit = 'listLength' | 'listComma' | 'sheetName' | 'duplicateSheet' | 'sheetSize' | 'formulaLength' | 'definedName';

/** Something in a spec Excel refuses that the core cannot mend. */
export interface RenderProblem {
  limit: RenderLimit;
  /** the sheet it is on, when on one */
  sheet?: string;
  /** the range, cell or name */
  where?: string;
  /** what is wrong, for the developer who reads the bug report */
  detail: string;
}

export interface RenderCheck {
  /** the spec with what could be mended mended; the very spec given when nothing needed it */
  spec: WorkbookSpec;
  problems: RenderProblem[];
}

/** What is wrong with `values` as a literal list of choices, or null. */
export function listProblem(values: string[]): { limit: 'listLength' | 'listComma'; detail: string } | null {
  const comma = values.find((v) => v.includes(','));
  if (comma !== undefined) return { limit: 'listComma', detail: `a dropdown choice cannot contain a comma: ${comma}` };
  const body = values.join(',');
  if (body.length > MAX_LIST_CHARS) {
    return { limit: 'listLength', detail: `dropdown list longer than Excel's ${MAX_LIST_CHARS} characters: ${body.slice(0, 40)}…` };
  }
  return null;
}

/** What is wrong with `name` as a defined name, or null. */
export function definedNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > MAX_NAME) return `a defined name has 1 to ${MAX_NAME} characters`;
  if (!NAME_SYNTAX.test(name)) return 'a defined name starts with a letter, _ or \\ and holds letters, digits, _ and . only';
  if (LOOKS_LIKE_CELL.test(name)) return 'a defined name cannot look like a cell reference';
  return null;
}

function cellFits(v: CellValue): boolean {
  if (typeof v === 'string') return fitsCell(v);
  if (isFormula(v)) return xmlCarries(v.formula);
  return true;
}

function fitCell(v: CellValue): CellValue {
  if (typeof v === 'string') return capCellText(v);
  if (isFormula(v)) return { formula: xmlSafe(v.formula) };
  return v;
}

const CHECK_TEXTS = [
  ['promptTitle', MAX_PROMPT_TITLE],
  ['prompt', MAX_PROMPT],
  ['errorTitle', MAX_ERROR_TITLE],
  ['error', MAX_ERROR],
] as const;

/** A check's titles and messages cut to what Excel's dialogs hold, as Excel's own dialog does. */
function fitValidation(v: ValidationSpec): ValidationSpec {
  let out = v;
  for (const [key, max] of CHECK_TEXTS) {
    const text = v[key];
    if (text === undefined) continue;
    const fit = cutUtf16(xmlSafe(text), max);
    if (fit !== text) out = { ...out, [key]: fit };
  }
  return out;
}

function fitStyle(s: CellStyle): CellStyle {
  if (s.fontSize === undefined || (s.fontSize >= MIN_FONT_SIZE && s.fontSize <= MAX_FONT_SIZE)) return s;
  return { ...s, fontSize: Math.min(MAX_FONT_SIZE, Math.max(MIN_FONT_SIZE, s.fontSize)) };
}

/** The sheet with what Excel would refuse mended; the same object when nothing needed it. */
function fitSheet(sheet: SheetSpec): SheetSpec {
  const values = sheet.values.some((row) => !row.every(cellFits)) ? sheet.values.map((row) => row.map(fitCell)) : sheet.values;
  const heights = Object.values(sheet.rowHeights ?? {}).some((h) => !(h >= 0 && h <= MAX_ROW_HEIGHT))
    ? Object.fromEntries(Object.entries(sheet.rowHeights ?? {}).map(([r, h]) => [r, Math.min(MAX_ROW_HEIGHT, Math.max(0, h))]))
    : sheet.rowHeights;
  const widths = sheet.columnWidths.some((w) => w > MAX_COLUMN_WIDTH)
    ? sheet.columnWidths.map((w) => Math.min(MAX_COLUMN_WIDTH, w))
    : sheet.columnWidths;
  const validations = sheet.validations.map(fitValidation);
  const formats = sheet.formats.map((f) => {
    const style = fitStyle(f.style);
    return style === f.style ? f : { ...f, style };
  });
  const same =
    values === sheet.values &&
    heights === sheet.rowHeights &&
    widths === sheet.columnWidths &&
    validations.every((v, i) => v === sheet.validations[i]) &&
    formats.every((f, i) => f === sheet.formats[i]);
  if (same) return sheet;
  return {
    ...sheet,
    values,
    columnWidths: widths,
    validations,
    formats,
    ...(heights === undefined ? {} : { rowHeights: heights }),
  };
}

function sheetProblems(sheet: SheetSpec): RenderProblem[] {
  const problems: RenderProblem[] = [];
  const at = (limit: RenderLimit, detail: string, where?: string): void => {
    problems.push({ limit, sheet: sheet.name, ...(where === undefined ? {} : { where }), detail });
  };
  const nameProblem = sheetNameProblem(sheet.name);
  if (nameProblem)
    at('sheetName', `sheet name "${sheet.name}" breaks Excel's rules (${nameProblem}); the core names sheets with legalSheetName`);
  const extent = sheetExtent(sheet);
  const lastRow = extent.rows;
  const lastCol = Math.max(extent.cols, sheet.columnWidths.length);
  if (lastRow > MAX_ROWS || lastCol > MAX_COLUMNS) {
    at('sheetSize', `${lastRow} rows by ${lastCol} columns; a sheet holds ${MAX_ROWS} by ${MAX_COLUMNS}`);
  }
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (isFormula(v) && v.formula.length > MAX_FORMULA) {
        at('formulaLength', `a formula of ${v.formula.length} characters; Excel takes ${MAX_FORMULA}`, cellAddress(r, c));
      }
    }),
  );
  for (const v of sheet.validations) {
    const p = v.rule.type === 'list' ? listProblem(v.rule.values) : null;
    if (p) at(p.limit, p.detail, v.range);
  }
  return problems;
}

/**
 * Holds `spec` against Excel's limits: the spec with what the core can mend mended, and what it
 * cannot. Cheap when nothing needs mending (the spec itself comes back), so every render calls it.
 */
export function checkRenderable(spec: WorkbookSpec): RenderCheck {
  const problems: RenderProblem[] = [];
  const seen = new Set<string>();
  for (const sheet of spec.sheets) {
    problems.push(...sheetProblems(sheet));
    // Excel compares sheet names without regard to case.
    const key = sheet.name.toLowerCase();
    if (seen.has(key)) problems.push({ limit: 'duplicateSheet', sheet: sheet.name, detail: `two sheets named "${sheet.name}"` });
    seen.add(key);
  }
  for (const n of spec.names) {
    const p = definedNameProblem(n.name);
    if (p) problems.push({ limit: 'definedName', where: n.name, detail: `${n.name}: ${p}` });
  }
  const sheets = spec.sheets.map(fitSheet);
  const fixed = sheets.every((s, i) => s === spec.sheets[i]) ? spec : { ...spec, sheets };
  return { spec: fixed, problems };
}

/** A spec Excel refuses, with everything wrong with it. */
export class NotRenderableError extends Error {
  constructor(readonly problems: RenderProblem[]) {
    super(`Excel would refuse this workbook: ${problems.map((p) => (p.where ? `${p.where}: ${p.detail}` : p.detail)).join('; ')}`);
    this.name = 'NotRenderableError';
  }
}

/** The spec as a host writes it (mended), or a NotRenderableError before anything is written. */
export function renderableSpec(spec: WorkbookSpec): WorkbookSpec {
  const { spec: fixed, problems } = checkRenderable(spec);
  if (problems.length > 0) throw new NotRenderableError(problems);
  return fixed;
}
