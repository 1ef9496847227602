/**
 * `keytask import FILE`: a plan document (.txt in UTF-8 or GB18030, or .docx) in, its task list
 * out as JSON or a readable table, and with -o the standard template generated from it.
 */
import { readFile } from 'fs/promises';
import { basename, extname } from 'path';
import { type Finding, SEVERITY_LABELS, summarize } from '../core/findings/catalogue';
import { decodeText } from '../core/import';
import { ImportError, type ImportResult, importDocument } from '../core/operations/import';
import { type Report, hasErrors } from '../core/operations/report';
import { docxText, isDocx } from '../hosts/docx/docxText';
import { EXIT_FINDINGS, InputError } from './errors';
import { checkOutput, langOption, yearsOption } from './options';
import { type XlsxReadError, describeReadError } from '../hosts/xlsx/errors';
import { checkDocxPackage } from '../hosts/xlsx/readWorkbook';
import { existingOutput, summary, writeWorkbookFile } from './generate';
import type { Messages } from './messages';
import { parseCounties } from './planInput';

export interface ImportArgs {
  format?: string;
  output?: string;
  counties?: string;
  years?: string;
  lang?: string;
  force?: boolean;
  replace?: boolean;
}

export interface ImportIo {
  out(line: string): void;
  err(line: string): void;
}

/** The document's text: .docx through mammoth, anything else decoded as a text file. */
export async function documentText(file: string, m: Messages): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? m.f.importMissing(file) : m.f.cannotRead(file, code ?? String(e)));
  }
  if (isDocx(bytes) || extname(file).toLowerCase() === '.docx') {
    try {
      await checkDocxPackage(bytes, file);
    } catch (e) {
      throw new InputError(describeReadError(e as XlsxReadError, m.lang));
    }
    try {
      return await docxText(bytes);
    } catch {
      // mammoth's own words (a JavaScript error) would tell the user nothing.
      throw new InputError(m.f.notDocx(file, m.lang === 'zh' ? '文档内容无法解析' : 'its content cannot be parsed'));
    }
  }
  // An old binary .doc would decode into noise and be refused as "not a plan", which misleads.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw new InputError(m.f.oldDoc(file));
  return decodeText(bytes);
}

const findingJson = (f: Finding) => ({
  code: f.code,
  severity: f.severity,
  sheet: f.sheet,
  cell: f.cell,
  taskId: f.taskId,
  message: f.message,
  params: f.params,
});

export function importJson(r: ImportResult): unknown {
  return {
    name: r.plan.name,
    startYear: r.plan.startYear,
    endYear: r.plan.endYear,
    sections: r.plan.sections,
    tasks: r.tasks.map((t) => ({
      id: t.id,
      section: t.section,
      text: t.text,
      target: t.target,
      kind: t.kind,
      deadline: t.deadline,
      milestones: t.milestones.map((ms) => ({ year: ms.year, value: ms.value, unit: ms.unit, kind: ms.kind ?? null })),
      lead: t.lead,
      cooperating: t.cooperating,
      findings: t.findings.map(findingJson),
    })),
    units: r.units,
  };
}

/** A reading of the import for a person at a terminal: one block per task, findings under it. */
export function importTable(r: ImportResult, m: Messages): string[] {
  const none = m.t('none');
  const list = (xs: string[]) => (xs.length ? xs.join('、') : none);
  const out = [`${r.plan.name || none}  ${r.plan.startYear}–${r.plan.endYear}`, `${m.t('summaryTasks')}: ${r.tasks.length}`];
  let section: string | null = null;
  for (const t of r.tasks) {
    if (t.section !== section) {
      section = t.section;
      const s = r.plan.sections.find((x) => x.id === section);
      if (s) out.push('', `${s.id}${s.title}`);
    }
    const target = t.target ? `${t.target.value}${t.target.unit ?? ''}` : none;
    const steps = t.milestones.map((ms) => `${ms.year}:${ms.value === null ? (ms.text ?? '') : `${ms.value}${ms.unit ?? ''}`}`).join(' ');
    out.push(`  ${t.id}. ${t.text}`);
    out.push(
      `     ${m.t('importTarget')}: ${target}  ${m.t('importDeadline')}: ${t.deadline ?? none}${steps ? `  ${m.t('importMilestones')}: ${steps}` : ''}`,
    );
    out.push(`     ${m.t('importLead')}: ${list(t.lead)}  ${m.t('importCooperating')}: ${list(t.cooperating)}`);
    for (const f of t.findings) out.push(`     [${SEVERITY_LABELS[f.severity][m.lang]}] ${f.message}`);
  }
  out.push('', `${m.t('importUnits')} (${r.units.length}): ${list(r.units)}`);
  out.push(findingsCount(r.findings, m));
  return out;
}

function findingsCount(findings: Finding[], m: Messages): string {
  const s = summarize(findings);
  return `${m.t('importFindings')}: ${m.f.findingsTotal(s.total, s.bySeverity.error, s.bySeverity.warning, s.bySeverity.info)}`;
}

/**
 * The findings beside the summary of a written template: their count, then each error and
 * warning on a line of its own; notes (how a lead was read, say) are counted, and the table
 * lists them.
 */
export function importFindingLines(r: ImportResult, m: Messages): string[] {
  const listed = r.findings.filter((f) => f.severity !== 'info');
  const width = Math.max(0, ...listed.map((f) => SEVERITY_LABELS[f.severity][m.lang].length));
  const lines = [findingsCount(r.findings, m)];
  for (const f of listed) {
    const task = f.taskId ? `${m.t('importTask')} ${f.taskId}` : m.t('importPlanWide');
    lines.push(`  ${SEVERITY_LABELS[f.severity][m.lang].padEnd(width)}  ${task}  ${f.message}`);
  }
  const notes = r.findings.length - listed.length;
  if (notes > 0) lines.push(`  ${m.f.importNotesHidden(notes)}`);
  return lines;
}

export async function runImport(file: string, args: ImportArgs, m: Messages, io: ImportIo): Promise<number> {
  const format = args.format?.trim().toLowerCase();
  if (format !== undefined && format !== 'json' && format !== 'table') throw new InputError(m.f.badFormat(args.format ?? ''));
  const lang = langOption(args.lang, m);
  const years = yearsOption(args.years, m);
  if (args.output) checkOutput(args.output, [file], args.force || args.replace, m, m.f.outputIsInput, m.f.exists);

  const text = await documentText(file, m);
  // Read before the import is printed, so a refusal comes alone.
  const existing = args.output ? await existingOutput(args.output, args, m) : undefined;
  let r: ImportResult;
  let report: Report;
  try {
    // Findings are read by the operator unless --lang asks for the workbook's language.
    ({ imported: r, report } = importDocument(text, {
      lang: lang ?? m.lang,
      source: basename(file),
      // The clock is read here, not in the core: an undated document takes this year.
      year: new Date().getFullYear(),
      ...(years ? { startYear: years[0], endYear: years[1] } : {}),
    }));
  } catch (e) {
    if (e instanceof ImportError) throw new InputError(e.reason === 'noTasks' ? m.f.noTasks(file) : m.f.notAPlan(file));
    throw e;
  }

  // With -o and no --format, the summary is the answer; with --format, stdout stays machine-readable.
  const print = format ?? (args.output ? null : 'json');
  if (print === 'json') io.out(JSON.stringify(importJson(r), null, 2));
  else if (print === 'table') for (const line of importTable(r, m)) io.out(line);

  if (args.output) {
    // Without --lang, the workbook being re-generated keeps its language (regenerate decides).
    const w = await writeWorkbookFile(r.plan, parseCounties(args.counties), lang, args.output, m, existing);
    const say = print ? io.err : io.out;
    for (const line of summary(w, m)) say(line);
    // The table has them already; otherwise they would go unseen behind the summary.
    if (print !== 'table') for (const line of importFindingLines(r, m)) say(line);
  }
  return hasErrors(report) ? EXIT_FINDINGS : 0;
}
