import type { Plan } from '../../src/core/model';
import sample from '../../src/core/samples/shangqiu-2023-2025.json';

/** The seed 001 task list as the demo ships it; a fresh copy per call so tests can mutate it. */
export function samplePlan(): Plan {
  return JSON.parse(JSON.stringify(sample)) as Plan;
}
