/**
 * `keytask validate FILE.xlsx`: the review a city office runs on a county's submission, as a
 * list on the terminal (or JSON for scripts) and, on request, as the 审核意见 sheet to send back.
 */
import { readFile } from 'fs/promises';
import { basename, extname } from 'path';
import { type Finding, SEVERITY_LABELS, summarize } from '../core/findings/catalogue';
import type { Lang } from '../core/i18n';
import { buildFindingsSheet, entryMessage } from '../core/report/findingsSheet';
import { cellList, entryTitle, triage } from '../core/findings/triage';
import { hasErrors } from '../core/operations/report';
import { SheetNotFoundError, type Validation, validate } from '../core/operations/validate';
import { type StatusFill, fillStatus } from '../core/operations/fillStatus';
import { sortFindings } from '../core/validate/workbook';
import { readXlsx } from '../hosts/xlsx/readWorkbook';
import { EXIT_FINDINGS, InputError } from './errors';
import { checkOutput, formatOf, langOption, writeFileAtomic } from './options';
import type { Output } from './generate';
import type { Messages } from './messages';

export interface ValidateArgs {
  sheet?: string;
  format?: string;
  lang?: string;
  findingsSheet?: string;
  force?: boolean;
  /** fill blank 状态 cells from the rule into `output` */
  fillStatus?: boolean;
  overwriteStatus?: boolean;
  output?: string;
}

/** The JSON output: exactly these fields, so scripts can rely on them. */
export interface ValidateJson {
  findings: Array<Pick<Finding, 'code' | 'severity' | 'sheet' | 'cell' | 'taskId' | 'message'>>;
  summary: ReturnType<typeof summarize>;
}

/** Terminal columns a string takes: CJK and full-width forms take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/**
 * The findings as a reviewer works through them: errors, then warnings, then notes, a blank line
 * between; identical findings as one line (`缺少目标值 × 36`) with their cells below it. Each line:
 * severity, where, task ids, the kind's name and the message. No finding code: those are for JSON.
 */
export function findingsTable(findings: Finding[], lang: Lang): string[] {
  const entries = triage(findings, lang);
  const rows = entries.map((e) => [
    SEVERITY_LABELS[e.severity][lang],
    e.cells.length ? `${e.sheet}!${e.cells[0]}` : e.sheet,
    e.taskIds ? (lang === 'zh' ? `序号 ${e.taskIds}` : `task ${e.taskIds}`) : '-',
    lang === 'zh' ? `${entryTitle(e)}:` : `${entryTitle(e)}: `,
    entryMessage(e, lang),
  ]);
  // a reduce, not Math.max(...): 200,000 findings are more arguments than a call takes
  const widths = [0, 1, 2].map((i) => rows.reduce((w, r) => Math.max(w, displayWidth(r[i])), 0));
  const lines: string[] = [];
  rows.forEach((r, i) => {
    const e = entries[i];
    if (i > 0 && entries[i - 1].severity !== e.severity) lines.push('');
    lines.push(
      r
        .slice(0, 3)
        .map((c, k) => pad(c, widths[k]))
        .concat(`${r[3]}${r[4]}`)
        .join('  '),
    );
    if (e.cells.length > 1) lines.push(`${' '.repeat(widths[0] + 2)}${lang === 'zh' ? '单元格' : 'cells'}: ${cellList(e.cells, 20)}`);
  });
  return lines;
}

const jsonFinding = ({ code, severity, sheet, cell, taskId, message }: Finding): ValidateJson['findings'][number] => ({
  code,
  severity,
  sheet,
  cell,
  taskId,
  message,
});

export function findingsJson(findings: Finding[]): ValidateJson {
  return { findings: findings.map(jsonFinding), summary: summarize(findings) };
}

/** How many findings go to the output at a time. */
const JSON_BATCH = 1000;

/**
 * The text of `JSON.stringify(findingsJson(findings), null, 2)`, written a thousand findings at
 * a time: as one string, 200,000 findings were the largest thing a large sheet's check held.
 */
export function writeFindingsJson(findings: Finding[], io: Output): void {
  if (findings.length === 0) return io.out(JSON.stringify(findingsJson(findings), null, 2));
  const indented = (v: unknown, pad: string): string => JSON.stringify(v, null, 2).replace(/\n/g, `\n${pad}`);
  io.out('{\n  "findings": [');
  for (let i = 0; i < findings.length; i += JSON_BATCH) {
    const last = Math.min(findings.length, i + JSON_BATCH);
    const lines: string[] = [];
    for (let k = i; k < last; k++) lines.push(`    ${indented(jsonFinding(findings[k]), '    ')}${k < findings.length - 1 ? ',' : ''}`);
    io.out(lines.join('\n'));
  }
  io.out(`  ],\n  "summary": ${indented(summarize(findings), '  ')}\n}`);
}

function today(): string {
  const d = new Date();
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/**
 * The 审核意见 sheet as a file of its own. Its cell links point into the checked file, which
 * the county has beside it, rather than at sheets this file does not have.
 */
async function writeFindingsFile(findings: Finding[], lang: Lang, source: string, out: string, m: Messages): Promise<void> {
  const subject = basename(source, extname(source));
  const sheet = buildFindingsSheet(findings, { lang, subject, date: today(), linkFile: basename(source) });
  // ExcelJS is loaded only when a file is written: reading does not need it.
  const { toBuffer } = await import('../hosts/xlsx/writeWorkbook');
  const buf = await toBuffer({ sheets: [sheet], names: [] });
  await writeFileAtomic(out, buf, m);
}

/** What --fill-status did, for the operator: counts, and each clerk's choice that differs from the rule. */
function statusSummary(fill: StatusFill, overwrite: boolean, m: Messages): string[] {
  const lines = [m.f.statusFilled(fill.filled)];
  if (fill.conflicts.length > 0) {
    lines.push(overwrite ? m.f.statusOverwritten(fill.overwritten) : m.f.statusKept(fill.conflicts.length));
    for (const c of fill.conflicts) lines.push(m.f.statusConflictLine(`${c.sheet}!${c.cell}`, c.taskId, c.clerk, c.rule));
  }
  return lines;
}

export async function runValidate(file: string, args: ValidateArgs, m: Messages, io: Output & { err?: Output['out'] }): Promise<number> {
  const format = formatOf(args.format, m);
  if (args.findingsSheet) checkOutput(args.findingsSheet, [file], args.force, m, m.f.sameAsInput);
  if (args.overwriteStatus && !args.fillStatus) throw new InputError(m.f.fillNeedsOutput('--overwrite-status'));
  if (args.fillStatus) {
    if (!args.output) throw new InputError(m.f.fillNeedsOutput('--fill-status'));
    checkOutput(args.output, [file], args.force, m);
  }
  const read = await readXlsx(file);
  // Merged ranges come with the values, so a merge across task rows is reported as in Excel.
  const sheets = read.sheets.map((s) => ({
    name: s.name,
    visibility: s.state,
    grid: s.grid,
    ...(s.merges ? { merges: s.merges } : {}),
    ...(s.percentCells ? { percentCells: s.percentCells } : {}),
  }));
  const lang = langOption(args.lang, m);
  let v: Validation;
  try {
    v = validate(sheets, read.names, { ...(lang ? { lang } : {}), ...(args.sheet !== undefined ? { sheet: args.sheet } : {}) });
  } catch (e) {
    if (!(e instanceof SheetNotFoundError)) throw e;
    const visible = sheets.filter((s) => s.visibility === 'visible').map((s) => s.name);
    throw new InputError(m.f.noSheet(e.sheet, visible.join(', ')));
  }
  const { checked, skipped } = v.report;
  // Exit 0 would read as a pass to a script: a workbook with no task list is the wrong input.
  if (checked.length === 0) throw new InputError(m.f.noTaskList(file));
  let { findings, counts: s } = v.report;
  let fill: StatusFill | null = null;
  if (args.fillStatus) {
    fill = fillStatus(sheets, read.names, {
      lang: v.lang,
      overwrite: args.overwriteStatus === true,
      ...(args.sheet !== undefined ? { sheet: args.sheet } : {}),
    });
    // The rule's findings (a clerk's differing status, an unreadable 报送期) join the review's.
    findings = sortFindings([...findings, ...fill.findings], checked);
    s = summarize(findings);
  }

  if (format === 'json') {
    writeFindingsJson(findings, io);
  } else {
    for (const line of findingsTable(findings, v.lang)) io.out(line);
    if (findings.length > 0) io.out('');
    io.out(m.f.checkedSheets(checked.join(', ')));
    if (skipped.length > 0) io.out(m.f.notTaskLists(skipped.join(', ')));
    io.out(
      findings.length > 0 ? m.f.findingsTotal(s.total, s.bySeverity.error, s.bySeverity.warning, s.bySeverity.info) : m.t('noProblems'),
    );
  }
  if (args.findingsSheet) {
    await writeFindingsFile(findings, v.lang, file, args.findingsSheet, m);
    if (format === 'table') io.out(m.f.findingsWritten(args.findingsSheet));
  }
  if (fill && args.output) {
    // ExcelJS is loaded only when a file is written.
    const { writeCellsInto } = await import('../hosts/xlsx/writeCells');
    await writeFileAtomic(args.output, await writeCellsInto(await readFile(file), fill.writes), m);
    // With --format json stdout holds only the JSON.
    const say = format === 'json' ? (io.err ?? (() => undefined)) : io.out;
    for (const line of [...statusSummary(fill, args.overwriteStatus === true, m), m.f.statusWritten(args.output)]) say(line);
  }
  return hasErrors(v.report) ? EXIT_FINDINGS : 0;
}
