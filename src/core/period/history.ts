/**
 * The period history (报送历史) a workbook carries from one reporting period to the next: which
 * periods were rolled up, which counties reported in each, and each county's cumulative figure
 * per task. It is what 上期完成值, 环比, rank changes, trend charts and "reported last period,
 * not now" are computed from, so it lives in the workbook itself — the city workbook after
 * `next-period`, the summary after a roll-up — in a very hidden sheet, like the registry, because
 * a sheet of plain values is the one form ExcelJS, LibreOffice, Excel and WPS all keep.
 *
 * One row per fact, a `kind` column saying which:
 *   period    · PERIOD                       a period that was rolled up (rows keep their order)
 *   reported  · PERIOD · COUNTY              a county that submitted in that period
 *   figure    · PERIOD · COUNTY · TASK · VALUE · STATUS
 *   score     · PERIOD · COUNTY · ''   · SCORE · RANK   a roll-up's 排名 (written by roll-ups only)
 * Text cells are written as text (numFmt @), so a task id `01` or a county `1区` survive.
 */
import type { SheetSpec, CellValue } from '../sheet/spec';
import { cellText, type Grid } from '../sheet/grid';
import { Refusal } from '../refusal';
import { parseReportingPeriod } from '../validate/period';

export const HISTORY_SHEET = 'keytask_periods';
export const HISTORY_VERSION = 1;
const HEADER = ['kind', 'period', 'county', 'task', 'value', 'status', 'version'];

export interface PeriodFigure {
  period: string;
  county: string;
  /** the task id (序号) as the city list writes it */
  task: string;
  /** the cumulative actual reported (本期完成值), null when the county left it blank */
  value: number | null;
  /** 状态 as the sheet had it, '' when blank */
  status: string;
}

export interface PeriodHistory {
  /** period labels, oldest first */
  periods: string[];
  /** counties that submitted, per period label */
  reported: Record<string, string[]>;
  figures: PeriodFigure[];
  /**
   * Each county's 排名 score and rank as the period's roll-up published them. Kept rather than
   * recomputed: a later period has other yardsticks (another year's milestone) and may lack
   * the county altogether, yet 名次变化 and the trend must show what was published.
   */
  scores?: PeriodScore[];
}

export interface PeriodScore {
  period: string;
  county: string;
  score: number | null;
  rank: number | null;
}

export function emptyHistory(): PeriodHistory {
  return { periods: [], reported: {}, figures: [] };
}

/**
 * A sort key for a period label: year + share of the year elapsed (`2024年第3季度` → 2024.75).
 * Null when the label is not a period keytask understands; such labels keep their place.
 */
export function periodKey(label: string): number | null {
  const p = parseReportingPeriod(label);
  return p ? p.year + p.fraction : null;
}

/** Same period, however it is spelt (`2024年第3季度` = `2024年三季度` = `2024Q3`). */
export function samePeriod(a: string, b: string): boolean {
  const ka = periodKey(a);
  const kb = periodKey(b);
  return ka !== null && kb !== null ? Math.abs(ka - kb) < 1e-9 : a.trim() === b.trim();
}

const NEWER = {
  zh: (v: number) => `此工作簿的报送历史由更新版本的 keytask 写入(版本 ${v}),请升级 keytask 后再操作`,
  en: (v: number) => `This workbook's period history was written by a newer keytask (version ${v}); upgrade keytask before working on it`,
};

/** Reads the history sheet's values; unknown rows are skipped, a newer version is refused. */
export function parseHistory(values: Grid | null | undefined): PeriodHistory {
  const h = emptyHistory();
  if (!values) return h;
  for (const row of values.slice(1)) {
    const [kind, period, county, task, value, status, version] = row.map((v) => cellText(v as CellValue));
    const v = Number(version);
    if (version && Number.isFinite(v) && v > HISTORY_VERSION) throw new Refusal({ zh: NEWER.zh(v), en: NEWER.en(v) });
    if (!period) continue;
    if (kind === 'period') addPeriod(h, period);
    else if (kind === 'reported' && county) {
      addPeriod(h, period);
      const list = h.reported[period];
      if (!list.includes(county)) list.push(county);
    } else if (kind === 'figure' && county && task) {
      addPeriod(h, period);
      const n = value === '' ? null : Number(value);
      h.figures.push({ period, county, task, value: n !== null && Number.isFinite(n) ? n : null, status });
    } else if (kind === 'score' && county) {
      addPeriod(h, period);
      const num = (t: string): number | null => (t === '' || !Number.isFinite(Number(t)) ? null : Number(t));
      (h.scores ??= []).push({ period, county, score: num(value), rank: num(status) });
    }
  }
  return h;
}

function addPeriod(h: PeriodHistory, period: string): void {
  if (!h.periods.includes(period)) {
    h.periods.push(period);
    h.reported[period] = h.reported[period] ?? [];
  }
}

/**
 * The history with one period's facts put in (replacing what it had for that period: rolling
 * the same period up again after a late submission must not count it twice), periods kept in
 * time order where their labels say it. `scores`, when given, replace the period's; without
 * them (a period started, not rolled up) the period's scores are kept.
 */
export function withPeriod(
  h: PeriodHistory,
  period: string,
  reported: string[],
  figures: Omit<PeriodFigure, 'period'>[],
  scores?: Omit<PeriodScore, 'period'>[],
): PeriodHistory {
  const label = periodLabel(h, period);
  return withLabelledPeriod(
    h,
    label,
    reported,
    figures.map((f) => ({ ...f, period: label })),
    scores,
  );
}

/** The label a period goes by in a history: the one it holds already for the same period, else as written. */
export function periodLabel(h: PeriodHistory, period: string): string {
  return h.periods.find((p) => samePeriod(p, period)) ?? period;
}

/**
 * `withPeriod` for figures that carry the period's label (`periodLabel`) already: a roll-up's,
 * one a county and task, are then not copied once more.
 */
export function withLabelledPeriod(
  h: PeriodHistory,
  label: string,
  reported: string[],
  figures: PeriodFigure[],
  scores?: Omit<PeriodScore, 'period'>[],
): PeriodHistory {
  const periods = h.periods.includes(label) ? [...h.periods] : [...h.periods, label];
  // stable sort by key; labels without one stay where they are relative to each other
  const keyed = periods.map((p, i) => ({ p, i, k: periodKey(p) }));
  keyed.sort((a, b) => (a.k !== null && b.k !== null ? a.k - b.k || a.i - b.i : a.i - b.i));
  const order = keyed.map((x) => x.p);
  const all = [...h.figures.filter((f) => f.period !== label), ...figures];
  // figures in period order, as the sheet writes them, so a history read back equals the one written
  const allScores = scores
    ? [...(h.scores ?? []).filter((x) => x.period !== label), ...scores.map((x) => ({ ...x, period: label }))]
    : h.scores;
  return {
    periods: order,
    reported: { ...h.reported, [label]: [...reported] },
    figures: order.flatMap((p) => all.filter((f) => f.period === p)),
    ...(allScores?.length ? { scores: order.flatMap((p) => allScores.filter((x) => x.period === p)) } : {}),
  };
}

/** Every period of `b` put into `a` (b's facts win for a period both hold). */
export function mergeHistories(a: PeriodHistory, b: PeriodHistory): PeriodHistory {
  return b.periods.reduce((h, p) => {
    const scores = (b.scores ?? []).filter((x) => x.period === p);
    return withPeriod(
      h,
      p,
      b.reported[p] ?? [],
      b.figures.filter((f) => f.period === p),
      scores.length ? scores : undefined,
    );
  }, a);
}

/** The period before `period` in the history (by time where labels say it), or null. */
export function previousPeriod(h: PeriodHistory, period: string): string | null {
  const k = periodKey(period);
  const before = h.periods.filter((p) => !samePeriod(p, period) && (k === null || (periodKey(p) ?? -Infinity) < k));
  return before.length ? before[before.length - 1] : null;
}

/** One county's figure per task in a period: task id → value. */
export function figuresOf(h: PeriodHistory, period: string, county: string): Map<string, PeriodFigure> {
  const out = new Map<string, PeriodFigure>();
  for (const f of h.figures) if (f.period === period && f.county === county) out.set(f.task, f);
  return out;
}

/** The very hidden sheet that holds the history; null when there is nothing to keep. */
export function buildHistorySheet(h: PeriodHistory): SheetSpec | null {
  if (!h.periods.length) return null;
  const rows: CellValue[][] = [HEADER];
  for (const p of h.periods) {
    rows.push(['period', p, null, null, null, null, HISTORY_VERSION]);
    for (const c of h.reported[p] ?? []) rows.push(['reported', p, c, null, null, null, HISTORY_VERSION]);
    for (const f of h.figures) if (f.period === p) rows.push(['figure', p, f.county, f.task, f.value, f.status || null, HISTORY_VERSION]);
    for (const x of h.scores ?? [])
      if (x.period === p) rows.push(['score', p, x.county, null, x.score, x.rank === null ? null : String(x.rank), HISTORY_VERSION]);
  }
  return {
    key: 'periods',
    name: HISTORY_SHEET,
    kind: 'registry',
    visibility: 'veryHidden',
    columnWidths: HEADER.map(() => 14),
    values: rows,
    formats: [
      { range: `A1:D${rows.length}`, style: { numFmt: '@' } },
      { range: `F1:F${rows.length}`, style: { numFmt: '@' } },
    ],
    merges: [],
    validations: [],
    conditionalFormats: [],
  };
}
