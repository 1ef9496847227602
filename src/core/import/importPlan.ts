/**
 * Plan import: the text of a plan document (重点任务清单 table or prose) in, a Plan out, with
 * what the importer had to interpret reported as findings on the task concerned rather than
 * guessed silently. Pure: no I/O; the CLI and the pane hand it text (see decode.ts, docx.ts).
 */
import { type Finding, type FindingCode, type ParamsArg, finding } from '../findings/catalogue';
import type { Lang } from '../i18n';
import type { Milestone, MilestoneKind, Plan, Section, Task } from '../model';
import { parseSchedule } from '../text/milestones';
import { readProse } from './prose';
import type { RawReading, RawTask } from './rawTask';
import { newConventions, readTask, timingIn } from './responsibility';
import { readColumns } from './columns';
import { readRunTogether } from './runTogether';
import { hasTable, readTable } from './table';
import { type Candidate, candidatesIn, chooseTarget, dateIn, kindOf, monthDeadlineIn } from './targets';
import { type SourceLine, endsWhole, fold, sourceLines } from './text';

export interface ImportOptions {
  /** language of the findings' messages */
  lang?: Lang;
  /** where the text came from (a file name); goes in each finding's `sheet` */
  source?: string;
  /** the plan period, when the caller knows better than the document */
  startYear?: number;
  endYear?: number;
  /**
   * This year by the host's clock (the CLI and the pane pass it; the core reads no clock): the
   * period of a plan whose document names no year. Without it such a plan takes the latest year
   * the text mentions at all, else 0.
   */
  year?: number;
}

export interface ImportedTask extends Task {
  findings: Finding[];
  /** 1-based line of the document the task starts on */
  line: number;
}

export interface ImportResult {
  plan: Plan;
  tasks: ImportedTask[];
  units: string[];
  /** every finding: the tasks' and those about the document as a whole */
  findings: Finding[];
}

/** `noTasks`: plan-like words and chapters but no task in them (a progress table, a notice). */
export type ImportErrorReason = 'empty' | 'notAPlan' | 'noTasks';

const REFUSALS: Record<ImportErrorReason, string> = {
  empty: 'the document is empty',
  notAPlan: 'the document does not look like a plan (no task list, chapters or plan title found)',
  noTasks: 'the document holds no task list (no numbered tasks or task table found)',
};

/** The text is not a plan document; the CLI turns this into exit code 2. */
export class ImportError extends Error {
  constructor(readonly reason: ImportErrorReason) {
    super(REFUSALS[reason]);
    this.name = 'ImportError';
  }
}

const TITLE_END = /(计划|方案|规划|意见|清单|要点|责任分解|任务分解|分解表|分工)(\s*[(（][^()（）]*[)）])?$/;
// A title as a shared file's name (`2021年重大民生实事项目目标任务责任分解表.docx`).
const FILE_SUFFIX = /\.(docx?|txt|pdf|wps)$/i;
const PERIOD_LINE = /^[(（]\s*\d{4}\s*[-—–~至]\s*\d{4}\s*年?\s*[)）]$/;
const REPORT_TITLE = /(完成|进展|推进|执行|落实)情况(的)?(公示|通报|报告|汇报)$|进度(公示|通报)$/;
const PLAN_WORDS = /计划|方案|规划|意见|要点|清单|任务|目标/;

/**
 * The document's own title: the first short line ending like a plan's name and not the notice
 * around it; a later one naming the year (`某市2017年…实施方案` after a banner's `某市…实施方案`)
 * is the fuller title of the same document and wins.
 */
function planTitle(lines: SourceLine[]): string {
  let first = '';
  for (let i = 0; i < lines.length && i < 60; i++) {
    const t = lines[i].text.replace(FILE_SUFFIX, '');
    const f = fold(t);
    if (t.length < 6 || t.length > 60 || /《|》|^【|^关于印发|^附件|^\.\.\.|^\d{1,2}\s*[.、]/.test(f) || !TITLE_END.test(f)) continue;
    const next = lines[i + 1]?.text ?? '';
    const title = PERIOD_LINE.test(fold(next)) ? t + next : t;
    if (/\d{4}\s*年/.test(fold(title))) return title;
    first ||= title;
  }
  return first;
}

function planYears(name: string, text: string, tasks: Task[]): [number, number] | null {
  const range = /(\d{4})\s*[-—–~至]\s*(\d{4})\s*年/;
  const r = range.exec(fold(name));
  if (r) return [Number(r[1]), Number(r[2])];
  const single = /(\d{4})\s*年/.exec(fold(name));
  if (single) return [Number(single[1]), Number(single[1])];
  const inText = range.exec(fold(text));
  if (inText) return [Number(inText[1]), Number(inText[2])];
  const years = tasks.flatMap((t) => t.milestones.map((m) => m.year));
  if (years.length) return [Math.min(...years), Math.max(...years)];
  // Seed 003: issued `2021年11月4日`, aiming `到2025年`.
  const by = /(?:到|至)\s*(\d{4})\s*年/.exec(fold(text));
  // Issued `2021年4月28日`, or in a page's metadata `发文日期 | 2022-07-14` (a mirror's upload date is not).
  const issuedAt = /(\d{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:发文日期|成文日期|发布日期|印发日期)\s*[:|]?\s*(\d{4})-\d{1,2}-\d{1,2}/g;
  const issued = Math.min(...[...fold(text).matchAll(issuedAt)].map((m) => Number(m[1] ?? m[2])));
  if (by) return [Math.min(Number(by[1]), issued), Number(by[1])];
  return Number.isFinite(issued) ? [issued, issued] : null;
}

/** The latest plausible year the text mentions anywhere (`2017年`, `2022-12-15`), else 0. */
function latestYear(text: string): number {
  const years = [...fold(text).matchAll(/(?<!\d)(19[89]\d|20\d\d)(?=\s*年|-\d{1,2}-)/g)].map((m) => Number(m[1]));
  return years.length ? Math.max(...years) : 0;
}

/** `市发展改革委员` beside a `市发展改革委` named more often: a slip, held out of the directory. */
function suspectedSlips(counts: Map<string, number>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, n] of counts) {
    for (const [other, m] of counts) {
      if (other !== name && name.startsWith(other) && name.length === other.length + 1 && m > n) out.set(name, other);
    }
  }
  return out;
}

export function importPlan(text: string, opts: ImportOptions = {}): ImportResult {
  const lang = opts.lang ?? 'zh';
  const sheet = opts.source ?? '';
  const lines = sourceLines(text);
  if (!lines.length) throw new ImportError('empty');

  const reading: RawReading = readRunTogether(lines) ?? readColumns(lines) ?? (hasTable(lines) ? readTable(lines) : readProse(lines));
  const name = planTitle(lines);
  const looksLikePlan =
    reading.tasks.length > 0 ||
    (PLAN_WORDS.test(fold(text)) && (name !== '' || lines.some((l) => /^[一二三四五六七八九十]{1,3}、/.test(l.text))));
  if (!looksLikePlan) throw new ImportError('notAPlan');
  // A notice about 民生实事 or a progress report uses a plan's words but lists no task (file 28):
  // an empty task list would import as a plan of nothing.
  if (!reading.tasks.length) throw new ImportError('noTasks');
  // A report on how far the tasks got (`…项目任务完成情况公示`, `…进展情况的通报`) lists done work
  // under numbers; without any unit named for a task it is no plan to track.
  const reportTitle = lines.slice(0, 5).some((l) => REPORT_TITLE.test(fold(l.text).replace(/\s+/g, '')));
  if (reportTitle && !reading.tasks.some((t) => t.groups.length)) throw new ImportError('noTasks');

  const cut = cutTask(reading.tasks, lines);
  const conv = newConventions();
  const tasks: ImportedTask[] = [];
  for (const raw of reading.tasks) {
    const t = interpret(raw === cut ? withoutCutEnd(raw, lines) : raw, conv, lang, sheet, raw === cut);
    if (raw === cut)
      t.findings.unshift(finding('import-truncated', lang, at(sheet, t.id), { text: tail(raw.body || raw.text), line: raw.line }));
    tasks.push(t);
  }

  // The unit directory: every unit named, in order of first mention, less suspected slips.
  const counts = new Map<string, number>();
  for (const t of tasks) for (const u of [...t.lead, ...t.cooperating]) counts.set(u, (counts.get(u) ?? 0) + 1);
  const slips = suspectedSlips(counts);
  for (const t of tasks) {
    for (const u of [...t.lead, ...t.cooperating]) {
      const meant = slips.get(u);
      if (meant) t.findings.push(finding('import-unit-unclear', lang, at(sheet, t.id), { unit: u, suggestion: meant, line: t.line }));
    }
  }
  const units = [...counts.keys()].filter((u) => !slips.has(u));

  const ids = new Map<string, ImportedTask>();
  for (const t of tasks) {
    const prior = ids.get(t.id);
    if (prior) t.findings.push(finding('task-id-duplicate', lang, at(sheet, t.id), { id: t.id, other: `line ${prior.line}` }));
    else ids.set(t.id, t);
  }

  const used = new Set(tasks.map((t) => t.section));
  const sections: Section[] = reading.sections.filter((s) => used.has(s.id));
  const plainTasks: Task[] = tasks.map(({ findings: _f, line: _l, ...t }) => t);
  const years = planYears(name, text, plainTasks);
  const fallback = opts.year ?? latestYear(text);
  const plan: Plan = {
    name,
    startYear: opts.startYear ?? years?.[0] ?? fallback,
    endYear: opts.endYear ?? years?.[1] ?? opts.startYear ?? fallback,
    sections,
    tasks: plainTasks,
    units,
  };
  return { plan, tasks, units, findings: tasks.flatMap((t) => t.findings) };
}

/**
 * The task the document stops in the middle of: the last task, when it runs to the last line and
 * that line stops short (no closing punctuation), or when it names no unit while earlier tasks do
 * (`3.增強海洋科技創新策源能力。` and nothing after it).
 */
function cutTask(tasks: RawTask[], lines: SourceLine[]): RawTask | null {
  const last = tasks[tasks.length - 1];
  const end = lines[lines.length - 1];
  if (!last || !end || (last.endLine ?? last.line) < end.line) return null;
  const stopsShort = !endsWhole(fold(end.text).trim());
  const unitsElsewhere = tasks.slice(0, -1).some((t) => t.groups.length) && !last.groups.length;
  return stopsShort || unitsElsewhere ? last : null;
}

/**
 * A cut task without what the cut leaves unfinished: the last unit name when the cut falls in the
 * responsibility text (`…、区统计局、区` → `区` is no unit), the last figure when it falls in the
 * body (`…增长3` is no target).
 */
function withoutCutEnd(raw: RawTask, lines: SourceLine[]): RawTask {
  const end = fold(lines[lines.length - 1].text).trim();
  const groups = [...raw.groups];
  const g = groups[groups.length - 1];
  if (g !== undefined && g.trim() && end.endsWith(fold(g).trim())) {
    let kept = g.trim().replace(/[^、,，;；:：]*$/, '');
    // Cut inside a name's bracket (`各区人民政府〈含开发区、`): that whole name is unfinished.
    const open = unclosedBracket(fold(kept));
    if (open >= 0) kept = kept.slice(0, open).replace(/[^、,，;；:：]*$/, '');
    groups[groups.length - 1] = kept;
    return { ...raw, groups };
  }
  return { ...raw, body: raw.body.replace(/[\d.]+$/, '') };
}

/** Where the last bracket left open in a (folded) text opens, or -1. */
function unclosedBracket(f: string): number {
  const open: number[] = [];
  for (let i = 0; i < f.length; i++) {
    if ('(〈〔【[《'.includes(f[i])) open.push(i);
    else if (')〉〕】]》'.includes(f[i])) open.pop();
  }
  return open.length ? open[open.length - 1] : -1;
}

function tail(s: string): string {
  const t = s.trim();
  return t.length > 20 ? `…${t.slice(-20)}` : t;
}

function at(sheet: string, taskId: string | null): { sheet: string; cell: null; taskId: string | null } {
  return { sheet, cell: null, taskId };
}

function interpret(raw: RawTask, conv: ReturnType<typeof newConventions>, lang: Lang, sheet: string, cut: boolean): ImportedTask {
  const findings: Finding[] = [];
  const note = <C extends FindingCode>(code: C, ...[params]: ParamsArg<C>) =>
    findings.push(finding(code, lang, at(sheet, raw.id), ...([{ ...params, line: raw.line }] as ParamsArg<C>)));

  // ---- responsibility ----
  const resp = readTask(raw.groups, conv);
  if (!resp.lead.length) note('lead-missing');
  else if (resp.firstListedGuess) note('lead-first-listed', { unit: resp.lead[0] });
  if (resp.otherLeads.length) note('import-lead-assumed', { lead: resp.lead.join('、'), others: resp.otherLeads.join('、') });
  for (const u of [...(raw.unclear ?? []), ...resp.unclear]) note('import-unit-unclear', { unit: u });

  // ---- schedule, target, kind ----
  const schedule = raw.scheduleText !== undefined ? parseSchedule(raw.scheduleText) : null;
  for (const u of schedule?.unread ?? []) note('import-schedule-unread', { text: u });
  const valued = schedule?.milestones.filter((m) => m.value !== null) ?? [];
  const final = valued[valued.length - 1];
  const cands = candidatesIn(raw.body);
  const choice = chooseTarget(cands, final && final.value !== null ? { value: final.value, unit: final.unit } : undefined);
  const target = choice.target;
  if (choice.ambiguous.length)
    note('import-target-unclear', { target: target!.text, candidates: choice.ambiguous.map((c) => c.text).join('、') });
  else if (!target && choice.weak.length)
    note('import-target-unclear', { target: '', candidates: choice.weak.map((c) => c.text).join('、') });

  const context = schedule ? raw.body : (target?.sentence ?? raw.body);
  const kind = kindOf(target, context, schedule?.kind ?? null);

  let milestones: Milestone[];
  let deadline: string | null;
  if (schedule) {
    const stepKind: MilestoneKind = schedule.kind ?? (kind === 'qualitative' ? 'cumulative' : kind);
    milestones = schedule.milestones.map((m) => (m.value === null ? m : { ...m, kind: stepKind }));
    deadline = valued.length ? `${Math.max(...valued.map((m) => m.year))}年` : raw.scheduleText || null;
  } else {
    ({ milestones, deadline } = proseSchedule(raw.body, target, kind, cut));
    if (raw.deadlineText) deadline = raw.deadlineText;
    deadline ??= timingIn(raw.groups);
  }

  return {
    id: raw.id,
    section: raw.section,
    text: raw.text,
    target: target
      ? {
          value: target.value,
          unit: target.unit,
          ...(target.bound ? { bound: target.bound } : {}),
          ...(target.direction ? { direction: target.direction } : {}),
        }
      : null,
    kind,
    deadline,
    milestones,
    lead: resp.lead,
    cooperating: resp.cooperating,
    ...(raw.scheduleText !== undefined ? { scheduleText: raw.scheduleText } : {}),
    ...(raw.groups.length ? { responsibilityText: raw.groups.join(' ') } : {}),
    findings,
    line: raw.line,
  };
}

/**
 * A prose task's deadline is the date its target's sentence names before it (`到2023年,…5000家`),
 * else `每年` for a yearly target, else the first date in the task, else its latest month-end
 * (`11月底前`); its one milestone is the target in that year.
 */
function proseSchedule(
  body: string,
  target: Candidate | null,
  kind: MilestoneKind,
  cut: boolean,
): { milestones: Milestone[]; deadline: string | null } {
  // A date governs the figures after it (`到2023年,在役机器人总量突破2.5万台`), not those before.
  const own = target ? dateIn(target.sentence.slice(0, target.at)) : null;
  const yearly = kind === 'annual' && /每年/.test(fold(target?.sentence ?? ''));
  // Nor does a date after the target in its own sentence (`安排1000亿元…,2016年安排500亿元`).
  const scope = target ? body.replace(target.sentence, target.sentence.slice(0, target.at)) : body;
  const date = own ?? (yearly ? null : dateIn(scope));
  // The latest month-end is the deadline only when no later step can have been cut off.
  const deadline = date?.text ?? (yearly ? '每年' : cut ? null : monthDeadlineIn(body));
  const milestones: Milestone[] =
    own && target && kind !== 'qualitative' ? [{ year: own.year, value: target.value, unit: target.unit, kind }] : [];
  return { milestones, deadline };
}
