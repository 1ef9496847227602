/**
 * 开始新一期 in the active WPS workbook: the steps of the Excel host's nextPeriodInExcel through
 * ET — read the structure, the period history and the task sheets (keytask's by the registry; a
 * clerk's returned file without one: every visible sheet), ask for the new period with the one
 * after the current offered, let the core work out the workbook, and rewrite the sheets in place.
 */
import type { Lang } from '../../core/i18n';
import { type NextPeriodReport, nextPeriod, periodSuggestion, sheetsToReadForNextPeriod } from '../../core/operations/nextPeriod';
import { HISTORY_SHEET, type PeriodHistory, parseHistory } from '../../core/period/history';
import type { Grid } from '../../core/sheet/grid';
import { TEMPLATE_SHEET } from '../../core/sheet/renderPlan';
import { gridOf, readStructure } from './readGrids';
import { renderSpec } from './renderSpec';
import type { WpsApi } from './runtime';

/** The period to start, asked with `suggested` offered: the label, or null to leave the workbook as it is. */
export type AskPeriodWps = (current: string | null, suggested: string | null) => Promise<string | null>;

export interface WpsNextPeriod {
  cancelled: boolean;
  /** null when cancelled */
  report: NextPeriodReport | null;
}

export async function nextPeriodInWps(
  api: WpsApi,
  ask: AskPeriodWps,
  opts: { lang?: Lang; from?: PeriodHistory } = {},
): Promise<WpsNextPeriod> {
  const snapshot = await api.run((app) => {
    const structure = readStructure(app);
    const book = app.ActiveWorkbook;
    const historySheet = structure.sheets.find((s) => s.name.toLowerCase() === HISTORY_SHEET.toLowerCase());
    // an empty history sheet reads as none, as the Excel host's null used range does
    const historyGrid = historySheet ? gridOf(book.Worksheets.Item(historySheet.name)) : null;
    const toRead = sheetsToReadForNextPeriod(
      structure.keytaskSheets,
      structure.sheets.filter((s) => s.visibility === 'visible').map((s) => s.name),
    );
    const grids = new Map<string, Grid>(toRead.map((name) => [name, gridOf(book.Worksheets.Item(name))]));
    return {
      structure,
      history: historyGrid && historyGrid.length > 0 ? historyGrid : null,
      historyExists: historySheet !== undefined,
      grids,
    };
  });
  const { structure, grids } = snapshot;
  const base = {
    sheets: structure.sheets.map((s) => ({ name: s.name, visibility: s.visibility, grid: grids.get(s.name) ?? null })),
    keytaskSheets: structure.keytaskSheets,
    history: parseHistory(snapshot.history),
    ...(opts.from ? { from: opts.from } : {}),
  };
  const { current, suggested } = periodSuggestion(base);
  const period = await ask(current, suggested);
  if (period === null) return { cancelled: true, report: null };

  // Refusals (a label it cannot read, the current period or an earlier one) come before any write.
  const r = nextPeriod({
    ...base,
    registryExists: structure.registryExists,
    historyExists: snapshot.historyExists,
    period,
    ...(opts.lang ? { lang: opts.lang } : {}),
    write: 'in-place',
  });
  const stale = new RegExp(`^${TEMPLATE_SHEET}\\d*$`, 'i');
  await api.run((app) =>
    renderSpec(app, r.spec, {
      updatable: r.updatable,
      existingSheets: structure.sheets.map((s) => s.name),
      existingNames: structure.names.map((n) => n.name),
      staleTemplates: structure.sheets.filter((s) => stale.test(s.name) && s.visibility === 'veryHidden').map((s) => s.name),
      ...(r.activate ? { activate: r.activate } : {}),
    }),
  );
  return { cancelled: false, report: r.report };
}
