/**
 * Validation of a whole workbook: which sheets to check, against which unit directory and
 * plan period. Both hosts use it — the .xlsx host has every grid at hand, the Excel host
 * asks `planValidation` first so it reads only the sheets that will be checked.
 *
 * A keytask workbook names its task sheets in the registry; a clerk's own workbook (a plan's
 * table pasted in) has none, so there every visible sheet with a task-list header is checked.
 */
import { type Finding, finding } from '../findings/catalogue';
import { FIXED_COLUMNS, type ColumnKey, isYearKey } from '../layout/columns';
import { type ReadSheet, readTaskSheet } from '../layout/reader';
import type { Lang } from '../i18n';
import { locateColumns } from '../layout/reader';
import { UNITS_HEADERS, UNITS_SHEET_NAME } from '../layout/unitDirectory';
import { type Grid, cellText, isEmpty } from '../sheet/grid';
import { type KeytaskSheet, REGISTRY_SHEET, liveKeytaskSheets } from '../sheet/registry';
import { type CellValue, type Visibility, parseRange } from '../sheet/spec';
import { matchKey } from '../text/normalize';
import { validateGrid } from './validate';

export interface SheetInfo {
  name: string;
  visibility: Visibility;
}

export interface WorkbookSheet extends SheetInfo {
  /** values from A1; undefined when the host did not read the sheet */
  grid?: Grid;
  /** merged ranges (`A6:A9`), where the host could read them */
  merges?: string[];
  /** cells formatted as percent (A1), where the host could read them */
  percentCells?: string[];
}

export interface CheckTarget {
  sheet: string;
  period: { start: number; end: number } | null;
  /**
   * checked even without a recognisable header (a keytask task sheet, or the sheet asked
   * for by name): saying "no header here" is then the useful answer
   */
  always: boolean;
  /** what the registry says the sheet is (a county copy, the city list), when it says */
  kind?: 'city' | 'county';
}

export interface ValidationPlan {
  targets: CheckTarget[];
  /** the unit directory sheet, or null when the workbook has none */
  directory: string | null;
  /** the language the workbook was generated in, when the registry says */
  lang: Lang | null;
  /** the city list's sheet, when the registry names one (county copies inherit its mistakes) */
  city?: string;
}

function citySheet(keytask: KeytaskSheet[]): string | null {
  return keytask.find((k) => k.kind === 'city' && k.sheet)?.sheet ?? null;
}

export class SheetNotFoundError extends Error {
  constructor(readonly sheet: string) {
    super(`no sheet named '${sheet}'`);
    this.name = 'SheetNotFoundError';
  }
}

const TASK_KINDS = new Set(['city', 'county']);
const DIRECTORY_NAMES = new Set([UNITS_SHEET_NAME.zh, UNITS_SHEET_NAME.en].map((n) => n.toLowerCase()));
const DIRECTORY_HEADERS = new Set(
  [...UNITS_HEADERS.flatMap((h) => [h.zh, h.en]), UNITS_SHEET_NAME.zh, UNITS_SHEET_NAME.en, '单位', '名称', '责任单位'].map(matchKey),
);

/** The keytask sheets of the workbook under their current names (see liveKeytaskSheets). */
export const keytaskSheetsIn = liveKeytaskSheets;

/**
 * Which sheets to check. `only` names one sheet (the CLI's `--sheet`, the pane's active
 * sheet); it is checked whatever it holds. Throws SheetNotFoundError when it does not exist.
 */
export function planValidation(sheets: SheetInfo[], keytask: KeytaskSheet[], only?: string): ValidationPlan {
  const byLower = new Map(sheets.map((s) => [s.name.toLowerCase(), s]));
  const entryOf = new Map(keytask.filter((k) => k.sheet).map((k) => [k.sheet!.toLowerCase(), k]));
  const periodOf = (name: string): CheckTarget['period'] => {
    const e = entryOf.get(name.toLowerCase());
    return e?.startYear && e.endYear ? { start: e.startYear, end: e.endYear } : null;
  };
  const kindOf = (name: string): Pick<CheckTarget, 'kind'> => {
    const k = entryOf.get(name.toLowerCase())?.kind;
    return k === 'city' || k === 'county' ? { kind: k } : {};
  };
  const units = keytask.find((k) => k.kind === 'units' && k.sheet);
  const directory = units?.sheet ?? sheets.find((s) => DIRECTORY_NAMES.has(s.name.toLowerCase()))?.name ?? null;
  const taskEntries = keytask.filter((k) => TASK_KINDS.has(k.kind) && k.sheet);
  const langEntry = taskEntries.find((k) => k.lang === 'zh' || k.lang === 'en');
  const lang = (langEntry?.lang as Lang | undefined) ?? null;

  if (only !== undefined) {
    const s = byLower.get(only.toLowerCase());
    if (!s) throw new SheetNotFoundError(only);
    const city = citySheet(keytask);
    return {
      targets: [{ sheet: s.name, period: periodOf(s.name), always: true, ...kindOf(s.name) }],
      directory,
      lang,
      ...(city ? { city } : {}),
    };
  }
  if (taskEntries.length > 0) {
    // Sheet order, not registry order: findings then read the way the tabs do.
    const targets = sheets
      .filter((s) => taskEntries.some((k) => k.sheet === s.name))
      .map((s) => ({ sheet: s.name, period: periodOf(s.name), always: true, ...kindOf(s.name) }));
    return { targets, directory, lang, ...(citySheet(keytask) ? { city: citySheet(keytask)! } : {}) };
  }
  // Summaries, findings and the like are keytask's own output, never a clerk's task list.
  const owned = new Set(keytask.flatMap((k) => (k.sheet ? [k.sheet.toLowerCase()] : [])));
  const targets = sheets
    .filter(
      (s) =>
        s.visibility === 'visible' && s.name !== directory && s.name.toLowerCase() !== REGISTRY_SHEET && !owned.has(s.name.toLowerCase()),
    )
    .map((s) => ({ sheet: s.name, period: null, always: false }));
  return { targets, directory, lang };
}

/** The units a directory sheet lists: column A below its header row (or all of it, without one). */
export function directoryUnits(grid: Grid | undefined): string[] {
  if (!grid) return [];
  const column = grid.map((r) => cellText(r[0]));
  const header = column.findIndex((t) => DIRECTORY_HEADERS.has(matchKey(t)));
  return [...new Set(column.slice(header + 1).filter(Boolean))];
}

/** Sheet order, then sheet-wide findings, then row, then column: the way a reviewer reads. */
export function sortFindings(findings: Finding[], sheetOrder: string[]): Finding[] {
  const order = new Map(sheetOrder.map((s, i) => [s, i]));
  const pos = (f: Finding): [number, number, number] => {
    if (!f.cell) return [order.get(f.sheet) ?? Infinity, -1, -1];
    const b = parseRange(f.cell);
    return [order.get(f.sheet) ?? Infinity, b.row1, b.col1];
  };
  return findings
    .map((f, i) => ({ f, i, p: pos(f) }))
    .sort((a, b) => a.p[0] - b.p[0] || a.p[1] - b.p[1] || a.p[2] - b.p[2] || a.i - b.i)
    .map((x) => x.f);
}

/** `planValidation` for a workbook whose registry sheet's grid is among `sheets`. */
export function workbookPlan(sheets: WorkbookSheet[], names: Array<{ name: string; ref: string }>, only?: string): ValidationPlan {
  const registry = sheets.find((s) => s.name.toLowerCase() === REGISTRY_SHEET)?.grid;
  const keytask = keytaskSheetsIn(
    registry,
    names,
    sheets.map((s) => s.name),
  );
  return planValidation(sheets, keytask, only);
}

export interface ValidateWorkbookOptions {
  lang: Lang;
  /** check only this sheet */
  sheet?: string;
}

export interface WorkbookValidation {
  findings: Finding[];
  /** the sheets checked, in workbook order */
  checked: string[];
  /** the sheets looked at and not checked: nothing in them is a task list's header */
  skipped: string[];
}

/**
 * Validates the sheets `planValidation` picks. `sheets` is every sheet of the workbook (the
 * registry sheet among them, if any); a sheet whose grid was not read is not checked.
 */
export function validateWorkbook(
  sheets: WorkbookSheet[],
  names: Array<{ name: string; ref: string }>,
  opts: ValidateWorkbookOptions,
): WorkbookValidation {
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const plan = workbookPlan(sheets, names, opts.sheet);
  const units = plan.directory ? directoryUnits(byName.get(plan.directory)?.grid) : [];
  const findings: Finding[] = [];
  const checked: string[] = [];
  const optsOf = (t: CheckTarget, s: WorkbookSheet) => ({
    sheet: t.sheet,
    lang: opts.lang,
    units,
    period: t.period,
    merges: s.merges ?? [],
    percentCells: s.percentCells,
  });
  // The city list, read once: county copies are compared with it.
  const cityTarget = plan.city
    ? (plan.targets.find((t) => t.sheet === plan.city) ?? { sheet: plan.city, period: null, always: true })
    : null;
  const citySource = cityTarget ? byName.get(cityTarget.sheet) : undefined;
  let city: { read: ReadSheet; findings: Finding[] } | null = null;
  const cityRead = citySource?.grid ? readTaskSheet(citySource.grid) : null;
  const skipped: string[] = [];
  for (const t of plan.targets) {
    const s = byName.get(t.sheet);
    if (!s?.grid) continue;
    if (!t.always && !locateColumns(s.grid)) {
      skipped.push(t.sheet);
      continue;
    }
    let own = validateGrid(s.grid, optsOf(t, s));
    if (t.kind === 'county') {
      const read = readTaskSheet(s.grid, { percentCells: s.percentCells });
      if (read && cityRead && citySource?.grid && cityTarget) {
        city ??= { read: cityRead, findings: validateGrid(citySource.grid, optsOf(cityTarget, citySource)) };
        markInherited(own, read, city, cityTarget.sheet);
      }
      if (read && isUnfilled(read)) own = unfilled(own, read, t.sheet, opts.lang);
    }
    // not push(...own): a sheet of 200,000 rows has more findings than a call takes arguments
    for (const f of own) findings.push(f);
    checked.push(t.sheet);
  }
  return { findings: sortFindings(findings, checked), checked, skipped };
}

/** Columns a county fills in its copy: its targets and milestones, and each period's progress. */
const countyFilled = (key: ColumnKey): boolean =>
  isYearKey(key) || (key in FIXED_COLUMNS && ['target', 'period'].includes(FIXED_COLUMNS[key as keyof typeof FIXED_COLUMNS].filledBy));

/** A county copy not filled yet: tasks listed, but nothing the county fills holds anything. */
export function isUnfilled(read: ReadSheet): boolean {
  const tasks = read.rows.filter((r) => r.type === 'task');
  return (
    tasks.length > 0 &&
    tasks.every((r) => (Object.entries(r.values) as Array<[ColumnKey, CellValue]>).every(([k, v]) => !countyFilled(k) || isEmpty(v)))
  );
}

/** Findings about blank cells, which an unfilled copy has everywhere. */
const BLANK_CODES = new Set<Finding['code']>(['required-missing', 'target-missing']);

/** An unfilled county copy: one 未填报 finding in place of one finding per cell the county has to fill. */
function unfilled(own: Finding[], read: ReadSheet, sheet: string, lang: Lang): Finding[] {
  const keyOf = new Map((Object.entries(read.columns) as Array<[ColumnKey, number]>).map(([k, c]) => [c, k]));
  const swallowed = (f: Finding): boolean => {
    if (!BLANK_CODES.has(f.code) || !f.cell) return false;
    const key = keyOf.get(parseRange(f.cell).col1);
    return key !== undefined && countyFilled(key);
  };
  const blanks = own.filter(swallowed).length;
  return [finding('county-unfilled', lang, { sheet, cell: null, taskId: null }, { sheet, blanks }), ...own.filter((f) => !swallowed(f))];
}

/**
 * Marks the county findings the city list has too: the same kind and message on the same
 * task, and the county's cell holds what the city's cell holds (the county did not touch it).
 */
function markInherited(own: Finding[], county: ReadSheet, city: { read: ReadSheet; findings: Finding[] }, citySheet: string): void {
  const cityKeys = new Set(city.findings.map((f) => `${f.code}\u0000${f.taskId ?? ''}\u0000${f.message}`));
  const cityRows = new Map(city.read.rows.flatMap((r) => (r.type === 'task' ? [[r.id, r] as const] : [])));
  const countyRows = new Map(county.rows.flatMap((r) => (r.type === 'task' ? [[r.id, r] as const] : [])));
  const keyAt = (read: ReadSheet, col: number): ColumnKey | undefined =>
    (Object.entries(read.columns) as Array<[ColumnKey, number]>).find(([, c]) => c === col)?.[0];
  for (const f of own) {
    if (!f.taskId || !f.cell || !cityKeys.has(`${f.code}\u0000${f.taskId}\u0000${f.message}`)) continue;
    const { col1 } = parseRange(f.cell);
    const key = keyAt(county, col1);
    const cr = cityRows.get(f.taskId);
    const kr = countyRows.get(f.taskId);
    if (!key || !cr || cr.type !== 'task' || !kr || kr.type !== 'task') continue;
    if (cellText(kr.values[key]) === cellText(cr.values[key])) f.inheritedFrom = citySheet;
  }
}
