/**
 * keytask's own summary workbook (what `keytask rollup … -o` or the pane's 汇总 writes) read back
 * into plain figures for the 通报 and the 催报: the sheets are found through the registry (kinds
 * summary / status / ranking / findings, never by sheet name) and their columns by the header
 * texts of the layout tables (report/columns.ts), in either language. Columns a later keytask
 * adds (上期合计, 环比增量, 上期名次 …) are picked up when present and ignored when absent; a
 * workbook that is not a keytask summary is refused with a sentence, never read as zeros.
 */
import { SEVERITY_LABELS, type Severity } from '../findings/catalogue';
import type { Label } from '../i18n';
import { readTaskSheet } from '../layout/reader';
import { type PeriodHistory, parseHistory, previousPeriod, samePeriod } from '../period/history';
import { Refusal } from '../refusal';
import { FINDINGS_LAYOUT, RANKING_LAYOUT, type ReportColumn, type ReportLayout, STATUS_LAYOUT, SUMMARY_LAYOUT } from '../report/columns';
import { type Grid, cellText, titleOf } from '../sheet/grid';
import type { CellValue } from '../sheet/spec';
import type { SummaryGrids } from './sheets';

export type { SummaryGrids } from './sheets';
import { STATUS_FIELDS } from '../rollup/rollup';
import { splitUnits } from '../text/responsibility';
import { type ReportingPeriod, parseReportingPeriod } from '../validate/period';

/** 合计: summed over counties; 不合计: shown per county (shares, rates); 定性: no figure. */
export type RollupWay = 'summed' | 'notSummed' | 'qualitative';

export interface SummaryTask {
  id: string;
  text: string;
  unit: string | null;
  way: RollupWay;
  /** lead units, from a 牵头单位 column or the city list in the same workbook; [] when unknown */
  lead: string[];
  cityTarget: number | null;
  /** the counties' targets added up (县区目标合计) */
  countyTargets: number | null;
  /** each plan year's milestones added up, by year */
  years: Record<string, number | null>;
  /** 本期完成合计 */
  actual: number | null;
  /** 完成率 as a fraction (0.5 = 50 %) */
  rate: number | null;
  /** county → its actual as the summary shows it (null: none) */
  counties: Record<string, number | null>;
  /** the 未计入合计 text, as written; null when every figure counted */
  excluded: string | null;
  /** 上期合计 and 环比增量, when the summary carries them */
  previous: number | null;
  change: number | null;
}

export interface SummaryCounty {
  county: string;
  rank: number | null;
  score: number | null;
  tasks: number | null;
  /** 上期名次 and 名次变化 (up is positive), when the ranking carries them */
  previousRank: number | null;
  rankChange: number | null;
}

export interface SummaryStatus {
  county: string;
  submitted: boolean;
  source: string | null;
  /** per field (目标值, 年度目标 …, in the sheet's language): filled / required */
  fields: Array<{ label: string; filled: number; required: number }>;
  /** task ids with a blank required figure; ['all'] is never written: unsent counties have [] */
  gaps: string[];
}

export interface BulletinData {
  /** the summary's title row (`…汇总`) */
  title: string;
  /** the period as written (`2024年第2季度`), and as read; null when the summary names none */
  period: string | null;
  reporting: ReportingPeriod | null;
  years: number[];
  tasks: SummaryTask[];
  /** in the ranking's order */
  ranking: SummaryCounty[];
  /** the ranking rule as the sheet states it */
  rankingRule: string | null;
  status: SummaryStatus[];
  /** counties that sent nothing */
  missing: string[];
  /** findings on the 审核意见 sheet, by severity; null when the workbook has none */
  findings: Record<Severity, number> | null;
  /** county figures left out of the totals (lines of 未计入合计) */
  excludedFigures: number;
  /** the period before, and the counties that reported then and not now, from the history */
  previousPeriod: string | null;
  stoppedReporting: string[];
  /** whether any cross-period column was found */
  crossPeriod: boolean;
}

const NOT_SUMMARY: Label = {
  zh: '这个工作簿不是 keytask 的汇总表(没有“汇总”表的登记),无法生成通报;请先用 keytask rollup … -o 汇总.xlsx 或任务窗格的“汇总”生成汇总表',
  en: 'This workbook is not a keytask summary (it has no registered Summary sheet), so no bulletin can be drafted; make one first with keytask rollup … -o summary.xlsx or the pane’s Roll up',
};
const HEADERS_UNREAD: Label = {
  zh: '汇总表的表头无法识别(列被删除或改名),无法生成通报;请重新汇总后再生成',
  en: 'The summary sheet’s header row cannot be read (columns deleted or renamed), so no bulletin can be drafted; roll up again first',
};

function periodMismatch(asked: string, found: string): Refusal {
  return new Refusal({
    zh: `汇总表的报送期是“${found}”,不是“${asked}”;请用该期的汇总表,或不加 --period`,
    en: `The summary is for “${found}”, not “${asked}”; use that period’s summary, or leave out --period`,
  });
}

/** Header texts that the crossperiod columns are written with (either language). */
const PREVIOUS_TOTAL = [/^上期(完成)?合计$/, /^previous( period)?( total)?$/i];
const CHANGE = [/^环比(增量|增长|变化)?$/, /^(change|increase)( on previous)?/i];
const PREVIOUS_RANK = [/^上期名次$/, /^previous rank$/i];
const RANK_CHANGE = [/^名次变化$/, /^(rank )?change$/i];
/** A lead-unit column, when a summary carries one. */
const LEAD = [/^\*?牵头(单位|部门)$/, /^lead( unit)?s?$/i];

type Headers = string[];

/** Header texts of a fixed column in both languages. */
function fixedTexts<K extends string>(c: ReportColumn<K>): string[] {
  return typeof c.header === 'function' ? [] : [c.header.zh, c.header.en];
}

/** A repeated column's header as prefix and suffix around its item, in both languages. */
function repeatedShapes<K extends string>(c: ReportColumn<K>, known: readonly string[] | undefined): Array<[string, string]> {
  if (typeof c.header !== 'function') return [];
  const header = c.header;
  // A header made from a table of its own items (填报情况's fields) is matched item by item.
  if (known) return known.flatMap((item) => [header(item).zh, header(item).en].map((t) => [t, ''] as [string, string]));
  const mark = '\u0001';
  const l = header(mark);
  return [l.zh, l.en].map((t) => {
    const [a, b] = t.split(mark);
    return [a, b ?? ''] as [string, string];
  });
}

/** The header row: the layout's, or the first of the rows above 12 that holds every key given. */
function headerRowOf<K extends string>(grid: Grid, layout: ReportLayout<K>, keys: K[]): number | null {
  const wanted = layout.columns.filter((c) => keys.includes(c.key)).map(fixedTexts);
  const holds = (r: number): boolean => {
    const texts = new Set((grid[r] ?? []).map((v) => cellText(v)));
    return wanted.every((alts) => alts.some((t) => texts.has(t)));
  };
  if (holds(layout.headerRow)) return layout.headerRow;
  for (let r = 0; r < Math.min(grid.length, 12); r++) if (holds(r)) return r;
  return null;
}

interface Located<K extends string> {
  row: number;
  col: Partial<Record<K, number>>;
  /** repeated columns: key → [item, column] */
  items: Partial<Record<K, Array<[string, number]>>>;
  headers: Headers;
  extra(patterns: RegExp[]): number | null;
}

function locate<K extends string>(
  grid: Grid,
  layout: ReportLayout<K>,
  keys: K[],
  known: Partial<Record<K, readonly string[]>> = {},
): Located<K> | null {
  const row = headerRowOf(grid, layout, keys);
  if (row === null) return null;
  const headers = (grid[row] ?? []).map((v) => cellText(v));
  const col: Partial<Record<K, number>> = {};
  const items: Partial<Record<K, Array<[string, number]>>> = {};
  for (const c of layout.columns) {
    const fixed = fixedTexts(c);
    if (fixed.length) {
      const at = headers.findIndex((h) => fixed.includes(h));
      if (at >= 0) col[c.key] = at;
      continue;
    }
    const shapes = repeatedShapes(c, known[c.key]);
    const found: Array<[string, number]> = [];
    headers.forEach((h, i) => {
      for (const [pre, post] of shapes) {
        if (!post && known[c.key] && h === pre) {
          found.push([h, i]);
          return;
        }
        if (h.length > pre.length + post.length && h.startsWith(pre) && h.endsWith(post)) {
          found.push([h.slice(pre.length, h.length - post.length).trim(), i]);
          return;
        }
      }
    });
    items[c.key] = found;
  }
  return {
    row,
    col,
    items,
    headers,
    extra: (patterns) => {
      const at = headers.findIndex((h) => patterns.some((p) => p.test(h)));
      return at >= 0 ? at : null;
    },
  };
}

function num(v: CellValue | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const t = cellText(v).replace(/[,，%]/g, '');
  if (!t || !/^[-+]?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

const textOrNull = (v: CellValue | undefined): string | null => cellText(v) || null;

/** `报送期:2024年第2季度;…` / `Period: 2024Q2; …` in the first rows of a report sheet. */
function periodIn(grid: Grid | null | undefined): string | null {
  for (const row of (grid ?? []).slice(0, 4)) {
    for (const v of row) {
      const m = /(?:报送期|Period)\s*[:：]\s*([^;；\n]+)/.exec(cellText(v));
      if (m && m[1].trim() !== '—') return m[1].trim();
    }
  }
  return null;
}

function wayOf(text: string): RollupWay {
  if (/^定性|^qualitative/i.test(text)) return 'qualitative';
  if (/^不合计|^not summed/i.test(text)) return 'notSummed';
  return 'summed';
}

function readTasks(grid: Grid, counties: readonly string[] | null): { tasks: SummaryTask[]; years: number[]; crossPeriod: boolean } {
  const at = locate(grid, SUMMARY_LAYOUT, ['id', 'task', 'actual']);
  if (!at) throw new Refusal(HEADERS_UNREAD);
  const years = (at.items.years ?? []).filter(([y]) => /^\d{4}$/.test(y));
  // A county column is one of the counties the status and ranking know, when they are there:
  // a later column shaped like it (`新密市上期完成值`) must not become a county.
  const countyCols = (at.items.counties ?? []).filter(([c]) => !counties || counties.includes(c));
  const previous = at.extra(PREVIOUS_TOTAL);
  const change = at.extra(CHANGE);
  const lead = at.extra(LEAD);
  const get = (row: CellValue[], k: keyof typeof at.col): CellValue | undefined => (at.col[k] === undefined ? undefined : row[at.col[k]!]);
  const tasks: SummaryTask[] = [];
  for (const row of grid.slice(at.row + 1)) {
    const id = cellText(get(row, 'id'));
    const text = cellText(get(row, 'task'));
    if (!id || !text) continue;
    tasks.push({
      id,
      text,
      unit: textOrNull(get(row, 'unit')),
      way: wayOf(cellText(get(row, 'how'))),
      lead: lead === null ? [] : splitUnits(cellText(row[lead])),
      cityTarget: num(get(row, 'cityTarget')),
      countyTargets: num(get(row, 'countyTargets')),
      years: Object.fromEntries(years.map(([y, c]) => [y, num(row[c])])),
      actual: num(get(row, 'actual')),
      rate: num(get(row, 'rate')),
      counties: Object.fromEntries(countyCols.map(([c, i]) => [c, num(row[i])])),
      excluded: textOrNull(get(row, 'excluded')),
      previous: previous === null ? null : num(row[previous]),
      change: change === null ? null : num(row[change]),
    });
  }
  return { tasks, years: years.map(([y]) => Number(y)), crossPeriod: previous !== null || change !== null };
}

function readRanking(grid: Grid | null | undefined): { ranking: SummaryCounty[]; rule: string | null; crossPeriod: boolean } {
  if (!grid) return { ranking: [], rule: null, crossPeriod: false };
  const at = locate(grid, RANKING_LAYOUT, ['county', 'score']);
  if (!at) return { ranking: [], rule: null, crossPeriod: false };
  const prev = at.extra(PREVIOUS_RANK);
  const change = at.extra(RANK_CHANGE);
  const ranking: SummaryCounty[] = [];
  for (const row of grid.slice(at.row + 1)) {
    const county = cellText(row[at.col.county!]);
    // The table ends at its first blank row: below it the sheet holds the trend block (its title
    // and a header row in the county column), which is no county.
    if (!county) break;
    ranking.push({
      county,
      rank: at.col.rank === undefined ? null : num(row[at.col.rank]),
      score: num(row[at.col.score!]),
      tasks: at.col.tasks === undefined ? null : num(row[at.col.tasks]),
      previousRank: prev === null ? null : num(row[prev]),
      rankChange: change === null ? null : num(row[change]),
    });
  }
  const ruleText = cellText(grid[1]?.[0]).replace(/^(排名规则[:：]|Rule:\s*)/, '');
  return { ranking, rule: ruleText || null, crossPeriod: prev !== null || change !== null };
}

const YES = new Set(['是', 'yes', 'y', 'true']);

function readStatus(grid: Grid | null | undefined): SummaryStatus[] {
  if (!grid) return [];
  const at = locate(grid, STATUS_LAYOUT, ['county', 'submitted'], { fields: STATUS_FIELDS });
  if (!at) return [];
  const out: SummaryStatus[] = [];
  for (const row of grid.slice(at.row + 1)) {
    const county = cellText(row[at.col.county!]);
    if (!county) continue;
    const submitted = YES.has(cellText(row[at.col.submitted!]).toLowerCase());
    const fields = (at.items.fields ?? []).flatMap(([label, c]) => {
      const m = /^(\d+)\s*\/\s*(\d+)$/.exec(cellText(row[c]));
      const name = label.replace(/\s*[(（](已填\/应填|filled\/required)[)）]$/, '');
      return m ? [{ label: name, filled: Number(m[1]), required: Number(m[2]) }] : [];
    });
    const gapText = at.col.gaps === undefined ? '' : cellText(row[at.col.gaps]);
    out.push({
      county,
      submitted,
      source: at.col.source === undefined ? null : textOrNull(row[at.col.source]),
      fields,
      gaps: submitted ? gapText.split(/[、,，\s]+/).filter(Boolean) : [],
    });
  }
  return out;
}

/** Findings on the 审核意见 sheet, counted by their 严重程度 cell. */
function readFindings(grid: Grid | null | undefined): Record<Severity, number> | null {
  if (!grid) return null;
  const at = locate(grid, FINDINGS_LAYOUT, ['severity']);
  if (!at) return null;
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const bySeverity = new Map<string, Severity>();
  for (const [s, l] of Object.entries(SEVERITY_LABELS) as Array<[Severity, Label]>) {
    bySeverity.set(l.zh, s);
    bySeverity.set(l.en.toLowerCase(), s);
  }
  for (const row of grid.slice(at.row + 1)) {
    const s = bySeverity.get(cellText(row[at.col.severity!]).toLowerCase()) ?? bySeverity.get(cellText(row[at.col.severity!]));
    if (s) counts[s]++;
  }
  return counts;
}

/** Lead units per task id from a city list in the same workbook. */
function leadsFromCity(grid: Grid | null | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const read = grid ? readTaskSheet(grid) : null;
  for (const r of read?.rows ?? []) if (r.type === 'task' && r.id) out.set(r.id, splitUnits(cellText(r.values.lead ?? null)));
  return out;
}

export interface ReadSummaryOptions {
  /** the period the user asks for; refused when the summary is another period's */
  period?: string;
}

/** The summary workbook's figures; a Refusal when it is not a keytask summary. */
export function readSummary(input: SummaryGrids, opts: ReadSummaryOptions = {}): BulletinData {
  const summary = input.grids.summary;
  if (!summary) throw new Refusal(NOT_SUMMARY);
  const status = readStatus(input.grids.status);
  const { ranking, rule, crossPeriod: rankCross } = readRanking(input.grids.ranking);
  const known = [...new Set([...status.map((s) => s.county), ...ranking.map((r) => r.county)])];
  const { tasks, years, crossPeriod } = readTasks(summary, known.length ? known : null);
  const leads = leadsFromCity(input.grids.city);
  for (const t of tasks) if (!t.lead.length) t.lead = leads.get(t.id) ?? [];

  const found = periodIn(summary) ?? periodIn(input.grids.ranking);
  if (opts.period && found && !samePeriod(opts.period, found)) throw periodMismatch(opts.period, found);
  const period = found ?? opts.period ?? null;
  const history: PeriodHistory = parseHistory(input.history);
  const before = period ? previousPeriod(history, period) : null;
  const submitted = new Set(status.filter((s) => s.submitted).map((s) => s.county));
  return {
    title: titleOf(summary),
    period,
    reporting: period ? parseReportingPeriod(period) : null,
    years,
    tasks,
    ranking,
    rankingRule: rule,
    status,
    missing: status.filter((s) => !s.submitted).map((s) => s.county),
    findings: readFindings(input.grids.findings),
    excludedFigures: tasks.reduce((n, t) => n + (t.excluded ? t.excluded.split('\n').filter(Boolean).length : 0), 0),
    previousPeriod: before,
    stoppedReporting: before ? (history.reported[before] ?? []).filter((c) => !submitted.has(c)) : [],
    crossPeriod: crossPeriod || rankCross,
  };
}
