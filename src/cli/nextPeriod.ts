/**
 * `keytask next-period WORKBOOK.xlsx --period LABEL -o OUT.xlsx [--from SUMMARY.xlsx]`: the
 * workbook for the next reporting period, written to a new file (never over the input).
 */
import { type NextPeriodResult, nextPeriod } from '../core/operations/nextPeriod';
import { HISTORY_SHEET, type PeriodHistory, parseHistory } from '../core/period/history';
import { keytaskSheetsOf, readXlsx } from '../hosts/xlsx/readWorkbook';
import { toBuffer } from '../hosts/xlsx/writeWorkbook';
import { InputError } from './errors';
import type { Output } from './generate';
import type { Messages } from './messages';
import { checkOutput, langOption, writeFileAtomic } from './options';

export interface NextPeriodArgs {
  period: string;
  output: string;
  from?: string;
  lang?: string;
  force?: boolean;
}

async function summaryHistory(file: string, m: Messages): Promise<PeriodHistory> {
  const read = await readXlsx(file);
  const sheet = read.sheets.find((s) => s.name === HISTORY_SHEET);
  if (!sheet) throw new InputError(m.f.fromNoHistory(file));
  return parseHistory(sheet.grid);
}

export async function runNextPeriod(file: string, args: NextPeriodArgs, m: Messages, io: Output): Promise<number> {
  const lang = langOption(args.lang, m);
  checkOutput(args.output, [file, ...(args.from ? [args.from] : [])], args.force, m);
  const read = await readXlsx(file);
  const from = args.from ? await summaryHistory(args.from, m) : undefined;
  const history = read.sheets.find((s) => s.name === HISTORY_SHEET);
  const r: NextPeriodResult = nextPeriod({
    sheets: read.sheets.map((s) => ({ name: s.name, visibility: s.state, grid: s.grid })),
    keytaskSheets: keytaskSheetsOf(read),
    registryExists: false,
    history: parseHistory(history?.grid),
    historyExists: false,
    period: args.period,
    ...(lang ? { lang } : {}),
    ...(from ? { from } : {}),
    write: 'file',
  });
  await writeFileAtomic(args.output, await toBuffer(r.spec), m);
  const { report } = r;
  if (report.closed) io.out(m.f.nextPeriodFrom(report.closed, report.period, report.fromHistory));
  io.out(m.f.nextPeriodDone(args.output, report.sheets.length, report.moved, report.periods.length));
  return 0;
}
