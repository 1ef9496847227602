/**
 * Reporting periods in WPS, against the Excel host: two periods rolled up in place (the history
 * read from and written back into the workbook, 上期合计 and the trend's line chart), 填写状态 and
 * the 通报 drafted from the summary give the same sheets, charts, cells and document in both.
 */
import type { Grid } from '../../src/core/sheet/grid';
import type { WorkbookSpec } from '../../src/core/sheet/spec';
import { bulletinInExcel } from '../../src/hosts/excel/bulletin';
import { cellInput } from '../../src/hosts/excel/cellInputs';
import { fillStatusInExcel } from '../../src/hosts/excel/fillStatus';
import { rollupInExcel } from '../../src/hosts/excel/rollup';
import { bulletinInWps } from '../../src/hosts/wps/bulletin';
import { fillStatusInWps } from '../../src/hosts/wps/fillStatus';
import { rollupInWps } from '../../src/hosts/wps/rollup';
import { HISTORY_SHEET, parseHistory } from '../../src/core/period/history';
import { cityWorkbook, fill, gridOf } from '../cli/rollupFixtures';
import { samplePlan } from '../core/sample';
import { createFakeExcel } from '../support/fakeExcel';
import type { FakeWorkbookState } from '../support/fakeExcel/state';
import { createFakeEt } from '../support/fakeEt';
import { etCellsAt, etCharts, excelCharts, shared } from './parityCompare';

const TWO = ['新密市', '登封市'];
const yes = async (): Promise<boolean> => true;

function loadInto(book: FakeWorkbookState, spec: WorkbookSpec, grids: Record<string, Grid>): void {
  for (const s of spec.sheets) {
    const sheet = book.addSheet(s.name);
    (grids[s.name] ?? s.values).forEach((row, r) => row.forEach((v, c) => v !== null && sheet.writeInput(r, c, cellInput(v))));
    if (s.visibility !== 'visible') book.setVisibility(sheet, s.visibility === 'hidden' ? 'Hidden' : 'VeryHidden');
  }
  for (const n of spec.names) book.addName(n.name, `=${n.ref}`);
}

/** A clerk's typing for one period into both workbooks: 报送期 and task 4's figures per county. */
function type(books: FakeWorkbookState[], period: string, actuals: Record<string, number>): void {
  for (const book of books) {
    for (const county of TWO) {
      const g = gridOf(cityWorkbook(samplePlan(), TWO), county);
      g[1][4] = period;
      fill(g, '4', { target: 100, y2023: 60, y2024: 80, y2025: 100, actual: actuals[county] });
      const sheet = book.sheet(county)!;
      g.forEach((row, r) => row.forEach((v, c) => v !== null && sheet.writeInput(r, c, cellInput(v))));
    }
  }
}

describe('reporting periods in WPS, as in Excel', () => {
  it('rolls up two periods in place, fills 状态 and drafts the same 通报', async () => {
    const fake = createFakeExcel({ apiVersion: '1.18' });
    const et = createFakeEt();
    const spec = cityWorkbook(samplePlan(), TWO);
    for (const book of [fake.workbook, et.workbook]) loadInto(book, spec, {});
    const opts = { lang: 'zh' as const, confirm: yes };

    type([fake.workbook, et.workbook], '2024年第1季度', { 新密市: 62, 登封市: 65 });
    await rollupInExcel(fake.api, opts);
    expect((await rollupInWps(et.api, opts)).status).toBe('done');

    type([fake.workbook, et.workbook], '2024年第2季度', { 新密市: 70, 登封市: 66 });
    await rollupInExcel(fake.api, opts);
    const wps = await rollupInWps(et.api, opts);
    expect(wps.status).toBe('done');
    expect(shared(et.workbook)).toEqual(shared(fake.workbook));
    // the second period compares with the first, from the history the first wrote into the workbook
    const history = et.workbook.sheet(HISTORY_SHEET)!;
    expect(history.visibility).toBe('VeryHidden');
    const grid: Grid = [];
    const used = history.usedBounds(true)!;
    for (let r = 0; r <= used.row2; r++)
      grid.push(Array.from({ length: used.col2 + 1 }, (_, c) => history.value(r, c) ?? null) as Grid[number]);
    expect(parseHistory(grid).periods).toEqual(['2024年第1季度', '2024年第2季度']);
    const charts = etCharts(et, '排名', etCellsAt(et, '排名'));
    expect(charts).toEqual(excelCharts(fake, '排名'));
    expect(charts.map((c) => (c as { type: unknown }).type)).toEqual(['bar', 'Line']);
    expect((charts[1] as { series: Array<{ name: string }> }).series.map((s) => s.name)).toEqual(expect.arrayContaining(TWO));

    const keep = async () => 'keep' as const;
    const excelFill = await fillStatusInExcel(fake.api, { scope: 'all', lang: 'zh', ask: keep });
    const wpsFill = await fillStatusInWps(et.api, { scope: 'all', lang: 'zh', ask: keep });
    expect(wpsFill.writes).toEqual(excelFill.writes);
    expect(wpsFill.writes.length).toBeGreaterThan(0);
    expect(shared(et.workbook)).toEqual(shared(fake.workbook));

    const excelDoc = await bulletinInExcel(fake.api, { lang: 'zh' });
    const wpsDoc = await bulletinInWps(et.api, { lang: 'zh' });
    expect(wpsDoc).toEqual(excelDoc);
    expect(JSON.stringify(wpsDoc)).toContain('2024年第2季度');
  });
});
