/**
 * The plans the Generate tab offers. The pane never edits a plan's tasks; it only picks one and
 * sets its period, so the same core generation serves the pane and the CLI.
 */
import { type Plan, emptyPlan } from '../core/model';
import sample from '../core/samples/shangqiu-2023-2025.json';

export type PlanSource = 'sample' | 'empty';

export const SAMPLE_PLAN: Plan = sample as Plan;

/** A blank template covers a three-year plan starting this year, the most common kind. */
export function defaultPeriod(source: PlanSource, today = new Date()): { startYear: number; endYear: number } {
  if (source === 'sample') return { startYear: SAMPLE_PLAN.startYear, endYear: SAMPLE_PLAN.endYear };
  const year = today.getFullYear();
  return { startYear: year, endYear: year + 2 };
}

export function planFor(source: PlanSource, startYear: number, endYear: number): Plan {
  if (source === 'empty') return emptyPlan(startYear, endYear);
  return { ...SAMPLE_PLAN, startYear, endYear };
}
