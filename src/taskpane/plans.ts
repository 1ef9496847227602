/**
 * The plans the Generate tab offers. The pane never edits a plan's tasks; it only picks one and
 * sets its period, so the same core generation serves the pane and the CLI.
 */
import { type Plan, emptyPlan } from '../core/model';

export type PlanSource = 'sample' | 'empty';

/**
 * What the tab shows of the sample plan before 生成: its name and period. The plan itself (its
 * tasks, a tenth of the first load) loads on the first 生成; test/taskpane/plans.test.ts keeps
 * these in step with the file.
 */
export const SAMPLE_INFO = { name: '商丘市建设制造强市三年行动计划(2023—2025年)', startYear: 2023, endYear: 2025 } as const;

export async function samplePlan(): Promise<Plan> {
  const { default: sample } = await import(/* webpackChunkName: "sample-plan" */ '../core/samples/shangqiu-2023-2025.json');
  return sample as Plan;
}

/** A blank template covers a three-year plan starting this year, the most common kind. */
export function defaultPeriod(source: PlanSource, today = new Date()): { startYear: number; endYear: number } {
  if (source === 'sample') return { startYear: SAMPLE_INFO.startYear, endYear: SAMPLE_INFO.endYear };
  const year = today.getFullYear();
  return { startYear: year, endYear: year + 2 };
}

export async function planFor(source: PlanSource, startYear: number, endYear: number): Promise<Plan> {
  if (source === 'empty') return emptyPlan(startYear, endYear);
  return { ...(await samplePlan()), startYear, endYear };
}
