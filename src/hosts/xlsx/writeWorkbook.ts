/**
 * The .xlsx host: renders a core WorkbookSpec with ExcelJS. It only translates; every decision
 * about what a sheet looks like was made by the core when it built the spec.
 *
 * ExcelJS quirks this file relies on (checked against 4.4 and asserted in test/xlsx):
 * - `dataValidations.add(range, …)` keeps a range key as one `<dataValidation sqref=…>`,
 *   so validations cost one entry per range, not one per cell;
 * - plain string values are written as shared strings, so `=HYPERLINK(…)` stays text;
 * - defined names are stored cell by cell and re-joined into ranges on write; quoted
 *   (CJK, spaced, apostrophe) sheet names come out correctly quoted.
 */
import { writeFile } from 'fs/promises';
import ExcelJS from 'exceljs';
import {
  type CellStyle,
  type CellValue,
  type ConditionalFormatSpec,
  type DataBarSpec,
  type PrintSpec,
  type SheetSpec,
  type ValidationSpec,
  type WorkbookSpec,
  isFormula,
  needsTextGuard,
  parseRange,
} from '../../core/sheet/spec';
import { listProblem, renderableSpec } from '../../core/sheet/renderable';
import { addCharts } from './chartParts';

/** SpreadsheetML paper size codes (ECMA-376 §18.18.43 ST_PaperSize not enumerated; 8 = A3, 9 = A4). */
const PAPER_SIZE = { A3: 8, A4: 9 } as const;
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };

function argb(rgb: string): string {
  const hex = rgb.replace(/^#/, '').toUpperCase();
  return hex.length === 8 ? hex : `FF${hex}`;
}

/** Translates a merged CellStyle into ExcelJS's shape. */
function excelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  if (s.bold !== undefined) font.bold = s.bold;
  if (s.italic !== undefined) font.italic = s.italic;
  if (s.fontSize !== undefined) font.size = s.fontSize;
  if (s.fontColor) font.color = { argb: argb(s.fontColor) };
  if (Object.keys(font).length) out.font = font;
  if (s.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (s.hAlign) alignment.horizontal = s.hAlign;
  if (s.vAlign) alignment.vertical = s.vAlign;
  if (s.wrap !== undefined) alignment.wrapText = s.wrap;
  if (Object.keys(alignment).length) out.alignment = alignment;
  if (s.numFmt) out.numFmt = s.numFmt;
  if (s.border) out.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  return out;
}

/** Cells keyed by number, not `r:c` strings: a 10,800-task workbook has millions of them. */
const KEY_COLUMNS = 16384;

/**
 * Folds the spec's formats into one style per cell ("later entries win", property by property),
 * so each cell is given its style once instead of once per overlapping range. Each cell gets an
 * index into `styles`; each distinct sequence of formats is folded once, not once per cell.
 */
function mergedStyles(sheet: SheetSpec): { styles: CellStyle[]; byCell: Map<number, number> } {
  const styles: CellStyle[] = [];
  const byCell = new Map<number, number>();
  const folded = new Map<number, number>();
  const n = sheet.formats.length;
  sheet.formats.forEach((f, i) => {
    const b = parseRange(f.range);
    for (let r = b.row1; r <= b.row2; r++) {
      for (let c = b.col1; c <= b.col2; c++) {
        const key = r * KEY_COLUMNS + c;
        const prior = byCell.get(key);
        const combination = (prior === undefined ? 0 : prior + 1) * n + i;
        let style = folded.get(combination);
        if (style === undefined) {
          style = styles.push(prior === undefined ? { ...f.style } : { ...styles[prior], ...f.style }) - 1;
          folded.set(combination, style);
        }
        byCell.set(key, style);
      }
    }
  });
  return { styles, byCell };
}

function excelValue(v: CellValue): ExcelJS.CellValue {
  if (v === null) return null;
  // Texts are XML-safe and cut to a cell's length already (renderableSpec): ExcelJS writes
  // control characters raw, which no reader accepts.
  if (isFormula(v)) {
    const formula = v.formula.replace(/^=/, '');
    // A link that shows a figure (the summary's county actuals) keeps the figure as its cached
    // result, so a reader that does not calculate (keytask report, pandas) still reads it.
    const shown = LINK_FIGURE.exec(formula);
    return (shown ? { formula, result: Number(shown[1]) } : { formula }) as ExcelJS.CellFormulaValue;
  }
  return v;
}

/** `HYPERLINK("…",70)`: keytask's link with a number as its label (report/links.ts). */
const LINK_FIGURE = /^HYPERLINK\("(?:[^"]|"")*",(-?\d+(?:\.\d+)?(?:e-?\d+)?)\)$/i;

function renderCells(ws: ExcelJS.Worksheet, sheet: SheetSpec): void {
  const { styles, byCell } = mergedStyles(sheet);
  // A sheet has thousands of cells but a dozen distinct styles: each is converted once, and the
  // cells share the one ExcelJS style object, which ExcelJS writes once (it remembers styles by
  // object; a copy per cell made it render every cell's style as XML to find it again). Nothing
  // sets a cell's font or fill after this, which would change every cell sharing the object.
  const converted = new Map<string, Partial<ExcelJS.Style>>();
  const excelStyles = styles.map((st) => {
    const key = JSON.stringify(st);
    let x = converted.get(key);
    if (!x) {
      x = excelStyle(st);
      converted.set(key, x);
    }
    return x;
  });
  const guarded = new Map<Partial<ExcelJS.Style> | undefined, Partial<ExcelJS.Style>>();

  const cells = new Set<number>(byCell.keys());
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== undefined) cells.add(r * KEY_COLUMNS + c);
    }),
  );
  for (const key of cells) {
    const r = Math.floor(key / KEY_COLUMNS);
    const c = key % KEY_COLUMNS;
    const cell = ws.getCell(r + 1, c + 1);
    const v = sheet.values[r]?.[c] ?? null;
    const s = byCell.get(key);
    let style = s === undefined ? undefined : excelStyles[s];
    // A string that Excel would re-read as a formula when edited gets the text format, unless
    // the layout already chose one.
    if (typeof v === 'string' && needsTextGuard(v) && !style?.numFmt) {
      let g = guarded.get(style);
      if (!g) {
        g = { ...style, numFmt: '@' };
        guarded.set(style, g);
      }
      style = g;
    }
    if (style) cell.style = style;
    cell.value = excelValue(v);
  }
}

function validationModel(v: ValidationSpec): ExcelJS.DataValidation {
  const common = {
    allowBlank: v.allowBlank,
    showErrorMessage: true,
    errorStyle: v.errorStyle,
    ...(v.errorTitle ? { errorTitle: v.errorTitle } : {}),
    ...(v.error ? { error: v.error } : {}),
    ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
    ...(v.promptTitle ? { promptTitle: v.promptTitle } : {}),
  };
  const rule = v.rule;
  switch (rule.type) {
    case 'list':
      return { ...common, type: 'list', formulae: [listFormula(rule.values)] };
    case 'listRef':
      return { ...common, type: 'list', formulae: [rule.ref.replace(/^=/, '')] };
    case 'decimal':
      return rule.operator === 'between'
        ? { ...common, type: 'decimal', operator: 'between', formulae: [rule.min, rule.max] }
        : { ...common, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [rule.value] };
  }
}

/**
 * A literal list as Excel stores it: one quoted string, comma separated, quotes doubled. A list
 * Excel refuses (the core's listProblem) is refused here rather than in a user's Excel.
 */
export function listFormula(values: string[]): string {
  const problem = listProblem(values);
  if (problem) throw new Error(problem.detail);
  return `"${values.join(',').replace(/"/g, '""')}"`;
}

/** Present at run time since ExcelJS 4.0 but missing from its type declarations. */
interface WithValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

function renderValidations(ws: ExcelJS.Worksheet, sheet: SheetSpec): void {
  const { dataValidations } = ws as unknown as WithValidations;
  for (const v of sheet.validations) {
    // Normalised so a single-cell range and `A6:A6` are the same key.
    const b = parseRange(v.range);
    const key = b.row1 === b.row2 && b.col1 === b.col2 ? v.range.replace(/\$/g, '').split(':')[0] : v.range.replace(/\$/g, '');
    dataValidations.add(key, validationModel(v));
  }
}

function renderConditionalFormats(ws: ExcelJS.Worksheet, list: ConditionalFormatSpec[]): void {
  list.forEach((cf, i) => {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: 'expression',
          priority: i + 1,
          formulae: [cf.formula.replace(/^=/, '')],
          // Differential formats paint solid fills with bgColor, not fgColor.
          style: {
            fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.fill) } },
            ...(cf.fontColor ? { font: { color: { argb: argb(cf.fontColor) } } } : {}),
          },
        },
      ],
    });
  });
}

function renderDataBars(ws: ExcelJS.Worksheet, list: DataBarSpec[], after: number): void {
  list.forEach((bar, i) => {
    // ExcelJS's typings omit the bar colour its writer reads from the rule.
    const rule = {
      type: 'dataBar',
      priority: after + i + 1,
      // Fixed bounds: a rate's bar is full at 100 %, not at the sheet's largest value.
      cfvo: [
        { type: 'num', value: bar.min },
        { type: 'num', value: bar.max },
      ],
      color: { argb: argb(bar.color) },
      gradient: false,
    } as ExcelJS.DataBarRuleType;
    ws.addConditionalFormatting({ ref: bar.range, rules: [rule] });
  });
}

function renderPrint(ws: ExcelJS.Worksheet, print: PrintSpec): void {
  // ExcelJS writes the print-title and print-area names as `'<sheet name>'!…` without doubling
  // an apostrophe in the name, which Excel rejects as a corrupt file; such a sheet prints
  // without them rather than not opening at all.
  const namesSafe = !ws.name.includes("'");
  const setup: Partial<ExcelJS.PageSetup> = {
    // ExcelJS's PaperSize enum lists no A3, though SpreadsheetML's code 8 is A3.
    paperSize: PAPER_SIZE[print.paper] as ExcelJS.PaperSize,
    orientation: print.orientation,
    // Keep ExcelJS's default margins; without fitToPage the fit values are ignored by Excel.
    ...(print.scale
      ? { scale: print.scale, fitToPage: false }
      : print.fitToWidth
        ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
        : {}),
    // ExcelJS adds the `$` itself when it writes the _xlnm names.
    ...(print.titleRows && namesSafe ? { printTitlesRow: print.titleRows.replace(/\$/g, '') } : {}),
    ...(print.overThenDown ? { pageOrder: 'overThenDown' as const } : {}),
    ...(print.titleColumns && namesSafe ? { printTitlesColumn: print.titleColumns.replace(/\$/g, '') } : {}),
    ...(print.area && namesSafe ? { printArea: print.area.replace(/\$/g, '') } : {}),
  };
  ws.pageSetup = { ...ws.pageSetup, ...setup };
}

function renderSheet(wb: ExcelJS.Workbook, sheet: SheetSpec): void {
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.visibility,
    ...(sheet.tabColor ? { properties: { tabColor: { argb: argb(sheet.tabColor) } } } : {}),
  });
  // ExcelJS treats width 9 as "default" and leaves such columns out of the file, where Excel's
  // own default (8.43) would apply; declaring 9 as the sheet default keeps them at 9.
  ws.properties.defaultColWidth = 9;
  sheet.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const [r, h] of Object.entries(sheet.rowHeights ?? {})) ws.getRow(Number(r) + 1).height = h;
  renderCells(ws, sheet);
  for (const m of sheet.merges) ws.mergeCells(m);
  renderValidations(ws, sheet);
  renderConditionalFormats(ws, sheet.conditionalFormats);
  renderDataBars(ws, sheet.dataBars ?? [], sheet.conditionalFormats.length);
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)) {
    ws.views = [{ state: 'frozen', xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }];
  }
  if (sheet.print) renderPrint(ws, sheet.print);
  if (sheet.autoFilter) ws.autoFilter = sheet.autoFilter.replace(/\$/g, '');
}

/**
 * An in-memory ExcelJS workbook holding everything the spec describes, mended to Excel's limits
 * first; a spec Excel would refuse is refused before anything is written (NotRenderableError).
 */
export function renderWorkbook(given: WorkbookSpec): ExcelJS.Workbook {
  const spec = renderableSpec(given);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'keytask';
  // Formulas carry no cached result (but a link's figure): ask the reader to compute them on open.
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of spec.sheets) renderSheet(wb, sheet);
  // The first visible sheet opens; a hidden active sheet makes Excel show an empty window.
  const active = Math.max(
    0,
    spec.sheets.findIndex((s) => s.visibility === 'visible'),
  );
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: active, activeTab: active, visibility: 'visible' }];
  for (const n of spec.names) {
    const ref = n.ref.replace(/^=/, '');
    if (!/!\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/i.test(ref)) {
      throw new Error(`defined name ${n.name}: ExcelJS can only write cell or range references, not ${ref}`);
    }
    wb.definedNames.add(ref, n.name);
  }
  return wb;
}

/** The .xlsx package; charts, which ExcelJS cannot write, are added to what it wrote. */
export async function toBuffer(spec: WorkbookSpec): Promise<Buffer> {
  const data = await renderWorkbook(spec).xlsx.writeBuffer();
  return addCharts(Buffer.from(data as ArrayBuffer), spec.sheets);
}

export async function writeXlsx(spec: WorkbookSpec, file: string): Promise<void> {
  await writeFile(file, await toBuffer(spec));
}
