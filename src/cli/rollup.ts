/**
 * `keytask rollup FILE.xlsx…`: the counties' returned workbooks (and the city workbook, which
 * says what the tasks are and who should report) into one summary — on the terminal, as JSON
 * for scripts, and with -o as a workbook of 汇总 / 填报情况 / 排名 (+ 审核意见).
 *
 * Here only files are read and written: the roll-up is core/operations/rollup.ts, the output
 * rollupOutput.ts. Input files are only ever read. A file that cannot be read is a finding,
 * not the end of the run: one broken attachment must not hold up a city's roll-up of a
 * hundred counties.
 */
import { dirname, relative, resolve, sep } from 'path';
import { hasErrors } from '../core/operations/report';
import { type FileRollup, fileRollup } from '../core/operations/rollup';
import { parseCounties } from '../core/text/counties';
import { HISTORY_SHEET, type PeriodHistory, parseHistory } from '../core/period/history';
import { readXlsx } from '../hosts/xlsx/readWorkbook';
import { eachSubmissionFile } from '../hosts/xlsx/submissionFiles';
import { InputError } from './errors';
import { checkOutput, formatOf, langOf, sameFile, writeFileAtomic } from './options';
import type { Messages } from './messages';
import { type ProgressStream, progress, rollupJsonPieces, rollupTable } from './rollupOutput';

export { type ProgressStream, type RollupJson, progress, rollupJson, rollupTable } from './rollupOutput';

export interface RollupArgs {
  output?: string;
  format?: string;
  lang?: string;
  counties?: string;
  force?: boolean;
  /** the file holding the city list; default the first file */
  city?: string;
  /** a previous roll-up's summary workbook, for its period history */
  previous?: string;
}

export interface RollupIo {
  out(line: string): void;
  err(line: string): void;
  /** resolves once what was written has gone to its reader (see CliIo) */
  drained?(): Promise<void>;
}

function today(): string {
  const d = new Date();
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** Links in the written workbook open the county files beside it: each named from the output's folder. */
function linkTargetFrom(output: string): (file: string) => string {
  const from = dirname(resolve(output));
  return (file) => relative(from, resolve(file)).split(sep).join('/');
}

/** The period history a previous summary carries (very hidden, read by name). */
async function previousHistory(file: string, m: Messages): Promise<PeriodHistory> {
  let read;
  try {
    read = await readXlsx(file);
  } catch {
    throw new InputError(m.f.rollupPreviousUnusable(file, true));
  }
  const sheet = read.sheets.find((s) => s.name === HISTORY_SHEET);
  if (!sheet) throw new InputError(m.f.rollupPreviousUnusable(file, false));
  return parseHistory(sheet.grid);
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
    checkOutput(
      output,
      [...files, ...(args.city ? [args.city] : []), ...(args.previous ? [args.previous] : [])],
      args.force,
      m,
      m.f.rollupOutputIsInput,
    );
  }
  const previous = args.previous ? await previousHistory(args.previous, m) : undefined;

  // The city list is the first file's, or the file named with --city. It is read first, for
  // the list every other file is checked against; then each file is rolled in and its grids
  // dropped before the next is read, so memory does not grow with the counties.
  const cityFile = args.city;
  const inputs = cityFile && !files.some((f) => sameFile(f, cityFile)) ? [cityFile, ...files] : files;
  const cityAt = cityFile
    ? Math.max(
        0,
        inputs.findIndex((f) => sameFile(f, cityFile)),
      )
    : 0;
  const cityName = inputs[cityAt];
  const bar = progress(inputs.length, stream, m.t('rollupReading'));
  const order = [cityAt, ...inputs.keys()].filter((i, k) => k === 0 || i !== cityAt);
  let roll: FileRollup | null = null;
  const options = {
    lang,
    ...(args.counties !== undefined ? { counties: parseCounties(args.counties) } : {}),
    build: output !== undefined,
    ...(previous ? { previous } : {}),
    ...(output ? { findingsSheet: { date: today() }, linkTarget: linkTargetFrom(output) } : {}),
  };
  try {
    await eachSubmissionFile(
      order.map((i) => ({ name: inputs[i], read: () => readXlsx(inputs[i]) })),
      { lang, onFile: (name) => bar.step(name) },
      {
        read: (file, k) => {
          if (k > 0) roll!.add(file, order[k]);
          else if (!(roll = fileRollup({ file, at: cityAt }, options))) throw new InputError(m.f.rollupNoCity(cityName));
        },
        unreadable: (file, k) => {
          if (k === 0) throw new InputError(m.f.rollupCityUnreadable(cityName));
          roll!.unreadable(file, order[k]);
        },
      },
    );
  } finally {
    bar.done();
  }
  const op = roll!.finish();
  const result = op.result!;

  if (format === 'json') {
    for (const piece of rollupJsonPieces(result)) {
      io.out(piece);
      await io.drained?.();
    }
  } else for (const line of rollupTable(result, lang, m)) io.out(line);

  if (output && op.workbook) {
    // ExcelJS is loaded only when a file is written: reading does not need it.
    const { toBuffer } = await import('../hosts/xlsx/writeWorkbook');
    await writeFileAtomic(output, await toBuffer(op.workbook.spec), m);
    const sheets = op.workbook.spec.sheets.filter((s) => s.visibility === 'visible').map((s) => s.name);
    // With JSON on stdout, the note goes to stderr so the JSON stays parseable.
    (format === 'json' ? io.err : io.out)(m.f.rollupWrote(output, sheets.join('、')));
  }
  return hasErrors(op.report) ? 1 : 0;
}
