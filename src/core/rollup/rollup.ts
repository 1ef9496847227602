/**
 * Roll-up: county sheets (each a grid, from a sheet or a file) into a city summary, matched by
 * task id and checked against the task text, never by row position. What can be summed (counts
 * and amounts in one unit, after scaling 万/亿) is summed; what cannot (percentages, growth
 * rates) is shown per county with its range. Every figure keeps the cell it came from.
 */
import { CATALOGUE, type Finding, type FindingCode, type ParamsArg, finding } from '../findings/catalogue';
import type { Lang } from '../i18n';
import { type ReadSheet, readTaskSheet } from '../layout/reader';
import { type YearColumnKey, yearKey } from '../layout/columns';
import type { MilestoneKind } from '../model';
import type { Grid } from '../sheet/grid';
import { cellText, isEmpty } from '../sheet/grid';
import { type CellValue, cellAddress } from '../sheet/spec';
import { figureLowerIsBetter } from '../text/direction';
import { unitFactor } from '../text/quantity';
import { type ReportingPeriod, parseReportingPeriod } from '../validate/period';
import { type NumberField, type TaskRecord, fieldName, readRecords } from '../validate/record';
import { validateRead } from '../validate/validate';
import { type TaskList, foreignReason, readTaskList } from './identity';
import { SAME_TASK, textSimilarity } from './textMatch';
import { type PeriodFigure, type PeriodHistory, emptyHistory, periodLabel } from '../period/history';
import { type PeriodComparison, type Prior, checkAgainstPrior, comparePeriods, historyWith, priorOf, stoppedCounties } from './periods';

export interface Submission {
  /** the county; when null, the sheet's 填报单位 names it */
  county: string | null;
  /** the file or sheet it came from, for tracing figures back (`新密市.xlsx` or `新密市`) */
  source: string;
  /** the sheet within the source, when the source is a file */
  sheet?: string;
  grid: Grid;
  /** cells formatted as percent (A1), as the host read them */
  percentCells?: string[];
  /**
   * The grid as the layout reader read it (with percentCells), when a step before needed it
   * (is the copy blank? whose 填报单位?): each grid is read once. Null: no header found.
   */
  read?: ReadSheet | null;
}

/** A figure of a county row: its target, a year's milestone, or its actual value. */
export type FigureKey = 'target' | 'actual' | YearColumnKey;

/** A county figure shown in the summary but left out of totals and ranking, and why. */
export interface ExcludedFigure {
  field: FigureKey;
  /** the field's name in the user's language (`2024年目标`) */
  label: string;
  /** the value as read, in the city's unit; null when the cell holds no usable number */
  value: number | null;
  /** what the cell holds, as typed */
  typed: string;
  cell: string | null;
  /** the county's own finding at that cell */
  code: FindingCode;
  /** that finding's title, in the user's language */
  reason: string;
}

export interface CountyFigures {
  target: number | null;
  /**
   * each plan year's milestone, in the order of the result's `years` — an array, not a record
   * keyed by year: V8 keeps a record with keys such as "2024" as a dictionary, about 350 bytes
   * a row, and a city of 800 counties × 150 tasks holds 120,000 of them
   */
  milestones: Array<number | null>;
  actual: number | null;
  /** `<source>!<cell>` of the row's actual value (or id when no actual column) */
  source: string;
  /**
   * cells of the target and actual in the county sheet, for links back (a milestone's cell is
   * named where it matters: by its finding, and in \`excluded\` when it is left out)
   */
  cells: { target: string | null; actual: string | null };
  /** scale applied to bring the county's unit to the city's (1 when the same) */
  scale: number;
  /** the county's progress note (进展情况), as written */
  note: string | null;
  /** where the county's sheet is: a sheet of this workbook, or a sheet of a file beside it */
  origin: { file?: string; sheet: string };
  /** figures with an error of the county's own: shown, never summed or ranked */
  excluded: ExcludedFigure[];
  /** required figures the county left blank (target, milestones), so totals lack them */
  blank: FigureKey[];
}

export interface Totals {
  target: number | null;
  milestones: Record<string, number | null>;
  actual: number | null;
}

export interface RolledTask {
  id: string;
  section: string | null;
  text: string;
  unit: string | null;
  kind: MilestoneKind;
  additive: boolean;
  city: Totals;
  /** sums over counties; null when the unit cannot be summed */
  total: Totals | null;
  /** for what cannot be summed: the smallest and largest actual value, and which county */
  range: { min: { county: string; value: number }; max: { county: string; value: number } } | null;
  /** actual ÷ target over the counties whose both figures count, for additive tasks */
  rate: number | null;
  counties: Record<string, CountyFigures>;
}

export type StatusField = 'target' | 'milestones' | 'actual' | 'status';
export const STATUS_FIELDS: StatusField[] = ['target', 'milestones', 'actual', 'status'];

export interface CountyStatus {
  county: string;
  submitted: boolean;
  source: string | null;
  /** per field: how many tasks need it, how many are filled, and the ids still missing */
  fields: Record<StatusField, { required: number; filled: number; missing: string[] }>;
}

export interface RankEntry {
  county: string;
  /** tasks scored: measured, rolled up, with an actual and a yardstick that both passed */
  /** 1-based; equal scores share a rank; null when nothing could be scored */
  rank: number | null;
  /** average completion against this year's milestones, in %, each task capped at 100 */
  score: number | null;
  tasks: number;
}

/** An excluded figure with the task and county it belongs to. */
export interface ExcludedEntry extends ExcludedFigure {
  taskId: string;
  county: string;
  source: string;
}

export interface RollupResult {
  years: number[];
  counties: string[];
  reporting: ReportingPeriod | null;
  tasks: RolledTask[];
  status: CountyStatus[];
  ranking: RankEntry[];
  /** every county figure left out of totals and ranking, in task then county order */
  excluded: ExcludedEntry[];
  findings: Finding[];
  /** this period against the last one the history keeps; absent without one */
  periods?: PeriodComparison;
  /** the history with this period put in, for the summary to carry; absent when the period is unknown */
  history?: PeriodHistory;
}

export interface RollupOptions {
  lang: Lang;
  /** counties expected to submit; those missing are listed */
  counties?: string[];
  /** where the city list came from, for findings */
  citySource?: string;
  /** the unit directory each county copy is checked against */
  units?: string[];
  /** the periods rolled up before (the city workbook's history, a previous summary's) */
  history?: PeriodHistory;
}

/** Units that cannot be summed across counties whatever the task says. */
const NON_ADDITIVE_UNIT = /%|率|‰|倍|指数/;

export function isAdditive(kind: MilestoneKind, unit: string | null): boolean {
  if (kind === 'qualitative' || kind === 'share') return false;
  return !unit || !NON_ADDITIVE_UNIT.test(unit);
}

/**
 * The sum of what `value` gives for each item, nulls left out (null when all are), rounded to
 * nine places; one pass, no list made: a roll-up of hundreds of counties sums every task's figures.
 */
function sumOf<T>(items: readonly T[], value: (item: T) => number | null): number | null {
  let total = 0;
  let any = false;
  for (const item of items) {
    const v = value(item);
    if (v === null) continue;
    total += v;
    any = true;
  }
  return any ? Math.round(total * 1e9) / 1e9 : null;
}

/** Whether the county's figure `key` is left out for an error of its own (most rows have none). */
const isExcluded = (f: CountyFigures, key: FigureKey): boolean => f.excluded.length > 0 && f.excluded.some((x) => x.field === key);

/** `sumOf` one figure of every county, where it counts (see `counted`). */
const sumCounted = (entries: CountyFigures[], key: FigureKey, value: (f: CountyFigures) => number | null): number | null =>
  sumOf(entries, (f) => (isExcluded(f, key) ? null : value(f)));

/** Findings about a blank cell: in a roll-up, 填报情况 and the summary's notes say these. */
const BLANK_CODES = new Set<FindingCode>(['required-missing', 'target-missing']);

/**
 * What the roll-up keeps of a county's row of a city task, decided when the county sheet is
 * prepared (the city list is known then): whether it is the same task in the same unit, and if
 * so its figures as the summary shows them. Not the row's cells — with hundreds of counties
 * held to the end those were most of the memory; the figures are what the result holds anyway.
 */
type PreparedRow = {
  /** what 填报情况 counts (bits of FILLED), and the milestone years holding a figure on a sheet without year columns */
  filled: number;
  valuedYears: number[] | null;
} & (
  | { kind: 'text-mismatch'; cell: string | null; countyText: string }
  | { kind: 'unit-mismatch'; cell: string | null; unit: string }
  | {
      kind: 'figures';
      /** its figures; the comparison with last period reads the actual's cell (figures.cells.actual) */
      figures: CountyFigures;
      /** what was typed in the actual's cell, for the comparison with last period */
      typedActual: CellValue | undefined;
      status: string;
      /** the county's own errors on this row, by cell */
      errors: Map<string, Finding> | undefined;
    }
);

const FILLED = { target: 1, actual: 2, status: 4, milestones: 8 } as const;

/**
 * The one empty list of figures every row without an excluded or a blank figure shares: two
 * empty arrays a row were 64 bytes of 120,000 rows at 800 counties. Frozen, so a change to it
 * fails loudly; a row that gains a figure gets a list of its own.
 */
const NONE = Object.freeze([]) as unknown as never[];

interface ReadSubmission {
  county: string;
  source: string;
  /** plan years of the county sheet's own milestone columns */
  years: number[];
  /** the county sheet's 报送期, as written */
  period: string | undefined;
  /** per city record (by its place in the city list): the county's row of that task, if it has one */
  rows: Array<PreparedRow | undefined>;
  extra: Array<{ id: string; cell: string | null; text: string }>;
}

export function rollup(
  /** `list`: the city list as a step before read it (null: no header found), so it is read once */
  city: { grid: Grid; source: string; percentCells?: string[]; list?: TaskList | null },
  submissions: Submission[],
  opts: RollupOptions,
): RollupResult {
  const cityList = city.list !== undefined ? city.list : readTaskList(city.grid, city.percentCells, opts.lang);
  if (!cityList) return headerlessRollup(city.source, opts.lang);
  const ctx = rollupCity(cityList, city.source);
  return rollupPrepared(
    ctx,
    submissions.map((s) => prepareSubmission(s, ctx, opts)),
    opts,
  );
}

/** A city sheet without a header: nothing is rolled up, and it says so. */
export function headerlessRollup(source: string, lang: Lang): RollupResult {
  const findings = [finding('header-missing', lang, { sheet: source, cell: null, taskId: null })];
  return { years: [], counties: [], reporting: null, tasks: [], status: [], ranking: [], excluded: [], findings };
}

/** The city list as every county sheet is checked against it. */
export interface RollupCity {
  list: TaskList;
  ids: Set<string>;
  /** places in the city list of each id (a city list may repeat one) */
  places: Map<string, number[]>;
  period: { start: number; end: number } | null;
  source: string;
}

export function rollupCity(list: TaskList, source: string): RollupCity {
  const years = list.sheet.years;
  const places = new Map<string, number[]>();
  list.records.forEach((r, i) => {
    if (r.id) places.set(r.id, [...(places.get(r.id) ?? []), i]);
  });
  return {
    list,
    ids: new Set(places.keys()),
    places,
    period: years.length ? { start: years[0], end: years[years.length - 1] } : null,
    source,
  };
}

/**
 * A county sheet read and checked against the city list on its own, before it meets the other
 * counties: what the roll-up keeps of it — its records, its own findings, its header — and not
 * its grid, so a host reading files one at a time can drop each grid before the next.
 * Whether it duplicates a county is decided later, in the order the counties are rolled up.
 */
export type PreparedSubmission =
  { kind: 'finding'; finding: Finding } | { kind: 'read'; read: ReadSubmission; where: string; own: Finding[] };

export function prepareSubmission(s: Submission, city: RollupCity, opts: RollupOptions): PreparedSubmission {
  const { sheet: citySheet, records: cityRecords } = city.list;
  const sheet = s.read !== undefined ? s.read : readTaskSheet(s.grid, { percentCells: s.percentCells });
  const where = s.sheet ? `${s.source}!${s.sheet}` : s.source;
  if (!sheet) return { kind: 'finding', finding: finding('header-missing', opts.lang, { sheet: where, cell: null, taskId: null }) };
  const all = readRecords(sheet, opts.lang);
  const foreign = foreignReason({ sheet: citySheet, records: cityRecords }, { sheet, records: all }, opts.lang);
  if (foreign) {
    return {
      kind: 'finding',
      finding: finding('submission-foreign', opts.lang, { sheet: where, cell: null, taskId: null }, { source: where, reason: foreign }),
    };
  }
  const county = (s.county ?? sheet.headerBlock.reportingUnit ?? '').trim() || s.source;
  // The county's row of each city id (the first, when it repeats one), at the id's first place
  // in the city list: an array by place, not a Map by id, since every county of a roll-up makes one.
  const chosen: Array<TaskRecord | undefined> = new Array(cityRecords.length);
  const extra: ReadSubmission['extra'] = [];
  for (const r of all) {
    if (!r.id) continue; // validation reports these; roll-up takes the first
    const places = city.places.get(r.id);
    if (!places) extra.push({ id: r.id, cell: r.cells.id ?? null, text: short(r.text) });
    else if (chosen[places[0]] === undefined) chosen[places[0]] = r;
  }
  const rolledUp = (id: string): boolean => {
    const places = city.places.get(id);
    return places !== undefined && chosen[places[0]] !== undefined;
  };
  // The county's own findings travel with its figures: what it got wrong is shown, and
  // a figure with an error is left out of every total and of the ranking.
  // Blank cells are not carried: 填报情况 lists them per county, and the summary names the
  // blank figures its totals lack.
  const own = validateRead(s.grid, sheet, all, { sheet: where, lang: opts.lang, units: opts.units ?? null, period: city.period });
  const carried: Finding[] = [];
  const errors = new Map<string, Map<string, Finding>>();
  for (const f of own) {
    if (!f.taskId || !rolledUp(f.taskId) || BLANK_CODES.has(f.code)) continue;
    carried.push(f);
    if (f.severity !== 'error' || !f.cell) continue;
    const byCell = errors.get(f.taskId) ?? new Map<string, Finding>();
    if (!byCell.has(f.cell)) byCell.set(f.cell, f);
    errors.set(f.taskId, byCell);
  }
  const origin = s.sheet ? { file: s.source, sheet: s.sheet } : { sheet: s.source };
  const rows: ReadSubmission['rows'] = new Array(cityRecords.length); // a place for each city task, most filled
  const years = citySheet.years;
  const context: RowContext = {
    source: where,
    origin,
    years,
    // the figures a row may leave blank that this sheet has a column for
    blankable: (['target', ...years.map(yearKey)] as FigureKey[]).filter((k) => k in sheet.columns),
    yearKeys: sheet.years.map(yearKey),
    targetColumn: sheet.columns.target !== undefined,
  };
  for (const places of city.places.values()) {
    const r = chosen[places[0]];
    if (r === undefined) continue;
    const rowErrors = errors.get(r.id);
    for (const place of places) rows[place] = prepareRow(r, cityRecords[place], context, rowErrors, opts.lang);
  }
  return {
    kind: 'read',
    where,
    own: carried,
    read: { county, source: where, years: sheet.years, period: sheet.headerBlock.period, rows, extra },
  };
}

/** What every row of one county sheet shares when it is prepared. */
interface RowContext {
  source: string;
  origin: CountyFigures['origin'];
  /** the city's plan years */
  years: number[];
  /** the target and each year's milestone that the sheet has a column for: what a row may leave blank */
  blankable: FigureKey[];
  /** the county sheet's own year columns (none on a plan's own table) */
  yearKeys: YearColumnKey[];
  /** whether the county sheet has a target column (else a target is read from the task's text) */
  targetColumn: boolean;
}

/** A county's row of a city task, checked against it and turned into what the summary shows. */
function prepareRow(r: TaskRecord, c: TaskRecord, sub: RowContext, errors: Map<string, Finding> | undefined, lang: Lang): PreparedRow {
  const v = r.values;
  const yearColumns = sub.yearKeys.length > 0;
  let milestonesFilled = yearColumns;
  for (const k of sub.yearKeys) if (isEmpty(v[k])) milestonesFilled = false;
  const filled =
    (!isEmpty(v.target) || r.target.value !== null ? FILLED.target : 0) |
    (!isEmpty(v.actual) ? FILLED.actual : 0) |
    (!isEmpty(v.status) ? FILLED.status : 0) |
    (milestonesFilled ? FILLED.milestones : 0);
  // Without year columns, whether the milestones are filled depends on the reporting year,
  // known only once every county is in: the years that hold a figure are kept instead.
  const valuedYears = yearColumns ? null : r.milestones.filter((m) => m.value !== null).map((m) => m.year);
  // Plain literals, every field always there: an object built by spreading another gets a
  // hidden class of its own in V8 (about 130 bytes a row more, a row of every county).
  if (r.text && c.text && textSimilarity(r.text, c.text) < SAME_TASK) {
    return { filled, valuedYears, kind: 'text-mismatch', cell: r.cells.task ?? null, countyText: short(r.text) };
  }
  let scale = 1;
  const unit = c.unit;
  if (c.kind !== 'qualitative' && r.unit && unit && r.unit !== unit) {
    const f = unitFactor(r.unit, unit);
    if (f === null) return { filled, valuedYears, kind: 'unit-mismatch', cell: r.cells.unit ?? null, unit: r.unit };
    scale = f;
  }
  const { years } = sub;
  const target = scaled(r.target.value, scale);
  const milestones = scaledMilestones(r, years, scale);
  const actual = scaled(r.actual.value, scale);
  // A row's cell addresses are made each time they are asked for (validate/record.ts); the
  // number fields hold the ones made when the row was read: the actual's cell is its column's,
  // the target's too when the sheet has a target column.
  const actualCell = r.actual.cell;
  // most rows: nothing of the county's own is wrong
  const excluded = errors ? excludedFigures(r, years, { target, milestones, actual }, errors, lang) : NONE;
  let blank: FigureKey[] = NONE;
  if (c.kind !== 'qualitative') {
    for (const k of sub.blankable) if (isEmpty(v[k])) (blank === NONE ? (blank = []) : blank).push(k);
  }
  return {
    filled,
    valuedYears,
    kind: 'figures',
    typedActual: v.actual,
    status: cellText(v.status),
    errors,
    figures: {
      target,
      milestones,
      actual,
      source: `${sub.source}!${actualCell ?? r.cells.id ?? cellAddress(r.row, 0)}`,
      cells: { target: sub.targetColumn ? r.target.cell : null, actual: actualCell },
      scale,
      note: cellText(v.progress) || null,
      origin: sub.origin,
      excluded: excluded.length ? excluded : NONE,
      blank,
    },
  };
}

/** The roll-up of county sheets prepared one by one, in the order given (one per county). */
export function rollupPrepared(city: RollupCity, prepared: PreparedSubmission[], opts: RollupOptions): RollupResult {
  const findings: Finding[] = [];
  const report = <C extends FindingCode>(code: C, sheet: string, cell: string | null, taskId: string | null, ...params: ParamsArg<C>) =>
    findings.push(finding(code, opts.lang, { sheet, cell, taskId }, ...params));
  const { sheet: citySheet, records: cityRecords } = city.list;
  const years = citySheet.years;

  // ---- one per county, in the order given ----
  const read: ReadSubmission[] = [];
  const byCounty = new Map<string, ReadSubmission>();
  for (const p of prepared) {
    if (p.kind === 'finding') {
      findings.push(p.finding);
      continue;
    }
    const { county } = p.read;
    const prior = byCounty.get(county);
    if (prior) {
      report('county-duplicate', p.where, null, null, { county, first: prior.source, second: p.where });
      continue;
    }
    findings.push(...p.own);
    read.push(p.read);
    byCounty.set(county, p.read);
  }
  const counties = read.map((r) => r.county);
  // every county expected has sent its sheet (a sum can then be held against the city's target)
  const allExpectedIn = (opts.counties ?? []).every((c) => byCounty.has(c));
  if (read.length === 0) report('rollup-empty', city.source, null, null);

  const reportingText = citySheet.headerBlock.period ?? read.find((r) => r.period)?.period;
  const reporting = reportingText ? parseReportingPeriod(reportingText) : null;
  const prior = priorOf(opts.history, reporting);
  const history = opts.history ?? emptyHistory();
  // what the history keeps of this period: each county's actual that counts, and its 状态,
  // made under the period's label in the history (one object a county and task, not copied again)
  const label = reporting ? periodLabel(history, reporting.text) : '';
  const periodFigures: PeriodFigure[] = [];

  // ---- per task ----
  const tasks: RolledTask[] = [];
  const excluded: ExcludedEntry[] = [];
  for (const [place, c] of cityRecords.entries()) {
    if (!c.id) continue;
    const unit = c.unit;
    const additive = isAdditive(c.kind, unit);
    const rolled: RolledTask = {
      id: c.id,
      section: typeof c.values.section === 'string' ? c.values.section : null,
      text: c.text,
      unit,
      kind: c.kind,
      additive,
      city: figures(c, years),
      total: null,
      range: null,
      rate: null,
      counties: {},
    };
    for (const sub of read) {
      const r = sub.rows[place];
      if (!r) {
        report('task-missing', sub.source, null, c.id, { county: sub.county, id: c.id, text: short(c.text) });
        continue;
      }
      if (r.kind === 'text-mismatch') {
        report('task-text-mismatch', sub.source, r.cell, c.id, {
          county: sub.county,
          id: c.id,
          text: short(c.text),
          countyText: r.countyText,
        });
        continue;
      }
      if (r.kind === 'unit-mismatch') {
        report('county-unit-mismatch', sub.source, r.cell, c.id, { county: sub.county, unit: r.unit, cityUnit: unit! });
        continue;
      }
      let f = r.figures;
      if (prior) {
        const checked = checkAgainstPrior(
          prior,
          {
            county: sub.county,
            id: c.id,
            kind: c.kind,
            source: sub.source,
            cell: f.cells.actual,
            typed: r.typedActual,
            actual: f.actual,
            errors: r.errors,
          },
          opts.lang,
        );
        findings.push(...checked.findings);
        // A fall since last period is an error at the actual's cell: the figure is left out as
        // any figure with an error of the county's own is.
        const actualCell = f.cells.actual;
        const error = checked.errors !== r.errors && actualCell ? checked.errors?.get(actualCell) : undefined;
        if (error && !isExcluded(f, 'actual')) {
          const typed = cellText(r.typedActual);
          if (f.actual !== null || typed) {
            const x: ExcludedFigure = {
              field: 'actual',
              label: fieldName('actual', opts.lang),
              value: f.actual,
              typed,
              cell: actualCell,
              code: error.code,
              reason: CATALOGUE[error.code].title[opts.lang],
            };
            f = { ...f, excluded: [...f.excluded, x] };
          }
        }
      }
      // (kept only when the period is known: without one there is no history to put it in)
      if (reporting)
        periodFigures.push({
          county: sub.county,
          task: c.id,
          value: counted(f, 'actual', years),
          status: r.status,
          period: label,
        });
      for (const x of f.excluded) excluded.push({ ...x, taskId: c.id, county: sub.county, source: sub.source });
      rolled.counties[sub.county] = f;
    }
    const entries = Object.values(rolled.counties);
    if (additive && c.kind !== 'qualitative') {
      const milestones: Totals['milestones'] = {};
      years.forEach((y, i) => (milestones[String(y)] = sumCounted(entries, yearKey(y), (f) => f.milestones[i] ?? null)));
      rolled.total = {
        target: sumCounted(entries, 'target', (f) => f.target),
        milestones,
        actual: sumCounted(entries, 'actual', (f) => f.actual),
      };
      // The rate pairs each county's actual with its own target: a county whose target (or
      // actual) does not count does not tilt the rate either way.
      const paired = entries.filter((f) => counted(f, 'target', years) !== null && counted(f, 'actual', years) !== null);
      const pt = sumOf(paired, (f) => f.target);
      const pa = sumOf(paired, (f) => f.actual);
      if (pa !== null && pt) rolled.rate = pa / pt;
      const cityTarget = rolled.city.target;
      // Only a complete sum says anything about the city's target: every expected county
      // reported, and every county's target counts.
      const complete = entries.length === read.length && allExpectedIn && entries.every((f) => counted(f, 'target', years) !== null);
      if (complete && cityTarget !== null && rolled.total.target !== null && rolled.total.target < cityTarget - 1e-9) {
        report('county-sum-below-target', city.source, c.cells.target ?? null, c.id, {
          field: targetLabel(opts.lang),
          sum: fmt(rolled.total.target),
          target: fmt(cityTarget),
        });
      }
    } else if (c.kind !== 'qualitative') {
      const actuals = Object.entries(rolled.counties)
        .filter(([, f]) => counted(f, 'actual', years) !== null)
        .map(([county, f]) => ({ county, value: f.actual! }));
      if (actuals.length) {
        const min = actuals.reduce((a, b) => (b.value < a.value ? b : a));
        const max = actuals.reduce((a, b) => (b.value > a.value ? b : a));
        rolled.range = { min, max };
      }
    }
    tasks.push(rolled);
  }

  for (const sub of read) {
    for (const r of sub.extra) report('task-extra', sub.source, r.cell, r.id, { county: sub.county, id: r.id, text: r.text });
  }
  // A county that reported last period says so instead of a plain 未报送: it is the one to chase.
  const stopped = prior ? stoppedCounties(prior, counties) : [];
  for (const expected of opts.counties ?? []) {
    if (!byCounty.has(expected) && !stopped.includes(expected)) report('county-missing', city.source, null, null, { county: expected });
  }
  for (const county of stopped) report('county-stopped-reporting', city.source, null, null, { county, prevPeriod: prior!.previous });

  const ranking = rank(tasks, years, counties, reporting);
  const result: RollupResult = {
    years,
    counties,
    reporting,
    tasks,
    status: statusOf(cityRecords, read, opts.counties ?? [], years, reporting),
    ranking,
    excluded,
    findings,
  };
  if (!reporting) return result;
  if (prior) {
    const compared = tasks.map((t) => ({
      id: t.id,
      kind: t.kind,
      total: t.total?.actual,
      summed: t.total !== null,
      actuals: Object.fromEntries(Object.entries(t.counties).map(([c, f]) => [c, counted(f, 'actual', years)])),
    }));
    result.periods = comparePeriods(prior, withPriorScores(history, prior, tasks, years, counties), compared, ranking, counties);
  }
  result.history = historyWith(history, label, counties, periodFigures, ranking);
  return result;
}

/**
 * The history with last period's ranks, scored again when it has none: a history started by
 * next-period keeps figures, not ranks. Last period's actuals are scored by the same rule
 * against each county's yardsticks of that period's year, as this period's sheets give them —
 * so only the counties that report now are ranked then.
 */
function withPriorScores(history: PeriodHistory, prior: Prior, tasks: RolledTask[], years: number[], counties: string[]): PeriodHistory {
  if ((history.scores ?? []).some((x) => x.period === prior.previous)) return history;
  const before = tasks.map((t) => ({
    ...t,
    counties: Object.fromEntries(
      Object.entries(t.counties).map(([county, f]) => [
        county,
        { ...f, actual: prior.figures.get(county)?.get(t.id) ?? null, excluded: f.excluded.filter((x) => x.field !== 'actual') },
      ]),
    ),
  }));
  const ranked = rank(
    before,
    years,
    counties.filter((c) => prior.reported.includes(c)),
    prior.previousPeriod,
  );
  return {
    ...history,
    scores: [...(history.scores ?? []), ...ranked.map((e) => ({ period: prior.previous, county: e.county, score: e.score, rank: e.rank }))],
  };
}

/** A figure's value when it counts: present and without an error of the county's own. */
export function counted(f: CountyFigures, key: FigureKey, years: readonly number[]): number | null {
  if (isExcluded(f, key)) return null;
  if (key === 'target') return f.target;
  if (key === 'actual') return f.actual;
  return f.milestones[years.indexOf(Number(key.slice(1)))] ?? null;
}

function excludedFigures(
  r: TaskRecord,
  years: number[],
  scaled: Pick<CountyFigures, 'target' | 'milestones' | 'actual'>,
  errors: Map<string, Finding>,
  lang: Lang,
): ExcludedFigure[] {
  const out: ExcludedFigure[] = [];
  const yearField = new Map(r.yearFields.map((y) => [y.year, y.field]));
  const fields: Array<[FigureKey, NumberField | undefined, number | null]> = [
    ['target', r.target, scaled.target],
    ...years.map((y, i): [FigureKey, NumberField | undefined, number | null] => [yearKey(y), yearField.get(y), scaled.milestones[i]]),
    ['actual', r.actual, scaled.actual],
  ];
  for (const [key, field, value] of fields) {
    const cell = field?.cell ?? null;
    const error = cell ? errors.get(cell) : undefined;
    if (!error || !field) continue;
    const typed = cellText(r.values[key]);
    if (value === null && !typed) continue; // a blank: 填报情况 counts it, nothing was left out
    out.push({ field: key, label: fieldName(key, lang), value, typed, cell, code: error.code, reason: CATALOGUE[error.code].title[lang] });
  }
  return out;
}

/** The city's figures of a task: its milestones keyed by year, as the summary's totals are. */
function figures(r: Pick<TaskRecord, 'milestones' | 'target' | 'actual'>, years: number[]): Totals {
  const scaledByYear = scaledMilestones(r, years, 1);
  const milestones: Totals['milestones'] = {};
  years.forEach((y, i) => (milestones[String(y)] = scaledByYear[i]));
  return { target: scaled(r.target.value, 1), milestones, actual: scaled(r.actual.value, 1) };
}

/** A figure brought to the city's unit (rounded to nine places, as the summary's figures are). */
const scaled = (v: number | null, scale: number): number | null => (v === null ? null : Math.round(v * scale * 1e9) / 1e9);

/**
 * A row's milestones from its year columns brought to the city's unit, in the order of `years`.
 * In a list made as long as it is (one pushed to from empty keeps room for 17): a county's
 * figures are kept until the summary is written.
 */
function scaledMilestones(r: Pick<TaskRecord, 'milestones'>, years: number[], scale: number): Array<number | null> {
  const out = new Array<number | null>(years.length);
  for (let i = 0; i < years.length; i++) {
    let v: number | null = null;
    for (const m of r.milestones) {
      if (m.year === years[i] && !m.fromText) {
        v = m.value;
        break;
      }
    }
    out[i] = scaled(v, scale);
  }
  return out;
}

function statusOf(
  city: TaskRecord[],
  read: ReadSubmission[],
  expected: string[],
  years: number[],
  reporting: ReportingPeriod | null,
): CountyStatus[] {
  const places = [...city.keys()];
  const measured = places.filter((i) => city[i].id && city[i].kind !== 'qualitative');
  const all = places.filter((i) => city[i].id);
  const year = reporting?.year ?? years[years.length - 1];
  const out: CountyStatus[] = [];
  for (const sub of read) {
    const fields = {} as CountyStatus['fields'];
    const need = (field: StatusField, tasks: number[], filled: (r: PreparedRow) => boolean) => {
      const missing: string[] = [];
      for (const i of tasks) {
        const r = sub.rows[i];
        if (!r || !filled(r)) missing.push(city[i].id);
      }
      fields[field] = { required: tasks.length, filled: tasks.length - missing.length, missing };
    };
    // Milestones as validation and the template's colouring have them: every plan year's
    // cell of a measured task (a plan's own table, without year columns: this year's step).
    const milestonesFilled = (r: PreparedRow): boolean =>
      sub.years.length > 0 ? (r.filled & FILLED.milestones) !== 0 : year === undefined || (r.valuedYears ?? []).includes(year);
    need('target', measured, (r) => (r.filled & FILLED.target) !== 0);
    need('milestones', measured, milestonesFilled);
    need('actual', measured, (r) => (r.filled & FILLED.actual) !== 0);
    need('status', all, (r) => (r.filled & FILLED.status) !== 0);
    out.push({ county: sub.county, submitted: true, source: sub.source, fields });
  }
  for (const county of expected) {
    if (read.some((r) => r.county === county)) continue;
    const fields = {} as CountyStatus['fields'];
    for (const f of STATUS_FIELDS) {
      const tasks = f === 'status' ? all : measured;
      fields[f] = { required: tasks.length, filled: 0, missing: tasks.map((i) => city[i].id) };
    }
    out.push({ county, submitted: false, source: null, fields });
  }
  return out;
}

/**
 * 排名: each county's average, over the measured tasks rolled up for it, of its actual value
 * against this year's milestone (or its target where the year has none), each task capped at
 * 100%. Only figures that count are scored: a task not rolled up (renumbered, another unit),
 * or whose actual or yardstick carries an error of the county's own, is not. Equal scores (to
 * 0.1) share a rank; counties with nothing to score come last, unranked.
 */
export const RANKING_RULE = {
  zh: '得分=该县(市、区)各量化任务“本期完成值÷本年度目标(无年度目标时按目标值)”的平均值,单项最高按100%计;只计已汇总且完成值与目标均无错误的任务(计分任务数);得分相同名次并列;无可计分任务的不参加排名。',
  en: 'Score = the average, over the county’s measured tasks, of actual ÷ this year’s milestone (or the target when the year has none), each capped at 100%. Only tasks rolled up whose actual and yardstick carry no error are scored (tasks scored). Equal scores share a rank; counties with nothing to score are not ranked.',
};

function rank(tasks: RolledTask[], years: number[], counties: string[], reporting: ReportingPeriod | null): RankEntry[] {
  const yk = reporting ? yearKey(reporting.year) : null;
  const yearAt = reporting ? years.indexOf(reporting.year) : -1;
  const measured = tasks.filter((t) => t.kind !== 'qualitative');
  // A level better low (失业率, PM2.5) is met at or below its yardstick.
  const lowerIsBetter = measured.map((t) => figureLowerIsBetter(t.text));
  const entries: RankEntry[] = counties.map((county) => {
    let total = 0;
    let scored = 0;
    measured.forEach((t, i) => {
      const f = t.counties[county];
      if (!f) return;
      const actual = counted(f, 'actual', years);
      if (actual === null) return;
      // This year's milestone is the yardstick, else the target; a yardstick with an error
      // scores nothing (it is not silently replaced by another).
      const hasYear = yk !== null && (f.milestones[yearAt] != null || isExcluded(f, yk));
      const denom = hasYear ? counted(f, yk, years) : counted(f, 'target', years);
      if (!denom || denom <= 0) return;
      const ratio = lowerIsBetter[i] ? (actual <= denom ? 1 : denom / actual) : actual / denom;
      total += Math.min(1, Math.max(0, ratio));
      scored++;
    });
    const score = scored ? Math.round((total / scored) * 1000) / 10 : null;
    return { county, rank: null, score, tasks: scored };
  });
  const scored = entries.filter((e) => e.score !== null).sort((a, b) => b.score! - a.score! || a.county.localeCompare(b.county, 'zh'));
  scored.forEach((e, i) => {
    e.rank = i > 0 && scored[i - 1].score === e.score ? scored[i - 1].rank : i + 1;
  });
  return [...scored, ...entries.filter((e) => e.score === null)];
}

const fmt = (n: number): string => String(Math.round(n * 1e6) / 1e6);
const short = (s: string): string => ([...s].length > 30 ? [...s].slice(0, 30).join('') + '…' : s);
const targetLabel = (lang: Lang): string => (lang === 'zh' ? '目标值' : 'targets');
