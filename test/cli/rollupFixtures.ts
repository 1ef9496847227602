/**
 * County returns as a city office receives them, built from the real template:
 * - city.xlsx: the city's master workbook (city list + blank county copies + registry);
 * - 新密市.xlsx: a keytask county copy on its own, clean, reporting 2024年第2季度;
 * - 登封市.xlsx: the whole workbook sent back with only 登封市 filled, task 22's row deleted,
 *   the 四 section block moved to the end, task 10 in 家 where the city counts 万家;
 * - 荥阳市-报送.xlsx: a plain sheet (no registry: retyped / exported through WPS), named by its
 *   填报单位, renumbered (its 7 is the city's 8), a note that looks like a formula;
 * - 中牟县.xlsx: a plain sheet with an empty 填报单位: the county is the file's name;
 * - 新密市(2).xlsx: 新密市 sent twice; broken.xlsx: not a workbook at all;
 * - 巩义市 sends nothing.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { generateWorkbook } from '../../src/core/generate/generate';
import type { Plan } from '../../src/core/model';
import type { Grid } from '../../src/core/sheet/grid';
import { REGISTRY_SHEET, buildRegistrySheet, parseRegistry } from '../../src/core/sheet/registry';
import { type CellValue, type SheetSpec, type WorkbookSpec, isFormula } from '../../src/core/sheet/spec';
import { toBuffer } from '../../src/hosts/xlsx/writeWorkbook';
import { samplePlan } from '../core/sample';

export const COUNTIES = ['新密市', '登封市', '荥阳市', '巩义市', '中牟县'];
export const NOTE = '=HYPERLINK("http://x","点我")';
const C = { id: 0, task: 2, unit: 4, target: 6, y2023: 8, y2024: 9, y2025: 10, actual: 13, progress: 15, status: 16 };

type Fill = Partial<Record<keyof typeof C, string | number | null>>;
export function fill(g: Grid, id: string, f: Fill): void {
  const row = g.find((r) => r[0] === id)!;
  for (const [k, v] of Object.entries(f)) row[C[k as keyof typeof C]] = v ?? null;
}

/** Values as a county's copy holds them once filled (the completion formulas are left out). */
export function gridOf(spec: WorkbookSpec, name: string): Grid {
  return spec.sheets.find((s) => s.name === name)!.values.map((r) => r.map((v) => (isFormula(v) ? null : v)));
}

export function withValues(sheet: SheetSpec, grid: Grid): SheetSpec {
  const width = Math.max(...grid.map((r) => r.length));
  const values = grid.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
  // A shorter sheet (a deleted row) must not keep formats or checks for rows it no longer has.
  return { ...sheet, values, merges: sheet.merges.filter((m) => Number(/\d+$/.exec(m)![0]) <= values.length) };
}

/** One county's sheet and a registry naming only it: the county copy keytask hands out. */
export function countyCopy(spec: WorkbookSpec, county: string, grid: Grid): WorkbookSpec {
  const sheet = spec.sheets.find((s) => s.name === county)!;
  const registry = parseRegistry(spec.sheets.find((s) => s.name === REGISTRY_SHEET)!.values).filter((e) => e.key === `county:${county}`);
  return {
    sheets: [withValues(sheet, grid), buildRegistrySheet(registry)],
    names: spec.names.filter((n) => registry.some((e) => e.name === n.name)),
  };
}

/** A bare sheet with the values only, as a program that knows nothing of keytask would save it. */
export function plainCopy(spec: WorkbookSpec, county: string, grid: Grid): WorkbookSpec {
  const sheet = withValues(
    spec.sheets.find((s) => s.name === county)!,
    grid,
  );
  return { sheets: [{ ...sheet, key: 'plain', name: 'Sheet1', validations: [], conditionalFormats: [] }], names: [] };
}

export function cityWorkbook(plan: Plan = samplePlan(), counties = COUNTIES): WorkbookSpec {
  return generateWorkbook(plan, { counties, lang: 'zh' }).spec;
}

/** The filled grids, by county, before they are put into files. */
export function filledGrids(spec: WorkbookSpec): Record<string, Grid> {
  const xm = gridOf(spec, '新密市');
  xm[1][4] = '2024年第2季度';
  fill(xm, '4', { target: 100, y2023: 60, y2024: 80, y2025: 100, actual: 70, status: '正常推进' });
  fill(xm, '10', { target: 0.5, y2023: 0.3, y2024: 0.4, y2025: 0.5, actual: 0.35, status: '正常推进' });
  fill(xm, '17', { target: 12, y2023: 9, y2024: 10, y2025: 12, actual: 9.5, status: '正常推进' });
  fill(xm, '22', { target: 50, y2023: 40, y2024: 45, y2025: 50, actual: 45, status: '已完成' });

  const df = gridOf(spec, '登封市');
  fill(df, '4', { target: 80, y2023: 50, y2024: 60, y2025: 80, actual: 40, status: '滞后' });
  fill(df, '10', { unit: '家', target: 3000, y2023: 2000, y2024: 2500, y2025: 3000, actual: 2500, status: '正常推进' });
  fill(df, '17', { target: 8, y2023: 6, y2024: 7, y2025: 8, actual: 7, status: '正常推进' });
  df.splice(
    df.findIndex((r) => r[0] === '22'),
    1,
  );
  const start = df.findIndex((r) => r[0] === '(四)');
  const end = df.findIndex((r) => r[0] === '(五)');
  df.push(...df.splice(start, end - start));

  const ys = gridOf(spec, '荥阳市');
  fill(ys, '4', { target: 60, y2023: 30, y2024: 45, y2025: 60, actual: 45, progress: NOTE, status: '正常推进' });
  fill(ys, '10', { target: 0.4, y2023: 0.2, y2024: 0.3, y2025: 0.4, actual: 0.1, status: '滞后' });
  const r7 = ys.findIndex((r) => r[0] === '7');
  const r8 = ys.findIndex((r) => r[0] === '8');
  ys[r7] = [...ys[r8]];
  ys[r7][0] = '7';
  ys.splice(r8, 1);

  if (!spec.sheets.some((s) => s.name === '中牟县')) return { 新密市: xm, 登封市: df, 荥阳市: ys };
  const zm = gridOf(spec, '中牟县');
  zm[1][2] = null; // 填报单位 left empty
  fill(zm, '22', { target: 30, y2023: 20, y2024: 25, y2025: 30, actual: 20, status: '正常推进' });
  return { 新密市: xm, 登封市: df, 荥阳市: ys, 中牟县: zm };
}

export interface Fixtures {
  city: string;
  /** every county file, the broken one included */
  counties: string[];
  all: string[];
}

export async function writeFixtures(dir: string): Promise<Fixtures> {
  const spec = cityWorkbook();
  const g = filledGrids(spec);
  const whole: WorkbookSpec = {
    ...spec,
    sheets: spec.sheets.map((s) => (s.name === '登封市' ? withValues(s, g['登封市']) : s)),
  };
  const files: Array<[string, WorkbookSpec | Buffer]> = [
    ['city.xlsx', spec],
    ['新密市.xlsx', countyCopy(spec, '新密市', g['新密市'])],
    ['登封市.xlsx', whole],
    ['荥阳市-报送.xlsx', plainCopy(spec, '荥阳市', g['荥阳市'])],
    ['中牟县.xlsx', plainCopy(spec, '中牟县', g['中牟县'])],
    ['新密市(2).xlsx', countyCopy(spec, '新密市', gridOf(spec, '新密市'))],
    ['broken.xlsx', Buffer.from('this is not a workbook')],
  ];
  for (const [name, content] of files) {
    writeFileSync(join(dir, name), Buffer.isBuffer(content) ? content : await toBuffer(content));
  }
  const paths = files.map(([name]) => join(dir, name));
  return { city: paths[0], counties: paths.slice(1), all: paths };
}
