/** Roll-up in the open workbook, against the fake Excel. */
import type { NameConflict } from '../../src/core/generate/generate';
import type { Plan } from '../../src/core/model';
import { rollup } from '../../src/core/rollup/rollup';
import type { Grid } from '../../src/core/sheet/grid';
import type { WorkbookSpec } from '../../src/core/sheet/spec';
import { cellInput } from '../../src/hosts/excel/cellInputs';
import { rollupInExcel } from '../../src/hosts/excel/rollup';
import { DEFAULT_PAYLOAD_LIMIT, type FakeExcel, autoFilterOf, chartsOf, createFakeExcel } from '../support/fakeExcel';
import { NOTE, cityWorkbook, fill, filledGrids, gridOf } from '../cli/rollupFixtures';
import { samplePlan } from '../core/sample';
import { HISTORY_SHEET, buildHistorySheet, emptyHistory, parseHistory, withPeriod } from '../../src/core/period/history';

/**
 * One read of the structure, one read of every sheet involved, one read of the number formats
 * of the cells that hold figures (Excel stores a typed `8%` as 0.08), one write.
 */
const ROLLUP_SYNCS = 4;

const yes = async (): Promise<boolean> => true;
const never = async (): Promise<boolean> => {
  throw new Error('no conflict expected');
};

/** A workbook as generation leaves it, with the counties' typing in place of the blank copies. */
function loadWorkbook(fake: FakeExcel, spec: WorkbookSpec, grids: Record<string, Grid>): void {
  const st = fake.workbook;
  for (const s of spec.sheets) {
    const sheet = st.addSheet(s.name);
    (grids[s.name] ?? s.values).forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) sheet.writeInput(r, c, cellInput(v));
      }),
    );
    if (s.visibility !== 'visible') st.setVisibility(sheet, s.visibility === 'hidden' ? 'Hidden' : 'VeryHidden');
  }
  for (const n of spec.names) st.addName(n.name, `=${n.ref}`);
  fake.resetCounts();
}

function snapshot(fake: FakeExcel, sheets: string[]): string {
  return JSON.stringify(sheets.map((s) => fake.workbook.valuesOf(s, 'formulas')));
}

function cellsOf(fake: FakeExcel, sheet: string): Array<{ value: unknown; formula?: string }> {
  return [...fake.workbook.sheet(sheet)!.cells.values()];
}

const THREE = ['新密市', '登封市', '荥阳市'];

describe('figures as clerks type them, in Excel', () => {
  it('reads a percent-formatted share as the percent typed, and leaves a falling milestone out of the total', async () => {
    const fake = createFakeExcel();
    const spec = cityWorkbook(samplePlan(), THREE);
    const grids = filledGrids(spec);
    fill(grids['新密市'], '17', { actual: 0.095 });
    fill(grids['登封市'], '4', { y2023: 80, y2024: 70 });
    loadWorkbook(fake, spec, grids);
    // Excel formats the cell as percent when a clerk types 9.5%.
    const row = grids['新密市'].findIndex((r) => r[0] === '17');
    const sheet = fake.workbook.sheet('新密市')!;
    sheet.cell(row, 13)!.numberFormat = '0.0%';
    fake.resetCounts();

    const r = await rollupInExcel(fake.api, { lang: 'zh', confirm: never });
    expect(fake.syncCount).toBe(ROLLUP_SYNCS);
    const task = (id: string) => r.result!.tasks.find((t) => t.id === id)!;
    expect(task('17').counties['新密市'].actual).toBe(9.5);
    expect(task('17').range).toEqual({ min: { county: '登封市', value: 7 }, max: { county: '新密市', value: 9.5 } });
    // 登封市's 2024 milestone (70 after 80) is shown, and left out of the 2024 total.
    expect(task('4').counties['登封市'].excluded.map((x) => x.field)).toEqual(['y2024']);
    expect(task('4').total!.milestones['2024']).toBe(80 + 45);
    expect(r.result!.findings.some((f) => f.code === 'milestone-decreasing' && f.sheet === '登封市')).toBe(true);
  });
});

describe('rolling up in Excel', () => {
  it(`reads 3 county sheets and writes the summary in ${ROLLUP_SYNCS} syncs, county sheets untouched`, async () => {
    const fake = createFakeExcel();
    const spec = cityWorkbook(samplePlan(), THREE);
    loadWorkbook(fake, spec, filledGrids(spec));
    const before = snapshot(fake, THREE);

    const r = await rollupInExcel(fake.api, { lang: 'zh', confirm: never });
    expect(r.status).toBe('done');
    expect(fake.syncCount).toBe(ROLLUP_SYNCS);
    expect(snapshot(fake, THREE)).toBe(before);
    expect(r.actions.map((a) => [a.sheet, a.action])).toEqual([
      ['汇总', 'create'],
      ['填报情况', 'create'],
      ['排名', 'create'],
    ]);
    expect(r.activated).toBe('汇总');
    expect(r.result!.ranking.map((e) => [e.county, e.rank])).toEqual([
      ['新密市', 1],
      ['登封市', 2],
      ['荥阳市', 3],
    ]);
    const t4 = r.result!.tasks.find((t) => t.id === '4')!;
    expect(t4.total).toEqual({ target: 240, milestones: { 2023: 140, 2024: 185, 2025: 240 }, actual: 155 });
    expect(t4.counties['登封市'].source).toMatch(/^登封市!N\d+$/);

    // The county's formula-looking note is text in the summary, never a formula.
    const note = cellsOf(fake, '汇总').find((c) => String(c.value).includes(NOTE));
    expect(note).toMatchObject({ value: `荥阳市:${NOTE}` });
    expect(note!.formula).toBeUndefined();
    // County figures link back to the county sheet's cell.
    expect(cellsOf(fake, '汇总').some((c) => c.formula?.startsWith(`=HYPERLINK("#'新密市'!N`))).toBe(true);

    const ranking = fake.workbook.sheet('排名')!;
    expect(chartsOf(ranking)).toEqual([
      expect.objectContaining({
        type: 'BarClustered',
        title: '各县(市、区)完成度(%)',
        legendVisible: false,
        reversePlotOrder: true,
        series: [{ name: '得分', values: 'C5:C7', categories: 'B5:B7' }],
        position: { from: 'F2', to: 'J21' },
      }),
    ]);
    expect(autoFilterOf(fake.workbook.sheet('汇总')!)).toMatch(/^A3:[A-Z]+\d+$/);
  });

  it('replaces its own summary sheets on a second run: no conflict, one chart, same syncs', async () => {
    const fake = createFakeExcel();
    const spec = cityWorkbook(samplePlan(), THREE);
    loadWorkbook(fake, spec, filledGrids(spec));
    await rollupInExcel(fake.api, { lang: 'zh', confirm: never });
    fake.workbook.type('新密市', 'N10', [[1]]);
    fake.resetCounts();

    const r = await rollupInExcel(fake.api, { lang: 'zh', confirm: never });
    expect(r.actions.map((a) => a.action)).toEqual(['update', 'update', 'update']);
    expect(fake.syncCount).toBe(ROLLUP_SYNCS);
    expect(chartsOf(fake.workbook.sheet('排名')!)).toHaveLength(1);
    expect(fake.workbook.sheetNames().filter((n) => n.startsWith('汇总'))).toEqual(['汇总']);
  });

  it('asks before working around a sheet of the user’s called 汇总, and leaves it alone', async () => {
    const fake = createFakeExcel();
    const spec = cityWorkbook(samplePlan(), THREE);
    loadWorkbook(fake, spec, filledGrids(spec));
    fake.workbook.type('汇总', 'A1', [['我的汇总']]);
    const names = fake.workbook.sheetNames();

    const asked: NameConflict[][] = [];
    const no = await rollupInExcel(fake.api, { lang: 'zh', confirm: async (c) => (asked.push(c), false) });
    expect(no.status).toBe('cancelled');
    expect(asked[0]).toEqual([{ key: 'summary', wanted: '汇总', used: '汇总 (2)' }]);
    expect(fake.workbook.sheetNames()).toEqual(names);

    const ok = await rollupInExcel(fake.api, { lang: 'zh', confirm: yes });
    expect(ok.status).toBe('done');
    expect(fake.workbook.valuesOf('汇总')).toEqual([['我的汇总']]);
    expect(fake.workbook.sheet('汇总 (2)')).toBeDefined();
  });

  it('takes picked sheets and pane-read files; a county name that looks like a formula stays text', async () => {
    const fake = createFakeExcel();
    const spec = cityWorkbook(samplePlan(), THREE);
    const grids = filledGrids(spec);
    loadWorkbook(fake, spec, grids);
    // A sheet of the user's holding a county's retyped list, its 填报单位 formula-like.
    const plain = gridOf(spec, '新密市');
    plain[1][2] = NOTE;
    fill(plain, '4', { target: 10, actual: 5, y2024: 10 });
    fake.workbook.type(
      'Sheet2',
      'A1',
      plain.map((r) => r.map((v) => (v === null ? null : cellInput(v)))),
    );
    fake.resetCounts();

    const file = { name: '登封市.xlsx', grids: [{ name: 'Sheet1', grid: grids['登封市'] }] };
    const r = await rollupInExcel(fake.api, { lang: 'zh', sheets: ['新密市', 'Sheet2', '不存在'], files: [file], confirm: never });
    expect(r.status).toBe('done');
    expect(fake.syncCount).toBe(ROLLUP_SYNCS);
    expect(r.result!.counties).toEqual(['新密市', NOTE, '登封市']);
    expect(r.result!.findings.map((f) => f.code)).toContain('submission-unreadable');
    const status = fake.workbook.sheet('填报情况')!;
    const injected = [...status.cells.values()].filter((c) => c.value === NOTE || c.formula?.includes('点我'));
    expect(injected.length).toBeGreaterThan(0);
    for (const c of injected) expect(c.formula).toBeUndefined();
    expect(r.result!.tasks.find((t) => t.id === '4')!.counties['登封市'].source).toBe(
      '登封市.xlsx!Sheet1!N' + r.result!.tasks.find((t) => t.id === '4')!.counties['登封市'].cells.actual!.slice(1),
    );
  });

  it('says there is no city list instead of guessing', async () => {
    const fake = createFakeExcel();
    const r = await rollupInExcel(fake.api, { lang: 'zh', confirm: never });
    expect(r.status).toBe('no-city');
    expect(fake.workbook.sheetNames()).toEqual(['Sheet1']);
  });

  it('skips the filter but still draws the chart on ExcelApi 1.8', async () => {
    const fake = createFakeExcel({ apiVersion: '1.8' });
    const spec = cityWorkbook(samplePlan(), THREE);
    loadWorkbook(fake, spec, filledGrids(spec));
    const r = await rollupInExcel(fake.api, { lang: 'en', confirm: never });
    expect(r.status).toBe('done');
    expect(autoFilterOf(fake.workbook.sheet('Summary')!)).toBeNull();
    expect(chartsOf(fake.workbook.sheet('Ranking')!)).toHaveLength(1);
  });

  it('compares with the period history the workbook keeps, read with the sheets (no sync more), and writes it back', async () => {
    const fake = createFakeExcel();
    const spec = cityWorkbook(samplePlan(), THREE);
    // the last quarter as the workbook's history has it: 新密市's task 4 was 80, now 70
    const before = withPeriod(
      emptyHistory(),
      '2024年第1季度',
      THREE,
      [
        { county: '新密市', task: '4', value: 80, status: '' },
        { county: '登封市', task: '4', value: 30, status: '' },
        { county: '荥阳市', task: '4', value: 40, status: '' },
      ],
      [
        { county: '荥阳市', score: 90, rank: 1 },
        { county: '新密市', score: 80, rank: 2 },
        { county: '登封市', score: 70, rank: 3 },
      ],
    );
    loadWorkbook(fake, { ...spec, sheets: [...spec.sheets, buildHistorySheet(before)!] }, filledGrids(spec));

    const r = await rollupInExcel(fake.api, { lang: 'zh', confirm: never });
    expect(fake.syncCount).toBe(ROLLUP_SYNCS);
    const periods = r.result!.periods!;
    expect(periods.previous).toBe('2024年第1季度');
    expect(r.result!.findings.filter((f) => f.code === 'actual-decreasing').map((f) => [f.params.county, f.taskId])).toEqual([
      ['新密市', '4'],
    ]);
    expect(periods.tasks['4']).toMatchObject({ previous: 150, current: 85, delta: 15 });
    expect(r.result!.ranking.map((e) => [e.county, e.rank, periods.ranks[e.county].change])).toEqual([
      ['新密市', 1, 1],
      ['登封市', 2, 1],
      ['荥阳市', 3, -2],
    ]);

    const charts = chartsOf(fake.workbook.sheet('排名')!);
    expect(charts.map((c) => [c.type, c.position])).toEqual([
      ['BarClustered', { from: 'G2', to: 'J21' }],
      ['Line', expect.objectContaining({ from: expect.stringMatching(/^B\d+$/) })],
    ]);
    expect(charts[1].series.map((x) => x.name)).toEqual(['新密市', '登封市', '荥阳市']);
    expect(charts[1].series[0]).toMatchObject({
      values: expect.stringMatching(/^C(\d+):D\1$/),
      categories: expect.stringMatching(/^C\d+:D\d+$/),
    });

    const kept = parseHistory(fake.workbook.valuesOf(HISTORY_SHEET, 'values') as Grid);
    expect(kept.periods).toEqual(['2024年第1季度', '2024年第2季度']);
    expect(fake.workbook.sheet(HISTORY_SHEET)!.visibility).toBe('VeryHidden');
  });
});

/** The sample's 54 tasks and copies of them under new ids, up to `n`. */
function bigPlan(n: number): Plan {
  const plan = samplePlan();
  const last = plan.tasks[plan.tasks.length - 1];
  const tasks = [...plan.tasks];
  for (let k = 0; tasks.length < n; k++) {
    const t = plan.tasks[k % plan.tasks.length];
    tasks.push({ ...t, id: String(1000 + k), section: last.section, text: `${t.text}(${k})` });
  }
  return { ...plan, tasks };
}

describe('rolling up 100 and 200 counties × 100 tasks', () => {
  const counties = Array.from({ length: 200 }, (_, i) => `测试县${i + 1}`);
  const plan = bigPlan(100);
  const spec = cityWorkbook(plan, counties);
  const measured = plan.tasks.filter((t) => t.kind !== 'qualitative' && t.target).map((t) => t.id);
  const grids: Record<string, Grid> = {};
  counties.forEach((c, i) => {
    const g = gridOf(spec, c);
    for (const id of measured) fill(g, id, { target: 100, y2024: 60, actual: 40 + (i % 50), status: '正常推进' });
    grids[c] = g;
  });

  it(`takes ${ROLLUP_SYNCS} syncs for 100 of them, whose values fit one response`, async () => {
    const fake = createFakeExcel();
    loadWorkbook(fake, spec, grids);
    const hundred = counties.slice(0, 100);
    const r = await rollupInExcel(fake.api, { lang: 'zh', confirm: never, sheets: hundred });
    expect(r.status).toBe('done');
    expect(r.result!.counties).toHaveLength(100);
    expect(fake.syncCount).toBe(ROLLUP_SYNCS);
    for (const q of fake.requests) expect(q.responseBytes ?? 0).toBeLessThanOrEqual(DEFAULT_PAYLOAD_LIMIT);
  });

  it('reads values past the 5 MB response limit in smaller requests, no request over the limit, county sheets untouched', async () => {
    const fake = createFakeExcel();
    loadWorkbook(fake, spec, grids);
    const before = snapshot(fake, counties);

    const engineStart = performance.now();
    const city = gridOf(spec, spec.sheets[0].name);
    const engine = rollup(
      { grid: city, source: 'city' },
      counties.map((c) => ({ county: c, source: c, grid: grids[c] })),
      { lang: 'zh' },
    );
    const engineMs = performance.now() - engineStart;

    const started = performance.now();
    const r = await rollupInExcel(fake.api, { lang: 'zh', confirm: never });
    const fakeMs = performance.now() - started;

    expect(r.status).toBe('done');
    expect(r.result!.counties).toHaveLength(200);
    expect(r.result!.tasks).toHaveLength(100);
    expect(engine.counties).toHaveLength(200);
    // 200 county copies are 5.3 MB of values: the one request for all of them comes back too
    // large, and they are read again in four smaller ones.
    const refused = fake.requests.filter((q) => (q.responseBytes ?? 0) > DEFAULT_PAYLOAD_LIMIT);
    expect(refused).toHaveLength(1);
    expect(fake.syncCount).toBe(ROLLUP_SYNCS + 1 + 3);
    const largest = Math.max(...fake.requests.map((q) => q.bytes));
    expect(largest).toBeLessThan(DEFAULT_PAYLOAD_LIMIT);
    expect(snapshot(fake, counties)).toBe(before);
    expect(chartsOf(fake.workbook.sheet('排名')!)[0].series[0].values).toBe('C5:C204');
    console.log(
      [
        `roll-up 200 counties × 100 tasks (${measured.length} measured):`,
        `engine ${engineMs.toFixed(0)} ms; fake Excel path ${fakeMs.toFixed(0)} ms;`,
        `${fake.syncCount} syncs; requests ${fake.requests.map((q) => `${(q.bytes / 1024).toFixed(0)} KB`).join(', ')};`,
        `responses ${fake.requests.map((q) => `${((q.responseBytes ?? 0) / 1024).toFixed(0)} KB`).join(', ')};`,
        `largest ${(largest / 1024 / 1024).toFixed(2)} MB of ${(DEFAULT_PAYLOAD_LIMIT / 1024 / 1024).toFixed(0)} MB`,
      ].join(' '),
    );
  });
});
