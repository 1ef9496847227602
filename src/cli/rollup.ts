/**
 * `keytask rollup FILE.xlsx…`: the counties' returned workbooks (and the city workbook, which
 * says what the tasks are and who should report) into one summary — on the terminal, as JSON
 * for scripts, and with -o as a workbook of 汇总 / 填报情况 / 排名 (+ 审核意见).
 *
 * Input files are only ever read. A file that cannot be read is a finding, not the end of
 * the run: one broken attachment must not hold up a city's roll-up of a hundred counties.
 */
import { basename, dirname, relative, resolve, sep } from 'path';
import { type Finding, summarize } from '../core/findings/catalogue';
import type { Lang } from '../core/i18n';
import { linkFormula } from '../core/report/links';
import { rollupReport, summaryTitle } from '../core/rollup/report';
import { type RollupResult, rollup } from '../core/rollup/rollup';
import { type SourceFile, type UnreadableFile, collectSources } from '../core/rollup/sources';
import type { Grid } from '../core/sheet/grid';
import { isFormula } from '../core/sheet/spec';
import { XlsxReadError, unreadableOf } from '../hosts/xlsx/errors';
import { readXlsx } from '../hosts/xlsx/readWorkbook';
import { InputError } from './errors';
import { checkOutput, formatOf, langOf, sameFile, writeFileAtomic } from './options';
import type { Messages } from './messages';
import { parseCounties } from './planInput';
import { displayWidth, findingsTable } from './validate';

export interface RollupArgs {
  output?: string;
  format?: string;
  lang?: string;
  counties?: string;
  force?: boolean;
  /** the file holding the city list; default the first file */
  city?: string;
}

export interface RollupIo {
  out(line: string): void;
  err(line: string): void;
}

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

async function readAll(
  files: string[],
  m: Messages,
  stream: ProgressStream,
  lang: Lang,
): Promise<{ read: SourceFile[]; unreadable: UnreadableFile[] }> {
  const read: SourceFile[] = [];
  const unreadable: UnreadableFile[] = [];
  const bar = progress(files.length, stream, m.t('rollupReading'));
  for (const file of files) {
    try {
      const wb = await readXlsx(file);
      read.push({ name: file, grids: wb.sheets, names: wb.names });
    } catch (e) {
      if (!(e instanceof XlsxReadError)) throw e;
      unreadable.push({ name: file, ...unreadableOf(e, lang) });
    }
    bar.step(file);
  }
  bar.done();
  return { read, unreadable };
}

export function rollupJson(result: RollupResult): RollupJson {
  return {
    tasks: result.tasks.map((t) => ({
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
            milestones: f.milestones,
            actual: f.actual,
            source: f.source,
            excluded: f.excluded.map((x) => ({ field: x.field, value: x.value, typed: x.typed, cell: x.cell, code: x.code })),
          },
        ]),
      ),
    })),
    status: result.status,
    ranking: result.ranking.map((r) => ({ county: r.county, rank: r.rank, score: r.score, tasks: r.tasks })),
    excluded: result.excluded,
    findings: result.findings,
  };
}

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
      ...table(result.ranking.map((r) => [String(r.rank ?? '-'), r.county, r.score === null ? '-' : r.score.toFixed(1)])).map(
        (l) => `  ${l}`,
      ),
    );
  }
  const s = summarize(result.findings);
  lines.push('', m.f.findingsTotal(s.total, s.bySeverity.error, s.bySeverity.warning, s.bySeverity.info));
  for (const l of findingsTable(result.findings, lang)) lines.push(l);
  return lines;
}

function today(): string {
  const d = new Date();
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/**
 * Links in the written workbook open the county files beside it: each input is named relative
 * to the output's folder, and the findings' `file!sheet` becomes a link into that file.
 */
function linkedToFiles(result: RollupResult, files: SourceFile[], output: string): RollupResult {
  const from = dirname(resolve(output));
  const rel = new Map(files.map((f) => [f.name, relative(from, resolve(f.name)).split(sep).join('/')]));
  return {
    ...result,
    tasks: result.tasks.map((t) => ({
      ...t,
      counties: Object.fromEntries(
        Object.entries(t.counties).map(([c, f]) => [
          c,
          f.origin.file ? { ...f, origin: { ...f.origin, file: rel.get(f.origin.file) ?? f.origin.file } } : f,
        ]),
      ),
    })),
  };
}

async function writeReport(
  result: RollupResult,
  files: SourceFile[],
  cityGrid: Grid,
  lang: Lang,
  output: string,
  m: Messages,
): Promise<string[]> {
  const linked = linkedToFiles(result, files, output);
  const title = summaryTitle(cityGrid, lang);
  const report = rollupReport(linked, {
    lang,
    title,
    ...(result.findings.length ? { findings: { subject: title, date: today() } } : {}),
  });
  // The findings sheet's cell links: `file!sheet` names a sheet of another file, not of this one.
  const findingsSheet = report.spec.sheets.find((s) => s.key === 'findings');
  if (findingsSheet) {
    const from = dirname(resolve(output));
    const first = findingsSheet.values.length - result.findings.length;
    findingsSheet.values = findingsSheet.values.map((row, r) => {
      const f = result.findings[r - first];
      if (r < first || !f?.cell) return row;
      const file = files.find((x) => f.sheet.startsWith(`${x.name}!`));
      if (!file) return row;
      const target = relative(from, resolve(file.name)).split(sep).join('/');
      const cell = f.cell;
      return row.map((v) => (isFormula(v) ? { formula: linkFormula(f.sheet.slice(file.name.length + 1), cell, cell, target) } : v));
    });
  }
  // ExcelJS is loaded only when a file is written: reading does not need it.
  const { toBuffer } = await import('../hosts/xlsx/writeWorkbook');
  const buf = await toBuffer(report.spec);
  await writeFileAtomic(output, buf, m);
  return report.spec.sheets.filter((s) => s.visibility === 'visible').map((s) => s.name);
}

export async function runRollup(
  files: string[],
  args: RollupArgs,
  m: Messages,
  io: RollupIo,
  stream: ProgressStream = process.stderr,
): Promise<number> {
  const format = formatOf(args.format, m);
  const lang = langOf(args.lang, 'zh', m);
  const output = args.output;
  if (output) {
    checkOutput(output, [...files, ...(args.city ? [args.city] : [])], args.force, m, m.f.rollupOutputIsInput);
  }

  // The city list is the first file's, or the file named with --city (read first, once).
  const cityFile = args.city;
  const inputs = cityFile && !files.some((f) => sameFile(f, cityFile)) ? [cityFile, ...files] : files;
  const { read, unreadable } = await readAll(inputs, m, stream, lang);
  const cityName = cityFile ? (inputs.find((f) => sameFile(f, cityFile)) ?? cityFile) : inputs[0];
  const sources = collectSources(read, unreadable, { lang, cityFile: cityName });
  const city = sources.city;
  if (!city) {
    const why = unreadable.find((u) => u.name === cityName);
    throw new InputError(why ? m.f.rollupCityUnreadable(cityName) : m.f.rollupNoCity(cityName));
  }
  const expected = args.counties !== undefined ? parseCounties(args.counties) : city.counties;
  const core = rollup({ grid: city.grid, source: city.source, percentCells: city.percentCells }, sources.submissions, {
    lang,
    citySource: city.source,
    units: city.units,
    ...(expected.length ? { counties: expected } : {}),
  });
  const result: RollupResult = { ...core, findings: [...sources.findings, ...core.findings] };

  if (format === 'json') io.out(JSON.stringify(rollupJson(result), null, 2));
  else for (const line of rollupTable(result, lang, m)) io.out(line);

  if (output) {
    const sheets = await writeReport(result, read, city.grid, lang, output, m);
    // With JSON on stdout, the note goes to stderr so the JSON stays parseable.
    (format === 'json' ? io.err : io.out)(m.f.rollupWrote(output, sheets.join('、')));
  }
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
