/**
 * Writes a WorkbookSpec into the active workbook through ET: the spec held to Excel's limits
 * (renderableSpec, which WPS shares: its files are Excel's), the plan of which sheets are added,
 * updated and deleted and in which order names go (planRender, in the core), and each action
 * turned into ET calls. Nothing is decided here.
 *
 * ET is synchronous and sends nothing over a wire, so the plan is asked for every sheet in full:
 * no copies of an earlier sheet, no pasted layouts (those save Office.js request bytes).
 */
import { renderableSpec } from '../../core/sheet/renderable';
import { type RenderAction, type RenderPlanOptions, planRender } from '../../core/sheet/renderPlan';
import type { WorkbookSpec } from '../../core/sheet/spec';
import { type EtApplication, XL_SHEET } from './et';
import { writeSheet } from './writeSheet';

export type WpsRenderOptions = Omit<RenderPlanOptions, 'copySheets' | 'pasteRanges'>;

function perform(app: EtApplication, action: RenderAction): void {
  const book = app.ActiveWorkbook;
  const sheets = book.Worksheets;
  switch (action.do) {
    case 'deleteSheet': {
      // A scratch sheet is very hidden; it is made merely hidden first, as the Excel host does.
      // Delete asks the user to confirm unless alerts are off (Worksheet.Delete,
      // https://learn.microsoft.com/office/vba/api/excel.worksheet.delete), which renderSpec does.
      const ws = sheets.Item(action.name);
      ws.Visible = XL_SHEET.hidden;
      ws.Delete();
      return;
    }
    case 'writeSheet':
      if (action.paste) throw new Error('keytask (WPS): pasting a layout is not planned for WPS');
      writeSheet(app, action.sheet, action.update);
      return;
    case 'copySheet':
      throw new Error('keytask (WPS): copying a sheet is not planned for WPS');
    case 'setName': {
      const { name, replace } = action;
      if (replace) book.Names.Item(name.name).Delete();
      book.Names.Add(name.name, `=${name.ref}`);
      return;
    }
    case 'moveSheet': {
      // Worksheet.Move(Before, After) (https://learn.microsoft.com/office/vba/api/excel.worksheet.move):
      // to the 0-based position among the other sheets.
      const ws = sheets.Item(action.name);
      const others: string[] = [];
      for (let i = 1; i <= sheets.Count; i++) {
        const name = sheets.Item(i).Name;
        if (name !== ws.Name) others.push(name);
      }
      if (action.position < others.length) ws.Move(sheets.Item(others[action.position]));
      else ws.Move(undefined, sheets.Item(others[others.length - 1]));
      return;
    }
    case 'activate': {
      const ws = sheets.Item(action.name);
      ws.Activate();
      ws.Range('A1').Select();
      return;
    }
  }
}

export function renderSpec(app: EtApplication, given: WorkbookSpec, opts: WpsRenderOptions): void {
  const spec = renderableSpec(given);
  const actions = planRender(spec, { ...opts, copySheets: false, pasteRanges: false });
  // No repaint per call, and no dialog asking to confirm a delete (Application.ScreenUpdating,
  // Application.DisplayAlerts, https://learn.microsoft.com/office/vba/api/excel.application.displayalerts).
  const { ScreenUpdating, DisplayAlerts } = app;
  app.ScreenUpdating = false;
  app.DisplayAlerts = false;
  try {
    for (const action of actions) perform(app, action);
  } finally {
    app.ScreenUpdating = ScreenUpdating;
    app.DisplayAlerts = DisplayAlerts;
  }
}
