/**
 * 填写状态: each task's 状态 from the 序时进度 rule (period/statusRule.ts), for every host. The
 * operation reads the grids validate reads, takes each sheet's reporting period from its header
 * block, and returns the 状态 cells to write — nothing else of the sheet is touched.
 *
 * An empty 状态 is filled. A clerk's own 状态 that says what the rule says (an older sheet's
 * 正常推进 for 序时 included) is left as written; one that differs is never overwritten unless
 * the caller says `overwrite` (the pane asks the user first): it is returned as a conflict and
 * as a `status-differs-from-rule` finding, so the reviewer sees both judgements.
 */
import { type Finding, finding } from '../findings/catalogue';
import type { Lang } from '../i18n';
import { readTaskSheet } from '../layout/reader';
import { STATUS_LABELS, type TaskStatus, statusFromLabel } from '../layout/vocabulary';
import { judgeStatus } from '../period/statusRule';
import { cellText } from '../sheet/grid';
import { cellAddress } from '../sheet/spec';
import { parseReportingPeriod } from '../validate/period';
import { readRecords } from '../validate/record';
import { type WorkbookSheet, sortFindings, workbookPlan } from '../validate/workbook';
import { type Report, reportOf } from './report';

type NameRefs = Array<{ name: string; ref: string }>;

export interface FillStatusOptions {
  /** write the rule's status over a clerk's differing one; by default theirs is kept */
  overwrite?: boolean;
  /** the findings' language; by default the workbook's, else Chinese */
  lang?: Lang;
  /** only this sheet (the pane's active sheet, the CLI's --sheet) */
  sheet?: string;
}

/** One 状态 cell to write. */
export interface StatusWrite {
  sheet: string;
  /** A1 */
  cell: string;
  value: string;
}

/** A clerk's 状态 that differs from the rule's. */
export interface StatusConflict {
  sheet: string;
  cell: string;
  taskId: string;
  taskText: string;
  /** as the clerk wrote it */
  clerk: string;
  /** the rule's label, in the sheet's language */
  rule: string;
  status: TaskStatus;
}

export interface StatusFill extends Report {
  /** the 状态 cells to write, sheet by sheet in row order */
  writes: StatusWrite[];
  /** every clerk's 状态 that differs from the rule, written over or not */
  conflicts: StatusConflict[];
  /** empty 状态 cells filled */
  filled: number;
  /** differing clerk's 状态 written over (only with `overwrite`) */
  overwritten: number;
  /** the task sheets looked at */
  checked: string[];
  lang: Lang;
}

const fmt = (n: number): string => String(Math.round(n * 100) / 100);

/**
 * The 状态 writes for the task sheets of a workbook. `sheets` is every sheet, with the grids a
 * host read for `validate` (sheetsToValidate names them); a sheet without a grid is skipped.
 */
export function fillStatus(sheets: WorkbookSheet[], names: NameRefs, opts: FillStatusOptions = {}): StatusFill {
  const plan = workbookPlan(sheets, names, opts.sheet);
  // Labels go in the dropdown's language, which is the workbook's; findings in the one asked for.
  const labelLang: Lang = plan.lang ?? 'zh';
  const lang = opts.lang ?? labelLang;
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const out: StatusFill = { ...reportOf([]), writes: [], conflicts: [], filled: 0, overwritten: 0, checked: [], lang };
  const findings: Finding[] = [];
  for (const t of plan.targets) {
    const s = byName.get(t.sheet);
    const read = s?.grid ? readTaskSheet(s.grid, { percentCells: s.percentCells }) : null;
    if (!read || read.columns.status === undefined) continue;
    out.checked.push(t.sheet);
    const period = read.headerBlock.period ? parseReportingPeriod(read.headerBlock.period) : null;
    if (!period) {
      const text = read.headerBlock.period;
      findings.push(finding('reporting-period-unread', lang, { sheet: t.sheet, cell: null, taskId: null }, text ? { text } : {}));
      continue;
    }
    const statusCol = read.columns.status;
    for (const r of readRecords(read, labelLang)) {
      const judged = judgeStatus(r, period);
      if (!judged) continue;
      const cell = cellAddress(r.row, statusCol);
      const rule = STATUS_LABELS[judged.status][labelLang];
      const clerk = cellText(r.values.status);
      if (!clerk) {
        out.writes.push({ sheet: t.sheet, cell, value: rule });
        out.filled++;
        continue;
      }
      if (statusFromLabel(clerk) === judged.status) continue;
      out.conflicts.push({ sheet: t.sheet, cell, taskId: r.id, taskText: r.text, clerk, rule, status: judged.status });
      if (opts.overwrite) {
        out.writes.push({ sheet: t.sheet, cell, value: rule });
        out.overwritten++;
        continue;
      }
      const f = finding(
        'status-differs-from-rule',
        lang,
        { sheet: t.sheet, cell, taskId: r.id || null },
        {
          status: clerk,
          ruleStatus: STATUS_LABELS[judged.status][lang],
          period: period.text,
          actual: fmt(r.actual.value!),
          ...(judged.expected !== null ? { expected: fmt(judged.expected) } : {}),
        },
      );
      if (r.text) f.taskText = r.text;
      findings.push(f);
    }
  }
  return { ...out, ...reportOf(sortFindings(findings, out.checked)) };
}
