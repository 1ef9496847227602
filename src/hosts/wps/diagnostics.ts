/**
 * The self-check (诊断) in WPS: whether the ET members keytask uses are there, and each thing the
 * WPS host writes — values and formulas, text kept as text, a very hidden sheet, a dropdown from a
 * defined name, a number check, a highlight, merges and row heights, page setup, a filter, a
 * chart, a mark's fill and note — tried on a scratch sheet it adds and deletes, read back, each
 * check on its own so one failure does not hide the others. Excel's checks of requirement sets,
 * sheet copies, pastes and request sizes have nothing to try in WPS and are not listed.
 *
 * Real WPS reads a misspelt member as undefined rather than failing (see the fake ET's strict.ts),
 * so the members check asks each one's type, and every check reads back what it wrote: a write WPS
 * dropped shows as a mismatch. Member sources are in et.ts.
 */
import { type CheckId, type DiagnosticResult, Mismatch, expectEqual } from '../../core/operations/diagnostics';
import { cellInput } from '../../core/sheet/cellInputs';
import { MAX_ROW_HEIGHT } from '../../core/sheet/excelLimits';
import { sheetNameOfReference } from '../../core/sheet/spec';
import {
  type EtApplication,
  type EtWorksheet,
  XL_BAR_CLUSTERED,
  XL_COLOR_INDEX_NONE,
  XL_EXPRESSION,
  XL_OPERATOR,
  XL_ALERT,
  XL_PATTERN_NONE,
  XL_SHEET,
  XL_VALIDATE,
  bgr,
  rgbOf,
} from './et';
import { values2D } from './readGrids';
import type { WpsApi } from './runtime';

/** Not the Excel host's scratch name, so the WPS build's package test can tell the Excel host was left out. */
export const DIAGNOSTICS_SHEET = 'keytask_selfcheck';
const HIDDEN_SHEET = 'keytask_selfcheck_hidden';
const LIST_NAME = 'KT_DIAGNOSTICS_LIST';

type Kind = 'function' | 'object' | 'number' | 'boolean' | 'string';

/** The members keytask uses, by the kind of value each must read as. */
function memberList(app: EtApplication, ws: EtWorksheet): Array<[string, object, Record<string, Kind>]> {
  const book = app.ActiveWorkbook;
  const range = ws.Range('A1:B2');
  return [
    ['Application', app, { ActiveWorkbook: 'object', ActiveWindow: 'object', DisplayAlerts: 'boolean', ScreenUpdating: 'boolean' }],
    ['Workbook', book, { Worksheets: 'object', Names: 'object', ActiveSheet: 'object' }],
    ['Worksheets', book.Worksheets, { Item: 'function', Add: 'function', Count: 'number' }],
    ['Names', book.Names, { Item: 'function', Add: 'function', Count: 'number' }],
    ['Window', app.ActiveWindow, { FreezePanes: 'boolean', SplitRow: 'number', SplitColumn: 'number' }],
    [
      'Worksheet',
      ws,
      {
        Name: 'string',
        Visible: 'number',
        UsedRange: 'object',
        PageSetup: 'object',
        Tab: 'object',
        AutoFilterMode: 'boolean',
        Range: 'function',
        ChartObjects: 'function',
        Activate: 'function',
        Delete: 'function',
        Move: 'function',
      },
    ],
    [
      'Range',
      range,
      {
        Address: 'function',
        Merge: 'function',
        UnMerge: 'function',
        ClearContents: 'function',
        ClearFormats: 'function',
        Select: 'function',
        AutoFilter: 'function',
        AddComment: 'function',
        Font: 'object',
        Interior: 'object',
        Borders: 'object',
        Validation: 'object',
        FormatConditions: 'object',
        Row: 'number',
        Column: 'number',
        Left: 'number',
        Top: 'number',
        Width: 'number',
        Height: 'number',
      },
    ],
    ['Interior', range.Interior, { Pattern: 'number' }],
    ['Validation', range.Validation, { Add: 'function', Delete: 'function' }],
    ['FormatConditions', range.FormatConditions, { Add: 'function', AddDatabar: 'function', Delete: 'function' }],
  ];
}

/** How a member reads: its kind, or `missing` when reading it fails. */
function kindOf(obj: object, member: string): string {
  try {
    const v = (obj as Record<string, unknown>)[member];
    return v === null ? 'null' : typeof v;
  } catch {
    return 'missing';
  }
}

type Run = (app: EtApplication, ws: EtWorksheet) => void;

const CHECKS: ReadonlyArray<{ id: CheckId; api: string; run: Run }> = [
  {
    id: 'members',
    api: 'Application, Workbook, Worksheet, Range…',
    run: (app, ws) => {
      const wrong = memberList(app, ws).flatMap(([name, obj, members]) =>
        Object.entries(members).flatMap(([m, kind]) => {
          const got = kindOf(obj, m);
          return got === kind ? [] : [`${name}.${m} (${got})`];
        }),
      );
      if (wrong.length > 0) throw new Mismatch(`not as keytask uses them: ${wrong.join(', ')}`);
    },
  },
  {
    id: 'writeRead',
    api: 'Range.Formula, Range.Value2',
    run: (_app, ws) => {
      const r = ws.Range('A1:C1');
      r.Formula = [['任务', 42, '=B1*2']];
      expectEqual(values2D(r), [['任务', 42, 84]], 'values read back');
    },
  },
  {
    id: 'textKept',
    api: 'Range.NumberFormat',
    run: (_app, ws) => {
      const texts = ['2023-1', '1/2', '50%', '=1+1', "'x"];
      const general = ws.Range('A2:E2');
      general.Formula = [texts.map((t) => cellInput(t))];
      const text = ws.Range('A3:E3');
      text.NumberFormat = '@';
      text.Formula = [texts.map((t) => cellInput(t, true))];
      expectEqual(values2D(general), [texts], 'General cells');
      expectEqual(values2D(text), [texts], 'text cells');
    },
  },
  {
    id: 'veryHidden',
    api: 'Worksheet.Visible, Worksheet.Delete',
    run: (app) => {
      const sheets = app.ActiveWorkbook.Worksheets;
      const hidden = sheets.Add(undefined, sheets.Item(sheets.Count));
      hidden.Name = HIDDEN_SHEET;
      hidden.Visible = XL_SHEET.veryHidden;
      expectEqual(hidden.Visible, XL_SHEET.veryHidden, 'Visible read back');
      hidden.Visible = XL_SHEET.hidden;
      hidden.Delete();
      expectEqual(sheetNames(app).includes(HIDDEN_SHEET), false, 'sheet deleted');
    },
  },
  {
    id: 'listFromName',
    api: 'Names.Add, Validation.Add',
    run: (app, ws) => {
      const names = app.ActiveWorkbook.Names;
      ws.Range('H1:H2').Value2 = [['甲'], ['乙']];
      deleteName(app, LIST_NAME);
      names.Add(LIST_NAME, `='${DIAGNOSTICS_SHEET}'!$H$1:$H$2`);
      const refersTo = names.Item(LIST_NAME).RefersTo;
      expectEqual(
        [sheetNameOfReference(refersTo), refersTo.slice(refersTo.lastIndexOf('!'))],
        [DIAGNOSTICS_SHEET, '!$H$1:$H$2'],
        'name read back',
      );
      const dv = ws.Range('G1:G3').Validation;
      dv.Add(XL_VALIDATE.list, XL_ALERT.stop, XL_OPERATOR.between, `=${LIST_NAME}`);
      dv.InCellDropdown = true;
      expectEqual([dv.Type, dv.Formula1], [XL_VALIDATE.list, `=${LIST_NAME}`], 'dropdown read back');
      deleteName(app, LIST_NAME);
    },
  },
  {
    id: 'numberCheck',
    api: 'Validation.Add',
    run: (_app, ws) => {
      const dv = ws.Range('B5:B6').Validation;
      dv.Add(XL_VALIDATE.decimal, XL_ALERT.stop, XL_OPERATOR.greaterThanOrEqual, '0');
      expectEqual([dv.Type, Number(dv.Formula1)], [XL_VALIDATE.decimal, 0], 'number check read back');
    },
  },
  {
    id: 'conditionalFormat',
    api: 'FormatConditions.Add',
    run: (_app, ws) => {
      // Relative references follow the active cell (writeSheet.ts): the range's top-left first.
      ws.Range('A6').Select();
      const area = ws.Range('A6:C6');
      area.FormatConditions.Add(XL_EXPRESSION, undefined, '=$A6=""').Interior.Color = bgr('#FFF9E5');
      expectEqual(area.FormatConditions.Count, 1, 'highlights read back');
    },
  },
  {
    id: 'rowHeight',
    api: 'Range.RowHeight, Range.Merge',
    run: (_app, ws) => {
      const row = ws.Range('A9:B9');
      row.RowHeight = MAX_ROW_HEIGHT;
      row.Merge();
      expectEqual([row.RowHeight, row.MergeCells], [MAX_ROW_HEIGHT, true], 'row read back');
    },
  },
  {
    id: 'mergedAreas',
    api: 'Range.MergeCells, Range.MergeArea',
    run: (_app, ws) => {
      ws.Range('A10:B10').Merge();
      expectEqual(ws.Range('A10:C11').MergeCells, null, 'a partly merged block');
      expectEqual(ws.Range('A10').MergeArea.Address(), '$A$10:$B$10', 'merged area');
    },
  },
  {
    id: 'pageLayout',
    api: 'Worksheet.PageSetup',
    run: (_app, ws) => {
      const ps = ws.PageSetup;
      ps.Orientation = 2;
      ps.PaperSize = 9;
      ps.PrintTitleRows = '$1:$1';
      ps.PrintArea = '$A$1:$C$9';
      expectEqual([ps.Orientation, ps.PaperSize], [2, 9], 'page setup read back');
    },
  },
  {
    id: 'autoFilter',
    api: 'Range.AutoFilter, Worksheet.AutoFilterMode',
    run: (_app, ws) => {
      ws.Range('A1:C5').AutoFilter();
      expectEqual(ws.AutoFilterMode, true, 'filter on');
      ws.AutoFilterMode = false;
      expectEqual(ws.AutoFilterMode, false, 'filter off');
    },
  },
  {
    id: 'chart',
    api: 'Worksheet.ChartObjects',
    run: (_app, ws) => {
      const at = ws.Range('E1:H8');
      const chart = ws.ChartObjects().Add(at.Left, at.Top, at.Width, at.Height).Chart;
      chart.ChartType = XL_BAR_CLUSTERED;
      chart.SetSourceData(ws.Range('B1:B2'));
      chart.HasTitle = true;
      chart.ChartTitle.Text = 'keytask';
      expectEqual(ws.ChartObjects().Count, 1, 'charts');
      ws.ChartObjects().Delete();
      expectEqual(ws.ChartObjects().Count, 0, 'charts after deleting');
    },
  },
  {
    id: 'marks',
    api: 'Interior, Range.AddComment, Range.Comment',
    run: (_app, ws) => {
      const cell = ws.Range('C2');
      cell.Interior.Color = bgr('#FFC7CE');
      expectEqual([cell.Interior.Pattern !== XL_PATTERN_NONE, rgbOf(cell.Interior.Color)], [true, '#FFC7CE'], 'fill read back');
      cell.AddComment('keytask');
      const text = cell.Comment?.Text() ?? null;
      if (text === null || !text.includes('keytask')) throw new Mismatch(`note read back: ${JSON.stringify(text)}`);
      cell.Comment?.Delete();
      cell.Interior.ColorIndex = XL_COLOR_INDEX_NONE;
      expectEqual([cell.Comment ?? null, cell.Interior.Pattern], [null, XL_PATTERN_NONE], 'mark taken off');
    },
  },
];

function sheetNames(app: EtApplication): string[] {
  const sheets = app.ActiveWorkbook.Worksheets;
  return Array.from({ length: sheets.Count }, (_, i) => sheets.Item(i + 1).Name);
}

function deleteName(app: EtApplication, name: string): void {
  const names = app.ActiveWorkbook.Names;
  for (let i = 1; i <= names.Count; i++) {
    if (names.Item(i).Name.toLowerCase() === name.toLowerCase()) {
      names.Item(i).Delete();
      return;
    }
  }
}

/** Deletes keytask's scratch sheets, very hidden ones too (made merely hidden first). */
function deleteScratch(app: EtApplication): void {
  for (const name of sheetNames(app).filter((n) => n === DIAGNOSTICS_SHEET || n === HIDDEN_SHEET)) {
    const ws = app.ActiveWorkbook.Worksheets.Item(name);
    if (ws.Visible === XL_SHEET.veryHidden) ws.Visible = XL_SHEET.hidden;
    ws.Delete();
  }
}

function runCheck(app: EtApplication, check: (typeof CHECKS)[number]): DiagnosticResult {
  const base = { id: check.id, api: check.api };
  try {
    const ws = app.ActiveWorkbook.Worksheets.Item(DIAGNOSTICS_SHEET);
    ws.Activate();
    check.run(app, ws);
    return { ...base, status: 'passed' };
  } catch (e) {
    const code = e instanceof Mismatch ? e.code : 'Error';
    return { ...base, status: 'failed', code, message: e instanceof Error ? e.message : String(e) };
  }
}

/** Runs every check on a scratch sheet (added first, deleted last) and reports each. */
export function runDiagnosticsInWps(api: WpsApi): Promise<DiagnosticResult[]> {
  return api.run((app) => {
    const { DisplayAlerts } = app;
    // Deleting a sheet asks the user unless alerts are off (renderSpec.ts).
    app.DisplayAlerts = false;
    const active = app.ActiveWorkbook.ActiveSheet.Name;
    try {
      // A run that was interrupted may have left its sheets behind.
      deleteScratch(app);
      const sheets = app.ActiveWorkbook.Worksheets;
      sheets.Add(undefined, sheets.Item(sheets.Count)).Name = DIAGNOSTICS_SHEET;
      return CHECKS.map((check) => runCheck(app, check));
    } finally {
      deleteScratch(app);
      deleteName(app, LIST_NAME);
      if (sheetNames(app).includes(active)) app.ActiveWorkbook.Worksheets.Item(active).Activate();
      app.DisplayAlerts = DisplayAlerts;
    }
  });
}
