/**
 * The ET calls that write one sheet of a WorkbookSpec, added or updated in full. ET is synchronous
 * and has no request to fill, so there is no batching, no copy of an earlier sheet and no paste:
 * each sheet is written as the spec says, call by call. Member sources are in et.ts.
 */
import { inputs, numberFormatGrid } from '../../core/sheet/cellInputs';
import { cellText } from '../../core/sheet/grid';
import {
  type CellStyle,
  type ConditionalFormatSpec,
  type DataBarSpec,
  type SheetSpec,
  type ValidationSpec,
  type ChartSpec,
  type CellValue,
  cellAddress,
  columnLetter,
  parseRange,
  rangeAddress,
  sheetExtent,
} from '../../core/sheet/spec';
import {
  type EtApplication,
  type EtRange,
  type EtWorksheet,
  XL_ALERT,
  XL_BAR_CLUSTERED,
  XL_LINE,
  XL_ROWS,
  XL_CATEGORY,
  XL_COLOR_INDEX_NONE,
  XL_CONTINUOUS,
  XL_EXPRESSION,
  XL_HALIGN,
  XL_OPERATOR,
  XL_ORIENTATION,
  XL_CONDITION_VALUE_NUMBER,
  XL_DATABAR_FILL_SOLID,
  XL_OVER_THEN_DOWN,
  XL_PAPER,
  XL_SHEET,
  XL_THIN,
  XL_VALIDATE,
  XL_VALIGN,
  bgr,
} from './et';

/** The block a sheet's old content is cleared from: what it uses now and what the spec covers. */
function areaToClear(ws: EtWorksheet, spec: SheetSpec): string {
  const used = ws.UsedRange;
  const { rows, cols } = sheetExtent(spec);
  const row2 = Math.max(used.Row + used.Rows.Count - 1, rows, 1);
  const col2 = Math.max(used.Column + used.Columns.Count - 1, cols, 1);
  return rangeAddress(0, 0, row2 - 1, col2 - 1);
}

/** Empties a keytask sheet being updated in place: formulas and names elsewhere point at it. */
function clearSheet(app: EtApplication, ws: EtWorksheet, spec: SheetSpec): void {
  const area = ws.Range(areaToClear(ws, spec));
  area.UnMerge();
  // Contents and formats, not Clear, which takes the user's notes and keytask's marks along.
  area.ClearContents();
  area.ClearFormats();
  // ClearFormats leaves checks and conditional formats, as Excel does (Range.ClearFormats,
  // https://learn.microsoft.com/office/vba/api/excel.range.clearformats).
  area.Validation.Delete();
  area.FormatConditions.Delete();
  area.UseStandardHeight = true;
  area.UseStandardWidth = true;
  // A filter outlives ClearContents; AutoFilterMode = False removes it (Worksheet.AutoFilterMode,
  // https://learn.microsoft.com/office/vba/api/excel.worksheet.autofiltermode).
  if (ws.AutoFilterMode) ws.AutoFilterMode = false;
  // Charts float above the cells: they go as the cells do, and the spec adds them again.
  const charts = ws.ChartObjects();
  if (charts.Count > 0) charts.Delete();
  // Freeze panes belong to the window, which shows the active sheet only.
  ws.Activate();
  app.ActiveWindow.FreezePanes = false;
}

function applyStyle(r: EtRange, style: CellStyle): void {
  if (style.bold !== undefined) r.Font.Bold = style.bold;
  if (style.italic !== undefined) r.Font.Italic = style.italic;
  if (style.fontSize !== undefined) r.Font.Size = style.fontSize;
  if (style.fontColor !== undefined) r.Font.Color = bgr(style.fontColor);
  if (style.fill !== undefined) r.Interior.Color = bgr(style.fill);
  if (style.hAlign !== undefined) r.HorizontalAlignment = XL_HALIGN[style.hAlign];
  if (style.vAlign !== undefined) r.VerticalAlignment = XL_VALIGN[style.vAlign];
  if (style.wrap !== undefined) r.WrapText = style.wrap;
  if (style.border) {
    // Range.Borders as a whole sets every edge of every cell, inside ones included
    // (Borders object, https://learn.microsoft.com/office/vba/api/excel.borders).
    r.Borders.LineStyle = XL_CONTINUOUS;
    r.Borders.Weight = XL_THIN;
  }
}

function addValidation(r: EtRange, v: ValidationSpec): void {
  const dv = r.Validation;
  const alert = XL_ALERT[v.errorStyle];
  const rule = v.rule;
  // "Formula1 must contain either a comma-delimited list of values or a worksheet reference"
  // (Validation.Add, https://learn.microsoft.com/office/vba/api/excel.validation.add).
  switch (rule.type) {
    case 'list':
      dv.Add(XL_VALIDATE.list, alert, XL_OPERATOR.between, rule.values.join(','));
      break;
    case 'listRef':
      dv.Add(XL_VALIDATE.list, alert, XL_OPERATOR.between, `=${rule.ref}`);
      break;
    case 'decimal':
      if (rule.operator === 'between') dv.Add(XL_VALIDATE.decimal, alert, XL_OPERATOR.between, String(rule.min), String(rule.max));
      else dv.Add(XL_VALIDATE.decimal, alert, XL_OPERATOR.greaterThanOrEqual, String(rule.value));
      break;
  }
  if (rule.type === 'list' || rule.type === 'listRef') dv.InCellDropdown = true;
  dv.IgnoreBlank = v.allowBlank;
  dv.ShowError = true;
  dv.ErrorTitle = v.errorTitle ?? '';
  dv.ErrorMessage = v.error ?? '';
  if (v.prompt) {
    dv.ShowInput = true;
    dv.InputTitle = v.promptTitle ?? '';
    dv.InputMessage = v.prompt;
  }
}

/**
 * A highlight by formula. The formula's relative references are read relative to the active cell,
 * not to the range (MrExcel, "Conditional Formatting through VBA",
 * https://www.mrexcel.com/board/threads/conditional-formatting-through-vba.327576/post-1609814;
 * Microsoft KB 895562): the range's top-left cell is selected first, as the spec's formula is
 * relative to it. The sheet is active and visible while it is written.
 */
function addConditionalFormat(ws: EtWorksheet, c: ConditionalFormatSpec): void {
  // The spec's one kind (a formula and a fill) is what this host renders; a kind added to the
  // spec later (`kind`) is refused here until it is rendered, rather than drawn as something else.
  const kind = (c as { kind?: unknown }).kind;
  if (kind !== undefined && kind !== 'formula') {
    throw new Error(`keytask (WPS): conditional format kind '${String(kind)}' is not rendered by the WPS host yet`);
  }
  const b = parseRange(c.range);
  ws.Range(cellAddress(b.row1, b.col1)).Select();
  const fc = ws.Range(c.range).FormatConditions.Add(XL_EXPRESSION, undefined, c.formula);
  fc.Interior.Color = bgr(c.fill);
  if (c.fontColor) fc.Font.Color = bgr(c.fontColor);
}

/**
 * A data bar with fixed bounds (a rate's bar is full at 100 %, not at the largest value):
 * FormatConditions.AddDatabar, then ConditionValue.Modify on its MinPoint and MaxPoint
 * (https://learn.microsoft.com/office/vba/api/excel.formatconditions.adddatabar,
 * https://learn.microsoft.com/office/vba/api/excel.conditionvalue.modify), a solid bar
 * (Databar.BarFillType, https://learn.microsoft.com/office/vba/api/excel.databar.barfilltype).
 */
function addDataBar(ws: EtWorksheet, d: DataBarSpec): void {
  const bar = ws.Range(d.range).FormatConditions.AddDatabar();
  bar.MinPoint.Modify(XL_CONDITION_VALUE_NUMBER, d.min);
  bar.MaxPoint.Modify(XL_CONDITION_VALUE_NUMBER, d.max);
  bar.BarColor.Color = bgr(d.color);
  bar.BarFillType = XL_DATABAR_FILL_SOLID;
}

/** Column widths in runs of equal widths; ET takes them in characters, as the spec holds them. */
function setColumnWidths(ws: EtWorksheet, widths: number[]): void {
  let start = 0;
  widths.forEach((w, i) => {
    if (widths[i + 1] === w) return;
    ws.Range(`${columnLetter(start)}1:${columnLetter(i)}1`).ColumnWidth = w;
    start = i + 1;
  });
}

function setRowHeights(ws: EtWorksheet, heights: Record<number, number>): void {
  const rows = Object.entries(heights)
    .map(([row, h]) => [Number(row), h] as const)
    .sort((a, b) => a[0] - b[0]);
  rows.forEach(([row, h], i) => {
    const next = rows[i + 1];
    if (next && next[0] === row + 1 && next[1] === h) return;
    let first = row;
    while (first > 0 && heights[first - 1] === h) first--;
    ws.Range(`A${first + 1}:A${row + 1}`).RowHeight = h;
  });
}

/**
 * Number formats as the Excel host writes them (numberFormatGrid: later formats win, cell by
 * cell), in rectangles of one format: runs along a row, stacked while the rows below repeat them.
 * A new sheet's cells are General already and are left so: Excel turns a General cell a clerk
 * types `8%` into a percent cell, which is how a percent is told from 0.08.
 */
function setNumberFormats(ws: EtWorksheet, spec: SheetSpec, update: boolean): void {
  const { grid } = numberFormatGrid(spec, !update);
  const runsOf = (row: Array<string | null>): Array<{ c1: number; c2: number; fmt: string }> => {
    const runs: Array<{ c1: number; c2: number; fmt: string }> = [];
    row.forEach((fmt, c) => {
      if (fmt === null) return;
      const last = runs[runs.length - 1];
      if (last && last.c2 === c - 1 && last.fmt === fmt) last.c2 = c;
      else runs.push({ c1: c, c2: c, fmt });
    });
    return runs;
  };
  const key = (runs: ReturnType<typeof runsOf>): string => JSON.stringify(runs);
  let r1 = 0;
  grid.forEach((row, r) => {
    if (r + 1 < grid.length && key(runsOf(grid[r + 1])) === key(runsOf(row))) return;
    for (const run of runsOf(row)) ws.Range(rangeAddress(r1, run.c1, r, run.c2)).NumberFormat = run.fmt;
    r1 = r + 1;
  });
}

/**
 * A bar chart of one series over the cells from `from` to `to`, as the Excel host draws it: a
 * title, no legend, rank 1 at the top. ChartObjects.Add places the frame in points, so the cells'
 * own position is asked (Range.Left/Top/Width/Height); SetSourceData makes the one series of the
 * values column (https://learn.microsoft.com/office/vba/api/excel.chart.setsourcedata).
 */
function addChart(ws: EtWorksheet, chart: ChartSpec, values: CellValue[][]): void {
  const area = ws.Range(`${chart.from}:${chart.to}`);
  const c = ws.ChartObjects().Add(area.Left, area.Top, area.Width, area.Height).Chart;
  if (chart.type === 'line') {
    // One line per row of the block (SetSourceData by xlRows), each named after the cell beside
    // its row, the periods along the category axis: as the Excel host draws the trend.
    c.ChartType = XL_LINE;
    c.SetSourceData(ws.Range(chart.values), XL_ROWS);
    c.HasTitle = true;
    c.ChartTitle.Text = chart.title;
    c.HasLegend = true;
    const block = parseRange(chart.values);
    const names = parseRange(chart.seriesNames);
    for (let i = 0; i <= block.row2 - block.row1; i++) {
      const series = c.SeriesCollection().Item(i + 1);
      series.Name = cellText(values[names.row1 + i]?.[names.col1] ?? null);
      series.XValues = ws.Range(chart.categories);
    }
    return;
  }
  c.ChartType = XL_BAR_CLUSTERED;
  c.SetSourceData(ws.Range(chart.values));
  c.HasTitle = true;
  c.ChartTitle.Text = chart.title;
  c.HasLegend = false;
  const series = c.SeriesCollection().Item(1);
  series.Name = chart.seriesName;
  series.XValues = ws.Range(chart.categories);
  // A bar chart draws its first category at the bottom; rank 1 belongs at the top.
  c.Axes().Item(XL_CATEGORY).ReversePlotOrder = true;
}

/** Writes a sheet in full: added after the last sheet, or an existing keytask sheet updated in place. */
export function writeSheet(app: EtApplication, spec: SheetSpec, update: boolean): void {
  const sheets = app.ActiveWorkbook.Worksheets;
  let ws: EtWorksheet;
  if (update) {
    ws = sheets.Item(spec.name);
    // Shown while written: a hidden sheet cannot be activated, which freezing and highlights need.
    if (ws.Visible !== XL_SHEET.visible) ws.Visible = XL_SHEET.visible;
    clearSheet(app, ws, spec);
  } else {
    // Worksheets.Add(Before, After): the new sheet goes after the last one and becomes the active
    // sheet (https://learn.microsoft.com/office/vba/api/excel.sheets.add).
    ws = sheets.Add(undefined, sheets.Item(sheets.Count));
    ws.Name = spec.name;
  }
  if (spec.tabColor) ws.Tab.Color = bgr(spec.tabColor);
  else if (update) ws.Tab.ColorIndex = XL_COLOR_INDEX_NONE;

  setColumnWidths(ws, spec.columnWidths);
  setRowHeights(ws, spec.rowHeights ?? {});
  // Number formats before values: a text format (`@`) is what keeps ids and notes as text.
  setNumberFormats(ws, spec, update);
  const width = spec.values[0]?.length ?? 0;
  if (spec.values.length > 0 && width > 0) {
    // Range.Formula takes an array the shape of the range and enters each element as if typed
    // (https://learn.microsoft.com/office/vba/api/excel.range.formula): cellInput has already
    // given each cell what makes it stored as the spec says.
    ws.Range(rangeAddress(0, 0, spec.values.length - 1, width - 1)).Formula = inputs(spec);
  }
  for (const m of spec.merges) ws.Range(m).Merge();
  for (const f of spec.formats) {
    const { numFmt: _numFmt, ...style } = f.style;
    if (Object.keys(style).length > 0) applyStyle(ws.Range(f.range), style);
  }
  for (const v of spec.validations) addValidation(ws.Range(v.range), v);
  if (spec.conditionalFormats.length > 0) {
    ws.Activate();
    for (const c of spec.conditionalFormats) addConditionalFormat(ws, c);
  }
  for (const d of spec.dataBars ?? []) addDataBar(ws, d);
  const freeze = spec.freeze;
  if (freeze && (freeze.rows > 0 || freeze.columns > 0)) {
    // Freezing is a window setting on the active sheet: split at the rows and columns to keep,
    // scrolled to the top so the split is where asked (Window.FreezePanes,
    // https://learn.microsoft.com/office/vba/api/excel.window.freezepanes).
    ws.Activate();
    const win = app.ActiveWindow;
    win.FreezePanes = false;
    win.ScrollRow = 1;
    win.ScrollColumn = 1;
    win.SplitRow = freeze.rows;
    win.SplitColumn = freeze.columns;
    win.FreezePanes = true;
  }
  const print = spec.print;
  if (print) {
    const ps = ws.PageSetup;
    ps.Orientation = XL_ORIENTATION[print.orientation];
    ps.PaperSize = XL_PAPER[print.paper];
    if (print.titleRows) ps.PrintTitleRows = print.titleRows;
    if (print.titleColumns) ps.PrintTitleColumns = print.titleColumns;
    if (print.overThenDown) ps.Order = XL_OVER_THEN_DOWN;
    // A scale keeps text readable (printPlan.ts) and wins over fitting, as in the other hosts.
    if (print.scale) ps.Zoom = print.scale;
    else if (print.fitToWidth) {
      // "If Zoom is True, the FitToPagesWide property is ignored"; False for FitToPagesTall lets the
      // pages run as tall as they need (PageSetup.FitToPagesTall,
      // https://learn.microsoft.com/office/vba/api/excel.pagesetup.fittopagestall).
      ps.Zoom = false;
      ps.FitToPagesWide = 1;
      ps.FitToPagesTall = false;
    }
    if (print.area) ps.PrintArea = print.area;
  }
  if (spec.autoFilter) ws.Range(spec.autoFilter).AutoFilter();
  for (const chart of spec.charts ?? []) addChart(ws, chart, spec.values);
  if (spec.visibility !== 'visible') ws.Visible = XL_SHEET[spec.visibility];
}
