/**
 * The pure engine over grids already in memory, no host: validation of every county sheet
 * (and of single sheets of thousands of tasks) and the roll-up of N counties. Median of
 * several runs after a warm-up, so one garbage collection does not decide the figure.
 */
import { rollup } from '../src/core/rollup/rollup';
import type { Grid } from '../src/core/sheet/grid';
import { validateGrid } from '../src/core/validate/validate';
import { benchPlan, cityWorkbook, countyNames, filledCounties, valuesOf } from './data';

export interface EngineResult {
  operation: 'validate' | 'rollup';
  counties: number;
  tasks: number;
  /** task rows processed per run: counties × tasks (a single sheet: its tasks) */
  rows: number;
  runs: number;
  medianMs: number;
  minMs: number;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Node's `gc()` when run with --expose-gc (scripts/bench.js does). */
const collect = (globalThis as { gc?: () => void }).gc;

/**
 * Runs `f` once to warm up, then `runs` times; returns the times in ms. Garbage left by the run
 * before is collected first (with --expose-gc), so one run does not pay for another's.
 */
export function timed(f: () => unknown, runs: number): number[] {
  f();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    collect?.();
    const t = process.hrtime.bigint();
    f();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}

function summary(operation: EngineResult['operation'], counties: number, tasks: number, times: number[]): EngineResult {
  return {
    operation,
    counties,
    tasks,
    rows: Math.max(1, counties) * tasks,
    runs: times.length,
    medianMs: Math.round(median(times) * 100) / 100,
    minMs: Math.round(Math.min(...times) * 100) / 100,
  };
}

export interface EngineCase {
  counties: number;
  tasks: number;
}

/** Validation of each county sheet and the roll-up of all of them. */
export function benchEngine(c: EngineCase, runs: number): EngineResult[] {
  const plan = benchPlan(c.tasks);
  const names = countyNames(c.counties);
  const spec = cityWorkbook(plan, names);
  const grids = filledCounties(plan, spec, names);
  const city = valuesOf(spec, spec.sheets[0].name);
  const period = { start: plan.startYear, end: plan.endYear };
  const validate = (): number => {
    let n = 0;
    for (const name of names) n += validateGrid(grids[name], { sheet: name, lang: 'zh', units: plan.units, period }).length;
    return n;
  };
  const submissions = names.map((name) => ({ county: name, source: name, grid: grids[name] }));
  const roll = (): number => rollup({ grid: city, source: 'city' }, submissions, { lang: 'zh', counties: names }).tasks.length;
  return [summary('validate', c.counties, c.tasks, timed(validate, runs)), summary('rollup', c.counties, c.tasks, timed(roll, runs))];
}

/** Validation of one city sheet of `tasks` tasks. */
export function benchSingleSheet(tasks: number, runs: number): EngineResult {
  const plan = benchPlan(tasks);
  const spec = cityWorkbook(plan, []);
  const grid: Grid = valuesOf(spec, spec.sheets[0].name);
  const period = { start: plan.startYear, end: plan.endYear };
  const times = timed(() => validateGrid(grid, { sheet: 'city', lang: 'zh', units: plan.units, period }), runs);
  return summary('validate', 0, tasks, times);
}
