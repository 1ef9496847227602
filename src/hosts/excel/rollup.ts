/**
 * Roll-up in the open workbook: the county sheets (picked in the pane, or every keytask county
 * sheet) and county files the pane has already read, into 汇总 / 填报情况 / 排名.
 *
 * Round trips do not grow with the number of counties: one read of the structure (sheets,
 * names, registry), one read of every sheet involved at once (used ranges, plus the charts and
 * filters of the summary sheets about to be replaced), one read of the number formats of the
 * cells that hold figures (percentCells.ts), then the writes in as few requests as the payload
 * limit allows — 3 reads + 1 write for 3 counties and for 200 alike.
 *
 * County sheets are only read. The summary sheets keytask made before are replaced in place;
 * a sheet of the user's that holds a wanted name is left alone, after asking (like generation).
 */
import { hasSummary } from '../../core/bulletin/sheets';
import type { NameConflict } from '../../core/generate/generate';
import { type WorkbookSheets, rollupOperation } from '../../core/operations/rollup';
import type { RollupRequest } from '../../core/operations/rollupRequest';
import { REPORT_KINDS, type ReportAction } from '../../core/rollup/report';
import type { RollupResult } from '../../core/rollup/rollup';
import { type KeytaskSheet, REGISTRY_SHEET } from '../../core/sheet/registry';
import { HISTORY_SHEET } from '../../core/period/history';
import { renderSpec } from './renderSpec';
import { loadStructure, structureOf } from './structure';
import { readPercentCells } from './percentCells';
import { readUsedRanges } from './usedRanges';
import { type ExcelApi, capabilitiesOf } from './runtime';

export type ExcelRollupOptions = RollupRequest;

export type ExcelRollupStatus = 'done' | 'cancelled' | 'no-city' | 'no-submissions';

export interface ExcelRollup {
  status: ExcelRollupStatus;
  /** null unless the roll-up ran; its findings include files that could not be read */
  result: RollupResult | null;
  conflicts: NameConflict[];
  actions: ReportAction[];
  /** the sheet shown when done ('' otherwise) */
  activated: string;
  /** estimated bytes of each write request */
  requestBytes: number[];
}

interface Snapshot {
  sheetNames: string[];
  keytaskSheets: KeytaskSheet[];
  registryExists: boolean;
  names: string[];
  workbook: WorkbookSheets;
  charts: Record<string, string[]>;
  filters: string[];
}

type Live = KeytaskSheet & { sheet: string };

export interface CountySheetList {
  /** keytask's county sheets of the workbook, in the registry's order */
  countySheets: Array<{ sheet: string; county: string | null }>;
  /** every sheet of the workbook */
  sheetNames: string[];
  /** whether a roll-up's summary is there to draft a bulletin from (生成通报) */
  summary: boolean;
}

/** The county sheets a roll-up can take, for the pane to offer: one sync, no sheet values. */
export async function listCountySheets(api: ExcelApi): Promise<CountySheetList> {
  return api.run(async (context) => {
    const load = loadStructure(context);
    await context.sync();
    const { sheets, present, keytaskSheets } = structureOf(load);
    const sheetNames = sheets.map((s) => s.name);
    const countySheets = keytaskSheets.flatMap((s) => {
      const sheet = s.kind === 'county' && s.sheet !== null ? present.get(s.sheet.toLowerCase()) : undefined;
      return sheet ? [{ sheet, county: s.county ?? null }] : [];
    });
    return { countySheets, sheetNames, summary: hasSummary(keytaskSheets) };
  });
}

async function readForRollup(context: Excel.RequestContext, picked: string[] | undefined, autoFilter: boolean): Promise<Snapshot> {
  const load = loadStructure(context);
  await context.sync();
  const { worksheets } = load;
  const { sheets, present, names: nameRefs, keytaskSheets, registryExists, extents } = structureOf(load);
  const sheetNames = sheets.map((s) => s.name);
  const live = keytaskSheets.filter((s): s is Live => s.sheet !== null);
  const city = live.find((s) => s.kind === 'city');
  const countyOf = new Map(live.filter((s) => s.kind === 'county').map((s) => [s.sheet, s.county ?? null]));
  const missing = (picked ?? []).filter((n) => !present.has(n.toLowerCase()));
  const countySheets = picked
    ? [...new Set(picked.flatMap((n) => (present.has(n.toLowerCase()) ? [present.get(n.toLowerCase())!] : [])))]
    : live.filter((s) => s.kind === 'county').map((s) => s.sheet);
  const replaced = live.filter((s) => (REPORT_KINDS as readonly string[]).includes(s.kind));

  // Everything else in one request, however many counties there are (more only when their
  // values pass the 5 MB response limit).
  let extras: Array<{ sheet: string; charts: Excel.ChartCollection; filter: Excel.AutoFilter | null }> = [];
  const loadExtras = (): void => {
    extras = replaced.map((s) => {
      const ws = worksheets.getItem(s.sheet);
      const charts = ws.charts.load('items/name');
      const filter = autoFilter ? ws.autoFilter.load('enabled') : null;
      return { sheet: s.sheet, charts, filter };
    });
  };
  const units = live.find((s) => s.kind === 'units');
  // The period history is read by name with the rest, in the same request: no sync more.
  const history = present.get(HISTORY_SHEET.toLowerCase());
  const toRead = [...(city ? [city.sheet] : []), ...(units ? [units.sheet] : []), ...(history ? [history] : []), ...countySheets];
  const ranges = await readUsedRanges(context, toRead, replaced.length > 0 ? { alongside: loadExtras, extents } : { extents });
  const grids = new Map([...ranges.sheets].map(([sheet, v]) => [sheet, v.grid]));
  // Percent formats of the figure cells: one more sync, and none when no figure is filled in.
  const percent = await readPercentCells(
    context,
    [...(city ? [city.sheet] : []), ...countySheets].map((sheet) => ({ sheet, grid: grids.get(sheet) ?? [] })),
  );
  const percentOf = (sheet: string): { percentCells?: string[] } => {
    const cells = percent.cells.get(sheet);
    return cells ? { percentCells: cells } : {};
  };
  const read = (sheet: string) => ({ sheet, grid: grids.get(sheet) ?? [], ...percentOf(sheet) });
  return {
    sheetNames,
    keytaskSheets,
    registryExists,
    names: nameRefs.map((n) => n.name),
    workbook: {
      city: city ? read(city.sheet) : null,
      ...(units ? { units: grids.get(units.sheet) } : {}),
      ...(history ? { history: grids.get(history) } : {}),
      counties: live.filter((s) => s.kind === 'county' && s.county).map((s) => s.county!),
      countySheets: countySheets.map((sheet) => ({ county: countyOf.get(sheet) ?? null, ...read(sheet) })),
      picked: picked !== undefined,
      missing,
    },
    charts: Object.fromEntries(extras.map((e) => [e.sheet, e.charts.items.map((c) => c.name)])),
    filters: extras.filter((e) => e.filter?.enabled).map((e) => e.sheet),
  };
}

export async function rollupInExcel(api: ExcelApi, opts: ExcelRollupOptions): Promise<ExcelRollup> {
  const capabilities = capabilitiesOf(api);
  const snap = await api.run((context) => readForRollup(context, opts.sheets, capabilities.autoFilter));
  const none = { conflicts: [], actions: [], activated: '', requestBytes: [] };
  const op = rollupOperation(
    { workbook: snap.workbook, files: opts.files ?? [], unreadable: opts.unreadable ?? [] },
    {
      lang: opts.lang,
      ...(opts.counties ? { counties: opts.counties } : {}),
      ...(opts.title !== undefined ? { title: opts.title } : {}),
      existing: { sheetNames: snap.sheetNames, keytaskSheets: snap.keytaskSheets },
    },
  );
  if (op.status !== 'done' || !op.workbook) return { status: op.status, result: null, ...none };
  const { result, workbook: report } = op;
  // Nothing has been written yet, so refusing leaves the workbook as it was.
  if (report.conflicts.length > 0 && !(await opts.confirm(report.conflicts))) {
    return { status: 'cancelled', result, ...none, conflicts: report.conflicts, actions: report.actions };
  }

  const updatable = report.actions.filter((a) => a.action === 'update').map((a) => a.sheet);
  if (snap.registryExists) updatable.push(REGISTRY_SHEET);
  // The history the workbook had (next-period's, the last roll-up's) is rewritten with this period in.
  const historySheet = snap.sheetNames.find((n) => n.toLowerCase() === HISTORY_SHEET.toLowerCase());
  if (historySheet) updatable.push(historySheet);
  const rendered = await api.run((context) =>
    renderSpec(context, report.spec, {
      updatable,
      existingSheets: snap.sheetNames,
      existingNames: snap.names,
      pageLayout: capabilities.pageLayout,
      rangeAreas: capabilities.rangeAreas,
      autoFilter: capabilities.autoFilter,
      existingCharts: snap.charts,
      existingAutoFilters: snap.filters,
      activate: report.summarySheet,
    }),
  );
  return {
    status: 'done',
    result,
    conflicts: report.conflicts,
    actions: report.actions,
    activated: report.summarySheet,
    requestBytes: rendered.requestBytes,
  };
}
