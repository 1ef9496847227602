/**
 * The roll-up gives exactly what it gave before the engine was made to cost what the data
 * costs (issue 17): the same result field for field, the same findings in the same order, the
 * same sheets to write — over the sample plan and the seed plans, county copies filled the
 * way clerks fill them and then spoilt the ways clerks spoil them (units and scales typed
 * into number cells, full-width digits, text, blanks, ids typed differently, rows gone, task
 * text changed, another unit, milestones that go down), over two reporting periods.
 *
 * `equivalence.golden.json` holds digests of what the engine gave at 9bc0442, before the
 * change. A digest per task, per part and per sheet, so a failure names what moved. Rewrite
 * it only for a change of output that is meant: `KEYTASK_GOLDEN=write npx jest equivalence`
 * (so far once: a converted figure of a task with no unit no longer names an empty unit “”).
 */
import { createHash } from 'crypto';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { benchPlan, cityWorkbook, countyCopy, filledCounties, valuesOf } from '../../../bench/data';
import { importDocument } from '../../../src/core/operations/import';
import { fileRollup, rollupOperation } from '../../../src/core/operations/rollup';
import type { Plan } from '../../../src/core/model';
import { readTaskSheet } from '../../../src/core/layout/reader';
import { HEADER_BLOCK_CELLS } from '../../../src/core/layout/taskSheet';
import type { PeriodHistory } from '../../../src/core/period/history';
import { rollup } from '../../../src/core/rollup/rollup';
import type { SourceFile } from '../../../src/core/rollup/sources';
import { type Grid, cellText } from '../../../src/core/sheet/grid';
import type { CellValue, WorkbookSpec } from '../../../src/core/sheet/spec';
import { seedText } from '../../support/seeds';

const GOLDEN = join(__dirname, 'equivalence.golden.json');

/** A small deterministic generator: the same spoiling every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const FULL_WIDTH = (s: string): string => s.replace(/[0-9.]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** Spoils a filled county grid the ways clerks do, about one cell in `rate`. */
function spoil(grid: Grid, seed: number, rate: number): Grid {
  const read = readTaskSheet(grid);
  if (!read) return grid;
  const c = read.columns;
  const rnd = prng(seed);
  const years = read.years.map((y) => c[`y${y}`]).filter((x): x is number => x !== undefined);
  const figureCols = [c.target, c.actual, ...years].filter((x): x is number => x !== undefined);
  for (const r of read.rows) {
    if (r.type !== 'task' || rnd() > 1 / rate) continue;
    const row = grid[r.row];
    const col = figureCols[Math.floor(rnd() * figureCols.length)];
    const v = row[col];
    const n = typeof v === 'number' ? v : Number(cellText(v)) || 12;
    const set = (k: number | undefined, x: CellValue): void => {
      if (k !== undefined) row[k] = x;
    };
    switch (Math.floor(rnd() * 15)) {
      case 0:
        set(col, `${n / 10000}万`);
        break;
      case 1:
        set(col, FULL_WIDTH(String(n)));
        break;
      case 2:
        set(col, '正在推进');
        break;
      case 3:
        set(col, null);
        break;
      case 4:
        if (years.length > 1) {
          set(years[0], n + 50);
          set(years[years.length - 1], n);
        }
        break;
      case 5:
        set(c.id, ` ${FULL_WIDTH(r.id)} `);
        break;
      case 6:
        for (let k = 0; k < row.length; k++) row[k] = null;
        break;
      case 7:
        set(c.task, `${cellText(row[c.task ?? 0])}并完成其他工作`.replace(/^.{4}/, '另行安排'));
        break;
      case 8:
        set(c.unit, cellText(row[c.unit ?? 0]) === '亿元' ? '万元' : '个');
        break;
      case 9:
        set(c.status, null);
        set(c.progress, '已完成年度目标的' + String(n) + '%');
        break;
      case 10:
        set(col, -n);
        break;
      case 11:
        set(col, `${n}%`);
        break;
      case 12:
        set(col, `约${n}亿元`);
        break;
      case 13:
        set(c.id, `${r.id}.0`);
        break;
      case 14:
        set(c.actual, n * 3);
        break;
    }
  }
  return grid;
}

function setPeriod(grid: Grid, period: string): Grid {
  const row = grid.findIndex((r) => cellText(r[HEADER_BLOCK_CELLS.period.label]).startsWith('报送期'));
  if (row >= 0) grid[row][HEADER_BLOCK_CELLS.period.input[0]] = period;
  return grid;
}

function asFile(name: string, spec: WorkbookSpec): SourceFile {
  return { name, grids: spec.sheets.map((s) => ({ name: s.name, state: s.visibility, grid: valuesOf(spec, s.name) })), names: spec.names };
}

interface Case {
  name: string;
  plan: Plan;
  counties: string[];
  rate: number;
}

function seedPlan(prefix: string): Plan {
  return importDocument(seedText(prefix), { year: 2024 }).imported.plan;
}

const CASES = (): Case[] => [
  { name: 'sample', plan: benchPlan(60), counties: ['新密市', '登封市', '荥阳市', '巩义市', '新郑市', '中牟县'], rate: 6 },
  { name: 'sample-clean', plan: benchPlan(40), counties: ['甲县', '乙县', '丙县'], rate: 1e9 },
  ...['001', '002', '003', '004'].map((p) => ({
    name: `seed-${p}`,
    plan: seedPlan(p),
    counties: ['东区', '西区', '南县', '北县'],
    rate: 4,
  })),
];

/** Canonical JSON: keys sorted, so a digest does not depend on insertion order the output does not show. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (k, x: unknown) => {
    if (x instanceof Map) return [...x];
    if (!x || typeof x !== 'object' || Array.isArray(x)) return x;
    // The county milestones' cells (cells.milestones) were dropped: nothing read them.
    const keys = Object.keys(x).filter((key) => !(k === 'cells' && key === 'milestones'));
    return Object.fromEntries(keys.sort().map((key) => [key, (x as Record<string, unknown>)[key]]));
  });
}
const digest = (v: unknown): string => createHash('sha256').update(canonical(v)).digest('hex').slice(0, 16);

/** Digests of everything a roll-up gives: per task, per part, per sheet of the report. */
function digests(run: () => { result: unknown; sheets?: unknown }): Record<string, string> {
  const { result, sheets } = run();
  const r = result as Record<string, unknown> & {
    years: number[];
    tasks: Array<{ id: string; counties: Record<string, { milestones: unknown }> }>;
  };
  // Each county's milestones are an array in the result's years' order now; keyed by year before.
  for (const t of r.tasks)
    for (const f of Object.values(t.counties))
      if (Array.isArray(f.milestones))
        f.milestones = Object.fromEntries(r.years.map((y, i) => [String(y), (f.milestones as unknown[])[i] ?? null]));
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(r)) if (k !== 'tasks') out[k] = digest(v);
  r.tasks.forEach((t, i) => (out[`task ${i} ${t.id}`] = digest(t)));
  if (Array.isArray(sheets)) for (const s of sheets as Array<{ name: string }>) out[`sheet ${s.name}`] = digest(s);
  return out;
}

/** Every finding code the cases gave, so the test shows it covers what matters. */
const CODES = new Set<string>();

function compute(): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const k of CASES()) {
    const spec = cityWorkbook(k.plan, k.counties);
    const cityName = spec.sheets[0].name;
    let history: PeriodHistory | undefined;
    ['2024年第2季度', '2024年第3季度'].forEach((period, p) => {
      const city = setPeriod(valuesOf(spec, cityName), period);
      const filled = filledCounties(k.plan, spec, k.counties);
      const grids = k.counties.map((county, i) => setPeriod(spoil(filled[county], (i + 1) * 7919 + p * 104729, k.rate), period));
      // the third county stops reporting in the second period
      const sent = k.counties.map((county, i) => ({ county, grid: grids[i] })).filter((_, i) => p === 0 || i !== 2);
      const opts = { lang: 'zh' as const, counties: k.counties, ...(history ? { history } : {}) };
      const core = rollup(
        { grid: city, source: cityName },
        sent.map((s) => ({ county: s.county, source: s.county, grid: s.grid })),
        opts,
      );
      out[`${k.name} ${period} core`] = digests(() => ({ result: core }));
      for (const f of core.findings) CODES.add(f.code);
      // The operation over files, as the CLI (one at a time) and the pane (all at once) call it.
      const files: SourceFile[] = [
        {
          name: 'city.xlsx',
          grids: spec.sheets.map((s) => ({ name: s.name, state: s.visibility, grid: s.name === cityName ? city : valuesOf(spec, s.name) })),
          names: spec.names,
        },
        ...sent.map((s) => asFile(`${s.county}.xlsx`, countyCopy(spec, s.county, s.grid))),
      ];
      const opOpts = { lang: 'zh' as const, counties: k.counties, build: true, findingsSheet: { date: '2025-06-30' } };
      const all = rollupOperation({ files }, { ...opOpts, cityFile: 'city.xlsx' });
      out[`${k.name} ${period} files`] = digests(() => ({ result: all.result, sheets: all.workbook?.spec.sheets }));
      const roll = fileRollup({ file: files[0], at: 0 }, opOpts)!;
      files.slice(1).forEach((f, i) => roll.add(f, i + 1));
      const streamed = roll.finish();
      out[`${k.name} ${period} streamed`] = digests(() => ({ result: streamed.result, sheets: streamed.workbook?.spec.sheets }));
      history = core.history;
    });
  }
  return out;
}

describe('the roll-up gives what it gave before (golden digests)', () => {
  const now = compute();

  if (process.env.KEYTASK_GOLDEN === 'write') {
    writeFileSync(GOLDEN, JSON.stringify(now, null, 1) + '\n');
  }
  const golden = existsSync(GOLDEN) ? (JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, Record<string, string>>) : {};

  it('covers every case, with findings of many kinds', () => {
    expect(Object.keys(now).sort()).toEqual(Object.keys(golden).sort());
    expect(Object.keys(now).length).toBe(CASES().length * 2 * 3);
    for (const code of [
      'actual-decreasing',
      'county-stopped-reporting',
      'county-unit-mismatch',
      'milestone-decreasing',
      'number-converted',
      'number-invalid',
      'number-unit-mismatch',
      'task-extra',
      'task-missing',
      'task-text-mismatch',
    ])
      expect(CODES).toContain(code);
  });

  it.each(Object.keys(now))('%s', (name) => {
    const moved = Object.keys({ ...now[name], ...golden[name] }).filter((k) => now[name][k] !== golden[name]?.[k]);
    expect(moved).toEqual([]);
  });
});
