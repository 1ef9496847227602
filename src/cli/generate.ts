/**
 * `keytask generate` and `keytask demo`: a plan (a file, the bundled sample, or none for the
 * blank template) and a county list in, an .xlsx out.
 */
import { existsSync } from 'fs';
import { readFile } from 'fs/promises';
import { join } from 'path';
import { EMPTY_WORKBOOK, type ExistingWorkbook } from '../core/generate/generate';
import type { Lang } from '../core/i18n';
import type { Plan } from '../core/model';
import { type GenerateReport, planToGenerate } from '../core/operations/generate';
import { fileToRegenerate, regenerate, workbookDefaults } from '../core/operations/regenerate';
import sampleJson from '../core/samples/shangqiu-2023-2025.json';
import { XlsxReadError, describeReadError } from '../hosts/xlsx/errors';
import { type ReadWorkbook, keytaskSheetsOf, readXlsx } from '../hosts/xlsx/readWorkbook';
import { toBuffer } from '../hosts/xlsx/writeWorkbook';
import { InputError } from './errors';
import { checkOutput, langOption, paperOption, writeFileAtomic, yearsOption } from './options';
import type { Paper } from '../core/sheet/printPlan';
import type { Messages } from './messages';
import { PlanShapeError, parseCounties, parsePlan } from './planInput';

export interface Output {
  out(line: string): void;
}

export interface GenerateArgs {
  plan?: string;
  sample?: boolean;
  counties?: string;
  years?: string;
  paper?: string;
  lang?: string;
  output?: string;
  force?: boolean;
  replace?: boolean;
}

export const DEMO_COUNTIES = ['新密市', '登封市', '荥阳市'];
const MAX_ISSUES_SHOWN = 12;

export function samplePlan(): Plan {
  return parsePlan(sampleJson);
}

async function loadPlan(file: string, m: Messages): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new InputError(m.f.planMissing(file));
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InputError(m.f.planNotJson(file, (e as Error).message));
  }
  try {
    return parsePlan(json);
  } catch (e) {
    if (!(e instanceof PlanShapeError)) throw e;
    const lines = e.issues.slice(0, MAX_ISSUES_SHOWN).map((i) => `  ${i.path}: ${m.t('expected')} ${m.want(i.want)}`);
    if (e.issues.length > MAX_ISSUES_SHOWN) lines.push(`  ${m.t('moreIssues')}`);
    throw new InputError([m.f.planShape(file), ...lines].join('\n'));
  }
}

/**
 * Resolves the command-line options into a plan, counties and language, or throws InputError.
 * `defaults` (from a workbook being re-generated) stand in for --years when there is no plan to
 * take the period from.
 */
export async function resolveGenerate(
  args: GenerateArgs,
  m: Messages,
  defaults: { years?: [number, number] } = {},
): Promise<{ plan: Plan; counties: string[]; lang?: Lang }> {
  if (args.plan && args.sample) throw new InputError(m.t('planAndSample'));
  const lang = langOption(args.lang, m);
  const years = yearsOption(args.years, m);
  const given = args.plan ? await loadPlan(args.plan, m) : args.sample ? samplePlan() : null;
  const plan = planToGenerate(given, {
    years,
    ...(defaults.years ? { workbookYears: defaults.years } : {}),
    thisYear: new Date().getFullYear(),
  });
  return { plan, counties: parseCounties(args.counties), ...(lang ? { lang } : {}) };
}

/**
 * What writing the workbook to `file` starts from. A new file, or any file with --replace:
 * nothing. An existing file with --force: the keytask workbook it holds, so that re-generation
 * keeps what was filled, as the task pane does. Anything else is refused, leaving the file as it
 * is: an existing file without either flag, a file that cannot be read, a workbook keytask did
 * not make, and one holding sheets re-generation would not write again (the command line writes
 * the whole file anew, where the pane updates the workbook in place).
 */
export async function existingOutput(file: string, args: { force?: boolean; replace?: boolean }, m: Messages): Promise<ExistingWorkbook> {
  if (args.replace || !existsSync(file)) return EMPTY_WORKBOOK;
  if (!args.force) throw new InputError(m.f.exists(file));
  let read: ReadWorkbook;
  try {
    read = await readXlsx(file);
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    throw new InputError(m.f.cannotReadExisting(file, describeReadError(e, m.lang, false)));
  }
  const sheets = read.sheets.map((s) => ({ name: s.name, visibility: s.state, grid: s.grid }));
  const r = fileToRegenerate(sheets, keytaskSheetsOf(read));
  if (!('refused' in r)) return r;
  throw new InputError(r.refused === 'not-keytask' ? m.f.notKeytaskWorkbook(file) : m.f.wouldLoseSheets(file, r.sheets.join('、')));
}

export interface WriteResult extends GenerateReport {
  file: string;
  bytes: number;
  ms: number;
}

/**
 * Writes through a temporary file in the same folder, so an interrupted run never leaves a
 * half-written workbook under the user's file name.
 */
export async function writeWorkbookFile(
  plan: Plan,
  listed: string[],
  lang: Lang | undefined,
  file: string,
  m: Messages,
  existing: ExistingWorkbook = EMPTY_WORKBOOK,
  paper?: Paper,
): Promise<WriteResult> {
  const started = performance.now();
  const { spec, report } = regenerate(
    { plan, counties: listed, ...(lang ? { lang } : {}), ...(paper ? { paper } : {}) },
    { existing, registryExists: false, write: 'file' },
  );
  const buf = await toBuffer(spec);
  await writeFileAtomic(file, buf, m);
  return { ...report, file, bytes: buf.length, ms: Math.round(performance.now() - started) };
}

/** What a re-generation kept, sheet by sheet, and which sheets it made new. */
function keptLines(r: WriteResult, m: Messages): string[] {
  if (!r.regenerated) return [];
  const lines: string[] = [];
  for (const a of r.actions) {
    if (a.action !== 'update' || a.kept.length + a.orphans.length === 0) continue;
    lines.push(a.key === 'units' ? m.f.keptUnits(a.sheet, a.kept.length) : m.f.keptFilled(a.sheet, a.kept.length, a.orphans.length));
  }
  if (!r.actions.some((a) => a.action === 'update' && a.key !== 'units' && a.kept.length + a.orphans.length > 0))
    lines.push(m.t('keptNothing'));
  const created = r.actions.filter((a) => a.action === 'create').map((a) => a.sheet);
  if (created.length) lines.push(m.f.createdSheets(created.join('、')));
  if (r.keptCounties.length) lines.push(m.f.keptCounties(r.keptCounties.join('、')));
  return lines.map((l) => `  ${l}`);
}

export function summary(r: WriteResult, m: Messages): string[] {
  const kb = (r.bytes / 1024).toFixed(1);
  return [
    `${m.t(r.regenerated ? 'regeneratedTitle' : 'summaryTitle')} ${r.file} (${kb} KB)`,
    `  ${m.t('summarySheets')}: ${r.sheets.length} (${r.sheets.join(', ')})`,
    `  ${m.t('summaryTasks')}: ${r.tasks}`,
    `  ${m.t('summaryCounties')}: ${r.counties.length ? r.counties.join('、') : m.t('none')}`,
    `  ${m.t('summaryPeriod')}: ${r.startYear}–${r.endYear}`,
    `  ${m.t('summaryElapsed')}: ${m.f.ms(r.ms)}`,
    ...r.renamed.map((c) => `  ${m.f.renamed(c.wanted, c.used)}`),
    ...keptLines(r, m),
  ];
}

export async function runGenerate(args: GenerateArgs, m: Messages, io: Output): Promise<number> {
  if (!args.output) throw new InputError(m.t('needOutput'));
  checkOutput(args.output, args.plan ? [args.plan] : [], args.force || args.replace, m, m.f.outputIsInput, m.f.exists);
  const paper = paperOption(args.paper, m);
  const existing = await existingOutput(args.output, args, m);
  const { plan, counties, lang } = await resolveGenerate(args, m, workbookDefaults(existing));
  const r = await writeWorkbookFile(plan, counties, lang, args.output, m, existing, paper);
  for (const line of summary(r, m)) io.out(line);
  return 0;
}

export async function runDemo(dir: string, m: Messages, io: Output): Promise<number> {
  const demo = await writeWorkbookFile(samplePlan(), DEMO_COUNTIES, 'zh', join(dir, 'keytask-demo.xlsx'), m);
  const blank = planToGenerate(null, { thisYear: new Date().getFullYear() });
  const empty = await writeWorkbookFile(blank, [], 'zh', join(dir, 'keytask-empty.xlsx'), m);
  io.out(m.t('demoDone'));
  io.out(`  ${demo.file}  (${demo.tasks} ${m.t('summaryTasks')}, ${demo.counties.join('、')}, ${m.f.ms(demo.ms)})`);
  io.out(`  ${empty.file}  (${m.t('emptyTemplate')} ${empty.startYear}–${empty.endYear}, ${m.f.ms(empty.ms)})`);
  io.out(m.t('demoOpen'));
  return 0;
}
