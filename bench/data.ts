/**
 * Generated data for the bench: plans of any size built from the shipped sample, a city
 * workbook with N county copies, county grids filled the way a county office fills them, and
 * the .xlsx files a city office receives (one keytask county copy per county, plus the city's
 * list). Deterministic: the same sizes always give the same figures.
 */
import { mkdirSync, existsSync, writeFileSync } from 'fs';
import { join } from 'path';
import { generateWorkbook } from '../src/core/generate/generate';
import { readTaskSheet } from '../src/core/layout/reader';
import type { Plan } from '../src/core/model';
import sample from '../src/core/samples/shangqiu-2023-2025.json';
import { type Grid, cellText } from '../src/core/sheet/grid';
import { REGISTRY_SHEET, buildRegistrySheet, parseRegistry } from '../src/core/sheet/registry';
import { type CellValue, type WorkbookSpec, isFormula } from '../src/core/sheet/spec';
import { toBuffer } from '../src/hosts/xlsx/writeWorkbook';

/** The sample's tasks, then copies of them under new ids in the last section, up to `n`. */
export function benchPlan(n: number): Plan {
  const plan = JSON.parse(JSON.stringify(sample)) as Plan;
  const base = plan.tasks;
  const last = base[base.length - 1];
  const tasks = base.slice(0, n);
  for (let k = 0; tasks.length < n; k++) {
    const t = base[k % base.length];
    tasks.push({ ...t, id: String(1000 + k), section: last.section, text: `${t.text}(${k + 1})` });
  }
  return { ...plan, tasks };
}

export function countyNames(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `测试县${String(i + 1).padStart(3, '0')}`);
}

/** The city workbook keytask generates: city list, a copy per county, directory, registry. */
export function cityWorkbook(plan: Plan, counties: string[]): WorkbookSpec {
  return generateWorkbook(plan, { counties, lang: 'zh' }).spec;
}

/** A sheet's values as a county holds them, completion formulas left out. */
export function valuesOf(spec: WorkbookSpec, name: string): Grid {
  const sheet = spec.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet.values.map((r) => r.map((v) => (isFormula(v) ? null : v)));
}

/** Ids of the tasks that carry figures (a target); the rest are qualitative. */
export function measuredIds(plan: Plan): Set<string> {
  return new Set(plan.tasks.filter((t) => t.kind !== 'qualitative' && t.target).map((t) => t.id));
}

/**
 * Fills a county copy: every measured task gets a target, the plan years' milestones, an
 * actual value and a status; every other task a status. Figures vary by county (`seed`) so
 * sums are not trivial.
 */
export function fillCounty(grid: Grid, measured: Set<string>, seed: number): Grid {
  const read = readTaskSheet(grid);
  if (!read) throw new Error('county copy without a header');
  const c = read.columns;
  const set = (row: CellValue[], col: number | undefined, v: CellValue): void => {
    if (col !== undefined) row[col] = v;
  };
  let k = 0;
  for (const r of read.rows) {
    if (r.type !== 'task') continue;
    const row = grid[r.row];
    k++;
    set(row, c.status, k % 7 === 0 ? '滞后' : '正常推进');
    if (!measured.has(r.id)) continue;
    // Shares and rates stay within 0–100; counts and amounts vary more.
    const percent = cellText(r.values.unit) === '%';
    const target = percent ? 20 + ((seed * 13 + k * 7) % 70) : 100 + ((seed * 13 + k * 7) % 400);
    set(row, c.target, target);
    read.years.forEach((y, i) => set(row, c[`y${y}`], Math.round((target * (i + 1)) / read.years.length)));
    set(row, c.actual, Math.round(target * (0.4 + ((seed + k) % 50) / 100)));
  }
  return grid;
}

/** Every county's filled grid, by county. */
export function filledCounties(plan: Plan, spec: WorkbookSpec, counties: string[]): Record<string, Grid> {
  const measured = measuredIds(plan);
  return Object.fromEntries(counties.map((c, i) => [c, fillCounty(valuesOf(spec, c), measured, i + 1)]));
}

/** The spec with the counties' typing in place of the blank copies. */
export function withFilled(spec: WorkbookSpec, grids: Record<string, Grid>): WorkbookSpec {
  return {
    ...spec,
    sheets: spec.sheets.map((s) => {
      const g = grids[s.name];
      if (!g) return s;
      // Formulas (completion rate) stay where the county left them empty.
      const values = s.values.map((row, r) => row.map((v, col) => (isFormula(v) ? v : (g[r]?.[col] ?? null))));
      return { ...s, values };
    }),
  };
}

/** One county's sheet and a registry naming only it: the copy keytask hands out, filled. */
export function countyCopy(spec: WorkbookSpec, county: string, grid: Grid): WorkbookSpec {
  const filled = withFilled(spec, { [county]: grid });
  const sheet = filled.sheets.find((s) => s.name === county)!;
  const registry = parseRegistry(spec.sheets.find((s) => s.name === REGISTRY_SHEET)!.values).filter((e) => e.key === `county:${county}`);
  return {
    sheets: [sheet, buildRegistrySheet(registry)],
    names: spec.names.filter((n) => registry.some((e) => e.name === n.name)),
  };
}

export interface FileSet {
  dir: string;
  city: string;
  counties: string[];
}

/**
 * The files of a roll-up of `n` counties × `tasks` tasks, written once under `root` and reused:
 * county i's file does not depend on how many counties there are, so one folder of the largest
 * size serves every smaller one; the city file (its list only) is the same for every n.
 */
export async function countyFiles(root: string, tasks: number, n: number, log: (s: string) => void = () => undefined): Promise<FileSet> {
  const dir = join(root, `t${tasks}`);
  mkdirSync(dir, { recursive: true });
  const plan = benchPlan(tasks);
  const counties = countyNames(n);
  const city = join(dir, 'city.xlsx');
  const files = counties.map((c) => join(dir, `${c}.xlsx`));
  const todo = files.map((f, i) => (existsSync(f) ? -1 : i)).filter((i) => i >= 0);
  if (!existsSync(city)) {
    // The city's list: the city sheet, directory and registry, without county copies.
    writeFileSync(city, await toBuffer(cityWorkbook(plan, [])));
  }
  if (todo.length) {
    log(`writing ${todo.length} county files of ${tasks} tasks to ${dir}`);
    // One template workbook per batch of counties, so the registry names match a real generation.
    const spec = cityWorkbook(plan, counties);
    const measured = measuredIds(plan);
    for (const i of todo) {
      const c = counties[i];
      const grid = fillCounty(valuesOf(spec, c), measured, i + 1);
      writeFileSync(files[i], await toBuffer(countyCopy(spec, c, grid)));
    }
  }
  return { dir, city, counties: files };
}
