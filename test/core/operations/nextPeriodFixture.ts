/**
 * The sample plan generated with three county copies, each filled for 2024年第2季度 as clerks
 * fill them (actuals, progress notes, status): what next-period starts from in the tests.
 */
import { locateColumns } from '../../../src/core/layout/reader';
import { generate } from '../../../src/core/operations/generate';
import type { Grid } from '../../../src/core/sheet/grid';
import { REGISTRY_SHEET, liveKeytaskSheets } from '../../../src/core/sheet/registry';
import type { CellValue, WorkbookSpec } from '../../../src/core/sheet/spec';
import { samplePlan } from '../sample';

export const COUNTIES = ['新密市', '登封市', '荥阳市'];
export const CLOSING = '2024年第2季度';

/** Sets a task row's cells by column key (header-found, as a clerk's sheet may be moved about). */
export function fillRow(grid: Grid, taskId: string, cells: Record<string, CellValue>): void {
  const at = locateColumns(grid)!;
  const r = grid.findIndex((row, i) => i >= at.firstDataRow && String(row[at.columns.id!] ?? '') === taskId);
  if (r < 0) throw new Error(`no task ${taskId}`);
  for (const [k, v] of Object.entries(cells)) grid[r][(at.columns as Record<string, number>)[k]] = v;
}

export function cellOf(grid: Grid, taskId: string, key: string): CellValue {
  const at = locateColumns(grid)!;
  const row = grid.find((row, i) => i >= at.firstDataRow && String(row[at.columns.id!] ?? '') === taskId)!;
  return row[(at.columns as Record<string, number>)[key]] ?? null;
}

/** 报送期 input cell of the header block (E2). */
export function setPeriod(grid: Grid, label: string): void {
  grid[1][4] = label;
}

/** The filled workbook, as a host reads it: sheets with grids, the registry joined with the names. */
export function filledWorkbook(opts: { blankCounty?: string } = {}) {
  const spec: WorkbookSpec = generate({ plan: samplePlan(), counties: COUNTIES }).spec;
  const sheets = spec.sheets.map((s) => ({ name: s.name, visibility: s.visibility, grid: s.values.map((r) => [...r]) }));
  const figures: Record<string, number> = { 新密市: 12, 登封市: 8, 荥阳市: 5 };
  for (const c of COUNTIES) {
    const grid = sheets.find((s) => s.name === c)!.grid;
    setPeriod(grid, CLOSING);
    fillRow(grid, '2', { target: 4, contact: null } as never);
    if (c === opts.blankCounty) continue;
    fillRow(grid, '1', { actual: figures[c], progress: `${c}推进中`, status: '正常推进' });
    fillRow(grid, '2', { actual: 2, progress: '已建成2个', status: '滞后' });
  }
  const names = spec.names.map((n) => ({ name: n.name, ref: `=${n.ref}` }));
  const keytaskSheets = liveKeytaskSheets(
    sheets.find((s) => s.name === REGISTRY_SHEET)!.grid,
    names,
    sheets.map((s) => s.name),
  );
  return { spec, sheets, keytaskSheets, names };
}
