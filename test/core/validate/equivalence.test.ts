/**
 * Validation findings pinned before validation was made cheap per row (issue 17): the seeds'
 * and the real plans' generated sheets, seed 001 in its own layout, and bench-like county
 * sheets filled right and filled wrong. Any change to a finding, its order, its params or its
 * message shows here; the snapshot was taken from the code as it was before the change, and
 * updated since only for changes of output that were meant (a converted figure of a task with no
 * unit no longer names an empty unit “”).
 */
import { createHash } from 'crypto';
import { existsSync, readFileSync, readdirSync } from 'fs';
import path from 'path';
import { generateWorkbook } from '../../../src/core/generate/generate';
import type { Finding } from '../../../src/core/findings/catalogue';
import { importPlan } from '../../../src/core/import';
import type { Plan } from '../../../src/core/model';
import { readTaskSheet } from '../../../src/core/layout/reader';
import { rollup } from '../../../src/core/rollup/rollup';
import { type Grid, cellText } from '../../../src/core/sheet/grid';
import { type CellValue, type WorkbookSpec, isFormula } from '../../../src/core/sheet/spec';
import { validateGrid } from '../../../src/core/validate/validate';
import { SEEDS_DIR, seed001Grid } from '../../support/seeds';
import { benchPlan, countyNames, filledCounties } from '../../../bench/data';
import { samplePlan } from '../sample';

const PLANS = path.resolve(__dirname, '../../../../shared/plans');

const GROUP = '各乡镇政府、街道办事处';

/**
 * A finding as a line: where and what, and a digest of its params, message and task text —
 * those quote the plans, and the plans' text stays out of the repository (tests read ../shared
 * in place). A changed message still changes the line.
 */
const lines = (fs: Finding[]): string[] =>
  fs.map((f) => {
    const said = `${JSON.stringify(f.params ?? {})} ${f.message}` + (f.taskText ? ` | ${f.taskText}` : '');
    return `${f.severity} ${f.code} ${f.cell ?? '-'} #${f.taskId ?? '-'} ${createHash('sha256').update(said).digest('hex').slice(0, 16)}`;
  });

function valuesOf(spec: WorkbookSpec, kind: 'city' | 'county'): Grid {
  const sheet = spec.sheets.find((s) => s.kind === kind)!;
  return sheet.values.map((r) => r.map((v) => (isFormula(v) ? null : v)));
}

/** A plan's city and county sheets as keytask generates them, validated in both languages. */
function planSheets(plan: Plan): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const { spec } = generateWorkbook(plan, { counties: ['新密市'], lang: 'zh' });
  for (const kind of ['city', 'county'] as const) {
    for (const lang of ['zh', 'en'] as const) {
      out[`${kind} ${lang}`] = lines(validateGrid(valuesOf(spec, kind), { sheet: kind, lang, units: plan.units }));
    }
  }
  return out;
}

function importedPlans(): Array<[string, Plan]> {
  const files = [
    ...readdirSync(SEEDS_DIR).map((f) => path.join(SEEDS_DIR, f)),
    ...(existsSync(PLANS)
      ? readdirSync(PLANS)
          .filter((f) => /^\d.*\.txt$/.test(f))
          .map((f) => path.join(PLANS, f))
      : []),
  ];
  const out: Array<[string, Plan]> = [];
  for (const file of files) {
    try {
      out.push([path.basename(file).slice(0, 12), importPlan(readFileSync(file, 'utf8')).plan]);
    } catch {
      // not a plan (the NEG documents, seed 002…): nothing to validate
    }
  }
  return out;
}

describe('validation findings as they were before the per-row work was cut', () => {
  it('seed 001 in its own layout, with and without a directory', () => {
    const units = samplePlan().units;
    expect({
      units: lines(validateGrid(seed001Grid(), { sheet: '重点任务清单', lang: 'zh', units })),
      none: lines(validateGrid(seed001Grid(), { sheet: '重点任务清单', lang: 'en' })),
      spoilt: lines(validateGrid(spoilSeed001(seed001Grid()), { sheet: '重点任务清单', lang: 'zh', units: [...units, GROUP] })),
    }).toMatchSnapshot();
  });

  it('the generated sheets of the sample, the seeds and the real plans', () => {
    const all: Record<string, Record<string, string[]>> = { sample: planSheets(samplePlan()) };
    for (const [name, plan] of importedPlans()) all[name] = planSheets(plan);
    expect(all).toMatchSnapshot();
  });

  describe('bench-like county sheets', () => {
    const plan = benchPlan(80);
    const names = countyNames(3);
    const { spec } = generateWorkbook(plan, { counties: names, lang: 'zh' });
    const grids = filledCounties(plan, spec, names);
    const wrong = spoil(grids[names[2]]);
    const units = [...plan.units, GROUP];

    it('validated one by one', () => {
      const out: Record<string, string[]> = {};
      for (const n of names) out[n] = lines(validateGrid(grids[n], { sheet: n, lang: 'zh', units, period: { start: 2023, end: 2025 } }));
      out.wrongEn = lines(validateGrid(wrong, { sheet: 'x', lang: 'en', units }));
      out.noUnits = lines(validateGrid(wrong, { sheet: 'x', lang: 'zh', units: null, merges: ['A8:A9', 'L10:L12'] }));
      expect(out).toMatchSnapshot();
    });

    it('rolled up', () => {
      const city = spec.sheets.find((s) => s.kind === 'city')!.values.map((r) => r.map((v) => (isFormula(v) ? null : v)));
      const submissions = names.map((n) => ({ county: n, source: n, grid: grids[n] }));
      const r = rollup({ grid: city, source: 'city' }, submissions, { lang: 'zh', counties: names, units });
      expect(lines(r.findings)).toMatchSnapshot();
    });
  });
});

/**
 * A county sheet filled the ways clerks get it wrong: unit names misspelt, short or unknown, a
 * unit in both roles, text and error values in number cells, figures in another unit, falling
 * milestones, shares over 100, blank and repeated ids, a reporting period so progress is judged.
 * Changes the grid in place (its rows are the filled county's) and returns it.
 */
function spoil(g: Grid): Grid {
  const read = readTaskSheet(g)!;
  const periodRow = g.findIndex((r) => r.some((v) => cellText(v) === '报送期:'));
  if (periodRow >= 0) g[periodRow][g[periodRow].findIndex((v) => cellText(v) === '报送期:') + 1] = '2024年第2季度';
  const c = read.columns;
  const yearCols = read.years.map((y) => c[`y${y}`]!);
  const tasks = read.rows.filter((r) => r.type === 'task').map((r) => r.row);
  const leads = ['市发展改革委员', '市发改委', '市人力资源和社会保障局', '不存在的局', '市科工信局、市发展改革委', GROUP, ''];
  const coops = ['市财政局、市统计局', '市发展改革委', '市财政厅', '各乡镇政府、街道办事处配合', '市统计局 市财政局'];
  const numbers: CellValue[] = ['约4家', '#REF!', '0.23万', '5个', '12%', 'abc', '#VALUE!', -3, 140, '1,200'];
  tasks.forEach((row, k) => {
    const r = g[row];
    if (k % 3 === 0) r[c.lead!] = leads[(k / 3) % leads.length];
    if (k % 4 === 1) r[c.cooperating!] = coops[k % coops.length];
    if (k % 5 === 2) r[c.target!] = numbers[k % numbers.length];
    if (k % 6 === 3) r[yearCols[k % yearCols.length]] = numbers[(k + 3) % numbers.length];
    if (k % 7 === 4) {
      r[yearCols[0]] = 500;
      r[yearCols[1]] = 100;
    }
    if (k % 9 === 5) r[c.actual!] = numbers[(k + 1) % numbers.length];
    if (k % 11 === 6) r[c.id!] = null;
    if (k % 13 === 7) r[c.id!] = cellText(g[tasks[0]][c.id!]);
  });
  return g;
}

/** Seed 001's own table with its 责任单位 and 完成时限和目标 cells written the other ways clerks write them. */
function spoilSeed001(g: Grid): Grid {
  const resp = [
    '市发改委、市财政局',
    `${GROUP}、市科工信局`,
    '市科工信局牵头,市财政局、市科工信局配合',
    '由各有关方面按照职责分工认真抓好落实并确保各项工作任务按期保质保量完成到位不留死角',
    '',
    '市发展改革委员会负责',
    '市财政局、市统计局、市人社局',
  ];
  const schedules = ['2021年完成5家 2020年完成3家', '2025年达到10家 2024年达到6家', '持续推进', '2023年底前完成'];
  let k = 0;
  for (const r of g) {
    if (!/^\d+$/.test(cellText(r[0]))) continue;
    if (k % 2 === 0) r[3] = resp[(k / 2) % resp.length];
    if (k % 5 === 1) r[2] = schedules[k % schedules.length];
    k++;
  }
  return g;
}
