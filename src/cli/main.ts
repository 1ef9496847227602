/**
 * The `keytask` command line. Exit codes: 0 done; 2 bad input or an unreadable/unwritable
 * file; 1 is kept for "ran, but found errors" (validation commands); 3 an internal error.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { Command, CommanderError } from 'commander';
import { Refusal } from '../core/refusal';
import { XlsxReadError, describeReadError } from '../hosts/xlsx/errors';
import { InputError } from './errors';
import type { GenerateArgs, Output } from './generate';
import type { ImportArgs } from './import';
import type { NextPeriodArgs } from './nextPeriod';
import type { ReportArgs } from './report';
import type { RollupArgs } from './rollup';
import type { ValidateArgs } from './validate';
import { type Messages, argvLang, commanderText, messages } from './messages';

// Commands load ExcelJS only when they run, so `--help` and `--version` answer at once.
const commands = () => import('./generate');

export const EXIT = { ok: 0, findings: 1, badInput: 2, internal: 3 } as const;

export interface CliIo extends Output {
  err(line: string): void;
  /**
   * Resolves once the output written so far has gone to its reader. A pipe whose reader is
   * slower than keytask takes what it can and node keeps the rest in memory: a long output
   * (a roll-up's JSON, tens of MB) waits here between pieces instead.
   */
  drained?(): Promise<void>;
}

/**
 * What reaches a terminal: control characters from a file (a county name holding ESC, say)
 * shown as `\x1b`, never sent raw; line ends and tabs stay.
 */
export function terminalSafe(line: string): string {
  // eslint-disable-next-line no-control-regex
  return line.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Streams whose reader has gone (`keytask validate F | head -1`): nothing more is written to them. */
const closed = new WeakSet<NodeJS.WritableStream>();

function writeTo(stream: NodeJS.WriteStream, line: string): void {
  if (!closed.has(stream)) stream.write(`${terminalSafe(line)}\n`);
}

/** A closed pipe ends the output quietly: no EPIPE stack trace, and the command's own exit code. */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  if (stream.listenerCount('error') > 0) return;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    closed.add(stream);
  });
}

const STD_IO: CliIo = {
  out: (l) => writeTo(process.stdout, l),
  err: (l) => writeTo(process.stderr, l),
  drained: () =>
    process.stdout.writableNeedDrain && !closed.has(process.stdout)
      ? new Promise((done) => {
          // A reader that goes away (EPIPE) ends the wait as a drain does.
          const end = (): void => {
            process.stdout.off('drain', end).off('error', end);
            done();
          };
          process.stdout.on('drain', end).on('error', end);
        })
      : Promise.resolve(),
};

/** From lib/cli or src/cli alike, the package root is two folders up. */
function packageVersion(): string {
  const file = join(__dirname, '..', '..', 'package.json');
  try {
    return existsSync(file) ? String(JSON.parse(readFileSync(file, 'utf8')).version) : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function program(m: Messages, io: CliIo, setCode: (p: Promise<number>) => void): Command {
  const p = new Command('keytask')
    .description(m.t('description'))
    .version(packageVersion(), '-V, --version', m.t('versionOption'))
    .helpOption('-h, --help', m.t('helpOption'))
    .helpCommand('help [command]', m.t('helpCommand'))
    .showHelpAfterError(m.t('seeHelp'))
    .configureOutput({
      writeOut: (s) => io.out(commanderText(s, m.lang).replace(/\n$/, '')),
      writeErr: (s) => io.err(commanderText(s, m.lang).replace(/\n$/, '')),
    })
    .exitOverride();

  p.command('generate')
    .description(m.t('generateDescription'))
    .option('--plan <file>', m.t('optPlan'))
    .option('--sample', m.t('optSample'))
    .option('--counties <list>', m.t('optCounties'))
    .option('--years <from-to>', m.t('optYears'))
    .option('--paper <A4|A3>', m.t('optPaper'))
    .option('--lang <zh|en>', m.t('optLang'))
    .option('-o, --output <file>', m.t('optOut'))
    .option('--force', m.t('optRegenerate'))
    .option('--replace', m.t('optReplace'))
    .action((opts: GenerateArgs) => setCode(commands().then((c) => c.runGenerate(opts, m, io))));

  p.command('validate')
    .description(m.t('validateDescription'))
    .argument('<file>', m.t('argValidateFile'))
    .option('--sheet <name>', m.t('optSheet'))
    .option('--format <table|json>', m.t('optFormat'), 'table')
    .option('--lang <zh|en>', m.t('optFindingsLang'))
    .option('--findings-sheet <file>', m.t('optFindingsSheet'))
    .option('--fill-status', m.t('optFillStatus'))
    .option('--overwrite-status', m.t('optOverwriteStatus'))
    .option('-o, --output <file>', m.t('optFillOut'))
    .option('--force', m.t('optForce'))
    .action((file: string, opts: ValidateArgs) => setCode(import('./validate').then((c) => c.runValidate(file, opts, m, io))));

  p.command('rollup')
    .description(m.t('rollupDescription'))
    .argument('<files...>', 'FILE.xlsx…')
    .option('-o, --output <file>', m.t('optRollupOut'))
    .option('--format <table|json>', m.t('optFormat'), 'table')
    .option('--lang <zh|en>', m.t('optRollupLang'), 'zh')
    .option('--counties <list>', m.t('optExpectedCounties'))
    .option('--city <file>', m.t('optCity'))
    .option('--previous <file>', m.t('optPrevious'))
    .option('--force', m.t('optForce'))
    .action((files: string[], opts: RollupArgs) => setCode(import('./rollup').then((c) => c.runRollup(files, opts, m, io))));

  p.command('report')
    .description(m.t('reportDescription'))
    .argument('<file>', m.t('argReportFile'))
    .option('-o, --output <file>', m.t('optReportOut'))
    .option('--format <docx|md|reminders>', m.t('optReportFormat'))
    .option('--period <label>', m.t('optReportPeriod'))
    .option('--deadline <date>', m.t('optDeadline'))
    .option('--city <file>', m.t('optReportCity'))
    .option('--lang <zh|en>', m.t('optReportLang'))
    .option('--force', m.t('optForce'))
    .action((file: string, opts: ReportArgs) => setCode(import('./report').then((c) => c.runReport(file, opts, m, io))));

  p.command('import')
    .description(m.t('importDescription'))
    .argument('<file>', m.t('argImportFile'))
    .option('--format <json|table>', m.t('optImportFormat'))
    .option('-o, --output <file>', m.t('optImportOut'))
    .option('--counties <list>', m.t('optCounties'))
    .option('--years <from-to>', m.t('optYears'))
    .option('--lang <zh|en>', m.t('optImportLang'))
    .option('--force', m.t('optRegenerate'))
    .option('--replace', m.t('optReplace'))
    .action((file: string, opts: ImportArgs) => setCode(import('./import').then((c) => c.runImport(file, opts, m, io))));

  p.command('next-period')
    .description(m.t('nextPeriodDescription'))
    .argument('<file>', m.t('argNextPeriodFile'))
    .requiredOption('--period <label>', m.t('optPeriod'))
    .requiredOption('-o, --output <file>', m.t('optNextPeriodOut'))
    .option('--from <summary>', m.t('optFromSummary'))
    .option('--lang <zh|en>', m.t('optNextPeriodLang'))
    .option('--force', m.t('optForce'))
    .action((file: string, opts: NextPeriodArgs) => setCode(import('./nextPeriod').then((c) => c.runNextPeriod(file, opts, m, io))));

  p.command('demo')
    .description(m.t('demoDescription'))
    .option('-o, --output <dir>', m.t('optDemoOut'), join('out', 'demo'))
    .action((opts: { output: string }) => setCode(commands().then((c) => c.runDemo(opts.output, m, io))));
  return p;
}

/** Runs the CLI on `argv` (as in process.argv) and resolves to the exit code; never exits itself. */
export async function main(argv: string[] = process.argv, io: CliIo = STD_IO, given?: Messages): Promise<number> {
  // `--lang` speaks to the operator too; without it, the locale decides.
  const asked = argvLang(argv.slice(2));
  const m = asked && asked !== given?.lang ? messages(asked) : (given ?? messages());
  if (io === STD_IO) {
    quietOnClosedPipe(process.stdout);
    quietOnClosedPipe(process.stderr);
  }
  let pending: Promise<number> = Promise.resolve(EXIT.ok);
  const p = program(m, io, (run) => {
    pending = run;
  });
  try {
    await p.parseAsync(argv);
    if (argv.length <= 2) p.outputHelp();
    return await pending;
  } catch (e) {
    return report(e, m, io);
  }
}

function report(e: unknown, m: Messages, io: CliIo): number {
  if (e instanceof CommanderError) {
    // Commander has already printed its message (or the help / version text).
    return e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
  }
  if (e instanceof InputError) {
    io.err(`${m.t('errorPrefix')}${e.message}`);
    return EXIT.badInput;
  }
  if (e instanceof Refusal) {
    io.err(`${m.t('errorPrefix')}${e.describe(m.lang)}`);
    return EXIT.badInput;
  }
  if (e instanceof XlsxReadError) {
    // The reader says a missing file in English; the operator reads it in their language.
    io.err(`${m.t('errorPrefix')}${describeReadError(e, m.lang).replace(/no such file$/, m.t('noSuchFile'))}`);
    if (process.env.KEYTASK_DEBUG && e.debug) io.err(e.debug);
    return EXIT.badInput;
  }
  io.err(`${m.t('errorPrefix')}${m.t('unexpected')}: ${e instanceof Error ? e.message : String(e)}`);
  if (process.env.KEYTASK_DEBUG && e instanceof Error && e.stack) io.err(e.stack);
  return EXIT.internal;
}
