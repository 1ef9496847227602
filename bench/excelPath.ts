/**
 * The Excel host against the fake Excel: how many `context.sync()` round trips generation,
 * review and roll-up take, and the largest request each sends, at any size. The fake counts
 * every sync and measures each request's JSON payload, which is what Excel on the web limits
 * to 5 MB.
 *
 * The floor for any of these operations is one read batch and one write batch. Where the sheets
 * to read are only known from the sheet list and the registry, that read is two: review (which
 * writes nothing) 2, roll-up and re-generation 3. A fresh generation reads the structure only: 2.
 *
 * The data floor is what the data itself costs with 5 MB each way, whoever reads it: the
 * structure read (1), the values in ⌈values answer / limit⌉ answers, the figure cells' number
 * formats in ⌈formats answer / limit⌉ (review and roll-up; asked once the values show which
 * cells hold numbers, so a read of its own), the writes in ⌈requests / limit⌉. The answers are
 * measured by the fake itself, sheet by sheet, before the operation runs.
 */
import type { Plan } from '../src/core/model';
import type { Grid } from '../src/core/sheet/grid';
import { type WorkbookSpec, isFormula } from '../src/core/sheet/spec';
import { generateInExcel } from '../src/hosts/excel/generate';
import { cellInput } from '../src/hosts/excel/cellInputs';
import { rollupInExcel } from '../src/hosts/excel/rollup';
import { validateInExcel } from '../src/hosts/excel/validate';
import { readPercentCells } from '../src/hosts/excel/percentCells';
import { readUsedRanges } from '../src/hosts/excel/usedRanges';
import { DEFAULT_PAYLOAD_LIMIT, type FakeExcel, createFakeExcel } from '../test/support/fakeExcel';
import { benchPlan, cityWorkbook, countyNames, filledCounties } from './data';

export type ExcelOperation = 'generate' | 'regenerate' | 'validate' | 'rollup';

export interface ExcelResult {
  operation: ExcelOperation;
  counties: number;
  tasks: number;
  syncs: number;
  /** the floor for this operation: one read and one write batch (validate: its two reads) */
  floor: number;
  /** bytes of each request, in order */
  requests: number[];
  largestBytes: number;
  /** all requests together: with the 5 MB limit, no fewer than 1 + ceil(total / limit) syncs can carry a write this big */
  totalBytes: number;
  /** what the values the operation reads weigh as the fake answers them (every sheet's used range) */
  readBytes: number;
  /** what the number formats of the figure cells holding numbers weigh as the fake answers them */
  formatBytes: number;
  /** size of what each sync's loads brought back, as the fake measures it (Excel on the web limits it to 5 MB too) */
  responses: number[];
  largestResponseBytes: number;
  /** syncs whose answer was over the limit and was asked for again in smaller parts */
  refused: number;
  /**
   * the fewest syncs any host needs for this much data with 5 MB each way: one structure read,
   * the values in ⌈read / limit⌉ responses, the formats in ⌈formats / limit⌉, the writes in
   * ⌈written / limit⌉ requests
   */
  dataFloor: number;
  limitBytes: number;
  /** wall time through the fake, for orientation only (the fake is not Excel) */
  ms: number;
  ok: boolean;
  error?: string;
}

export const FLOOR: Record<ExcelOperation, number> = { generate: 2, regenerate: 3, validate: 2, rollup: 3 };

const never = async (): Promise<boolean> => {
  throw new Error('bench: no name conflict expected');
};

/**
 * A workbook's values, visibility and names put straight into the fake's state, as a clerk's
 * workbook would be when the add-in opens it (nothing is counted for setting it up).
 */
function loaded(spec: WorkbookSpec, grids: Record<string, Grid> = {}): FakeExcel {
  const fake = createFakeExcel({ apiVersion: '1.18' });
  const st = fake.workbook;
  for (const s of spec.sheets) {
    const sheet = st.addSheet(s.name);
    const values = grids[s.name] ?? s.values;
    for (let r = 0; r < values.length; r++) {
      const row = values[r];
      for (let c = 0; c < row.length; c++) if (row[c] !== null) sheet.writeInput(r, c, cellInput(row[c]));
    }
    if (s.visibility !== 'visible') st.setVisibility(sheet, s.visibility === 'hidden' ? 'Hidden' : 'VeryHidden');
  }
  for (const n of spec.names) st.addName(n.name, `=${n.ref}`);
  // Generation leaves its city sheet active (regenerate.ts `activate`), as the clerk finds it.
  const city = spec.sheets.find((s) => s.key === 'city');
  if (city) st.activate(st.sheet(city.name)!);
  fake.resetCounts();
  return fake;
}

interface Answers {
  values: number;
  formats: number;
}

/**
 * What the operation's reads must bring back, measured by the fake as it measures every answer
 * against the limit, one sheet at a time (not counted: the counts are reset after): each sheet's
 * used-range values and, with `formats`, the number formats of its figure cells that hold numbers
 * (core/layout/figureCells.ts), which review and roll-up ask for.
 */
async function answers(fake: FakeExcel, sheets: string[], formats: boolean): Promise<Answers> {
  /** What the answers of the last run brought back (a sheet over the limit alone: its blocks). */
  const answered = async (run: () => Promise<unknown>): Promise<number> => {
    fake.resetCounts();
    await run();
    return fake.requests.reduce((n, q) => n + ((q.responseBytes ?? 0) <= DEFAULT_PAYLOAD_LIMIT ? (q.responseBytes ?? 0) : 0), 0);
  };
  const out: Answers = { values: 0, formats: 0 };
  for (const name of sheets) {
    let grid: Grid = [];
    out.values += await answered(async () => {
      const read = await fake.api.run((ctx) => readUsedRanges(ctx, [name]));
      grid = read.sheets.get(name)?.grid ?? [];
    });
    // No figure cell holding a number: no format read (readPercentCells syncs nothing).
    if (formats) out.formats += await answered(() => fake.api.run((ctx) => readPercentCells(ctx, [{ sheet: name, grid }])));
  }
  fake.resetCounts();
  return out;
}

/** Runs one operation against `fake`, timed; a failure is a figure too (ok: false), not a crash. */
async function measure(
  op: ExcelOperation,
  plan: Plan,
  counties: string[],
  fake: FakeExcel,
  read: Answers,
  run: () => Promise<unknown>,
): Promise<ExcelResult> {
  const started = performance.now();
  let error: unknown;
  try {
    await run();
  } catch (e) {
    error = e ?? new Error('failed');
  }
  const ms = Math.round(performance.now() - started);
  const tasks = plan.tasks.length;
  const requests = fake.requests.map((q) => q.bytes);
  const responses = fake.requests.map((q) => q.responseBytes ?? 0);
  const sent = requests.reduce((a, b) => a + b, 0);
  const writes = op === 'validate' ? 0 : Math.max(1, Math.ceil(sent / DEFAULT_PAYLOAD_LIMIT));
  return {
    operation: op,
    counties: counties.length,
    tasks,
    syncs: fake.syncCount,
    floor: FLOOR[op],
    requests,
    largestBytes: requests.length ? Math.max(...requests) : 0,
    totalBytes: requests.reduce((a, b) => a + b, 0),
    readBytes: read.values,
    formatBytes: read.formats,
    responses,
    largestResponseBytes: responses.length ? Math.max(...responses) : 0,
    refused: responses.filter((b) => b > DEFAULT_PAYLOAD_LIMIT).length,
    dataFloor:
      1 +
      (read.values > 0 ? Math.ceil(read.values / DEFAULT_PAYLOAD_LIMIT) : op === 'generate' ? 0 : 1) +
      Math.ceil(read.formats / DEFAULT_PAYLOAD_LIMIT) +
      writes,
    limitBytes: DEFAULT_PAYLOAD_LIMIT,
    ms,
    ok: error === undefined,
    ...(error === undefined ? {} : { error: error instanceof Error ? error.message : String(error) }),
  };
}

/** Generation into a new workbook: the city sheet, a copy per county, directory, registry. */
export async function benchGenerate(plan: Plan, counties: string[]): Promise<ExcelResult> {
  const fake = createFakeExcel({ apiVersion: '1.18' });
  return measure('generate', plan, counties, fake, { values: 0, formats: 0 }, () =>
    generateInExcel(fake.api, plan, { counties, lang: 'zh' }, never),
  );
}

/**
 * Generation again over a workbook it made and clerks filled: every keytask sheet is updated
 * in place, keeping what was typed.
 */
export async function benchRegenerate(plan: Plan, counties: string[]): Promise<ExcelResult> {
  const spec = cityWorkbook(plan, counties);
  const grids = filledCounties(plan, spec, counties);
  const fake = createFakeExcel({ apiVersion: '1.18' });
  await generateInExcel(fake.api, plan, { counties, lang: 'zh' }, never);
  for (const name of counties) {
    const sheet = fake.workbook.sheet(name);
    const grid = grids[name];
    if (!sheet || !grid) continue;
    grid.forEach((row, r) => row.forEach((v, c) => v !== null && !isFormula(v) && sheet.writeInput(r, c, cellInput(v))));
  }
  const read = await answers(fake, counties, false);
  return measure('regenerate', plan, counties, fake, read, () => generateInExcel(fake.api, plan, { counties, lang: 'zh' }, never));
}

/** Review of every task sheet of a generated (and filled) workbook. */
export async function benchValidate(plan: Plan, counties: string[]): Promise<ExcelResult> {
  const spec = cityWorkbook(plan, counties);
  const grids = filledCounties(plan, spec, counties);
  const fake = loaded(spec, grids);
  // The registry, every task sheet and the unit directory.
  const read = await answers(
    fake,
    spec.sheets.map((s) => s.name),
    true,
  );
  return measure('validate', plan, counties, fake, read, () => validateInExcel(fake.api, { scope: 'all', lang: 'zh' }));
}

/** Roll-up of every filled county sheet of the workbook into 汇总 / 填报情况 / 排名. */
export async function benchRollup(plan: Plan, counties: string[]): Promise<ExcelResult> {
  const spec = cityWorkbook(plan, counties);
  const grids = filledCounties(plan, spec, counties);
  const fake = loaded(spec, grids);
  // The registry, the city list, the unit directory and every county copy.
  const read = await answers(
    fake,
    spec.sheets.map((s) => s.name),
    true,
  );
  return measure('rollup', plan, counties, fake, read, async () => {
    const r = await rollupInExcel(fake.api, { lang: 'zh', confirm: never });
    if (r.status !== 'done') throw new Error(`roll-up ended ${r.status}`);
  });
}

export interface ExcelCase {
  counties: number;
  tasks: number;
}

const RUNNERS: Record<ExcelOperation, (plan: Plan, counties: string[]) => Promise<ExcelResult>> = {
  generate: benchGenerate,
  regenerate: benchRegenerate,
  validate: benchValidate,
  rollup: benchRollup,
};

export async function benchExcel(
  c: ExcelCase,
  ops: ExcelOperation[] = ['generate', 'regenerate', 'validate', 'rollup'],
): Promise<ExcelResult[]> {
  const plan = benchPlan(c.tasks);
  const counties = countyNames(c.counties);
  const out: ExcelResult[] = [];
  for (const op of ops) {
    if (op === 'rollup' && c.counties === 0) continue; // a single sheet has nothing to roll up
    out.push(await RUNNERS[op](plan, counties));
  }
  return out;
}
