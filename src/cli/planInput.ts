/**
 * Checks that a plan JSON file has the shape of a core Plan before anything is generated
 * from it, so a typo in a hand-edited file is reported by field path (`tasks[3].kind`) rather
 * than surfacing as a stack trace or as a silently odd workbook.
 */
import { MILESTONE_KINDS, type Milestone, type MilestoneKind, type Plan, type Quantity, type Section, type Task } from '../core/model';
import type { Want } from './messages';

export interface ShapeIssue {
  path: string;
  want: Want;
}

export class PlanShapeError extends Error {
  constructor(readonly issues: ShapeIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.want}`).join('; '));
    this.name = 'PlanShapeError';
  }
}

const MAX_SPAN = 30;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isYear(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v <= 2200;
}

export function validPeriod(start: number, end: number): boolean {
  return end >= start && end - start <= MAX_SPAN;
}

/** Returns the plan, or throws PlanShapeError listing every problem found. */
export function parsePlan(input: unknown): Plan {
  const issues: ShapeIssue[] = [];
  const bad = (path: string, want: Want): void => {
    issues.push({ path, want });
  };
  const str = (o: Obj, key: string, path: string, optional = false): string => {
    const v = o[key];
    if (typeof v === 'string') return v;
    if (optional && v === undefined) return '';
    bad(path, 'string');
    return '';
  };
  const strOrNull = (v: unknown, path: string): string | null => {
    if (v === undefined || v === null) return null;
    if (typeof v === 'string') return v;
    bad(path, 'stringOrNull');
    return null;
  };
  const strings = (v: unknown, path: string): string[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      bad(path, 'array');
      return [];
    }
    return v.filter((s, i) => (typeof s === 'string' ? true : (bad(`${path}[${i}]`, 'string'), false))) as string[];
  };
  const list = (v: unknown, path: string): unknown[] => {
    if (v === undefined) return [];
    if (Array.isArray(v)) return v;
    bad(path, 'array');
    return [];
  };

  if (!isObj(input)) throw new PlanShapeError([{ path: '(root)', want: 'object' }]);

  const name = str(input, 'name', 'name', true);
  const startYear = isYear(input.startYear) ? input.startYear : (bad('startYear', 'year'), 0);
  const endYear = isYear(input.endYear) ? input.endYear : (bad('endYear', 'year'), 0);
  if (startYear && endYear && !validPeriod(startYear, endYear)) bad('endYear', 'period');

  const sections: Section[] = [];
  list(input.sections, 'sections').forEach((s, i) => {
    const p = `sections[${i}]`;
    if (!isObj(s)) return bad(p, 'object');
    sections.push({ id: str(s, 'id', `${p}.id`), title: str(s, 'title', `${p}.title`, true) });
  });
  const sectionIds = new Set(sections.map((s) => s.id));

  const tasks: Task[] = [];
  const taskList = input.tasks === undefined ? [] : list(input.tasks, 'tasks');
  taskList.forEach((t, i) => {
    const p = `tasks[${i}]`;
    if (!isObj(t)) return bad(p, 'object');
    const id = typeof t.id === 'number' ? String(t.id) : typeof t.id === 'string' && t.id.trim() ? t.id : (bad(`${p}.id`, 'id'), '');
    const section = strOrNull(t.section, `${p}.section`);
    if (section !== null && sections.length && !sectionIds.has(section)) bad(`${p}.section`, 'section');
    const kind = MILESTONE_KINDS.includes(t.kind as MilestoneKind) ? (t.kind as MilestoneKind) : (bad(`${p}.kind`, 'kind'), 'qualitative');
    let target: Quantity | null = null;
    if (t.target !== undefined && t.target !== null) {
      if (!isObj(t.target) || typeof t.target.value !== 'number') bad(`${p}.target`, 'object');
      else target = { value: t.target.value, unit: strOrNull(t.target.unit, `${p}.target.unit`) };
    }
    const milestones: Milestone[] = [];
    list(t.milestones, `${p}.milestones`).forEach((m, j) => {
      const mp = `${p}.milestones[${j}]`;
      if (!isObj(m)) return bad(mp, 'object');
      if (!isYear(m.year)) bad(`${mp}.year`, 'year');
      if (m.value !== undefined && m.value !== null && typeof m.value !== 'number') bad(`${mp}.value`, 'numberOrNull');
      if (m.kind !== undefined && !MILESTONE_KINDS.includes(m.kind as MilestoneKind)) bad(`${mp}.kind`, 'kind');
      milestones.push({
        year: Number(m.year),
        value: typeof m.value === 'number' ? m.value : null,
        unit: strOrNull(m.unit, `${mp}.unit`),
        ...(m.kind !== undefined ? { kind: m.kind as MilestoneKind } : {}),
        ...(typeof m.text === 'string' ? { text: m.text } : {}),
      });
    });
    tasks.push({
      id,
      section,
      text: str(t, 'text', `${p}.text`),
      indicator: strOrNull(t.indicator, `${p}.indicator`),
      target,
      kind,
      deadline: strOrNull(t.deadline, `${p}.deadline`),
      milestones,
      lead: strings(t.lead, `${p}.lead`),
      cooperating: strings(t.cooperating, `${p}.cooperating`),
      ...(typeof t.scheduleText === 'string' ? { scheduleText: t.scheduleText } : {}),
      ...(typeof t.responsibilityText === 'string' ? { responsibilityText: t.responsibilityText } : {}),
    });
  });

  const units = strings(input.units, 'units');
  if (issues.length) throw new PlanShapeError(issues);
  return { name, startYear, endYear, sections, tasks, units };
}

/** `2023-2025`, `2023–2025`, `2023~2025` or a single year → [start, end]; null when unreadable. */
export function parseYears(text: string): [number, number] | null {
  const m = /^\s*(\d{4})\s*(?:[-–—~至到]\s*(\d{4}))?\s*年?\s*$/.exec(text);
  if (!m) return null;
  const start = Number(m[1]);
  const end = m[2] ? Number(m[2]) : start;
  return isYear(start) && isYear(end) && validPeriod(start, end) ? [start, end] : null;
}

/** `--counties`: one parser for the CLI and the pane, in the core. */
export { parseCounties } from '../core/text/counties';
