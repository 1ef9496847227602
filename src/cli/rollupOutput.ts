/**
 * What `keytask rollup` prints: the table on the terminal, the JSON scripts read, and the
 * progress bar while files are read. The roll-up itself is core/operations/rollup.ts.
 */
import { basename } from 'path';
import { type Finding, summarize } from '../core/findings/catalogue';
import type { Lang } from '../core/i18n';
import type { RollupResult } from '../core/rollup/rollup';
import type { PeriodComparison } from '../core/rollup/periods';
import { rankChangeText } from '../core/report/rollupSheets';
import type { Messages } from './messages';
import { displayWidth, findingsTable } from './validate';

/** Where the progress bar goes: a terminal is redrawn in place, anything else gets lines. */
export interface ProgressStream {
  isTTY?: boolean;
  write(s: string): unknown;
}

/** The JSON output, field for field; scripts rely on exactly these names. */
export interface RollupJson {
  tasks: Array<{
    id: string;
    unit: string | null;
    additive: boolean;
    total: { target: number | null; milestones: Record<string, number | null>; actual: number | null } | null;
    /** actual ÷ target over the counties whose both figures count; null when not summed */
    rate: number | null;
    /** the smallest and largest actual that counts, for what is not summed */
    range: RollupResult['tasks'][number]['range'];
    counties: Record<
      string,
      {
        target: number | null;
        milestones: Record<string, number | null>;
        actual: number | null;
        source: string;
        /** figures shown but left out of totals and ranking, with the county's own finding */
        excluded: Array<{ field: string; value: number | null; typed: string; cell: string | null; code: string }>;
      }
    >;
  }>;
  status: RollupResult['status'];
  ranking: Array<{ county: string; rank: number | null; score: number | null; tasks: number }>;
  /** every county figure left out of totals and ranking */
  excluded: RollupResult['excluded'];
  findings: Finding[];
  /** this period against the last one the history keeps; only when there is one */
  periods?: PeriodComparison;
}

/** Beyond this many files a run takes long enough to deserve a progress bar even off a terminal. */
const PROGRESS_FILES = 20;
const BAR = 24;

export function progress(total: number, stream: ProgressStream, label: string): { step(name: string): void; done(): void } {
  const shown = stream.isTTY === true || total > PROGRESS_FILES;
  let n = 0;
  let lastTenth = 0;
  return {
    step(name: string) {
      n++;
      if (!shown) return;
      if (stream.isTTY) {
        const filled = Math.round((n / total) * BAR);
        const shortName = [...basename(name)].slice(0, 30).join('');
        stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${n}/${total} ${shortName}\x1b[K`);
        return;
      }
      // Logs get a line per tenth, not a line per file.
      const tenth = Math.floor((n / total) * 10);
      if (tenth !== lastTenth || n === total) {
        lastTenth = tenth;
        stream.write(`${label} ${n}/${total}\n`);
      }
    },
    done() {
      if (shown && stream.isTTY) stream.write('\n');
    },
  };
}

export function rollupJson(result: RollupResult): RollupJson {
  return { tasks: result.tasks.map((t) => taskJson(t, result.years)), ...restJson(result) };
}

type TaskJson = RollupJson['tasks'][number];

/** A task's JSON; each county's milestones keyed by year, as scripts read them. */
function taskJson(t: RollupResult['tasks'][number], years: number[]): TaskJson {
  return {
    id: t.id,
    unit: t.unit,
    additive: t.additive,
    total: t.total,
    rate: t.rate,
    range: t.range,
    counties: Object.fromEntries(
      Object.entries(t.counties).map(([c, f]) => [
        c,
        {
          target: f.target,
          milestones: Object.fromEntries(years.map((y, i) => [String(y), f.milestones[i] ?? null])),
          actual: f.actual,
          source: f.source,
          excluded: f.excluded.map((x) => ({ field: x.field, value: x.value, typed: x.typed, cell: x.cell, code: x.code })),
        },
      ]),
    ),
  };
}

function restJson(result: RollupResult): Omit<RollupJson, 'tasks'> {
  return {
    status: result.status,
    ranking: result.ranking.map((r) => ({ county: r.county, rank: r.rank, score: r.score, tasks: r.tasks })),
    excluded: result.excluded,
    findings: result.findings,
    ...(result.periods ? { periods: result.periods } : {}),
  };
}

/**
 * The same JSON as `JSON.stringify(rollupJson(result), null, 2)`, in pieces to be written one
 * after the other with a line end between: a task at a time, so a roll-up of hundreds of
 * counties is never one string of tens of megabytes. JSON.stringify escapes every line end
 * inside a string, so a piece is indented by indenting its lines.
 */
export function* rollupJsonPieces(result: RollupResult): Generator<string> {
  // A value's lines as they stand inside the whole: stringified inside the same wrapping, the
  // wrapping cut off (cheaper than indenting every line of a long piece again).
  const inTasks = (v: unknown): string => JSON.stringify({ tasks: [v] }, null, 2).slice(TASKS_OPEN.length, -TASKS_CLOSE.length);
  const member = (k: string, v: unknown): string => JSON.stringify({ [k]: v }, null, 2).slice(2, -2);
  yield '{';
  if (result.tasks.length === 0) yield '  "tasks": [],';
  else {
    yield '  "tasks": [';
    const last = result.tasks.length - 1;
    for (const [i, t] of result.tasks.entries()) yield `${inTasks(taskJson(t, result.years))}${i < last ? ',' : ''}`;
    yield '  ],';
  }
  const rest = Object.entries(restJson(result));
  for (const [i, [k, v]] of rest.entries()) yield `${member(k, v)}${i < rest.length - 1 ? ',' : ''}`;
  yield '}';
}

const TASKS_OPEN = '{\n  "tasks": [\n';
const TASKS_CLOSE = '\n  ]\n}';

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => rows.reduce((w, r) => Math.max(w, displayWidth(r[i] ?? '')), 0));
  return rows.map((r) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i])))
      .join('  ')
      .trimEnd(),
  );
}

const num = (n: number | null): string => (n === null ? '-' : String(Math.round(n * 1e4) / 1e4));

export function rollupTable(result: RollupResult, lang: Lang, m: Messages): string[] {
  const lines = [m.f.rollupHeadline(result.counties.length, result.counties.join('、') || m.t('none'), result.reporting?.text ?? '-')];
  const reported = result.tasks.filter((t) => Object.keys(t.counties).length > 0);
  if (reported.length) {
    lines.push('');
    const head =
      lang === 'zh'
        ? ['序号', '单位', '目标合计', '完成合计', '完成率', '报送县区']
        : ['No.', 'Unit', 'Target', 'Actual', 'Rate', 'Counties'];
    const rows = reported.map((t) => [
      t.id,
      t.unit ?? '',
      t.total ? num(t.total.target) : m.t('rollupNotSummed'),
      t.total ? num(t.total.actual) : t.range ? `${num(t.range.min.value)}–${num(t.range.max.value)}` : '-',
      t.rate === null ? '-' : `${(t.rate * 100).toFixed(1)}%`,
      String(Object.keys(t.counties).length),
    ]);
    for (const l of table([head, ...rows])) lines.push(l);
  }
  if (result.excluded.length) {
    lines.push('', m.f.rollupExcluded(result.excluded.length));
    for (const x of result.excluded)
      lines.push(
        `  ${x.county} ${m.t('taskNo')}${x.taskId} ${x.label}: ${x.typed || num(x.value)} — ${x.reason} (${x.source}!${x.cell ?? ''})`,
      );
  }
  if (result.ranking.length) {
    lines.push('', m.t('rollupRanking'));
    lines.push(
      ...table(
        result.ranking.map((r) => {
          const change = result.periods?.ranks[r.county];
          const moved = change && r.rank !== null ? [rankChangeText(change, lang)] : [];
          return [String(r.rank ?? '-'), r.county, r.score === null ? '-' : r.score.toFixed(1), ...moved];
        }),
      ).map((l) => `  ${l}`),
    );
  }
  const s = summarize(result.findings);
  lines.push('', m.f.findingsTotal(s.total, s.bySeverity.error, s.bySeverity.warning, s.bySeverity.info));
  for (const l of findingsTable(result.findings, lang)) lines.push(l);
  return lines;
}
