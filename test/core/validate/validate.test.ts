import { convertedText } from '../../../src/core/validate/rules/numbers';
import { generateWorkbook } from '../../../src/core/generate/generate';
import { CATALOGUE, type Finding, type FindingCode, summarize } from '../../../src/core/findings/catalogue';
import { emptyPlan } from '../../../src/core/model';
import type { Grid } from '../../../src/core/sheet/grid';
import { isFormula } from '../../../src/core/sheet/spec';
import { parseReportingPeriod } from '../../../src/core/validate/period';
import { validateGrid } from '../../../src/core/validate/validate';
import { seed001Grid } from '../../support/seeds';
import { samplePlan } from '../sample';

const units = samplePlan().units;

/** The standard sheet generated from the sample, as a host reads it back (formulas as results). */
function standardGrid(plan = samplePlan(), kind: 'city' | 'county' = 'city'): Grid {
  const { spec } = generateWorkbook(plan, { counties: kind === 'county' ? ['新密市'] : [], lang: 'zh' });
  const sheet = spec.sheets.find((s) => s.kind === kind)!;
  return sheet.values.map((r) => r.map((v) => (isFormula(v) ? null : v)));
}

const COL = {
  id: 0,
  task: 2,
  unit: 4,
  kind: 5,
  target: 6,
  deadline: 7,
  y2023: 8,
  y2024: 9,
  y2025: 10,
  lead: 11,
  coop: 12,
  actual: 13,
  status: 16,
};
const rowOf = (g: Grid, id: string) => g.findIndex((r) => r[0] === id);
const codes = (f: Finding[]) => f.map((x) => `${x.code}@${x.cell}#${x.taskId}`);
const check = (g: Grid) => validateGrid(g, { sheet: '重点任务清单', lang: 'zh', units });

describe('validation on seed 001', () => {
  it('finds exactly the quirks of the document in its own four-column layout', () => {
    const f = check(seed001Grid());
    expect(codes(f).sort()).toEqual(
      [
        'target-unit-missing@B10#6', // 力争培育1“数字领航”企业: the 家 is missing
        'target-unit-missing@B32#24', // 6“五基”: likewise
        'milestone-unit-mismatch@C11#7', // 2023年达到3 … under 10家
        'milestone-unit-mismatch@C17#12',
        'milestone-unit-mismatch@C26#19',
        'milestone-unit-mismatch@C27#20',
        'milestone-unit-mismatch@C30#22',
        'milestone-unit-mismatch@C33#25',
        'milestone-unit-mismatch@C45#34',
        'milestone-unit-mismatch@C46#35',
        'unit-unknown@D5#2', // 市发展改革委员负责
      ].sort(),
    );
    const unknown = f.find((x) => x.code === 'unit-unknown')!;
    expect(unknown.message).toBe('“市发展改革委员”不在单位名录中,是否应为“市发展改革委”?');
    expect(unknown.params).toEqual({ unit: '市发展改革委员', suggestion: '市发展改革委' });
    // 1.14万家 … 1.6万家 and 1万个 … 1.2万个 are scales of the same unit: nothing to report on 10 and 11.
    expect(f.filter((x) => x.taskId === '10' || x.taskId === '11')).toEqual([]);
  });

  it('finds the same problems in the standard sheet generated from it, in its form', () => {
    const f = check(standardGrid());
    // The plan gives most measured tasks only a target and a deadline (`2025年完成`): the
    // template marks their blank year cells as required (pale red), and so does validation.
    const yearCols = ['I', 'J', 'K'];
    const blankMilestones = samplePlan()
      .tasks.filter((t) => t.kind !== 'qualitative')
      .flatMap((t) => {
        const row = standardGrid().findIndex((r) => r[0] === t.id) + 1;
        return [2023, 2024, 2025]
          .filter((y) => !t.milestones.some((m) => m.year === y && m.value !== null))
          .map((y) => `required-missing@${yearCols[y - 2023]}${row}#${t.id}`);
      });
    expect(blankMilestones.length).toBeGreaterThan(30);
    expect(codes(f).sort()).toEqual(['required-missing@E13#6', 'required-missing@E35#24', 'unit-unknown@L8#2', ...blankMilestones].sort());
  });

  it('speaks English too', () => {
    const f = validateGrid(seed001Grid(), { sheet: 'S', lang: 'en', units });
    expect(f.find((x) => x.code === 'unit-unknown')!.message).toBe(
      '"市发展改革委员" is not in the unit directory; did you mean "市发展改革委"?',
    );
  });
});

describe('each rule, on a sheet made to break it', () => {
  const cases: Array<[FindingCode, (g: Grid) => void, string, string]> = [
    ['milestone-decreasing', (g) => (g[rowOf(g, '4')][COL.y2024] = 150), 'J', '4'],
    ['milestone-final-mismatch', (g) => (g[rowOf(g, '4')][COL.y2025] = 280), 'K', '4'],
    ['number-unit-mismatch', (g) => (g[rowOf(g, '4')][COL.y2024] = '240台'), 'J', '4'],
    ['share-out-of-range', (g) => (g[rowOf(g, '17')][COL.y2024] = 120), 'J', '17'],
    ['target-missing', (g) => (g[rowOf(g, '22')][COL.target] = null), 'G', '22'],
    ['number-invalid', (g) => (g[rowOf(g, '22')][COL.target] = '#REF!'), 'G', '22'],
    ['lead-missing', (g) => (g[rowOf(g, '22')][COL.lead] = null), 'L', '22'],
    ['unit-unknown', (g) => (g[rowOf(g, '22')][COL.coop] = '市科技厅'), 'M', '22'],
    ['unit-lead-and-cooperating', (g) => (g[rowOf(g, '22')][COL.coop] = '市科技局、市财政局'), 'M', '22'],
    ['responsibility-unparsed', (g) => (g[rowOf(g, '22')][COL.lead] = '、、'), 'L', '22'],
    ['required-missing', (g) => (g[rowOf(g, '22')][COL.deadline] = ''), 'H', '22'],
    ['task-id-duplicate', (g) => (g[rowOf(g, '23')][COL.id] = '22'), 'A', '22'],
    ['task-id-missing', (g) => (g[rowOf(g, '23')][COL.id] = null), 'A', ''],
  ];
  it.each(cases)('%s', (code, breakIt, column, id) => {
    const clean = check(standardGrid()).filter((x) => x.code === code);
    const g = standardGrid();
    breakIt(g);
    const added = check(g).filter((x) => x.code === code && !clean.some((c) => c.cell === x.cell));
    expect(added).toHaveLength(1);
    expect(added[0].cell![0]).toBe(column);
    expect(added[0].taskId ?? '').toBe(id);
    expect(added[0].severity).toBe(CATALOGUE[code].severity);
  });

  it('milestone-year-out-of-period and years out of order, in text milestones', () => {
    const g = seed001Grid();
    g[rowOf(g, '4')][2] = '2023年达到200亿元 2026年达到240亿元 2025年达到300亿元';
    const f = validateGrid(g, { sheet: 's', lang: 'zh', units, period: { start: 2023, end: 2025 } }).filter(
      (x) => x.code === 'milestone-year-out-of-period',
    );
    expect(f.map((x) => x.message)).toEqual(['2026年不在规划期2023—2025年内', '年份顺序颠倒:2025年写在2026年之后']);
  });

  it('progress-behind, from the reporting period in the header block', () => {
    const g = standardGrid();
    g[1][4] = '2024年第2季度';
    const r = g[rowOf(g, '4')];
    r[COL.actual] = 215; // half of the 2024 step (200 → 240) is 220
    r[COL.status] = '正常推进';
    const behind = check(g).filter((x) => x.code === 'progress-behind');
    expect(behind.map((x) => [x.cell, x.message])).toEqual([[`N${rowOf(g, '4') + 1}`, '截至2024年第2季度,完成215,低于序时进度220']]);
    r[COL.actual] = 220;
    expect(check(g).filter((x) => x.code === 'progress-behind')).toEqual([]);
  });

  it('judges a level better low the other way round: its steps go down, its progress stays under', () => {
    const g = standardGrid();
    const r = g[rowOf(g, '4')];
    r[COL.task] = 'PM2.5平均浓度控制在30微克/立方米以内';
    r[COL.unit] = '微克/立方米';
    [r[COL.target], r[COL.y2023], r[COL.y2024], r[COL.y2025]] = [30, 40, 35, 30];
    const own = (code: string) => check(g).filter((x) => x.code === code && x.taskId === '4');
    expect([...own('milestone-decreasing'), ...own('milestone-increasing'), ...own('milestone-final-mismatch')]).toEqual([]);
    r[COL.y2024] = 45;
    expect(own('milestone-increasing').map((x) => x.cell)).toEqual([`J${rowOf(g, '4') + 1}`]);
    r[COL.y2024] = 35;
    g[1][4] = '2024年第2季度';
    r[COL.status] = '正常推进';
    r[COL.actual] = 38; // halfway from 40 to 35 is 37.5
    expect(own('progress-above-ceiling').map((x) => x.message)).toEqual(['截至2024年第2季度,实际为38,高于应控制的37.5']);
    expect(own('progress-behind')).toEqual([]);
    r[COL.actual] = 37;
    expect(own('progress-above-ceiling')).toEqual([]);
  });

  it('period fields are required once a reporting period is named', () => {
    const g = standardGrid();
    expect(check(g).filter((x) => x.code === 'required-missing' && x.cell!.startsWith('Q'))).toEqual([]);
    g[1][4] = '2024年6月';
    const status = check(g).filter((x) => x.code === 'required-missing' && x.cell!.startsWith('Q'));
    expect(status).toHaveLength(54);
  });

  it('reads full-width digits, separators and 万 as numbers, not as invalid', () => {
    const g = standardGrid();
    g[rowOf(g, '22')][COL.y2023] = '１６０';
    g[rowOf(g, '41')][COL.target] = '3,000';
    g[rowOf(g, '10')][COL.unit] = '家';
    g[rowOf(g, '10')][COL.target] = '1.6万';
    g[rowOf(g, '10')][COL.y2023] = 11400;
    g[rowOf(g, '10')][COL.y2024] = '1.31万';
    g[rowOf(g, '10')][COL.y2025] = 16000;
    const f = check(g).filter((x) => x.code === 'number-invalid' || ['22', '41', '10'].includes(x.taskId ?? ''));
    // 1.6万 and 1.31万 under 家 are converted, and say so; nothing else is reported.
    expect(f.filter((x) => x.code !== 'required-missing').map((x) => `${x.code}@${x.cell}:${x.message}`)).toEqual([
      `number-converted@G${rowOf(g, '10') + 1}:目标值填写“1.6万”,按本任务单位“家”计为16000`,
      `number-converted@J${rowOf(g, '10') + 1}:2024年目标填写“1.31万”,按本任务单位“家”计为13100`,
    ]);
  });

  it('says what a small converted figure counts as, not 0', () => {
    const g = standardGrid();
    g[rowOf(g, '10')][COL.unit] = '亿元';
    g[rowOf(g, '10')][COL.y2024] = '0.0045万';
    const f = check(g).find((x) => x.code === 'number-converted' && x.taskId === '10');
    expect(f?.message).toBe('2024年目标填写“0.0045万”,按本任务单位“亿元”计为0.00000045');
    expect(convertedText(0.00012)).toBe('0.00012');
    expect(convertedText(16000)).toBe('16000');
    expect(convertedText(-0.000123456789)).toBe('-0.000123457');
  });

  it('says a converted figure of a task without a unit is a plain count, naming no unit', () => {
    const g = standardGrid();
    g[rowOf(g, '10')][COL.unit] = null;
    g[rowOf(g, '10')][COL.y2024] = '3.5亿';
    const f = check(g).find((x) => x.code === 'number-converted' && x.taskId === '10');
    expect(f?.message).toBe('2024年目标填写“3.5亿”,计为350000000(本任务未填计量单位)');
    const en = validateGrid(g, { sheet: '重点任务清单', lang: 'en', units }).find((x) => x.code === 'number-converted');
    expect(en?.message).toMatch(/taken as 350000000 \(the task has no unit\)$/);
  });

  it('reads responsibility sentences typed into the lead column, traditional characters too', () => {
    const g = standardGrid();
    g[rowOf(g, '22')][COL.lead] = '市科技局牽頭,市財政局配合';
    g[rowOf(g, '22')][COL.coop] = null;
    expect(check(g).filter((x) => x.taskId === '22')).toEqual([]);
  });
});

describe('bad input never crashes and says what is wrong', () => {
  it('a sheet without a header', () => {
    expect(codes(check([['hello'], [1, 2, 3]]))).toEqual(['header-missing@null#null']);
    expect(codes(check([]))).toEqual(['header-missing@null#null']);
  });

  it('error values, blank rows in the middle, the header moved down, columns reordered', () => {
    const g = standardGrid();
    g[rowOf(g, '4')][COL.y2023] = '#VALUE!';
    g.splice(30, 0, new Array(18).fill(null), new Array(18).fill(''));
    g.unshift(['inserted above'], []);
    // swap the task and indicator columns
    for (const r of g) [r[2], r[3]] = [r[3], r[2]];
    const f = check(g);
    expect(f.find((x) => x.code === 'number-invalid')).toMatchObject({ taskId: '4', message: '2023年目标应为数字,实为“#VALUE!”' });
    expect(f.filter((x) => x.code === 'required-missing' && x.cell!.startsWith('D'))).toEqual([]);
    expect(f.filter((x) => x.code === 'required-missing' && x.cell!.startsWith('E')).map((x) => x.taskId)).toEqual(['6', '24']);
  });

  it('merged cells across task rows', () => {
    const g = standardGrid();
    const r = rowOf(g, '14') + 1;
    const f = validateGrid(g, { sheet: 's', lang: 'zh', units, merges: ['A1:R1', `L${r}:L${r + 1}`] });
    expect(f.filter((x) => x.code === 'merged-cells').map((x) => x.cell)).toEqual([`L${r}`]);
  });

  it('missing required columns are reported once, not per row', () => {
    const g = standardGrid().map((r) => r.filter((_, c) => c !== COL.deadline));
    const f = check(g);
    expect(f.filter((x) => x.code === 'column-missing')).toHaveLength(1);
  });

  it('very long text and 10,000 tasks', () => {
    const big = emptyPlan(2023, 2025);
    big.units = units;
    for (let i = 1; i <= 10000; i++) {
      big.tasks.push({
        id: String(i),
        section: null,
        text: '很长的任务'.repeat(i === 7 ? 2000 : 3),
        target: { value: 100, unit: '家' },
        kind: 'cumulative',
        deadline: '2025年',
        milestones: [2023, 2024, 2025].map((year, k) => ({ year, value: i === 9 && k === 1 ? 10 : (k + 1) * 30, unit: '家' })),
        lead: ['市科技局'],
        cooperating: [],
      });
    }
    const f = check(standardGrid(big));
    const s = summarize(f);
    expect(s.byCode['milestone-final-mismatch']).toBe(10000);
    expect(s.byCode['milestone-decreasing']).toBe(1);
  });
});

describe('reporting periods', () => {
  it.each([
    ['2025年第2季度', 2025, 0.5],
    ['2025年二季度', 2025, 0.5],
    ['2025年6月', 2025, 0.5],
    ['2025年上半年', 2025, 0.5],
    ['2025年', 2025, 1],
    ['2025-09', 2025, 0.75],
    ['２０２５年第３季度', 2025, 0.75],
  ])('%s', (text, year, fraction) => {
    expect(parseReportingPeriod(text)).toMatchObject({ year, fraction });
  });
});
