/**
 * The Office.js calls that write one sheet of a WorkbookSpec: added or updated in full (its
 * layout pasted from another sheet when the plan says so), or made as a copy of a sheet written
 * earlier plus its own cells. Each call is queued as a step with its estimated size (batching.ts).
 */
import { type CellStyle, type SheetSpec, type ValidationSpec, columnLetter, parseRange, rangeAddress } from '../../core/sheet/spec';
import { cellText } from '../../core/sheet/grid';
import type { PasteSource } from '../../core/sheet/renderPlan';
import { type AddStep, type Step, OPERATION_OVERHEAD, chunkedWrites, jsonBytes, refusals } from './batching';
import { type CellRun, differingRuns, extentOf, inputs, numberFormatGrid, textCells } from './cellInputs';

/** Areas per RangeAreas, kept well inside what Excel parses in one address. */
const MAX_AREAS = 40;
const MAX_AREAS_ADDRESS = 2000;

/** What a sheet's steps may use of what this Excel can do, and what the sheets carry now. */
export interface SheetWriteOptions {
  pageLayout: boolean;
  rangeAreas?: boolean;
  autoFilter?: boolean;
  existingCharts?: Record<string, string[]>;
  existingAutoFilters?: string[];
}

/**
 * Deletes a sheet that may be very hidden: Excel refuses to delete a very hidden sheet
 * (Worksheet.delete throws InvalidOperation), so it is made merely hidden first.
 */
export function deleteHiddenSheet(sheet: Excel.Worksheet): void {
  sheet.visibility = 'Hidden';
  sheet.delete();
}

/**
 * Characters → points. Excel's width unit is the width of a digit of the default font (7 px
 * for Calibri 11 / 等线 11) plus 5 px of padding; the API takes points (0.75 pt per px).
 */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
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
  add: AddStep;
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

/** Steps that write one sheet in full, added or updated. `ws()` gives the sheet's proxy once its first step has run. */
export function sheetSteps(
  spec: SheetSpec,
  update: boolean,
  context: Excel.RequestContext,
  opts: SheetWriteOptions,
  paste?: PasteSource,
): Step[] {
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
  // Heights are within Excel's 409 points already (renderableSpec).
  const heights = Object.entries(spec.rowHeights ?? {})
    .map(([row, h]) => [Number(row), h] as const)
    .sort((a, b) => a[0] - b[0]);
  const heightRuns: Array<{ range: string; h: number }> = [];
  heights.forEach(([row, h], i) => {
    const next = heights[i + 1];
    if (next && next[0] === row + 1 && next[1] === h) return;
    let first = row;
    while (first > 0 && spec.rowHeights?.[first - 1] === h) first--;
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
    const runs = differingRuns(paste.sheet.values, spec.values, textCells(spec));
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
      title: v.errorTitle ?? '',
      message: v.error ?? '',
    };
    const prompt = v.prompt ? { showPrompt: true, title: v.promptTitle ?? '', message: v.prompt ?? '' } : null;
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
    add(5, jsonBytes(c), () => {
      const cf = range(c.range).conditionalFormats.add('Custom');
      cf.custom.rule.formula = c.formula;
      cf.custom.format.fill.color = color(c.fill);
      if (c.fontColor) cf.custom.format.font.color = color(c.fontColor);
    });
  }
  for (const c of paste ? [] : (spec.dataBars ?? [])) {
    add(5, jsonBytes(c), () => {
      const bar = range(c.range).conditionalFormats.add('DataBar').dataBar;
      // Fixed bounds: a rate's bar is full at 100 %, not at the best row's value.
      bar.lowerBoundRule = { type: 'Number', formula: String(c.min) };
      bar.upperBoundRule = { type: 'Number', formula: String(c.max) };
      bar.positiveFormat.fillColor = color(c.color);
      bar.positiveFormat.gradientFill = false;
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
    add(7, 64, () => {
      const layout = ws().pageLayout;
      layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      layout.paperSize = print.paper;
      if (print.titleRows) layout.setPrintTitleRows(print.titleRows);
      if (print.titleColumns) layout.setPrintTitleColumns(print.titleColumns);
      if (print.overThenDown) layout.printOrder = 'OverThenDown';
      // A scale keeps text readable (printPlan.ts); 0 pages tall: as many as it takes.
      if (print.scale) layout.zoom = { scale: print.scale };
      else if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (print.area) layout.setPrintArea(print.area);
    });
  }
  const filter = spec.autoFilter;
  if (filter && opts.autoFilter) {
    add(2, jsonBytes(filter), () => ws().autoFilter.apply(range(filter)));
  }
  for (const chart of spec.charts ?? []) {
    if (chart.type === 'line') {
      // One line per row of the block (ChartSeriesBy.rows, as Microsoft's own line-chart sample
      // does: learn.microsoft.com/javascript/api/excel/excel.chartseriesby), each named after
      // the cell beside its row, the periods along the category axis.
      const block = parseRange(chart.values);
      const names = parseRange(chart.seriesNames);
      const count = block.row2 - block.row1 + 1;
      add(6 + 3 * count, jsonBytes(chart), () => {
        const c = ws().charts.add('Line', range(chart.values), 'Rows');
        c.title.text = chart.title;
        for (let i = 0; i < count; i++) {
          const series = c.series.getItemAt(i);
          series.name = cellText(spec.values[names.row1 + i]?.[names.col1] ?? null);
          series.setXAxisValues(range(chart.categories));
        }
        c.setPosition(chart.from, chart.to);
      });
      continue;
    }
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
 * Steps that make a new sheet as a copy of `template` (written earlier in the same render) and
 * write the cells where the two differ; when most cells differ, every value is written again.
 */
export function copySteps(spec: SheetSpec, template: SheetSpec, context: Excel.RequestContext): Step[] {
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
  add: AddStep,
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
