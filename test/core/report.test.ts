import { finding } from '../../src/core/findings/catalogue';
import { buildFindingsSheet } from '../../src/core/report/findingsSheet';
import { linkFormula } from '../../src/core/report/links';
import { buildRankingSheet, buildStatusSheet, buildSummarySheet } from '../../src/core/report/rollupSheets';
import type { RollupResult } from '../../src/core/rollup/rollup';
import { isFormula, parseRange } from '../../src/core/sheet/spec';
import { validateGrid } from '../../src/core/validate/validate';
import { seed001Grid } from '../support/seeds';
import { samplePlan } from './sample';

describe('report sheets', () => {
  it('links escape quotes, so names and labels cannot break out of the formula', () => {
    expect(linkFormula('新密市', 'N12', 70)).toBe('=HYPERLINK("#\'新密市\'!N12",70)');
    expect(linkFormula('a"b', 'A1', 'x"),1+1,("', 'f.xlsx')).toBe('=HYPERLINK("f.xlsx#\'a""b\'!A1","x""),1+1,(""")');
  });

  it('the findings sheet lists every finding with a link to its cell, identical ones as one row', () => {
    const findings = validateGrid(seed001Grid(), { sheet: '清单', lang: 'zh', units: samplePlan().units });
    const sheet = buildFindingsSheet(findings, { lang: 'zh', subject: '清单', date: '2026-11-30' });
    expect(sheet.values[1][0]).toBe('共11条:错误0条,警告11条,提示0条');
    const rows = sheet.values.slice(3);
    // one row per distinct finding; their counts add up to every finding
    const counted = rows.reduce((n, r) => n + Number(/× (\d+)$/.exec(String(r[2]))?.[1] ?? 1), 0);
    expect(counted).toBe(findings.length);
    expect(rows.length).toBeLessThan(findings.length);
    const first = rows[0];
    expect(first.slice(0, 2)).toEqual([1, '警告']);
    expect(first[2]).not.toMatch(/^[a-z-]+$/);
    expect(isFormula(first[4]) && first[4].formula).toMatch(/^=HYPERLINK\("#'清单'!/);
    expect(sheet.autoFilter).toBe(`A3:H${3 + rows.length}`);
  });

  it('the findings sheet puts errors before warnings before notes', () => {
    const mk = (code: 'lead-missing' | 'progress-behind' | 'number-converted', cell: string) =>
      finding(
        code,
        'zh',
        { sheet: '甲县', cell, taskId: '1' },
        { field: '目标值', text: '1万', unit: '个', value: 1, period: '6月', actual: 1, expected: 2 },
      );
    const sheet = buildFindingsSheet([mk('number-converted', 'G6'), mk('progress-behind', 'N6'), mk('lead-missing', 'L6')], {
      lang: 'zh',
      subject: '甲县',
      date: '2026-11-30',
    });
    expect(sheet.values.slice(3).map((r) => r[1])).toEqual(['错误', '警告', '提示']);
  });

  const result: RollupResult = {
    years: [2024, 2025],
    counties: ['甲县', '乙县'],
    reporting: { year: 2024, fraction: 0.5, text: '2024年6月' },
    tasks: [
      {
        id: '1',
        section: null,
        text: '任务一',
        unit: '家',
        kind: 'cumulative',
        additive: true,
        city: { target: 30, milestones: { 2024: 10, 2025: 30 }, actual: null },
        total: { target: 30, milestones: { 2024: 12, 2025: 30 }, actual: 9 },
        range: null,
        rate: 0.3,
        counties: {
          甲县: {
            target: 20,
            milestones: [8, 20],
            actual: 6,
            source: 'a.xlsx!甲县!N6',
            cells: { target: 'G6', actual: 'N6' },
            scale: 1,
            note: '=HYPERLINK("http://x","y")',
            excluded: [],
            blank: [],
            origin: { file: 'a.xlsx', sheet: '甲县' },
          },
          乙县: {
            target: 10,
            milestones: [4, 10],
            actual: 3,
            source: '乙县!N6',
            cells: { target: 'G6', actual: 'N6' },
            scale: 1,
            note: null,
            excluded: [],
            blank: [],
            origin: { sheet: '乙县' },
          },
        },
      },
    ],
    status: [
      {
        county: '甲县',
        submitted: true,
        source: 'a.xlsx',
        fields: {
          target: { required: 1, filled: 1, missing: [] },
          milestones: { required: 1, filled: 1, missing: [] },
          actual: { required: 1, filled: 1, missing: [] },
          status: { required: 1, filled: 0, missing: ['1'] },
        },
      },
      {
        county: '丙县',
        submitted: false,
        source: null,
        fields: {
          target: { required: 1, filled: 0, missing: ['1'] },
          milestones: { required: 1, filled: 0, missing: ['1'] },
          actual: { required: 1, filled: 0, missing: ['1'] },
          status: { required: 1, filled: 0, missing: ['1'] },
        },
      },
    ],
    excluded: [],
    ranking: [
      { county: '甲县', rank: 1, score: 75, tasks: 1 },
      { county: '乙县', rank: 1, score: 75, tasks: 1 },
      { county: '丁县', rank: null, score: null, tasks: 0 },
    ],
    findings: [],
  };

  it('the summary sums, links each county figure to its source and keeps county text as text', () => {
    const s = buildSummarySheet(result, { lang: 'zh', title: '汇总' });
    expect(s.values[2].slice(0, 12)).toEqual([
      '序号',
      '重点任务',
      '计量单位',
      '汇总方式',
      '市级目标',
      '县区目标合计',
      '2024年目标合计',
      '2025年目标合计',
      '本期完成合计',
      '完成率',
      '最小/最大(不合计项)',
      '各县区进展',
    ]);
    const row = s.values[3];
    expect(row.slice(0, 10)).toEqual(['1', '任务一', '家', '合计', 30, 30, 12, 30, 9, 0.3]);
    expect(row[11]).toBe('甲县:=HYPERLINK("http://x","y")');
    expect(row[12]).toBeNull(); // nothing left out of the totals
    expect(row[13]).toEqual({ formula: '=HYPERLINK("a.xlsx#\'甲县\'!N6",6)' });
    expect(row[14]).toEqual({ formula: '=HYPERLINK("#\'乙县\'!N6",3)' });
    expect(s.values.every((r) => r.length === row.length)).toBe(true);
  });

  it('the status sheet names who sent nothing; the ranking states its rule and charts the scores', () => {
    const st = buildStatusSheet(result, { lang: 'zh' });
    expect(st.values[1][0]).toBe('未报送:丙县');
    expect(st.values[3].slice(0, 7)).toEqual(['甲县', '是', 'a.xlsx', '1/1', '1/1', '1/1', '0/1']);
    const rk = buildRankingSheet(result, { lang: 'zh' });
    expect(String(rk.values[1][0])).toMatch(/^排名规则:得分=/);
    expect(rk.values.slice(4).map((r) => r.slice(0, 3))).toEqual([
      [1, '甲县', 75],
      [1, '乙县', 75],
      ['未排名', '丁县', null],
    ]);
    expect(rk.charts).toHaveLength(1);
    expect(rk.charts![0]).toMatchObject({ categories: 'B5:B6', values: 'C5:C6' });
    expect(parseRange(rk.charts![0].to).row2).toBeGreaterThan(5);
  });
});
