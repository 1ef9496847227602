/**
 * Findings as a reviewer works through them, for every host alike (the pane, the CLI table and
 * the 审核意见 sheet): errors first, then warnings, then notes; within a severity in the order
 * found (sheet, then row). Identical findings — the same kind and the same message on one
 * sheet — are one entry (“缺少目标值 × 36, 序号 1–46”) listing their cells, and a mistake a county
 * copy inherited from the city's task list is folded into the city sheet's entry.
 */
import type { Lang } from '../i18n';
import { taskIdKey } from '../layout/taskId';
import { CATALOGUE, type Finding, type FindingCode, type Severity } from './catalogue';

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors, then warnings, then notes; the order found within each (a stable sort). */
export function bySeverity<T extends Pick<Finding, 'severity'>>(findings: readonly T[]): T[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

export interface FindingEntry {
  key: string;
  code: FindingCode;
  severity: Severity;
  sheet: string;
  /** the kind's name (never its code) */
  title: string;
  /** the message all its findings share */
  message: string;
  /** the findings it stands for, in the order found (at least one) */
  items: Finding[];
  /** the task ids it concerns, as runs: `1–5、7、9` (empty when none) */
  taskIds: string;
  /** the text of the task, when the entry is about one task */
  taskText: string | null;
  /** the cells, in the order found */
  cells: string[];
  /** county copies that hold the same mistake, inherited from this (city) sheet */
  alsoIn: string[];
  /** a county copy's finding inherited from this city sheet, whose own finding was not checked */
  inheritedFrom: string | null;
}

const inheritKey = (f: Finding, sheet: string): string => `${sheet}\u0000${f.code}\u0000${f.taskId ?? ''}\u0000${f.message}`;

/**
 * The entries, worst first. `group: false` keeps one entry per finding (still sorted, still
 * folding inherited findings), for a list that links every cell.
 */
export function triage(findings: readonly Finding[], lang: Lang, opts: { group?: boolean } = {}): FindingEntry[] {
  const group = opts.group ?? true;
  // The city sheet's own findings, by what an inherited copy of them looks like.
  const cityFinding = new Set(findings.filter((f) => !f.inheritedFrom).map((f) => inheritKey(f, f.sheet)));
  const entries = new Map<string, FindingEntry>();
  const folded = new Map<string, Set<string>>();
  findings.forEach((f, i) => {
    if (f.inheritedFrom && cityFinding.has(inheritKey(f, f.inheritedFrom))) {
      const k = inheritKey(f, f.inheritedFrom);
      if (!folded.has(k)) folded.set(k, new Set());
      folded.get(k)!.add(f.sheet);
      return;
    }
    const key = group ? `${f.severity}\u0000${f.sheet}\u0000${f.code}\u0000${f.message}\u0000${f.inheritedFrom ?? ''}` : String(i);
    let e = entries.get(key);
    if (!e) {
      e = {
        key,
        code: f.code,
        severity: f.severity,
        sheet: f.sheet,
        title: CATALOGUE[f.code].title[lang],
        message: f.message,
        items: [],
        taskIds: '',
        taskText: null,
        cells: [],
        alsoIn: [],
        inheritedFrom: f.inheritedFrom ?? null,
      };
      entries.set(key, e);
    }
    e.items.push(f);
    if (f.cell) e.cells.push(f.cell);
  });
  const list = [...entries.values()];
  for (const e of list) {
    const ids = [...new Set(e.items.flatMap((f) => (f.taskId ? [f.taskId] : [])))];
    e.taskIds = idRuns(ids);
    e.taskText = ids.length === 1 ? (e.items.find((f) => f.taskText)?.taskText ?? null) : null;
    const also = new Set<string>();
    for (const f of e.items) for (const s of folded.get(inheritKey(f, f.sheet)) ?? []) also.add(s);
    e.alsoIn = [...also];
  }
  return bySeverity(list);
}

/**
 * Task ids as runs, in the order given: `1–5、7、9–12`. Ids that are not plain numbers are
 * listed as they are; more than `maxRuns` runs are cut with `…`.
 */
export function idRuns(ids: readonly string[], maxRuns = 6): string {
  const runs: string[] = [];
  let start: number | null = null;
  let prev: number | null = null;
  const close = (): void => {
    if (start === null || prev === null) return;
    runs.push(start === prev ? String(start) : `${start}–${prev}`);
    start = prev = null;
  };
  for (const id of ids) {
    const key = taskIdKey(id);
    const n = /^\d+$/.test(key) ? Number(key) : null;
    if (n !== null && prev !== null && n === prev + 1) {
      prev = n;
      continue;
    }
    close();
    if (n === null) runs.push(id);
    else start = prev = n;
  }
  close();
  return runs.length > maxRuns ? `${runs.slice(0, maxRuns).join('、')}…` : runs.join('、');
}

/** `缺少目标值 × 36` — the name, with the count when there is more than one. */
export function entryTitle(e: FindingEntry): string {
  return e.items.length > 1 ? `${e.title} × ${e.items.length}` : e.title;
}

/** A few cells and how many more: `H8、H9、H10 … (+33)`. */
export function cellList(cells: readonly string[], max = 12): string {
  return cells.length > max ? `${cells.slice(0, max).join('、')} … (+${cells.length - max})` : cells.join('、');
}
