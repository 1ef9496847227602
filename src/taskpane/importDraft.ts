/**
 * A plan read from a document, as the clerk corrects it in the preview before generating:
 * which tasks to keep, each kept task's measure unit and lead. Plain functions over plain data;
 * the importer's own reading is never changed, only the plan handed to generation.
 */
import type { ImportResult, ImportedTask } from '../core/import/importPlan';
import type { Plan, Task } from '../core/model';

export interface DraftRow {
  include: boolean;
  /** the target's unit as the clerk left it ('' for none) */
  unit: string;
  /** the unit picked as lead; null keeps the importer's reading */
  lead: string | null;
}

export interface ImportDraft {
  result: ImportResult;
  name: string;
  rows: DraftRow[];
}

export function newDraft(result: ImportResult): ImportDraft {
  return {
    result,
    name: result.plan.name,
    rows: result.tasks.map((t) => ({ include: true, unit: t.target?.unit ?? '', lead: null })),
  };
}

/** The units a task names, lead first: the choices for its lead. */
export function taskUnits(task: Pick<Task, 'lead' | 'cooperating'>): string[] {
  return [...new Set([...task.lead, ...task.cooperating])];
}

/** The task as the clerk corrected it. */
export function correctedTask(task: ImportedTask, row: DraftRow): Task {
  const { findings: _findings, line: _line, ...plain } = task;
  let out: Task = plain;
  const unit = row.unit.trim() || null;
  if (task.target && unit !== task.target.unit) {
    const before = task.target.unit;
    out = {
      ...out,
      target: { ...task.target, unit },
      // Milestones written in the target's old unit follow it; any other stays as written.
      milestones: out.milestones.map((m) => (m.value !== null && m.unit === before ? { ...m, unit } : m)),
    };
  }
  if (row.lead !== null && !(task.lead.length === 1 && task.lead[0] === row.lead)) {
    out = { ...out, lead: [row.lead], cooperating: taskUnits(task).filter((u) => u !== row.lead) };
  }
  return out;
}

export function includedCount(draft: ImportDraft): number {
  return draft.rows.filter((r) => r.include).length;
}

/** The plan to generate: the kept tasks, the sections they use, every unit the document named. */
export function correctedPlan(draft: ImportDraft, startYear: number, endYear: number): Plan {
  const { plan, tasks } = draft.result;
  const kept = tasks.flatMap((t, i) => (draft.rows[i].include ? [correctedTask(t, draft.rows[i])] : []));
  const used = new Set(kept.map((t) => t.section));
  return {
    ...plan,
    name: draft.name.trim(),
    startYear,
    endYear,
    sections: plan.sections.filter((s) => used.has(s.id)),
    tasks: kept,
    units: draft.result.units,
  };
}
