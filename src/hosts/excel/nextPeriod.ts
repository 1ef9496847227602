/**
 * 开始新一期 in the open workbook: read (sync 1: sheet list, names, registry and the period
 * history; sync 2: the task sheets' values, more only past the 5 MB answer limit), ask the user
 * for the new period with the one after the current offered, let the core work out the
 * workbook, write (1 sync while the data stays under the request budget). Three round trips
 * for 1 county or 20.
 */
import { type NextPeriodReport, nextPeriod, periodSuggestion, sheetsToReadForNextPeriod } from '../../core/operations/nextPeriod';
import { HISTORY_SHEET, type PeriodHistory, parseHistory } from '../../core/period/history';
import type { Lang } from '../../core/i18n';
import type { Grid } from '../../core/sheet/grid';
import type { Visibility } from '../../core/sheet/spec';
import { TEMPLATE_SHEET, renderSpec } from './renderSpec';
import { type ExcelApi, capabilitiesOf } from './runtime';
import { loadStructure, structureOf } from './structure';
import { gridFromA1, readUsedRanges } from './usedRanges';

export interface ExcelNextPeriod {
  cancelled: boolean;
  /** null when cancelled */
  report: NextPeriodReport | null;
}

/**
 * The question the pane asks: the period to start, offered `suggested` (the one after `current`).
 * Resolves to the label, or null to leave the workbook as it is.
 */
export type AskPeriod = (current: string | null, suggested: string | null) => Promise<string | null>;

const VISIBILITY: Record<string, Visibility> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

export async function nextPeriodInExcel(
  api: ExcelApi,
  ask: AskPeriod,
  opts: { lang?: Lang; from?: PeriodHistory } = {},
): Promise<ExcelNextPeriod> {
  const snapshot = await api.run(async (context) => {
    const load = loadStructure(context);
    const historyUsed = load.worksheets.getItemOrNullObject(HISTORY_SHEET).getUsedRangeOrNullObject(true);
    historyUsed.load('values,address');
    await context.sync();
    const structure = structureOf(load);
    const history: Grid | null = historyUsed.isNullObject ? null : gridFromA1(historyUsed.values, historyUsed.address);
    const toRead = sheetsToReadForNextPeriod(
      structure.keytaskSheets,
      structure.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name),
    );
    const read = toRead.length
      ? await readUsedRanges(context, toRead, { extents: structure.extents })
      : { sheets: new Map<string, { grid: Grid }>() };
    return { structure, history, grids: read.sheets };
  });
  const { structure, grids } = snapshot;
  const base = {
    sheets: structure.sheets.map((s) => ({
      name: s.name,
      visibility: VISIBILITY[s.visibility] ?? 'visible',
      grid: grids.get(s.name)?.grid ?? null,
    })),
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
    historyExists: snapshot.history !== null || structure.present.has(HISTORY_SHEET),
    period,
    ...(opts.lang ? { lang: opts.lang } : {}),
    write: 'in-place',
  });
  const capabilities = capabilitiesOf(api);
  const stale = new RegExp(`^${TEMPLATE_SHEET}\\d*$`, 'i');
  await api.run((context) =>
    renderSpec(context, r.spec, {
      updatable: r.updatable,
      existingSheets: structure.sheets.map((s) => s.name),
      existingNames: structure.names.map((n) => n.name),
      pageLayout: capabilities.pageLayout,
      rangeAreas: capabilities.rangeAreas,
      pasteRanges: capabilities.pasteRanges,
      staleTemplates: structure.sheets.filter((s) => stale.test(s.name) && s.visibility === 'VeryHidden').map((s) => s.name),
      ...(r.activate ? { activate: r.activate } : {}),
    }),
  );
  return { cancelled: false, report: r.report };
}
