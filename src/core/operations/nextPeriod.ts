/**
 * Starting the next reporting period (开始新一期), one function for every host: the workbook's
 * sheets, registry and period history in; the same city sheet and county copies for the new
 * period out — each row's 本期完成值 moved to the read-only 上期完成值, the period's cells
 * (本期完成值, 进展情况, 状态) emptied, 报送期 set — and the history with the period being closed.
 *
 * It is re-generation with one rewrite of what is kept (generate/preserve.ts keeps everything
 * else: plan columns, targets, milestones, units, contact fields), from the plan the workbook's
 * own list holds, so no plan file is needed. It works on the city workbook and on a county's own
 * returned file: a workbook with one county sheet, or a plain sheet a clerk sent back.
 */
import type { ExistingWorkbook, KeptRewrite } from '../generate/generate';
import { planOfSheet } from '../generate/sheetPlan';
import type { Lang } from '../i18n';
import { readTaskSheet } from '../layout/reader';
import { taskIdKey } from '../layout/taskId';
import type { ColumnKey } from '../layout/columns';
import {
  HISTORY_SHEET,
  type PeriodFigure,
  type PeriodHistory,
  buildHistorySheet,
  figuresOf,
  periodKey,
  samePeriod,
  withPeriod,
} from '../period/history';
import { nextPeriodLabel } from '../period/nextLabel';
import { Refusal } from '../refusal';
import { type Grid, cellText, isEmpty } from '../sheet/grid';
import type { KeytaskSheet } from '../sheet/registry';
import type { CellValue, Visibility, WorkbookSpec } from '../sheet/spec';
import { numberField } from '../validate/record';
import { parseReportingPeriod, periodFromTitle } from '../validate/period';
import { type Report, reportOf } from './report';
import { fileToRegenerate, regenerate, workbookDefaults } from './regenerate';

export interface NextPeriodInput {
  /** the workbook's sheets; `grid` at least for its task sheets (all of them for a file) */
  sheets: Array<{ name: string; visibility: Visibility; grid: Grid | null }>;
  keytaskSheets: KeytaskSheet[];
  /** the workbook has a registry sheet (updated in place) */
  registryExists: boolean;
  /** the workbook's own period history (parseHistory of keytask_periods) */
  history: PeriodHistory;
  /** the workbook has a history sheet (updated in place) */
  historyExists: boolean;
  /** the new period's label, e.g. 2024年第3季度 */
  period: string;
  lang?: Lang;
  /** a summary's history (`--from`): figures for county copies the city workbook sent out blank */
  from?: PeriodHistory;
  /** 'file': the whole file is written anew (the CLI); 'in-place': sheets not written stay (Excel) */
  write: 'file' | 'in-place';
}

export interface NextPeriodReport extends Report {
  period: string;
  /** the period closed (the sheets' 报送期 before), null when none was named */
  closed: string | null;
  /** the task sheets written for the new period */
  sheets: string[];
  /** figures put in 上期完成值 */
  moved: number;
  /** of which from the history (a blank county copy, --from) */
  fromHistory: number;
  /** periods the history holds now */
  periods: string[];
}

export interface NextPeriodResult {
  spec: WorkbookSpec;
  /** sheets already in the workbook the write replaces in place */
  updatable: string[];
  /** the sheet to show when done */
  activate: string;
  report: NextPeriodReport;
}

const say = (zh: string, en: string): Refusal => new Refusal({ zh, en });

const REFUSE = {
  badLabel: (l: string) =>
    say(
      `“${l}”不是可识别的报送期,请写成如“2024年第3季度”“2024年9月”“2024年上半年”`,
      `'${l}' is not a reporting period keytask understands; write it like 2024年第3季度, 2024年9月 or 2024年上半年`,
    ),
  same: (l: string, cur: string) =>
    say(
      `新一期“${l}”与当前报送期“${cur}”相同,无需开始新一期`,
      `The new period '${l}' is the current one ('${cur}'); there is nothing to start`,
    ),
  earlier: (l: string, cur: string) =>
    say(
      `新一期“${l}”早于当前报送期“${cur}”,请填写之后的报送期`,
      `The new period '${l}' is earlier than the current one ('${cur}'); give a later period`,
    ),
  noList: () => say('工作簿中没有任务清单工作表,无法开始新一期', 'The workbook has no task-list sheet, so there is no period to start'),
  wouldLose: (sheets: string) =>
    say(
      `工作簿中有开始新一期不会写出的工作表(${sheets}),写出的新文件会丢失它们;请先移出,或在任务窗格中操作`,
      `The workbook holds sheets next-period does not write (${sheets}) and the new file would lose them; move them out first, or use the task pane`,
    ),
};

interface TaskSheetRef {
  key: string;
  kind: 'city' | 'county';
  county?: string;
  sheet: string;
  grid: Grid;
}

/** The workbook's task sheets; a workbook keytask did not make is a clerk's returned county sheet. */
function taskSheetsOf(input: Pick<NextPeriodInput, 'sheets' | 'keytaskSheets'>): { refs: TaskSheetRef[]; keytaskSheets: KeytaskSheet[] } {
  const gridOf = new Map(input.sheets.map((s) => [s.name, s.grid]));
  const listed = input.keytaskSheets.flatMap((k): TaskSheetRef[] => {
    const grid = k.sheet ? gridOf.get(k.sheet) : null;
    return k.sheet && grid && (k.kind === 'city' || k.kind === 'county')
      ? [{ key: k.key, kind: k.kind, ...(k.county ? { county: k.county } : {}), sheet: k.sheet, grid }]
      : [];
  });
  if (listed.length > 0 || input.keytaskSheets.length > 0) return { refs: listed, keytaskSheets: input.keytaskSheets };
  // A plain sheet (copied out of the workbook, or an older template): each task list is a county
  // copy, the county its 填报单位 or else the sheet's name, registered from now on.
  const refs: TaskSheetRef[] = [];
  for (const s of input.sheets) {
    const read = s.grid && s.visibility === 'visible' ? readTaskSheet(s.grid) : null;
    if (!read || !s.grid) continue;
    const county = read.headerBlock.reportingUnit || s.name;
    refs.push({ key: `county:${county}`, kind: 'county', county, sheet: s.name, grid: s.grid });
  }
  const keytaskSheets = refs.map((r, i): KeytaskSheet => ({
    name: `KT_S_${i + 1}`,
    key: r.key,
    kind: 'county',
    county: r.county,
    sheet: r.sheet,
  }));
  return { refs, keytaskSheets };
}

/** The sheets' current 报送期: the latest any task sheet names. */
function currentPeriod(refs: TaskSheetRef[]): string | null {
  let best: { label: string; key: number } | null = null;
  for (const r of refs) {
    const label = readTaskSheet(r.grid)?.headerBlock.period ?? '';
    const key = label ? periodKey(label) : null;
    if (key !== null && (!best || key > best.key)) best = { label, key };
  }
  return best?.label ?? null;
}

/** The plan period: the registry's, else the sheet's year columns, else its title's. */
function planYearsOf(refs: TaskSheetRef[], entries: KeytaskSheet[]): [number, number] {
  const e = entries.find((k) => k.key === 'city' && k.startYear && k.endYear) ?? entries.find((k) => k.startYear && k.endYear);
  if (e?.startYear && e.endYear) return [e.startYear, e.endYear];
  const read = readTaskSheet(refs[0].grid);
  if (read && read.years.length) return [read.years[0], read.years[read.years.length - 1]];
  const t = periodFromTitle(cellText(refs[0].grid[0]?.[0]));
  const y = new Date().getFullYear();
  return t ? [t.start, t.end] : [y, y + 2];
}

/** A summary's history joined to the workbook's: a period the workbook has no figures for takes the summary's. */
function mergeHistory(own: PeriodHistory, from: PeriodHistory | undefined): PeriodHistory {
  let h = own;
  for (const p of from?.periods ?? []) {
    const mine = h.periods.find((q) => samePeriod(q, p));
    if (mine && h.figures.some((f) => f.period === mine)) continue;
    h = withPeriod(
      h,
      p,
      from!.reported[p] ?? [],
      from!.figures.filter((f) => f.period === p).map(({ period: _p, ...f }) => f),
    );
  }
  return h;
}

/** Each county copy's figures of the closing period, as filled; a copy with any figure reported. */
function closingFacts(refs: TaskSheetRef[]): { reported: string[]; figures: Array<Omit<PeriodFigure, 'period'>> } {
  const reported: string[] = [];
  const figures: Array<Omit<PeriodFigure, 'period'>> = [];
  for (const r of refs) {
    if (r.kind !== 'county' || !r.county) continue;
    const read = readTaskSheet(r.grid);
    if (!read) continue;
    const rows = read.rows.flatMap((row) => (row.type === 'task' && row.id ? [row] : []));
    if (!rows.some((row) => !isEmpty(row.values.actual))) continue;
    reported.push(r.county);
    for (const row of rows) {
      const value = numberField(row.values.actual, null, cellText(row.values.unit) || null).value;
      figures.push({ county: r.county, task: row.id, value, status: cellText(row.values.status) });
    }
  }
  return { reported, figures };
}

function withClosing(h: PeriodHistory, closed: string, facts: ReturnType<typeof closingFacts>): PeriodHistory {
  if (facts.reported.length === 0) return h;
  const label = h.periods.find((p) => samePeriod(p, closed)) ?? closed;
  const counties = new Set(facts.reported);
  const kept = h.figures.filter((f) => f.period === label && !counties.has(f.county)).map(({ period: _p, ...f }) => f);
  const reported = [...new Set([...(h.reported[label] ?? []), ...facts.reported])];
  return withPeriod(h, label, reported, [...kept, ...facts.figures]);
}

const PERIOD_CELLS: ColumnKey[] = ['actual', 'progress', 'status'];

/**
 * The sheets a host reads for next-period: keytask's sheets by the registry; a workbook without
 * one is a clerk's returned sheet, so every visible sheet.
 */
export function sheetsToReadForNextPeriod(keytaskSheets: readonly KeytaskSheet[], visibleSheets: readonly string[]): string[] {
  return keytaskSheets.length ? keytaskSheets.flatMap((k) => (k.sheet ? [k.sheet] : [])) : [...visibleSheets];
}

/**
 * The period the workbook is in now (the sheets' 报送期, else the history's last) and the one a
 * host offers to start (`2024年第2季度` → `2024年第3季度`); null where there is none.
 */
export function periodSuggestion(input: Pick<NextPeriodInput, 'sheets' | 'keytaskSheets' | 'history' | 'from'>): {
  current: string | null;
  suggested: string | null;
} {
  const { refs } = taskSheetsOf(input);
  const history = mergeHistory(input.history, input.from);
  const current = currentPeriod(refs) ?? history.periods[history.periods.length - 1] ?? null;
  return { current, suggested: current ? nextPeriodLabel(current) : null };
}

export function nextPeriod(input: NextPeriodInput): NextPeriodResult {
  const label = input.period.trim();
  if (!parseReportingPeriod(label)) throw REFUSE.badLabel(label);
  const { refs, keytaskSheets } = taskSheetsOf(input);
  if (refs.length === 0) throw REFUSE.noList();

  const ownHistory = mergeHistory(input.history, input.from);
  const current = currentPeriod(refs) ?? ownHistory.periods[ownHistory.periods.length - 1] ?? null;
  if (current) {
    const [k, c] = [periodKey(label)!, periodKey(current)];
    if (samePeriod(label, current)) throw REFUSE.same(label, current);
    if (c !== null && k < c) throw REFUSE.earlier(label, current);
  }
  const history = current ? withClosing(ownHistory, current, closingFacts(refs)) : ownHistory;

  // What is kept of each sheet: this period's figures become last period's, its cells are emptied.
  let moved = 0;
  let fromHistory = 0;
  const rewrite: KeptRewrite = (sheet, kept) => {
    const known =
      current && sheet.county ? figuresOf(history, history.periods.find((p) => samePeriod(p, current)) ?? current, sheet.county) : null;
    const rows = kept.rows.map((r) => {
      if (r.type === 'section') return r;
      const values: Partial<Record<ColumnKey, CellValue>> = { ...r.values };
      const id = r.type === 'task' ? r.task.id : taskIdKey(cellText(values.id));
      let previous: CellValue = isEmpty(values.actual) ? null : (values.actual ?? null);
      if (previous !== null) moved++;
      else {
        const figure = id ? known?.get(id)?.value : undefined;
        if (figure !== undefined && figure !== null) {
          previous = figure;
          moved++;
          fromHistory++;
        }
      }
      for (const k of PERIOD_CELLS) delete values[k];
      if (previous !== null) values.previous = previous;
      else delete values.previous;
      return { ...r, values };
    });
    return { ...kept, rows, headerBlock: { ...kept.headerBlock, period: label }, previousColumn: true };
  };

  const sheetNames = input.sheets.map((s) => s.name);
  const taskNames = new Set(refs.map((r) => r.sheet));
  let existing: ExistingWorkbook;
  if (input.write === 'file' && input.keytaskSheets.length > 0) {
    const r = fileToRegenerate(
      input.sheets.map((s) => ({ name: s.name, visibility: s.visibility, grid: s.grid ?? [] })),
      keytaskSheets,
    );
    if ('refused' in r) throw REFUSE.wouldLose(r.refused === 'would-lose' ? r.sheets.join('、') : '');
    existing = r;
  } else {
    if (input.write === 'file') {
      const lost = input.sheets.filter(
        (s) => !taskNames.has(s.name) && s.visibility !== 'veryHidden' && (s.grid ?? []).some((row) => row.some((v) => !isEmpty(v))),
      );
      if (lost.length) throw REFUSE.wouldLose(lost.map((s) => s.name).join('、'));
    }
    const grids: Record<string, Grid> = {};
    for (const r of refs) grids[r.sheet] = r.grid;
    // a units sheet keeps the units clerks added
    for (const k of keytaskSheets)
      if (k.kind === 'units' && k.sheet) grids[k.sheet] = input.sheets.find((s) => s.name === k.sheet)?.grid ?? [];
    existing = { sheetNames, keytaskSheets, grids };
  }

  const city = refs.find((r) => r.kind === 'city');
  const source = city ?? refs[0];
  const plan = planOfSheet(source.grid, readTaskSheet(source.grid)!, planYearsOf(refs, keytaskSheets));
  const counties = refs.flatMap((r) => (r.kind === 'county' && r.county ? [r.county] : []));
  const lang = input.lang ?? workbookDefaults(existing).lang ?? 'zh';
  const g = regenerate(
    { plan, counties, lang },
    { existing, registryExists: input.registryExists, write: input.write, rewrite, city: city !== undefined },
  );
  const historySheet = buildHistorySheet(history);
  // the history as it is now replaces the one re-generation carried over
  const others = g.spec.sheets.filter((s) => s.name !== HISTORY_SHEET);
  const spec: WorkbookSpec = { ...g.spec, sheets: historySheet ? [...others, historySheet] : others };
  const updatable = [...g.updatable, ...(input.historyExists ? [HISTORY_SHEET] : [])];
  return {
    spec,
    updatable,
    activate: g.activate,
    report: {
      ...reportOf([]),
      period: label,
      closed: current,
      sheets: spec.sheets.filter((s) => s.kind === 'city' || s.kind === 'county').map((s) => s.name),
      moved,
      fromHistory,
      periods: history.periods,
    },
  };
}
