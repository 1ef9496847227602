/**
 * Writes a WorkbookSpec into the open workbook. Every write is queued as a step with an
 * estimate of what it adds to the request; steps are sent in as few syncs as the request
 * payload limit allows (Excel on the web rejects requests over 5 MB).
 *
 * A new sheet laid out like one written earlier in the same render (every county copy after
 * the first) is made with Worksheet.copy and only its differing cells are written: a county
 * copy then costs a few hundred bytes instead of its whole layout, so 400 counties still fit
 * one request and the number of syncs does not grow with counties or rows.
 */
import {
  type CellStyle,
  type CellValue,
  type SheetSpec,
  type ValidationSpec,
  type WorkbookSpec,
  columnLetter,
  isFormula,
  parseRange,
  rangeAddress,
  sheetNameOfReference,
} from '../../core/sheet/spec';
import { capCellText, clampRowHeight, excelWouldConvert } from '../../core/sheet/excelLimits';

/** Excel on the web's request limit is 5 MB; estimates are rough, so stay well below it. */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;
/** What one queued operation costs beyond its data (object path, action, ids). */
export const OPERATION_OVERHEAD = 300;
/** A sheet's values larger than this are written in row chunks, so one step never fills a request. */
const VALUES_CHUNK = 1024 * 1024;
/** Areas per RangeAreas, kept well inside what Excel parses in one address. */
const MAX_AREAS = 40;
const MAX_AREAS_ADDRESS = 2000;
/** Excel's limits on data-validation texts; longer ones make the whole request fail. */
const ALERT_TITLE_MAX = 32;
const ALERT_MESSAGE_MAX = 255;

export interface RenderOptions {
  /** sheets keytask may rewrite in place (its own, found by the registry); compared case-insensitively */
  updatable: string[];
  /** every sheet in the workbook now; a spec sheet not among them is added */
  existingSheets: string[];
  /** defined names in the workbook now; those the spec sets are deleted and added again */
  existingNames: string[];
  /** ExcelApi 1.9 is there: page layout can be set */
  pageLayout: boolean;
  /**
   * ExcelApi 1.9 is there: ranges that get the same format or the same check are sent as one
   * RangeAreas, which keeps a city sheet and twenty county copies inside one request.
   */
  rangeAreas?: boolean;
  /** the sheet to show when done */
  activate?: string;
  budgetBytes?: number;
  /** ExcelApi 1.9 is there: a spec's autoFilter is applied (without it the sheet goes unfiltered) */
  autoFilter?: boolean;
  /**
   * What the sheets about to be updated carry that clearing cells does not remove, read by the
   * caller with the rest of its reads: chart names by sheet, and the sheets with an AutoFilter.
   */
  existingCharts?: Record<string, string[]>;
  existingAutoFilters?: string[];
  /** make a new sheet laid out like an earlier one by copying it (default true; false for comparison in tests) */
  copySheets?: boolean;
  /**
   * ExcelApi 1.9 is there: a sheet being updated that is laid out like others gets its layout
   * and values pasted (Range.copyFrom) from one written in full, then only its own cells.
   */
  pasteRanges?: boolean;
  /** very hidden template sheets an earlier render left behind (it failed half-way): deleted first */
  staleTemplates?: string[];
}

/** A sheet written in full in this render whose layout another sheet takes by copy and paste. */
interface Template {
  name: string;
  spec: SheetSpec;
  /** a very hidden scratch sheet, deleted when the render is done */
  scratch: boolean;
}

/** Name of the scratch sheet a layout is written to when every sheet of that layout is being updated. */
export const TEMPLATE_SHEET = 'keytask_template';

/**
 * Deletes a sheet that may be very hidden: Excel refuses to delete a very hidden sheet
 * (Worksheet.delete throws InvalidOperation), so it is made merely hidden first.
 */
export function deleteHiddenSheet(sheet: Excel.Worksheet): void {
  sheet.visibility = 'Hidden';
  sheet.delete();
}

export interface Step {
  bytes: number;
  run: () => void;
}

const encoder = new TextEncoder();
function jsonBytes(v: unknown): number {
  return encoder.encode(JSON.stringify(v)).length;
}

/**
 * Characters → points. Excel's width unit is the width of a digit of the default font (7 px
 * for Calibri 11 / 等线 11) plus 5 px of padding; the API takes points (0.75 pt per px).
 */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * What to write for a cell so Excel stores exactly the spec's value. `text`: the cell is
 * formatted as text (`@`), where Excel stores any string as given — an apostrophe would stay
 * visible there. Elsewhere a string Excel would turn into a formula, number, date or boolean
 * gets Excel's own text mark, a leading apostrophe, which is not stored (a string that starts
 * with one gets a second, so the first survives). Texts longer than a cell holds are cut, visibly.
 */
export function cellInput(v: CellValue, text = false): string | number | boolean {
  if (v === null) return '';
  if (isFormula(v)) return v.formula;
  if (typeof v !== 'string') return v;
  const s = capCellText(v);
  if (text) return s;
  return excelWouldConvert(s) || s.startsWith("'") ? `'${s}` : s;
}

/** Which cells of a sheet are text-formatted once its number formats are written. */
function textCells(spec: SheetSpec): (r: number, c: number) => boolean {
  const { grid } = numberFormatGrid(spec, false);
  return (r, c) => grid[r]?.[c] === '@';
}

/** The spec's values as written: each cell's input for its format. */
function inputs(spec: SheetSpec): Array<Array<string | number | boolean>> {
  const text = textCells(spec);
  return spec.values.map((row, r) => row.map((v, c) => cellInput(v, text(r, c))));
}

function fill2D<T>(rows: number, cols: number, value: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(cols).fill(value));
}

function color(rgb: string): string {
  return `#${rgb.replace(/^#/, '').toUpperCase()}`;
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;
const ALERT_STYLE = { stop: 'Stop', warning: 'Warning', information: 'Information' } as const;
const VISIBILITY = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const;

function validationRule(v: ValidationSpec): Excel.DataValidationRule {
  const r = v.rule;
  switch (r.type) {
    case 'list':
      return { list: { inCellDropDown: true, source: r.values.join(',') } };
    case 'listRef':
      return { list: { inCellDropDown: true, source: `=${r.ref}` } };
    case 'decimal':
      return r.operator === 'between'
        ? { decimal: { operator: 'Between', formula1: r.min, formula2: r.max } }
        : { decimal: { operator: 'GreaterThanOrEqualTo', formula1: r.value } };
  }
}

function clip(s: string | undefined, max: number): string {
  return [...(s ?? '')].slice(0, max).join('');
}

/**
 * A sheet-sized array written in row chunks, so one step never fills a request on its own;
 * all rows have `width` columns.
 */
function chunkedWrites<T>(
  rows: T[][],
  width: number,
  write: (address: string, chunk: T[][]) => void,
  add: (ops: number, bytes: number, run: () => void) => void,
): void {
  if (rows.length === 0 || width === 0) return;
  const total = jsonBytes(rows);
  const chunkRows = Math.max(1, Math.floor((rows.length * VALUES_CHUNK) / Math.max(total, 1)));
  for (let r = 0; r < rows.length; r += chunkRows) {
    const chunk = rows.slice(r, r + chunkRows);
    const address = rangeAddress(r, 0, r + chunk.length - 1, width - 1);
    add(2, jsonBytes(chunk), () => write(address, chunk));
  }
}

/**
 * Every number format of the sheet as one array (later formats win, as in the spec); cells no
 * format covers are null, which Excel leaves as they are.
 */
function numberFormatGrid(spec: SheetSpec, generalIsDefault: boolean): { grid: Array<Array<string | null>>; width: number } {
  const ranges = spec.formats
    .filter((f) => f.style.numFmt !== undefined)
    .map((f) => ({ b: parseRange(f.range), fmt: f.style.numFmt as string }));
  if (ranges.length === 0) return { grid: [], width: 0 };
  const rows = Math.max(...ranges.map((r) => r.b.row2)) + 1;
  const width = Math.max(...ranges.map((r) => r.b.col2)) + 1;
  const grid = fill2D<string | null>(rows, width, null);
  for (const { b, fmt } of ranges) {
    const f = generalIsDefault && fmt === 'General' ? null : fmt;
    for (let r = b.row1; r <= b.row2; r++) for (let c = b.col1; c <= b.col2; c++) grid[r][c] = f;
  }
  return { grid, width };
}

/**
 * Runs of consecutive items with the same key, each at most MAX_AREAS long. Only consecutive
 * ones: formats overlap and later ones win, so the order of application must not change.
 */
export function groupConsecutive<T extends { range: string }>(items: T[], key: (t: T) => string, enabled: boolean): T[][] {
  const groups: T[][] = [];
  let last = '';
  for (const item of items) {
    const k = key(item);
    const current = groups[groups.length - 1];
    const fits =
      current && current.length < MAX_AREAS && current.reduce((n, i) => n + i.range.length + 2, 0) + item.range.length <= MAX_AREAS_ADDRESS;
    if (enabled && current && k === last && fits) current.push(item);
    else groups.push([item]);
    last = k;
  }
  return groups;
}

/**
 * The steps of one sheet and the sheet's proxy, which exists only once the first step (add,
 * get or copy) has run.
 */
function sheetStepList(name: string): {
  steps: Step[];
  add: (ops: number, bytes: number, run: () => void) => void;
  ws: () => Excel.Worksheet;
  open: (sheet: Excel.Worksheet) => Excel.Worksheet;
} {
  const steps: Step[] = [];
  let handle: Excel.Worksheet | null = null;
  return {
    steps,
    add: (ops, bytes, run) => steps.push({ bytes: bytes + ops * OPERATION_OVERHEAD, run }),
    ws: () => {
      if (!handle) throw new Error(`sheet ${name} used before it was opened`);
      return handle;
    },
    open: (sheet) => (handle = sheet),
  };
}

/** Steps that write one sheet. `ws()` gives the sheet's proxy once its first step has run. */
function sheetSteps(spec: SheetSpec, update: boolean, context: Excel.RequestContext, opts: RenderOptions, paste?: Template): Step[] {
  const { steps, add, ws, open } = sheetStepList(spec.name);
  // One proxy per address: formats, checks and highlights of a column share it, and each
  // proxy made is an object path in the request.
  const ranges = new Map<string, { r: Excel.Range; refused: number }>();
  const range = (address: string): Excel.Range => {
    let cached = ranges.get(address);
    // A proxy made in a request Excel refused was never made: it is made again.
    if (!cached || cached.refused !== refusals(context)) {
      cached = { r: ws().getRange(address), refused: refusals(context) };
      ranges.set(address, cached);
    }
    return cached.r;
  };

  // Updated in place, never deleted and re-added: formulas and names elsewhere point at it.
  const lowerName = spec.name.toLowerCase();
  const oldCharts = update ? (Object.entries(opts.existingCharts ?? {}).find(([n]) => n.toLowerCase() === lowerName)?.[1] ?? []) : [];
  const oldFilter = update && opts.autoFilter === true && (opts.existingAutoFilters ?? []).some((n) => n.toLowerCase() === lowerName);
  const extent = extentOf(spec);
  add(11 + 2 * oldCharts.length + (oldFilter ? 2 : 0), jsonBytes([oldCharts, extent]), () => {
    if (update) {
      const handle = open(context.workbook.worksheets.getItem(spec.name));
      // Charts float above the cells and a filter outlives `clear`: both go, as the cells do.
      for (const name of oldCharts) handle.charts.getItem(name).delete();
      if (oldFilter) handle.autoFilter.remove();
      // Only the cells in use and those about to be written: Excel on the web refuses an
      // operation on more than 33,554,000 cells (OperationCellsExceedLimit), and a whole sheet
      // is 17 billion.
      const area = handle.getUsedRange(false).getBoundingRect(extent);
      area.unmerge();
      // Contents and formats, not 'All', which takes notes and comments along: the user's, and
      // keytask's marks, whose record then still finds them to take off.
      area.clear('Contents');
      area.clear('Formats');
      area.dataValidation.clear();
      area.conditionalFormats.clearAll();
      area.format.useStandardHeight = true;
      area.format.useStandardWidth = true;
      handle.freezePanes.unfreeze();
    } else {
      open(context.workbook.worksheets.add(spec.name));
    }
  });
  add(2, 16, () => {
    ws().visibility = VISIBILITY[spec.visibility];
    ws().tabColor = spec.tabColor ? color(spec.tabColor) : '';
  });
  if (paste) {
    // Contents, formats, merges, checks and conditional formats, as a copy and paste in Excel.
    add(3, jsonBytes([paste.name, extent]) * 2, () => {
      const source = context.workbook.worksheets.getItem(paste.name).getRange(extent);
      range(extent).copyFrom(source, 'All');
    });
  }

  const areas = opts.rangeAreas === true;
  const target = (group: Array<{ range: string }>): Excel.Range | Excel.RangeAreas =>
    group.length === 1 ? range(group[0].range) : ws().getRanges(group.map((g) => g.range).join(', '));
  // The addresses travel with the RangeAreas' path and with every operation made on it.
  const addressBytes = (group: Array<{ range: string }>, ops: number): number => jsonBytes(group.map((g) => g.range)) * (ops + 1);

  // Runs of equal widths share one operation.
  let start = 0;
  spec.columnWidths.forEach((w, i) => {
    if (spec.columnWidths[i + 1] === w) return;
    const address = `${columnLetter(start)}1:${columnLetter(i)}1`;
    add(2, 16, () => {
      range(address).format.columnWidth = columnWidthPoints(w);
    });
    start = i + 1;
  });
  // A run of rows of one height is one area; with RangeAreas every run of the same height goes
  // in one operation, so 10,000 wrapped tasks (a handful of heights) cost a few dozen, not thousands.
  // Excel refuses a row taller than 409 points (a long kept 进展情况 asks for more).
  const heights = Object.entries(spec.rowHeights ?? {})
    .map(([row, h]) => [Number(row), clampRowHeight(h)] as const)
    .sort((a, b) => a[0] - b[0]);
  const heightRuns: Array<{ range: string; h: number }> = [];
  heights.forEach(([row, h], i) => {
    const next = heights[i + 1];
    if (next && next[0] === row + 1 && next[1] === h) return;
    let first = row;
    while (first > 0 && spec.rowHeights?.[first - 1] !== undefined && clampRowHeight(spec.rowHeights[first - 1]) === h) first--;
    heightRuns.push({ range: `A${first + 1}:A${row + 1}`, h });
  });
  heightRuns.sort((a, b) => a.h - b.h);
  for (const group of groupConsecutive(heightRuns, (r) => String(r.h), areas)) {
    add(2, 16 + addressBytes(group, 2), () => {
      target(group).format.rowHeight = group[0].h;
    });
  }

  // Number formats go before values: a text format (`@`) is what keeps ids and notes as text.
  if (paste) {
    const runs = differingRuns(paste.spec.values, spec.values, textCells(spec));
    valueSteps(spec, runs, (address, chunk) => (range(address).formulas = chunk), add);
  } else {
    // A new sheet's cells are General already; null leaves a cell as it is and costs less to send.
    const numFmt = numberFormatGrid(spec, !update);
    chunkedWrites(numFmt.grid, numFmt.width, (address, chunk) => (range(address).numberFormat = chunk), add);
    // Values and formulas in one write (`formulas` takes plain values as well).
    const width = spec.values[0]?.length ?? 0;
    chunkedWrites(inputs(spec), width, (address, chunk) => (range(address).formulas = chunk), add);
  }

  // Merged before they are formatted: Excel drops a fill set before the merge (office-js #6405).
  for (const m of paste ? [] : spec.merges) {
    add(2, 8, () => range(m).merge(false));
  }
  const styled = paste
    ? []
    : spec.formats.map((f) => ({ range: f.range, style: withoutNumFmt(f.style) })).filter((f) => Object.keys(f.style).length > 0);
  for (const group of groupConsecutive(styled, (f) => JSON.stringify(f.style), areas)) {
    const style = group[0].style;
    const props = Object.keys(style).filter((k) => k !== 'border').length + (style.border ? 18 : 0);
    add(props + 1, jsonBytes(style) + addressBytes(group, props), () => applyStyle(target(group), style));
  }
  for (const group of groupConsecutive(paste ? [] : spec.validations, (v) => JSON.stringify({ ...v, range: '' }), areas)) {
    const v = group[0];
    const rule = validationRule(v);
    const errorAlert = {
      showAlert: true,
      style: ALERT_STYLE[v.errorStyle],
      title: clip(v.errorTitle, ALERT_TITLE_MAX),
      message: clip(v.error, ALERT_MESSAGE_MAX),
    };
    const prompt = v.prompt
      ? { showPrompt: true, title: clip(v.promptTitle, ALERT_TITLE_MAX), message: clip(v.prompt, ALERT_MESSAGE_MAX) }
      : null;
    add(5, jsonBytes([rule, errorAlert, prompt]) + addressBytes(group, 5), () => {
      // The sheet was new or has just been cleared of all validation, so the rule goes straight in.
      const dv = target(group).dataValidation;
      dv.rule = rule;
      // Excel's default is to ignore blanks; only the exception costs an operation.
      if (!v.allowBlank) dv.ignoreBlanks = false;
      dv.errorAlert = errorAlert;
      if (prompt) dv.prompt = prompt;
    });
  }
  for (const c of paste ? [] : spec.conditionalFormats) {
    add(4, jsonBytes(c), () => {
      const cf = range(c.range).conditionalFormats.add('Custom');
      cf.custom.rule.formula = c.formula;
      cf.custom.format.fill.color = color(c.fill);
    });
  }
  const freeze = spec.freeze;
  if (freeze && (freeze.rows > 0 || freeze.columns > 0)) {
    add(2, 16, () => {
      const panes = ws().freezePanes;
      if (freeze.rows > 0 && freeze.columns > 0) panes.freezeAt(rangeAddress(0, 0, freeze.rows - 1, freeze.columns - 1));
      else if (freeze.rows > 0) panes.freezeRows(freeze.rows);
      else panes.freezeColumns(freeze.columns);
    });
  }
  const print = spec.print;
  if (print && opts.pageLayout) {
    add(6, 64, () => {
      const layout = ws().pageLayout;
      layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      layout.paperSize = print.paper;
      if (print.titleRows) layout.setPrintTitleRows(print.titleRows);
      // 0 pages tall: as many as it takes, as in Excel's "Fit to 1 page wide by (blank) tall".
      if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (print.area) layout.setPrintArea(print.area);
    });
  }
  const filter = spec.autoFilter;
  if (filter && opts.autoFilter) {
    add(2, jsonBytes(filter), () => ws().autoFilter.apply(range(filter)));
  }
  for (const chart of spec.charts ?? []) {
    add(9, jsonBytes(chart), () => {
      const c = ws().charts.add('BarClustered', range(chart.values), 'Auto');
      c.title.text = chart.title;
      c.legend.visible = false;
      // A bar chart draws its first category at the bottom; rank 1 belongs at the top.
      c.axes.categoryAxis.reversePlotOrder = true;
      const series = c.series.getItemAt(0);
      series.name = chart.seriesName;
      series.setXAxisValues(range(chart.categories));
      c.setPosition(chart.from, chart.to);
    });
  }
  return steps;
}

/**
 * Everything of a sheet but its identity and values (their size included): two sheets with the
 * same key differ only in cells, so a copy of one plus those cells is the other. Sheets with
 * charts are never copied: a copied chart's ranges are Excel's business, not the spec's.
 */
function layoutKey(s: SheetSpec): string | null {
  if ((s.charts?.length ?? 0) > 0) return null;
  const { key: _key, name: _name, county: _county, values, tabColor: _tab, visibility: _vis, ...layout } = s;
  return JSON.stringify({ ...layout, rows: values.length, width: values[0]?.length ?? 0 });
}

/** A row's run of cells to write into a copy. */
interface CellRun {
  row: number;
  col: number;
  inputs: Array<string | number | boolean>;
}

/** Equal cells between two differing ones are written over rather than split into another run. */
const RUN_GAP = 3;

/** Where `values` differs from `template` (same size), as row runs of what to write. */
export function differingRuns(template: CellValue[][], values: CellValue[][], text: (r: number, c: number) => boolean): CellRun[] {
  const runs: CellRun[] = [];
  values.forEach((row, r) => {
    let run: CellRun | null = null;
    let lastDiff = -1;
    row.forEach((v, c) => {
      const input = cellInput(v, text(r, c));
      if (input === cellInput(template[r]?.[c] ?? null, text(r, c))) return;
      if (run && c - lastDiff <= RUN_GAP + 1) {
        for (let k = lastDiff + 1; k < c; k++) run.inputs.push(cellInput(row[k], text(r, k)));
        run.inputs.push(input);
      } else {
        run = { row: r, col: c, inputs: [input] };
        runs.push(run);
      }
      lastDiff = c;
    });
  });
  return runs;
}

/**
 * Steps that make a new sheet as a copy of `template` (written earlier in the same render) and
 * write the cells where the two differ; when most cells differ, every value is written again.
 */
function copySteps(spec: SheetSpec, template: SheetSpec, context: Excel.RequestContext): Step[] {
  const { steps, add, ws, open } = sheetStepList(spec.name);
  add(5, jsonBytes([template.name, spec.name, spec.tabColor ?? '']), () => {
    const handle = open(context.workbook.worksheets.getItem(template.name).copy('End'));
    handle.name = spec.name;
    if (spec.visibility !== template.visibility) handle.visibility = VISIBILITY[spec.visibility];
    if ((spec.tabColor ?? '') !== (template.tabColor ?? '')) handle.tabColor = spec.tabColor ? color(spec.tabColor) : '';
  });
  valueSteps(
    spec,
    differingRuns(template.values, spec.values, textCells(spec)),
    (address, chunk) => (ws().getRange(address).formulas = chunk),
    add,
  );
  return steps;
}

/**
 * Writes a sheet's own cells over a copy of its template's: the differing runs, or every value
 * again when most cells differ.
 */
function valueSteps(
  spec: SheetSpec,
  runs: CellRun[],
  write: (address: string, rows: Array<Array<string | number | boolean>>) => void,
  add: (ops: number, bytes: number, run: () => void) => void,
): void {
  const width = spec.values[0]?.length ?? 0;
  const written = runs.reduce((n, r) => n + r.inputs.length, 0);
  if (written * 2 > spec.values.length * width) {
    chunkedWrites(inputs(spec), width, write, add);
    return;
  }
  for (const run of runs) {
    add(2, jsonBytes(run.inputs), () => write(rangeAddress(run.row, run.col, run.row, run.col + run.inputs.length - 1), [run.inputs]));
  }
}

/** The block a paste must cover: the values and every format, check and merge of the sheet. */
function extentOf(spec: SheetSpec): string {
  let rows = spec.values.length;
  let cols = spec.values[0]?.length ?? 0;
  const ranges = [
    ...spec.formats.map((f) => f.range),
    ...spec.validations.map((v) => v.range),
    ...spec.conditionalFormats.map((c) => c.range),
    ...spec.merges,
  ];
  for (const r of ranges) {
    const b = parseRange(r);
    rows = Math.max(rows, b.row2 + 1);
    cols = Math.max(cols, b.col2 + 1);
  }
  return rangeAddress(0, 0, Math.max(rows, 1) - 1, Math.max(cols, 1) - 1);
}

function withoutNumFmt(style: CellStyle): CellStyle {
  const { numFmt: _numFmt, ...rest } = style;
  return rest;
}

function applyStyle(range: Excel.Range | Excel.RangeAreas, s: CellStyle): void {
  const format = range.format;
  if (s.bold !== undefined) format.font.bold = s.bold;
  if (s.italic !== undefined) format.font.italic = s.italic;
  if (s.fontSize !== undefined) format.font.size = s.fontSize;
  if (s.fontColor !== undefined) format.font.color = color(s.fontColor);
  if (s.fill !== undefined) format.fill.color = color(s.fill);
  if (s.hAlign !== undefined) format.horizontalAlignment = H_ALIGN[s.hAlign];
  if (s.vAlign !== undefined) format.verticalAlignment = V_ALIGN[s.vAlign];
  if (s.wrap !== undefined) format.wrapText = s.wrap;
  if (s.border) {
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const) {
      const border = format.borders.getItem(edge);
      border.style = 'Continuous';
      border.weight = 'Thin';
    }
  }
}

/** Splits steps into requests of at most `budget` estimated bytes (a bigger step goes alone). */
export function packSteps<T extends { bytes: number }>(steps: T[], budget: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const s of steps) {
    if (current.length > 0 && size + s.bytes > budget) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(s);
    size += s.bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Sends the requests one after the other; each must be synced before the next is queued. */
/** Requests Excel refused for their size, per context (proxies made in them do not exist). */
const refusedRequests = new WeakMap<object, number>();
function refusals(context: Excel.RequestContext): number {
  return refusedRequests.get(context) ?? 0;
}

/**
 * Sends the requests one after the other; each must be synced before the next is queued. A
 * request Excel refuses for its size (RequestPayloadSizeLimitExceeded: nothing of it was done)
 * is split in two and each half sent again: the estimates are estimates.
 */
export async function send(context: Excel.RequestContext, requests: Step[][]): Promise<number> {
  const [request, ...rest] = requests;
  if (!request) return 0;
  for (const step of request) step.run();
  const refused = await context.sync().then(
    () => false,
    (e: unknown) => {
      if ((e as { code?: unknown } | null)?.code !== 'RequestPayloadSizeLimitExceeded' || request.length < 2) throw e;
      return true;
    },
  );
  if (!refused) return 1 + (await send(context, rest));
  refusedRequests.set(context, refusals(context) + 1);
  const half = Math.ceil(request.length / 2);
  return 1 + (await send(context, [request.slice(0, half), request.slice(half), ...rest]));
}

export interface RenderResult {
  /** round trips used */
  syncs: number;
  /** estimated bytes of each request */
  requestBytes: number[];
}

export async function renderSpec(context: Excel.RequestContext, spec: WorkbookSpec, opts: RenderOptions): Promise<RenderResult> {
  const lower = (s: string): string => s.toLowerCase();
  const updatable = new Set(opts.updatable.map(lower));
  const existing = new Set(opts.existingSheets.map(lower));
  // Checked before anything is queued: a sheet of the user's is never written to.
  for (const s of spec.sheets) {
    if (existing.has(lower(s.name)) && !updatable.has(lower(s.name))) {
      throw new Error(`keytask will not write to sheet '${s.name}': it is not one keytask made`);
    }
  }

  // Sheets first, names after: a workbook-level name that points into a sheet being copied
  // would be duplicated by Excel as a sheet-level name in every copy. Except the names a
  // validation list takes its words from (`=KT_UNITS`): Excel resolves a list's source when the
  // rule is set, so those are defined first, right after the sheet they point into.
  const steps: Step[] = [];
  for (const stale of opts.staleTemplates ?? []) {
    steps.push({ bytes: 4 * OPERATION_OVERHEAD, run: () => deleteHiddenSheet(context.workbook.worksheets.getItem(stale)) });
    existing.delete(lower(stale));
  }
  const existingAtStart = existing.size;
  const names = new Set(opts.existingNames.map(lower));
  const nameStep = (n: WorkbookSpec['names'][number]): Step => ({
    bytes: jsonBytes(n) + 3 * OPERATION_OVERHEAD,
    run: () => {
      if (names.has(lower(n.name))) context.workbook.names.getItem(n.name).delete();
      context.workbook.names.add(n.name, `=${n.ref}`);
    },
  });
  // Each sheet's layout key once: it is the JSON of the sheet's whole layout.
  const keys = spec.sheets.map((s) => (opts.copySheets === false ? null : layoutKey(s)));
  const perKey = new Map<string, number>();
  for (const k of keys) if (k !== null) perKey.set(k, (perKey.get(k) ?? 0) + 1);
  const listSources = new Set(
    spec.sheets.flatMap((s) => s.validations.flatMap((v) => (v.rule.type === 'listRef' ? [lower(v.rule.ref)] : []))),
  );
  const early = spec.names.filter((n) => {
    if (!listSources.has(lower(n.name))) return false;
    const i = spec.sheets.findIndex((s) => lower(s.name) === lower(sheetNameOfReference(n.ref) ?? ''));
    // a sheet other sheets are copied from keeps its names for the end
    return i < 0 || keys[i] === null || (perKey.get(keys[i]!) ?? 0) <= 1;
  });
  const firstSheets = new Set(early.flatMap((n) => (sheetNameOfReference(n.ref) ? [lower(sheetNameOfReference(n.ref)!)] : [])));
  const order = [...spec.sheets.keys()].sort(
    (a, b) => Number(!firstSheets.has(lower(spec.sheets[a].name))) - Number(!firstSheets.has(lower(spec.sheets[b].name))),
  );
  const earlyAfter = order.filter((i) => firstSheets.has(lower(spec.sheets[i].name))).length;
  // A new sheet written first is put back in its place among the new sheets once all are there.
  const newSheets = spec.sheets.filter((s) => !existing.has(lower(s.name)));
  const moved = newSheets.flatMap((s, k) => (firstSheets.has(lower(s.name)) ? [{ name: s.name, position: existingAtStart + k }] : []));
  const templates = new Map<string, Template>();
  const scratch: string[] = [];
  const taken = new Set([...existing, ...spec.sheets.map((s) => lower(s.name))]);
  for (const [n, i] of order.entries()) {
    if (n === earlyAfter) steps.push(...early.map(nameStep));
    steps.push(...stepsOfSheet(i));
  }
  if (earlyAfter === order.length) steps.push(...early.map(nameStep));

  function stepsOfSheet(i: number): Step[] {
    const s = spec.sheets[i];
    const update = existing.has(lower(s.name));
    const key = keys[i];
    let template = key === null ? undefined : templates.get(key);
    if (!template && key !== null && (perKey.get(key) ?? 0) > 1) {
      if (!update) {
        // The first new sheet of a layout is written in full; the others copy it.
        templates.set(key, { name: s.name, spec: s, scratch: false });
        return sheetSteps(s, false, context, opts);
      }
      if (opts.pasteRanges) {
        // Every sheet of this layout so far is being updated: the layout goes to a scratch sheet,
        // untouched by clerks, and is pasted from there.
        let name = TEMPLATE_SHEET;
        for (let k = 2; taken.has(lower(name)); k++) name = `${TEMPLATE_SHEET}${k}`;
        taken.add(lower(name));
        scratch.push(name);
        template = { name, spec: s, scratch: true };
        templates.set(key, template);
        return [
          ...sheetSteps({ ...s, key: `template:${s.key}`, name, visibility: 'veryHidden' }, false, context, opts),
          ...sheetSteps(s, true, context, opts, template),
        ];
      }
    }
    if (!template) return sheetSteps(s, update, context, opts);
    if (update) return opts.pasteRanges ? sheetSteps(s, true, context, opts, template) : sheetSteps(s, true, context, opts);
    // A scratch sheet is very hidden: a new sheet is written in full rather than copied from it.
    if (template.scratch) return sheetSteps(s, false, context, opts);
    return copySteps(s, template.spec, context);
  }
  for (const name of scratch) {
    steps.push({ bytes: 4 * OPERATION_OVERHEAD, run: () => deleteHiddenSheet(context.workbook.worksheets.getItem(name)) });
  }
  for (const m of moved) {
    steps.push({ bytes: 3 * OPERATION_OVERHEAD, run: () => (context.workbook.worksheets.getItem(m.name).position = m.position) });
  }
  const earlySet = new Set(early);
  for (const n of spec.names) if (!earlySet.has(n)) steps.push(nameStep(n));
  const target = opts.activate;
  if (target) {
    steps.push({
      bytes: 4 * OPERATION_OVERHEAD,
      run: () => {
        const sheet = context.workbook.worksheets.getItem(target);
        sheet.activate();
        sheet.getRange('A1').select();
      },
    });
  }

  const requests = packSteps(steps, opts.budgetBytes ?? PAYLOAD_BUDGET);
  const syncs = await send(context, requests);
  return { syncs, requestBytes: requests.map((r) => r.reduce((n, s) => n + s.bytes, 0)) };
}
