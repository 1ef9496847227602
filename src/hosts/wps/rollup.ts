/**
 * Roll-up in the open WPS workbook: the county sheets (picked in the pane, or every keytask county
 * sheet) and the county files the pane has already read (with keytask's own .xlsx reader, as in
 * Excel), into 汇总 / 填报情况 / 排名 — the steps of the Excel host's rollupInExcel, through ET.
 * The core's rollupOperation decides everything; this file reads grids and writes the spec.
 *
 * County sheets are only read. The summary sheets keytask made before are written again in place
 * (their charts and filter go with their cells, writeSheet.ts); a sheet of the user's holding a
 * wanted name is left alone, after asking.
 */
import type { NameConflict } from '../../core/generate/generate';
import { type ReadGrid, type RollupStatus, type WorkbookSheets, rollupOperation } from '../../core/operations/rollup';
import type { ReportAction } from '../../core/rollup/report';
import type { RollupResult } from '../../core/rollup/rollup';
import type { RollupRequest } from '../../core/operations/rollupRequest';
import { REGISTRY_SHEET } from '../../core/sheet/registry';
import { HISTORY_SHEET } from '../../core/period/history';
import { hasSummary } from '../../core/bulletin/sheets';
import { gridOf, percentCellsOf, readStructure, type WpsStructure } from './readGrids';
import { renderSpec } from './renderSpec';
import type { WpsApi } from './runtime';
import type { EtApplication } from './et';

/** What the pane hands the roll-up: the same as to the Excel host's rollupInExcel. */
export type WpsRollupOptions = RollupRequest;

/** What the pane shows: the Excel host's result without its request sizes (ET sends no requests). */
export interface WpsRollup {
  status: RollupStatus | 'cancelled';
  /** null unless the roll-up ran; its findings include files that could not be read */
  result: RollupResult | null;
  conflicts: NameConflict[];
  actions: ReportAction[];
  /** the sheet shown when done ('' otherwise) */
  activated: string;
}

/** keytask's county sheets of the workbook and every sheet, for the pane to offer. */
export interface CountySheetList {
  countySheets: Array<{ sheet: string; county: string | null }>;
  sheetNames: string[];
  /** whether a roll-up's summary is there to draft a bulletin from (生成通报) */
  summary: boolean;
}

/** The sheet as the workbook spells it (names are case-insensitive), by the name the registry gives. */
function presentSheets(structure: WpsStructure): Map<string, string> {
  return new Map(structure.sheets.map((s) => [s.name.toLowerCase(), s.name]));
}

/** The county sheets a roll-up can take, for the pane to offer. */
export async function listCountySheetsInWps(api: WpsApi): Promise<CountySheetList> {
  return api.run((app) => {
    const structure = readStructure(app);
    const present = presentSheets(structure);
    const countySheets = structure.keytaskSheets.flatMap((s) => {
      const sheet = s.kind === 'county' && s.sheet !== null ? present.get(s.sheet.toLowerCase()) : undefined;
      return sheet ? [{ sheet, county: s.county ?? null }] : [];
    });
    return { countySheets, sheetNames: structure.sheets.map((s) => s.name), summary: hasSummary(structure.keytaskSheets) };
  });
}

/** The city list, the unit directory and the county sheets, as the core's roll-up takes them. */
function readWorkbookSheets(app: EtApplication, structure: WpsStructure, picked: string[] | undefined): WorkbookSheets {
  const present = presentSheets(structure);
  const live = structure.keytaskSheets.flatMap((s) =>
    s.sheet !== null && present.has(s.sheet.toLowerCase()) ? [{ ...s, sheet: present.get(s.sheet.toLowerCase())! }] : [],
  );
  const city = live.find((s) => s.kind === 'city');
  const units = live.find((s) => s.kind === 'units');
  const countyOf = new Map(live.filter((s) => s.kind === 'county').map((s) => [s.sheet, s.county ?? null]));
  const countySheets = picked
    ? [...new Set(picked.flatMap((n) => (present.has(n.toLowerCase()) ? [present.get(n.toLowerCase())!] : [])))]
    : live.filter((s) => s.kind === 'county').map((s) => s.sheet);
  const read = (sheet: string): ReadGrid => {
    const ws = app.ActiveWorkbook.Worksheets.Item(sheet);
    const grid = gridOf(ws);
    const percentCells = percentCellsOf(ws, grid);
    return { sheet, grid, ...(percentCells.length > 0 ? { percentCells } : {}) };
  };
  // The period history is read by name, like the registry: hidden sheets are never county sheets.
  const history = present.get(HISTORY_SHEET.toLowerCase());
  return {
    city: city ? read(city.sheet) : null,
    ...(history ? { history: gridOf(app.ActiveWorkbook.Worksheets.Item(history)) } : {}),
    ...(units ? { units: gridOf(app.ActiveWorkbook.Worksheets.Item(units.sheet)) } : {}),
    counties: live.filter((s) => s.kind === 'county' && s.county).map((s) => s.county!),
    countySheets: countySheets.map((sheet) => ({ county: countyOf.get(sheet) ?? null, ...read(sheet) })),
    picked: picked !== undefined,
    missing: (picked ?? []).filter((n) => !present.has(n.toLowerCase())),
  };
}

export async function rollupInWps(api: WpsApi, opts: WpsRollupOptions): Promise<WpsRollup> {
  const snap = await api.run((app) => {
    const structure = readStructure(app);
    return { structure, workbook: readWorkbookSheets(app, structure, opts.sheets) };
  });
  const { structure } = snap;
  const sheetNames = structure.sheets.map((s) => s.name);
  const none = { conflicts: [], actions: [], activated: '' };
  const op = rollupOperation(
    { workbook: snap.workbook, files: opts.files ?? [], unreadable: opts.unreadable ?? [] },
    {
      lang: opts.lang,
      ...(opts.counties ? { counties: opts.counties } : {}),
      ...(opts.title !== undefined ? { title: opts.title } : {}),
      existing: { sheetNames, keytaskSheets: structure.keytaskSheets },
    },
  );
  if (op.status !== 'done' || !op.workbook) return { status: op.status, result: null, ...none };
  const { result, workbook: report } = op;
  // Nothing has been written yet, so refusing leaves the workbook as it was.
  if (report.conflicts.length > 0 && !(await opts.confirm(report.conflicts))) {
    return { status: 'cancelled', result, ...none, conflicts: report.conflicts, actions: report.actions };
  }
  const updatable = report.actions.filter((a) => a.action === 'update').map((a) => a.sheet);
  if (structure.registryExists) updatable.push(REGISTRY_SHEET);
  // The history the workbook had (next-period's, the last roll-up's) is rewritten with this period in.
  const historySheet = sheetNames.find((n) => n.toLowerCase() === HISTORY_SHEET.toLowerCase());
  if (historySheet) updatable.push(historySheet);
  await api.run((app) =>
    renderSpec(app, report.spec, {
      updatable,
      existingSheets: sheetNames,
      existingNames: structure.names.map((n) => n.name),
      activate: report.summarySheet,
    }),
  );
  return { status: 'done', result, conflicts: report.conflicts, actions: report.actions, activated: report.summarySheet };
}
