/**
 * `keytask generate` and `keytask demo`: a plan (a file, the bundled sample, or none for the
 * blank template) and a county list in, an .xlsx out.
 */
import { readFile } from 'fs/promises';
import { join } from 'path';
import { generateWorkbook } from '../core/generate/generate';
import type { Lang } from '../core/i18n';
import { type Plan, emptyPlan } from '../core/model';
import sampleJson from '../core/samples/shangqiu-2023-2025.json';
import { toBuffer } from '../hosts/xlsx/writeWorkbook';
import { InputError } from './errors';
import { checkOutput, langOf, writeFileAtomic } from './options';
import type { Messages } from './messages';
import { PlanShapeError, parseCounties, parsePlan, parseYears } from './planInput';

export interface Output {
  out(line: string): void;
}

export interface GenerateArgs {
  plan?: string;
  sample?: boolean;
  counties?: string;
  years?: string;
  lang?: string;
  output?: string;
  force?: boolean;
}

export const DEMO_COUNTIES = ['新密市', '登封市', '荥阳市'];
const MAX_ISSUES_SHOWN = 12;

export function samplePlan(): Plan {
  return parsePlan(sampleJson);
}

function defaultYears(): [number, number] {
  const y = new Date().getFullYear();
  return [y, y + 2];
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

/** Resolves the command-line options into a plan, counties and language, or throws InputError. */
export async function resolveGenerate(args: GenerateArgs, m: Messages): Promise<{ plan: Plan; counties: string[]; lang: Lang }> {
  if (args.plan && args.sample) throw new InputError(m.t('planAndSample'));
  const lang = langOf(args.lang, 'zh', m);
  let years: [number, number] | null = null;
  if (args.years !== undefined) {
    years = parseYears(args.years);
    if (!years) throw new InputError(m.f.badYears(args.years));
  }
  let plan: Plan;
  if (args.plan) plan = await loadPlan(args.plan, m);
  else if (args.sample) plan = samplePlan();
  else plan = emptyPlan(...(years ?? defaultYears()));
  if (years) plan = { ...plan, startYear: years[0], endYear: years[1] };
  return { plan, counties: parseCounties(args.counties), lang };
}

export interface WriteResult {
  file: string;
  sheets: string[];
  tasks: number;
  counties: string[];
  startYear: number;
  endYear: number;
  bytes: number;
  ms: number;
  /** sheets that could not take the name they wanted (a county called 单位名录, say) */
  renamed: Array<{ wanted: string; used: string }>;
}

/**
 * Writes through a temporary file in the same folder, so an interrupted run never leaves a
 * half-written workbook under the user's file name.
 */
export async function writeWorkbookFile(plan: Plan, counties: string[], lang: Lang, file: string, m: Messages): Promise<WriteResult> {
  const started = performance.now();
  const { spec, conflicts } = generateWorkbook(plan, { counties, lang });
  const buf = await toBuffer(spec);
  await writeFileAtomic(file, buf, m);
  return {
    file,
    sheets: spec.sheets.filter((s) => s.visibility === 'visible').map((s) => s.name),
    tasks: plan.tasks.length,
    counties,
    startYear: plan.startYear,
    endYear: plan.endYear,
    bytes: buf.length,
    ms: Math.round(performance.now() - started),
    renamed: conflicts.map((c) => ({ wanted: c.wanted, used: c.used })),
  };
}

export function summary(r: WriteResult, m: Messages): string[] {
  const kb = (r.bytes / 1024).toFixed(1);
  return [
    `${m.t('summaryTitle')} ${r.file} (${kb} KB)`,
    `  ${m.t('summarySheets')}: ${r.sheets.length} (${r.sheets.join(', ')})`,
    `  ${m.t('summaryTasks')}: ${r.tasks}`,
    `  ${m.t('summaryCounties')}: ${r.counties.length ? r.counties.join('、') : m.t('none')}`,
    `  ${m.t('summaryPeriod')}: ${r.startYear}–${r.endYear}`,
    `  ${m.t('summaryElapsed')}: ${m.f.ms(r.ms)}`,
    ...r.renamed.map((c) => `  ${m.f.renamed(c.wanted, c.used)}`),
  ];
}

export async function runGenerate(args: GenerateArgs, m: Messages, io: Output): Promise<number> {
  if (!args.output) throw new InputError(m.t('needOutput'));
  checkOutput(args.output, args.plan ? [args.plan] : [], args.force, m);
  const { plan, counties, lang } = await resolveGenerate(args, m);
  const r = await writeWorkbookFile(plan, counties, lang, args.output, m);
  for (const line of summary(r, m)) io.out(line);
  return 0;
}

export async function runDemo(dir: string, m: Messages, io: Output): Promise<number> {
  const demo = await writeWorkbookFile(samplePlan(), DEMO_COUNTIES, 'zh', join(dir, 'keytask-demo.xlsx'), m);
  const empty = await writeWorkbookFile(emptyPlan(...defaultYears()), [], 'zh', join(dir, 'keytask-empty.xlsx'), m);
  io.out(m.t('demoDone'));
  io.out(`  ${demo.file}  (${demo.tasks} ${m.t('summaryTasks')}, ${demo.counties.join('、')}, ${m.f.ms(demo.ms)})`);
  io.out(`  ${empty.file}  (${m.t('emptyTemplate')} ${empty.startYear}–${empty.endYear}, ${m.f.ms(empty.ms)})`);
  io.out(m.t('demoOpen'));
  return 0;
}
