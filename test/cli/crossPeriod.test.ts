/**
 * Three reporting periods of the sample plan rolled up on the CLI, each with the last one's
 * summary as --previous: 新密市 reports twice and stops, 登封市 stalls and falls behind (and
 * leaves task 22 blank in the second period), 荥阳市 catches up but its cumulative task 4 goes
 * down in the third period. The figures, findings, rank changes, the trend table and its line
 * chart are read back from the files written.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import type { RollupJson } from '../../src/cli/rollup';
import { HISTORY_SHEET, parseHistory } from '../../src/core/period/history';
import type { Grid } from '../../src/core/sheet/grid';
import { readXlsx } from '../../src/hosts/xlsx/readWorkbook';
import { toBuffer } from '../../src/hosts/xlsx/writeWorkbook';
import { samplePlan } from '../core/sample';
import { tempDir, xmlPart } from '../xlsx/support';
import { runInProcess } from '../support/cli';
import { cityWorkbook, countyCopy, fill, gridOf } from './rollupFixtures';

const COUNTIES = ['新密市', '登封市', '荥阳市'];
const PERIODS = ['2024年第1季度', '2024年第2季度', '2024年第3季度'];
type Actuals = Record<'4' | '10' | '22', number | null>;

/** Each county's actuals per period; null: left blank; a missing county: sent nothing. */
const ACTUALS: Array<Partial<Record<string, Actuals>>> = [
  { 新密市: { 4: 40, 10: 0.2, 22: 27 }, 登封市: { 4: 45, 10: 0.24, 22: 20 }, 荥阳市: { 4: 20, 10: 0.12, 22: 20 } },
  { 新密市: { 4: 60, 10: 0.3, 22: 36 }, 登封市: { 4: 46, 10: 0.24, 22: null }, 荥阳市: { 4: 36, 10: 0.27, 22: 34 } },
  { 登封市: { 4: 47, 10: 0.25, 22: 21 }, 荥阳市: { 4: 30, 10: 0.29, 22: 38 } },
];
/** Targets and milestones (2023, 2024, 2025) stay as the counties set them. */
const PLAN: Record<string, Record<'4' | '10' | '22', [number, number, number, number]>> = {
  新密市: { 4: [100, 60, 80, 100], 10: [0.5, 0.3, 0.4, 0.5], 22: [50, 40, 45, 50] },
  登封市: { 4: [80, 50, 60, 80], 10: [0.4, 0.25, 0.3, 0.4], 22: [30, 20, 25, 30] },
  荥阳市: { 4: [60, 30, 45, 60], 10: [0.4, 0.2, 0.3, 0.4], 22: [50, 30, 40, 50] },
};

const run = (args: string[]) => runInProcess(['rollup', ...args]);

describe('roll-up across three periods (--previous)', () => {
  const dir = tempDir('keytask-periods-');
  const runs: RollupJson[] = [];
  const summary = (p: number) => join(dir, `summary-P${p + 1}.xlsx`);

  beforeAll(async () => {
    const spec = cityWorkbook(samplePlan(), COUNTIES);
    const city = join(dir, 'city.xlsx');
    writeFileSync(city, await toBuffer(spec));
    for (let p = 0; p < PERIODS.length; p++) {
      const files: string[] = [];
      for (const [county, actuals] of Object.entries(ACTUALS[p])) {
        const g: Grid = gridOf(spec, county);
        g[1][4] = PERIODS[p];
        for (const id of ['4', '10', '22'] as const) {
          const [target, y2023, y2024, y2025] = PLAN[county][id];
          fill(g, id, { target, y2023, y2024, y2025, actual: actuals![id] });
        }
        const file = join(dir, `P${p + 1}-${county}.xlsx`);
        writeFileSync(file, await toBuffer(countyCopy(spec, county, g)));
        files.push(file);
      }
      const previous = p > 0 ? ['--previous', summary(p - 1)] : [];
      const r = await run([...files, '--city', city, ...previous, '--format', 'json', '-o', summary(p)]);
      if (!r.out.startsWith('{')) throw new Error(r.err || r.out);
      runs.push(JSON.parse(r.out) as RollupJson);
    }
  }, 120_000);

  const codes = (p: number, wanted: string[]) =>
    runs[p].findings.filter((f) => wanted.includes(f.code)).map((f) => [f.code, f.params.county, f.taskId ?? ''].join(' '));
  const CROSS = ['actual-decreasing', 'actual-missing-since-last-period', 'county-stopped-reporting', 'county-missing'];

  it('the first period has nothing to compare: no periods, today’s ranking sheet, a history to carry', async () => {
    expect(runs[0].periods).toBeUndefined();
    expect(codes(0, CROSS)).toEqual([]);
    const read = await readXlsx(summary(0));
    const ranking = read.sheets.find((s) => s.name === '排名')!;
    expect(ranking.grid[3].filter((v) => v !== null)).toEqual(['名次', '县(市、区)', '得分(%)', '计分任务数']);
    const history = parseHistory(read.sheets.find((s) => s.name === HISTORY_SHEET)!.grid);
    expect(history.periods).toEqual([PERIODS[0]]);
    expect(history.reported[PERIODS[0]]).toEqual(COUNTIES);
    expect(history.scores?.map((x) => [x.county, x.rank, x.score])).toEqual([
      ['登封市', 1, 78.3],
      ['新密市', 2, 53.3],
      ['荥阳市', 3, 44.8],
    ]);
  });

  it('P2: 上期, 本期, 增量 per task and county; the blank task is found; ranks move', () => {
    const p = runs[1].periods!;
    expect(p.previous).toBe(PERIODS[0]);
    expect(p.tasks['4']).toMatchObject({ previous: 105, current: 142, delta: 37 });
    expect(p.tasks['4'].counties['登封市']).toEqual({ previous: 45, current: 46, delta: 1 });
    // 登封市 left 22 blank: its 增量 is blank, the others' still add up
    expect(p.tasks['22'].counties['登封市']).toEqual({ previous: 20, current: null, delta: null });
    expect(p.tasks['22']).toMatchObject({ previous: 67, current: 70, delta: 23 });
    expect(codes(1, CROSS)).toEqual(['actual-missing-since-last-period 登封市 22']);
    expect(runs[1].ranking.map((r) => [r.county, r.rank, r.score])).toEqual([
      ['荥阳市', 1, 85],
      ['登封市', 2, 78.3],
      ['新密市', 3, 76.7],
    ]);
    expect(p.ranks).toEqual({
      荥阳市: { previous: 3, change: 2, isNew: false },
      登封市: { previous: 1, change: -1, isNew: false },
      新密市: { previous: 2, change: -1, isNew: false },
    });
  });

  it('P3: a cumulative figure that went down is an error, shown and left out; a county that stopped is named', () => {
    const json = runs[2];
    const p = json.periods!;
    expect(codes(2, CROSS)).toEqual(['actual-decreasing 荥阳市 4', 'county-stopped-reporting 新密市 ']);
    const down = json.findings.find((f) => f.code === 'actual-decreasing')!;
    expect(down).toMatchObject({ severity: 'error', params: { value: 30, prevValue: 36, period: PERIODS[2], prevPeriod: PERIODS[1] } });
    expect(down.cell).toMatch(/^N\d+$/);
    expect(json.excluded.map((x) => [x.county, x.taskId, x.code])).toEqual([['荥阳市', '4', 'actual-decreasing']]);
    // 荥阳市's 30 is not in 本期合计, and its 增量 is blank
    expect(json.tasks.find((t) => t.id === '4')!.total!.actual).toBe(47);
    expect(p.tasks['4']).toMatchObject({ previous: 142, current: 47, delta: 1 });
    expect(p.tasks['4'].counties['荥阳市']).toEqual({ previous: 36, current: null, delta: null });
    expect(p.tasks['10']).toMatchObject({ previous: 0.81, current: 0.54, delta: 0.03 });
    expect(p.stopped).toEqual(['新密市']);
    expect(p.ranks).toEqual({ 荥阳市: { previous: 1, change: 0, isNew: false }, 登封市: { previous: 2, change: 0, isNew: false } });
    expect(p.trend).toEqual({
      periods: PERIODS,
      counties: [
        { county: '荥阳市', scores: [44.8, 85, 95.8] },
        { county: '登封市', scores: [78.3, 78.3, 81.9] },
        { county: '新密市', scores: [53.3, 76.7, null] },
      ],
    });
  });

  it('P3 summary: 上期合计 / 环比增量 beside 本期完成合计, 上期名次 / 名次变化, the trend and its line chart', async () => {
    const buf = (await import('fs')).readFileSync(summary(2));
    const read = await readXlsx(summary(2));
    const sheet = (name: string) => read.sheets.find((s) => s.name === name)!.grid;
    const head = sheet('汇总')[2];
    const at = (h: string) => head.indexOf(h);
    expect(at('环比增量') - at('本期完成合计')).toBe(1);
    expect(at('本期完成合计') - at('上期合计')).toBe(1);
    const row4 = sheet('汇总').find((r) => r[0] === '4')!;
    expect([row4[at('上期合计')], row4[at('本期完成合计')], row4[at('环比增量')]]).toEqual([142, 47, 1]);
    expect(String(sheet('汇总')[1][0])).toContain('上期:2024年第2季度');

    const ranking = sheet('排名');
    expect(ranking[3].slice(0, 6)).toEqual(['名次', '县(市、区)', '得分(%)', '计分任务数', '上期名次', '名次变化']);
    expect(ranking.slice(4, 6).map((r) => r.slice(0, 6))).toEqual([
      [1, '荥阳市', 95.8, 2, 1, '—'],
      [2, '登封市', 81.9, 3, 2, '—'],
    ]);
    const t = ranking.findIndex((r) => r[1] === '县(市、区)' && r[2] === PERIODS[0]);
    expect(t).toBeGreaterThan(6);
    expect(ranking.slice(t, t + 4).map((r) => r.slice(1, 5))).toEqual([
      ['县(市、区)', ...PERIODS],
      ['荥阳市', 44.8, 85, 95.8],
      ['登封市', 78.3, 78.3, 81.9],
      ['新密市', 53.3, 76.7, null],
    ]);
    const line = await xmlPart(buf, 'xl/charts/chart2.xml');
    expect(line).toContain('<c:lineChart>');
    expect(line.match(/<c:ser>/g)).toHaveLength(3);
    expect(line).toContain(`<c:f>&apos;排名&apos;!$C$${t + 2}:$E$${t + 2}</c:f>`);
    expect(line).toContain('<c:v>新密市</c:v>');
    expect(await xmlPart(buf, 'xl/charts/chart1.xml')).toContain('<c:barDir val="bar"/>');

    const history = parseHistory(read.sheets.find((s) => s.name === HISTORY_SHEET)!.grid);
    expect(history.periods).toEqual(PERIODS);
    expect(history.reported[PERIODS[2]]).toEqual(['登封市', '荥阳市']);
    // the figure left out is kept blank: the next period compares with nothing rather than with an error
    expect(history.figures.find((f) => f.period === PERIODS[2] && f.county === '荥阳市' && f.task === '4')?.value).toBeNull();
  });

  it('P2 ranking shows ↑2 / ↓1 with last period’s ranks', async () => {
    const ranking = (await readXlsx(summary(1))).sheets.find((s) => s.name === '排名')!.grid;
    expect(ranking.slice(4, 7).map((r) => [r[1], r[4], r[5]])).toEqual([
      ['荥阳市', 3, '↑2'],
      ['登封市', 1, '↓1'],
      ['新密市', 2, '↓1'],
    ]);
  });

  it('refuses a --previous without a history', async () => {
    const r = await run([summary(0), '--previous', join(dir, 'city.xlsx')]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/no period history/);
  });
});
