/**
 * Writes a WorkbookSpec into the open workbook. Every write is queued as a step with an
 * estimate of what it adds to the request; steps are sent in as few syncs as the request
 * payload limit allows (Excel on the web rejects requests over 5 MB), so a city sheet and
 * twenty county copies go in one round trip and the number of syncs does not grow with
 * counties or rows until the data itself is megabytes.
 */
import {
  type CellStyle,
  type CellValue,
  type SheetSpec,
  type ValidationSpec,
  type WorkbookSpec,
  columnLetter,
  isFormula,
  needsTextGuard,
  parseRange,
  rangeAddress,
} from '../../core/sheet/spec';

/** Excel on the web's request limit is 5 MB; estimates are rough, so stay well below it. */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;
/** What one queued operation costs beyond its data (object path, action, ids). */
const OPERATION_OVERHEAD = 160;
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
}

interface Step {
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

/** What to write for a cell so Excel stores exactly the spec's value. */
export function cellInput(v: CellValue): string | number | boolean {
  if (v === null) return '';
  if (isFormula(v)) return v.formula;
  // A leading apostrophe is Excel's own "this is text" mark; it is not stored. A string that
  // starts with one gets a second, so the first survives.
  if (typeof v === 'string') return needsTextGuard(v) || v.startsWith("'") ? `'${v}` : v;
  return v;
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
function numberFormatGrid(spec: SheetSpec): { grid: Array<Array<string | null>>; width: number } {
  const ranges = spec.formats
    .filter((f) => f.style.numFmt !== undefined)
    .map((f) => ({ b: parseRange(f.range), fmt: f.style.numFmt as string }));
  if (ranges.length === 0) return { grid: [], width: 0 };
  const rows = Math.max(...ranges.map((r) => r.b.row2)) + 1;
  const width = Math.max(...ranges.map((r) => r.b.col2)) + 1;
  const grid = fill2D<string | null>(rows, width, null);
  for (const { b, fmt } of ranges) {
    for (let r = b.row1; r <= b.row2; r++) for (let c = b.col1; c <= b.col2; c++) grid[r][c] = fmt;
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

/** Steps that write one sheet. `ws()` gives the sheet's proxy once its first step has run. */
function sheetSteps(spec: SheetSpec, update: boolean, context: Excel.RequestContext, opts: RenderOptions): Step[] {
  const steps: Step[] = [];
  const add = (ops: number, bytes: number, run: () => void): void => {
    steps.push({ bytes: bytes + ops * OPERATION_OVERHEAD, run });
  };
  let handle: Excel.Worksheet | null = null;
  const ws = (): Excel.Worksheet => {
    if (!handle) throw new Error(`sheet ${spec.name} used before it was opened`);
    return handle;
  };
  // One proxy per address: formats, checks and highlights of a column share it, and each
  // proxy made is an object path in the request.
  const ranges = new Map<string, Excel.Range>();
  const range = (address: string): Excel.Range => {
    let r = ranges.get(address);
    if (!r) {
      r = ws().getRange(address);
      ranges.set(address, r);
    }
    return r;
  };

  // Updated in place, never deleted and re-added: formulas and names elsewhere point at it.
  const lowerName = spec.name.toLowerCase();
  const oldCharts = update ? (Object.entries(opts.existingCharts ?? {}).find(([n]) => n.toLowerCase() === lowerName)?.[1] ?? []) : [];
  const oldFilter = update && opts.autoFilter === true && (opts.existingAutoFilters ?? []).some((n) => n.toLowerCase() === lowerName);
  add(8 + 2 * oldCharts.length + (oldFilter ? 2 : 0), jsonBytes(oldCharts), () => {
    if (update) {
      handle = context.workbook.worksheets.getItem(spec.name);
      // Charts float above the cells and a filter outlives `clear`: both go, as the cells do.
      for (const name of oldCharts) handle.charts.getItem(name).delete();
      if (oldFilter) handle.autoFilter.remove();
      const all = handle.getRange();
      all.unmerge();
      all.clear('All');
      all.dataValidation.clear();
      all.conditionalFormats.clearAll();
      all.format.useStandardHeight = true;
      all.format.useStandardWidth = true;
      handle.freezePanes.unfreeze();
    } else {
      handle = context.workbook.worksheets.add(spec.name);
    }
  });
  add(2, 16, () => {
    ws().visibility = VISIBILITY[spec.visibility];
    ws().tabColor = spec.tabColor ? color(spec.tabColor) : '';
  });

  // Runs of equal widths, and of equal heights, share one operation.
  let start = 0;
  spec.columnWidths.forEach((w, i) => {
    if (spec.columnWidths[i + 1] === w) return;
    const address = `${columnLetter(start)}1:${columnLetter(i)}1`;
    add(2, 16, () => {
      range(address).format.columnWidth = columnWidthPoints(w);
    });
    start = i + 1;
  });
  const heights = Object.entries(spec.rowHeights ?? {})
    .map(([row, h]) => [Number(row), h] as const)
    .sort((a, b) => a[0] - b[0]);
  heights.forEach(([row, h], i) => {
    const next = heights[i + 1];
    if (next && next[0] === row + 1 && next[1] === h) return;
    let first = row;
    while (first > 0 && spec.rowHeights?.[first - 1] === h) first--;
    const address = `A${first + 1}:A${row + 1}`;
    add(2, 16, () => {
      range(address).format.rowHeight = h;
    });
  });

  // Number formats go before values: a text format (`@`) is what keeps ids and notes as text.
  const numFmt = numberFormatGrid(spec);
  chunkedWrites(numFmt.grid, numFmt.width, (address, chunk) => (range(address).numberFormat = chunk), add);
  // Values and formulas in one write (`formulas` takes plain values as well).
  const width = spec.values[0]?.length ?? 0;
  chunkedWrites(
    spec.values.map((row) => row.map(cellInput)),
    width,
    (address, chunk) => (range(address).formulas = chunk),
    add,
  );

  const areas = opts.rangeAreas === true;
  const target = (group: Array<{ range: string }>): Excel.Range | Excel.RangeAreas =>
    group.length === 1 ? range(group[0].range) : ws().getRanges(group.map((g) => g.range).join(', '));
  const styled = spec.formats
    .map((f) => ({ range: f.range, style: withoutNumFmt(f.style) }))
    .filter((f) => Object.keys(f.style).length > 0);
  for (const group of groupConsecutive(styled, (f) => JSON.stringify(f.style), areas)) {
    const style = group[0].style;
    const props = Object.keys(style).filter((k) => k !== 'border').length + (style.border ? 18 : 0);
    add(props + 1, jsonBytes(style) + jsonBytes(group.map((g) => g.range)), () => applyStyle(target(group), style));
  }
  for (const m of spec.merges) {
    add(2, 8, () => range(m).merge(false));
  }
  for (const group of groupConsecutive(spec.validations, (v) => JSON.stringify({ ...v, range: '' }), areas)) {
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
    add(5, jsonBytes([rule, errorAlert, prompt]) + jsonBytes(group.map((g) => g.range)), () => {
      // The sheet was new or has just been cleared of all validation, so the rule goes straight in.
      const dv = target(group).dataValidation;
      dv.rule = rule;
      // Excel's default is to ignore blanks; only the exception costs an operation.
      if (!v.allowBlank) dv.ignoreBlanks = false;
      dv.errorAlert = errorAlert;
      if (prompt) dv.prompt = prompt;
    });
  }
  for (const c of spec.conditionalFormats) {
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
async function send(context: Excel.RequestContext, requests: Step[][], index = 0): Promise<number> {
  if (index >= requests.length) return index;
  for (const step of requests[index]) step.run();
  await context.sync();
  return send(context, requests, index + 1);
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

  const steps: Step[] = spec.sheets.flatMap((s) => sheetSteps(s, existing.has(lower(s.name)), context, opts));
  const names = new Set(opts.existingNames.map(lower));
  for (const n of spec.names) {
    steps.push({
      bytes: jsonBytes(n) + 3 * OPERATION_OVERHEAD,
      run: () => {
        if (names.has(lower(n.name))) context.workbook.names.getItem(n.name).delete();
        context.workbook.names.add(n.name, `=${n.ref}`);
      },
    });
  }
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
