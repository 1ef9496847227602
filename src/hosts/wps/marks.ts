/**
 * Findings shown on the sheet itself, in WPS: each cell a finding points at is filled in its
 * severity's colour and carries the messages as a note (ET's Comment, WPS 批注). What goes where
 * is decided in the core (operations/mark.ts), as for Excel; this file reads the cells and makes
 * the ET calls. Member sources are in et.ts.
 *
 * A sheet's id here is its name: ET has no id that lasts, and the record keys sheets by their
 * keytask name anyway (mark.ts). WPS has one kind of annotation; a record made in Excel that says
 * 'comment' is taken to mean the note WPS shows on that cell, and taken off only if it still holds
 * keytask's text.
 */
import type { Finding } from '../../core/findings/catalogue';
import type { Lang } from '../../core/i18n';
import { type CellState, MARKS_SHEET, type MarkMode, type MarkOp, markTargets, planMarks } from '../../core/operations/mark';
import { type EtApplication, type EtRange, type EtWorksheet, XL_COLOR_INDEX_NONE, XL_PATTERN_NONE, XL_SHEET, bgr, rgbOf } from './et';
import { gridOf, readStructure } from './readGrids';
import type { WpsApi } from './runtime';

export interface WpsMarks {
  /** cells marked */
  marked: number;
  /** how messages were attached: always notes in WPS */
  annotation: MarkMode;
  /** cells of an earlier review that were not marked again */
  cleared: number;
}

/** A cell's fill ('' for none, told by its pattern) and its note's text (null for none). */
function stateOf(cell: EtRange): CellState {
  const fill = cell.Interior.Pattern === XL_PATTERN_NONE ? '' : rgbOf(cell.Interior.Color);
  const note = cell.Comment;
  const text = note ? note.Text() : null;
  return { fill, note: text, comment: text };
}

/** `existing`: the record sheet's name as the workbook spells it, undefined when there is none. */
function writeRecord(app: EtApplication, existing: string | undefined, rows: string[][], address: string): void {
  const sheets = app.ActiveWorkbook.Worksheets;
  let ws: EtWorksheet;
  if (existing !== undefined) {
    ws = sheets.Item(existing);
    // The old record's cells only.
    const used = ws.UsedRange;
    used.ClearContents();
    used.ClearFormats();
  } else {
    // Added after the last sheet (Worksheets.Add makes it active): the user's active sheet is shown again after.
    ws = sheets.Add(undefined, sheets.Item(sheets.Count));
    ws.Name = MARKS_SHEET;
    ws.Visible = XL_SHEET.veryHidden;
  }
  const range = ws.Range(address);
  // Text format first, so a sheet name or colour is never read as a number or formula.
  range.NumberFormat = '@';
  range.Value2 = rows;
}

function perform(app: EtApplication, record: string | undefined, o: MarkOp): void {
  const book = app.ActiveWorkbook;
  switch (o.op) {
    case 'restore-fill': {
      const interior = book.Worksheets.Item(o.sheetId).Range(o.cell).Interior;
      if (o.fill) interior.Color = bgr(o.fill);
      else interior.ColorIndex = XL_COLOR_INDEX_NONE;
      return;
    }
    case 'delete-note':
    case 'delete-comment':
      book.Worksheets.Item(o.sheetId).Range(o.cell).Comment?.Delete();
      return;
    case 'write-record':
      writeRecord(app, record, o.rows, o.address);
      return;
    case 'delete-record': {
      // Very hidden first made hidden, as the Excel host does; no dialog asks (DisplayAlerts off).
      const ws = book.Worksheets.Item(record ?? MARKS_SHEET);
      ws.Visible = XL_SHEET.hidden;
      ws.Delete();
      return;
    }
    case 'mark': {
      const cell = book.Worksheets.Item(o.sheetId).Range(o.cell);
      cell.Interior.Color = bgr(o.fill);
      if (o.annotation) cell.AddComment(o.text);
      return;
    }
  }
}

/**
 * Takes off the marks recorded before (unless they are marked again) and puts on `findings`;
 * `findings` empty clears them.
 */
function applyMarks(app: EtApplication, findings: Finding[], lang: Lang): WpsMarks {
  const structure = readStructure(app);
  const sheets = structure.sheets.map((s) => ({ id: s.name, name: s.name }));
  const recordSheet = structure.sheets.find((s) => s.name.toLowerCase() === MARKS_SHEET.toLowerCase());
  const record = recordSheet ? gridOf(app.ActiveWorkbook.Worksheets.Item(recordSheet.name)) : null;
  const targets = markTargets(findings, sheets, structure.names, record && record.length > 0 ? record : null);
  const state = new Map(targets.cells.map((c) => [c.key, stateOf(app.ActiveWorkbook.Worksheets.Item(c.sheetId).Range(c.cell))]));
  const plan = planMarks(targets, state, { mode: 'note', lang, recordExists: recordSheet !== undefined });
  const { DisplayAlerts, ScreenUpdating } = app;
  app.DisplayAlerts = false;
  app.ScreenUpdating = false;
  try {
    const active = app.ActiveWorkbook.ActiveSheet;
    for (const o of plan.ops) perform(app, recordSheet?.name, o);
    // Adding the record sheet made it the active one.
    if (app.ActiveWorkbook.ActiveSheet.Name !== active.Name) active.Activate();
  } finally {
    app.DisplayAlerts = DisplayAlerts;
    app.ScreenUpdating = ScreenUpdating;
  }
  return { marked: plan.marked, cleared: plan.cleared, annotation: 'note' };
}

/** Marks the cells of `findings` (those with a cell), taking off an earlier review's marks first. */
export function markFindingsInWps(api: WpsApi, findings: Finding[], lang: Lang): Promise<WpsMarks> {
  return api.run((app) => applyMarks(app, findings, lang));
}

/** Takes off every mark keytask recorded, restoring each cell's fill; nothing else is touched. */
export async function clearMarksInWps(api: WpsApi): Promise<{ cleared: number }> {
  const { cleared } = await api.run((app) => applyMarks(app, [], 'zh'));
  return { cleared };
}
