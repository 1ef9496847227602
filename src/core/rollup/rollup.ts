/**
 * Roll-up: county sheets (each a grid, from a sheet or a file) into a city summary, matched by
 * task id and checked against the task text, never by row position. What can be summed (counts
 * and amounts in one unit, after scaling 万/亿) is summed; what cannot (percentages, growth
 * rates) is shown per county with its range. Every figure keeps the cell it came from.
 */
import { type Finding, type FindingCode, type Params, finding } from '../findings/catalogue';
import type { Lang } from '../i18n';
import { type ReadSheet, readTaskSheet } from '../layout/reader';
import { yearKey } from '../layout/columns';
import type { MilestoneKind } from '../model';
import type { Grid } from '../sheet/grid';
import { cellText, isEmpty } from '../sheet/grid';
import { cellAddress } from '../sheet/spec';
import { unitFactor } from '../text/quantity';
import { type ReportingPeriod, parseReportingPeriod } from '../validate/period';
import { type TaskRecord, readRecords } from '../validate/record';
import { SAME_TASK, textSimilarity } from './textMatch';

export interface Submission {
  /** the county; when null, the sheet's 填报单位 names it */
  county: string | null;
  /** the file or sheet it came from, for tracing figures back (`新密市.xlsx` or `新密市`) */
  source: string;
  /** the sheet within the source, when the source is a file */
  sheet?: string;
  grid: Grid;
}

export interface CountyFigures {
  target: number | null;
  milestones: Record<string, number | null>;
  actual: number | null;
  /** `<source>!<cell>` of the row's actual value (or id when no actual column) */
  source: string;
  /** cells of each figure in the county sheet, for links back */
  cells: { target: string | null; actual: string | null; milestones: Record<string, string | null> };
  /** scale applied to bring the county's unit to the city's (1 when the same) */
  scale: number;
  /** the county's progress note (进展情况), as written */
  note: string | null;
  /** where the county's sheet is: a sheet of this workbook, or a sheet of a file beside it */
  origin: { file?: string; sheet: string };
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
  /** total actual / total target, for additive tasks */
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
  /** 1-based; equal scores share a rank; null when nothing could be scored */
  rank: number | null;
  /** average completion against this year's milestones, in %, each task capped at 100 */
  score: number | null;
  tasks: number;
}

export interface RollupResult {
  years: number[];
  counties: string[];
  reporting: ReportingPeriod | null;
  tasks: RolledTask[];
  status: CountyStatus[];
  ranking: RankEntry[];
  findings: Finding[];
}

export interface RollupOptions {
  lang: Lang;
  /** counties expected to submit; those missing are listed */
  counties?: string[];
  /** where the city list came from, for findings */
  citySource?: string;
}

/** Units that cannot be summed across counties whatever the task says. */
const NON_ADDITIVE_UNIT = /%|率|‰|倍|指数/;

export function isAdditive(kind: MilestoneKind, unit: string | null): boolean {
  if (kind === 'qualitative' || kind === 'share') return false;
  return !unit || !NON_ADDITIVE_UNIT.test(unit);
}

const sum = (values: Array<number | null>): number | null => {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? Math.round(present.reduce((a, b) => a + b, 0) * 1e9) / 1e9 : null;
};

interface ReadSubmission {
  county: string;
  source: string;
  origin: { file?: string; sheet: string };
  sheet: ReadSheet;
  records: Map<string, TaskRecord>;
  extra: TaskRecord[];
}

export function rollup(city: { grid: Grid; source: string }, submissions: Submission[], opts: RollupOptions): RollupResult {
  const findings: Finding[] = [];
  const report = (code: FindingCode, sheet: string, cell: string | null, taskId: string | null, params: Params = {}) =>
    findings.push(finding(code, opts.lang, { sheet, cell, taskId }, params));

  const citySheet = readTaskSheet(city.grid);
  if (!citySheet) {
    report('header-missing', city.source, null, null);
    return { years: [], counties: [], reporting: null, tasks: [], status: [], ranking: [], findings };
  }
  const cityRecords = readRecords(citySheet, opts.lang);
  const cityIds = new Set(cityRecords.map((r) => r.id).filter(Boolean));
  const years = citySheet.years;

  // ---- read submissions; one per county ----
  const read: ReadSubmission[] = [];
  for (const s of submissions) {
    const sheet = readTaskSheet(s.grid);
    const where = s.sheet ? `${s.source}!${s.sheet}` : s.source;
    if (!sheet) {
      report('header-missing', where, null, null);
      continue;
    }
    const county = (s.county ?? sheet.headerBlock.reportingUnit ?? '').trim() || s.source;
    const prior = read.find((r) => r.county === county);
    if (prior) {
      report('county-duplicate', where, null, null, { county, first: prior.source, second: where });
      continue;
    }
    const records = new Map<string, TaskRecord>();
    const extra: TaskRecord[] = [];
    for (const r of readRecords(sheet, opts.lang)) {
      if (!r.id || records.has(r.id)) continue; // validation reports these; roll-up takes the first
      if (cityIds.has(r.id)) records.set(r.id, r);
      else extra.push(r);
    }
    read.push({ county, source: where, origin: s.sheet ? { file: s.source, sheet: s.sheet } : { sheet: s.source }, sheet, records, extra });
  }
  const counties = read.map((r) => r.county);

  const reportingText = citySheet.headerBlock.period ?? read.find((r) => r.sheet.headerBlock.period)?.sheet.headerBlock.period;
  const reporting = reportingText ? parseReportingPeriod(reportingText) : null;

  // ---- per task ----
  const tasks: RolledTask[] = [];
  for (const c of cityRecords) {
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
      const r = sub.records.get(c.id);
      if (!r) {
        report('task-missing', sub.source, null, c.id, { county: sub.county, id: c.id, text: short(c.text) });
        continue;
      }
      if (r.text && c.text && textSimilarity(r.text, c.text) < SAME_TASK) {
        report('task-text-mismatch', sub.source, r.cells.task ?? null, c.id, {
          county: sub.county,
          id: c.id,
          text: short(c.text),
          countyText: short(r.text),
        });
        continue;
      }
      let scale = 1;
      if (c.kind !== 'qualitative' && r.unit && unit && r.unit !== unit) {
        const f = unitFactor(r.unit, unit);
        if (f === null) {
          report('county-unit-mismatch', sub.source, r.cells.unit ?? null, c.id, { county: sub.county, unit: r.unit, cityUnit: unit });
          continue;
        }
        scale = f;
      }
      const f = figures(r, years, scale);
      const milestoneCells: Record<string, string | null> = {};
      for (const y of years) milestoneCells[String(y)] = r.cells[yearKey(y)] ?? null;
      rolled.counties[sub.county] = {
        target: f.target,
        milestones: f.milestones,
        actual: f.actual,
        source: `${sub.source}!${r.cells.actual ?? r.cells.id ?? cellAddress(r.row, 0)}`,
        cells: {
          target: r.cells.target ?? null,
          actual: r.cells.actual ?? null,
          milestones: milestoneCells,
        },
        scale,
        note: cellText(r.values.progress) || null,
        origin: sub.origin,
      };
    }
    const entries = Object.entries(rolled.counties);
    if (additive && c.kind !== 'qualitative') {
      rolled.total = {
        target: sum(entries.map(([, f]) => f.target)),
        milestones: Object.fromEntries(years.map((y) => [String(y), sum(entries.map(([, f]) => f.milestones[String(y)]))])),
        actual: sum(entries.map(([, f]) => f.actual)),
      };
      if (rolled.total.actual !== null && rolled.total.target) rolled.rate = rolled.total.actual / rolled.total.target;
      const cityTarget = rolled.city.target;
      if (cityTarget !== null && rolled.total.target !== null && rolled.total.target < cityTarget - 1e-9) {
        report('county-sum-below-target', city.source, c.cells.target ?? null, c.id, {
          field: targetLabel(opts.lang),
          sum: fmt(rolled.total.target),
          target: fmt(cityTarget),
        });
      }
    } else if (c.kind !== 'qualitative') {
      const actuals = entries.filter(([, f]) => f.actual !== null).map(([county, f]) => ({ county, value: f.actual! }));
      if (actuals.length) {
        const min = actuals.reduce((a, b) => (b.value < a.value ? b : a));
        const max = actuals.reduce((a, b) => (b.value > a.value ? b : a));
        rolled.range = { min, max };
      }
    }
    tasks.push(rolled);
  }

  for (const sub of read) {
    for (const r of sub.extra)
      report('task-extra', sub.source, r.cells.id ?? null, r.id, { county: sub.county, id: r.id, text: short(r.text) });
  }
  for (const expected of opts.counties ?? []) {
    if (!counties.includes(expected)) report('county-missing', city.source, null, null, { county: expected });
  }

  return {
    years,
    counties,
    reporting,
    tasks,
    status: statusOf(cityRecords, read, opts.counties ?? [], years, reporting),
    ranking: rank(cityRecords, read, reporting),
    findings,
  };
}

function figures(r: TaskRecord, years: number[], scale = 1): Totals {
  const s = (v: number | null) => (v === null ? null : Math.round(v * scale * 1e9) / 1e9);
  const milestones: Record<string, number | null> = {};
  for (const y of years) {
    let v: number | null = null;
    for (const m of r.milestones) {
      if (m.year === y && !m.fromText) {
        v = m.value;
        break;
      }
    }
    milestones[String(y)] = s(v);
  }
  return { target: s(r.target.value), milestones, actual: s(r.actual.value) };
}

function statusOf(
  city: TaskRecord[],
  read: ReadSubmission[],
  expected: string[],
  years: number[],
  reporting: ReportingPeriod | null,
): CountyStatus[] {
  const measured = city.filter((c) => c.id && c.kind !== 'qualitative');
  const all = city.filter((c) => c.id);
  const year = reporting?.year ?? years[years.length - 1];
  const out: CountyStatus[] = [];
  for (const sub of read) {
    const fields = {} as CountyStatus['fields'];
    const need = (field: StatusField, tasks: TaskRecord[], filled: (r: TaskRecord) => boolean) => {
      const missing = tasks.filter((c) => {
        const r = sub.records.get(c.id);
        return !r || !filled(r);
      });
      fields[field] = { required: tasks.length, filled: tasks.length - missing.length, missing: missing.map((c) => c.id) };
    };
    need('target', measured, (r) => r.target.value !== null);
    need('milestones', measured, (r) => year === undefined || r.milestones.some((m) => m.year === year && m.value !== null));
    need('actual', measured, (r) => r.actual.value !== null);
    need('status', all, (r) => !isEmpty(r.values.status));
    out.push({ county: sub.county, submitted: true, source: sub.source, fields });
  }
  for (const county of expected) {
    if (read.some((r) => r.county === county)) continue;
    const fields = {} as CountyStatus['fields'];
    for (const f of STATUS_FIELDS) {
      const tasks = f === 'status' ? all : measured;
      fields[f] = { required: tasks.length, filled: 0, missing: tasks.map((c) => c.id) };
    }
    out.push({ county, submitted: false, source: null, fields });
  }
  return out;
}

/**
 * 排名: each county's average, over the measured tasks it reported, of its actual value
 * against this year's milestone (or its target where the year has none), each task capped at
 * 100%. Equal scores (to 0.1) share a rank; counties with nothing to score come last, unranked.
 */
export const RANKING_RULE = {
  zh: '得分=该县(市、区)各量化任务“本期完成值÷本年度目标(无年度目标时按目标值)”的平均值,单项最高按100%计;得分相同名次并列;无可计分任务的不参加排名。',
  en: 'Score = the average, over the county’s measured tasks, of actual ÷ this year’s milestone (or the target when the year has none), each capped at 100%. Equal scores share a rank; counties with nothing to score are not ranked.',
};

function rank(city: TaskRecord[], read: ReadSubmission[], reporting: ReportingPeriod | null): RankEntry[] {
  const entries: RankEntry[] = read.map((sub) => {
    const ratios: number[] = [];
    for (const c of city) {
      if (c.kind === 'qualitative') continue;
      const r = sub.records.get(c.id);
      if (!r || r.actual.value === null) continue;
      const yearTarget = reporting ? r.milestones.find((m) => m.year === reporting.year && m.value !== null)?.value : undefined;
      const denom = yearTarget ?? r.target.value;
      if (!denom || denom <= 0) continue;
      ratios.push(Math.min(1, Math.max(0, r.actual.value / denom)));
    }
    const score = ratios.length ? Math.round((ratios.reduce((a, b) => a + b, 0) / ratios.length) * 1000) / 10 : null;
    return { county: sub.county, rank: null, score, tasks: ratios.length };
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
