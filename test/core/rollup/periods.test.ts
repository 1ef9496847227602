/** Roll-up across periods, in the core: what compares, the findings, the history carried on. */
import { buildHistorySheet, emptyHistory, mergeHistories, parseHistory, withPeriod } from '../../../src/core/period/history';
import { rankChangeText } from '../../../src/core/report/rollupSheets';
import { checkAgainstPrior, comparable, comparePeriods, priorOf } from '../../../src/core/rollup/periods';
import { parseReportingPeriod } from '../../../src/core/validate/period';
import { rollup } from '../../../src/core/rollup/rollup';
import { samplePlan } from '../sample';
import { cityWorkbook, filledGrids, gridOf } from '../../cli/rollupFixtures';

const Q2 = parseReportingPeriod('2024年第2季度')!;
const history = withPeriod(
  emptyHistory(),
  '2024年第1季度',
  ['甲县', '乙县'],
  [
    { county: '甲县', task: '1', value: 10, status: '' },
    { county: '乙县', task: '1', value: 20, status: '' },
    { county: '乙县', task: '2', value: null, status: '' },
  ],
  [
    { county: '甲县', score: 50, rank: 2 },
    { county: '乙县', score: 60, rank: 1 },
  ],
);

describe('the period before', () => {
  it('is found by time, and none for the first period or the same one spelt otherwise', () => {
    expect(priorOf(history, Q2)?.previous).toBe('2024年第1季度');
    expect(priorOf(history, parseReportingPeriod('2024Q1'))).toBeNull();
    expect(priorOf(undefined, Q2)).toBeNull();
    expect(priorOf(history, null)).toBeNull();
  });

  it('compares a cumulative task always, an annual one within its year, a share never', () => {
    const prior = priorOf(history, Q2)!;
    expect(comparable('cumulative', prior)).toBe(true);
    expect(comparable('annual', prior)).toBe(true);
    expect(comparable('share', prior)).toBe(false);
    expect(comparable('annual', priorOf(history, parseReportingPeriod('2025年第1季度'))!)).toBe(false);
  });
});

describe('checking a county row against last period', () => {
  const prior = priorOf(history, Q2)!;
  const row = { county: '甲县', id: '1', kind: 'cumulative' as const, source: '甲县', cell: 'N7', typed: 8, actual: 8, errors: undefined };

  it('makes a cumulative actual that went down an error at its cell, among the row’s errors', () => {
    const r = checkAgainstPrior(prior, row, 'zh');
    expect(r.findings.map((f) => [f.code, f.severity, f.cell])).toEqual([['actual-decreasing', 'error', 'N7']]);
    expect(r.findings[0].message).toBe('甲县序号1本期(2024年第2季度)累计完成8,低于上期(2024年第1季度)的10');
    expect(r.errors?.get('N7')?.code).toBe('actual-decreasing');
  });

  it('says nothing of a rise, a share, a figure with an error already, or a county without last period’s figure', () => {
    expect(checkAgainstPrior(prior, { ...row, typed: 12, actual: 12 }, 'zh').findings).toEqual([]);
    expect(checkAgainstPrior(prior, { ...row, kind: 'share' }, 'zh').findings).toEqual([]);
    const own = new Map([['N7', { code: 'number-invalid' } as never]]);
    expect(checkAgainstPrior(prior, { ...row, errors: own }, 'zh')).toEqual({ findings: [], errors: own });
    expect(checkAgainstPrior(prior, { ...row, county: '丙县' }, 'zh').findings).toEqual([]);
    expect(checkAgainstPrior(prior, { ...row, id: '2', county: '乙县', typed: null, actual: null }, 'zh').findings).toEqual([]);
  });

  it('warns of a task reported last period and blank now', () => {
    const r = checkAgainstPrior(prior, { ...row, typed: null, actual: null }, 'en');
    expect(r.findings.map((f) => [f.code, f.severity, f.message])).toEqual([
      ['actual-missing-since-last-period', 'warning', '甲县, task 1: 10 reported for 2024年第1季度, blank now'],
    ]);
  });
});

describe('the comparison', () => {
  const prior = priorOf(history, Q2)!;
  const c = comparePeriods(
    prior,
    history,
    [{ id: '1', kind: 'cumulative', total: 15, summed: true, actuals: { 甲县: 15, 丙县: 5 } }],
    [
      { county: '甲县', rank: 1, score: 70 },
      { county: '丙县', rank: 2, score: 40 },
    ],
    ['甲县', '丙县'],
  );

  it('totals last period as published and adds up only the counties’ own changes', () => {
    expect(c.tasks['1']).toEqual({
      previous: 30,
      current: 15,
      delta: 5,
      counties: {
        甲县: { previous: 10, current: 15, delta: 5 },
        丙县: { previous: null, current: 5, delta: null },
        乙县: { previous: 20, current: null, delta: null },
      },
    });
    expect(c.stopped).toEqual(['乙县']);
  });

  it('gives each county its published rank and the move, new for a county not ranked then', () => {
    expect(c.ranks).toEqual({ 甲县: { previous: 2, change: 1, isNew: false }, 丙县: { previous: null, change: null, isNew: true } });
    expect(rankChangeText(c.ranks['甲县'], 'zh')).toBe('↑1');
    expect(rankChangeText(c.ranks['丙县'], 'zh')).toBe('新');
    expect(rankChangeText({ previous: 1, change: -3, isNew: false }, 'zh')).toBe('↓3');
    expect(rankChangeText({ previous: 1, change: 0, isNew: false }, 'zh')).toBe('—');
  });

  it('draws the trend over the periods with scores, now last', () => {
    expect(c.trend).toEqual({
      periods: ['2024年第1季度', '2024年第2季度'],
      counties: [
        { county: '甲县', scores: [50, 70] },
        { county: '丙县', scores: [null, 40] },
        { county: '乙县', scores: [60, null] },
      ],
    });
  });
});

describe('scores in the history', () => {
  it('survive the sheet, are replaced with their period, and kept when a period is started without them', () => {
    const back = parseHistory(buildHistorySheet(history)!.values);
    expect(back).toEqual(history);
    const again = withPeriod(back, '2024Q1', ['甲县'], [], [{ county: '甲县', score: 55, rank: 1 }]);
    expect(again.scores).toEqual([{ period: '2024年第1季度', county: '甲县', score: 55, rank: 1 }]);
    expect(withPeriod(back, '2024年第1季度', ['甲县'], []).scores).toEqual(history.scores);
  });

  it('merge: the later file’s periods over the earlier’s, each period once', () => {
    const later = withPeriod(emptyHistory(), '2024年第2季度', ['甲县'], [{ county: '甲县', task: '1', value: 15, status: '' }]);
    const merged = mergeHistories(history, later);
    expect(merged.periods).toEqual(['2024年第1季度', '2024年第2季度']);
    expect(merged.scores).toEqual(history.scores);
    expect(mergeHistories(merged, later)).toEqual(merged);
  });
});

describe('a history without ranks (a period started by next-period)', () => {
  it('ranks last period again from its figures, against this period’s yardsticks of that year', () => {
    const spec = cityWorkbook(samplePlan(), ['新密市', '登封市', '荥阳市']);
    const grids = filledGrids(spec);
    const city = gridOf(spec, spec.sheets[0].name);
    const subs = Object.entries(grids).map(([county, grid]) => ({ county, source: county, grid }));
    // 新密市 (task 4 yardstick 80) was at 20, 登封市 (60) at 60: 登封市 ranked first then
    const before = withPeriod(
      emptyHistory(),
      '2024年第1季度',
      ['新密市', '登封市'],
      [
        { county: '新密市', task: '4', value: 20, status: '' },
        { county: '登封市', task: '4', value: 60, status: '' },
      ],
    );
    const r = rollup({ grid: city, source: 'city' }, subs, { lang: 'zh', history: before });
    const ranks = r.periods!.ranks;
    expect(Object.entries(ranks).map(([c, x]) => [c, x.previous, x.isNew])).toEqual(
      expect.arrayContaining([
        ['新密市', 2, false],
        ['登封市', 1, false],
        ['荥阳市', null, true],
      ]),
    );
    for (const e of r.ranking)
      if (ranks[e.county].previous !== null) expect(ranks[e.county].change).toBe(ranks[e.county].previous! - e.rank!);
    expect(r.periods!.trend.counties.find((c) => c.county === '登封市')!.scores).toEqual([100, expect.any(Number)]);
    // what is written on is this period's ranks; last period's scored again are not put in
    expect(r.history!.scores!.every((x) => x.period === '2024年第2季度')).toBe(true);
  });
});
