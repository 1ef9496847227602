import { generateWorkbook } from '../../../src/core/generate/generate';
import { isAdditive, rollup, type Submission } from '../../../src/core/rollup/rollup';
import { textSimilarity } from '../../../src/core/rollup/textMatch';
import type { Grid } from '../../../src/core/sheet/grid';
import { isFormula } from '../../../src/core/sheet/spec';
import { samplePlan } from '../sample';

const COUNTIES = ['新密市', '登封市', '荥阳市', '巩义市'];
const C = { id: 0, task: 2, unit: 4, target: 6, y2023: 8, y2024: 9, y2025: 10, actual: 13, progress: 15, status: 16 };

function workbook() {
  const { spec } = generateWorkbook(samplePlan(), { counties: COUNTIES, lang: 'zh' });
  const grid = (name: string): Grid => spec.sheets.find((s) => s.name === name)!.values.map((r) => r.map((v) => (isFormula(v) ? null : v)));
  return { city: grid('重点任务清单'), county: grid };
}

type Fill = Partial<Record<keyof typeof C, string | number | null>>;
function fill(g: Grid, id: string, f: Fill): void {
  const row = g.find((r) => r[0] === id)!;
  for (const [k, v] of Object.entries(f)) row[C[k as keyof typeof C]] = v ?? null;
}

/**
 * Three counties that filled their copies, one that sent nothing, one sent twice:
 * - 新密市: clean, reporting 2024年第2季度;
 * - 登封市: deleted the row of task 22, moved the 四 section block to the end, and reports
 *   task 10 in 家 where the city counts in 万家;
 * - 荥阳市: renumbered: its task 7 is the city's task 8; writes a formula-looking note;
 * - 巩义市: sent nothing; 新密市 appears a second time.
 */
function submissions(): { city: Grid; subs: Submission[] } {
  const { city, county } = workbook();
  const xm = county('新密市');
  xm[1][4] = '2024年第2季度';
  fill(xm, '4', { target: 100, y2023: 60, y2024: 80, y2025: 100, actual: 70, status: '正常推进' });
  fill(xm, '10', { target: 0.5, y2023: 0.3, y2024: 0.4, y2025: 0.5, actual: 0.35, status: '正常推进' });
  fill(xm, '17', { target: 12, y2023: 9, y2024: 10, y2025: 12, actual: 9.5, status: '正常推进' });
  fill(xm, '22', { target: 50, y2023: 40, y2024: 45, y2025: 50, actual: 45, status: '已完成' });

  const df = county('登封市');
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

  const ys = county('荥阳市');
  fill(ys, '4', { target: 60, y2023: 30, y2024: 45, y2025: 60, actual: 45, progress: '=HYPERLINK("http://x","点我")', status: '正常推进' });
  fill(ys, '10', { target: 0.4, y2023: 0.2, y2024: 0.3, y2025: 0.4, actual: 0.1, status: '滞后' });
  const r7 = ys.findIndex((r) => r[0] === '7');
  const r8 = ys.findIndex((r) => r[0] === '8');
  ys[r7] = [...ys[r8]];
  ys[r7][0] = '7';
  ys.splice(r8, 1);

  const again = county('新密市');
  return {
    city,
    subs: [
      { county: '新密市', source: '新密市.xlsx', sheet: '新密市', grid: xm },
      { county: null, source: '登封市.xlsx', sheet: '登封市', grid: df },
      { county: '荥阳市', source: '荥阳市', grid: ys },
      { county: '新密市', source: '新密市(2).xlsx', sheet: '新密市', grid: again },
    ],
  };
}

describe('roll-up', () => {
  const { city, subs } = submissions();
  const result = rollup({ grid: city, source: '重点任务清单' }, subs, { lang: 'zh', counties: COUNTIES });
  const task = (id: string) => result.tasks.find((t) => t.id === id)!;

  it('sums what can be summed, by task id, whatever the row order', () => {
    expect(result.counties).toEqual(['新密市', '登封市', '荥阳市']);
    expect(task('4').total).toEqual({ target: 240, milestones: { 2023: 140, 2024: 185, 2025: 240 }, actual: 155 });
    expect(task('4').rate).toBeCloseTo(155 / 240);
    expect(task('4').counties['登封市'].source).toMatch(/^登封市\.xlsx!登封市!N\d+$/);
  });

  it('scales 家 to the city’s 万家 before adding', () => {
    expect(task('10').unit).toBe('万家');
    expect(task('10').counties['登封市']).toMatchObject({ target: 0.3, actual: 0.25, scale: 1e-4 });
    expect(task('10').total).toEqual({ target: 1.2, milestones: { 2023: 0.7, 2024: 0.95, 2025: 1.2 }, actual: 0.7 });
  });

  it('shows but does not add shares', () => {
    expect(isAdditive('share', '%')).toBe(false);
    expect(isAdditive('annual', '%')).toBe(false);
    expect(task('17').additive).toBe(false);
    expect(task('17').total).toBeNull();
    expect(task('17').range).toEqual({ min: { county: '登封市', value: 7 }, max: { county: '新密市', value: 9.5 } });
    expect(task('17').counties['新密市'].actual).toBe(9.5);
  });

  it('compares the counties’ targets with the city’s only when every county’s target counts', () => {
    const two = rollup({ grid: city, source: '重点任务清单' }, subs.slice(0, 2), { lang: 'zh', counties: ['新密市', '登封市'] });
    const below = two.findings.filter((x) => x.code === 'county-sum-below-target').map((x) => x.taskId);
    // Task 4: 100 + 80 = 180 below 240; task 10: 0.5 + 0.3 万家 below 1.2 (both counties filled both).
    expect(below).toEqual(['4', '10']);
  });

  it('reports what does not line up', () => {
    const f = result.findings.map((x) => [x.code, x.taskId, x.params.county].filter(Boolean).join(' '));
    expect(f).toContain('county-duplicate 新密市');
    expect(f).toContain('county-missing 巩义市');
    expect(f).toContain('task-missing 22 登封市');
    expect(f).toContain('task-text-mismatch 7 荥阳市');
    expect(f).toContain('task-missing 8 荥阳市');
    // 巩义市 has not reported: the counties' targets are a partial sum, not below the city's.
    expect(f.filter((x) => x.startsWith('county-sum-below-target'))).toEqual([]);
    expect(f.filter((x) => x.startsWith('task-missing')).sort()).toEqual(['task-missing 22 登封市', 'task-missing 8 荥阳市']);
    expect(task('7').counties['荥阳市']).toBeUndefined();
    const dup = result.findings.find((x) => x.code === 'county-duplicate')!;
    expect(dup.message).toBe('新密市报送了两份(新密市.xlsx!新密市;新密市(2).xlsx!新密市),只汇总第一份');
  });

  it('lists what each county filled and who sent nothing', () => {
    const gy = result.status.find((s) => s.county === '巩义市')!;
    expect(gy.submitted).toBe(false);
    expect(gy.fields.status.filled).toBe(0);
    const xm = result.status.find((s) => s.county === '新密市')!;
    expect(xm.fields.actual.filled).toBe(4);
    expect(xm.fields.status.filled).toBe(4);
    expect(xm.fields.status.required).toBe(54);
    const df = result.status.find((s) => s.county === '登封市')!;
    expect(df.fields.target.missing).toContain('22');
  });

  it('ranks counties by completion against this year’s milestones, ties sharing a rank', () => {
    expect(result.reporting).toMatchObject({ year: 2024, fraction: 0.5 });
    // 新密市: 70/80, 0.35/0.4, 9.5/10, 45/45 → (0.875 + 0.875 + 0.95 + 1) / 4 = 92.5
    // 登封市: 40/60, 2500/2500, 7/7 → (0.6667 + 1 + 1) / 3 = 88.9
    // 荥阳市: 45/45, 0.1/0.3 → (1 + 0.3333) / 2 = 66.7
    expect(result.ranking).toEqual([
      { county: '新密市', rank: 1, score: 92.5, tasks: 4 },
      { county: '登封市', rank: 2, score: 88.9, tasks: 3 },
      { county: '荥阳市', rank: 3, score: 66.7, tasks: 2 },
    ]);
  });

  it('gives equal scores the same rank', () => {
    const { city: c2, county } = workbook();
    const a = county('新密市');
    const b = county('登封市');
    const d = county('荥阳市');
    fill(a, '22', { target: 10, actual: 5 });
    fill(b, '22', { target: 20, actual: 10 });
    fill(d, '22', { target: 10, actual: 10 });
    const r = rollup(
      { grid: c2, source: 'c' },
      [
        { county: '新密市', source: 'a', grid: a },
        { county: '登封市', source: 'b', grid: b },
        { county: '荥阳市', source: 'd', grid: d },
      ],
      { lang: 'zh' },
    );
    expect(r.ranking.map((e) => [e.county, e.rank])).toEqual([
      ['荥阳市', 1],
      ['登封市', 2],
      ['新密市', 2],
    ]);
  });

  it('does not change the county grids it reads', () => {
    const { city: c2, subs: s2 } = submissions();
    const before = JSON.stringify(s2.map((s) => s.grid));
    rollup({ grid: c2, source: 'c' }, s2, { lang: 'zh' });
    expect(JSON.stringify(s2.map((s) => s.grid))).toBe(before);
  });

  it('tells renumbered tasks from retyped ones', () => {
    expect(textSimilarity('力争培育10家中小企业数字化转型标杆。', '力爭培育10家中小企業數字化轉型標杆')).toBeGreaterThan(0.8);
    expect(textSimilarity('力争培育10家中小企业数字化转型标杆。', '力争培育2个数字化转型示范区。')).toBeLessThan(0.7);
  });
});
