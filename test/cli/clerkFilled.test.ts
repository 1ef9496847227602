/**
 * The roll-up's promise to a lead office, on county copies filled the way clerks fill them
 * (clerkFixtures.ts): every figure of the summary equals the total worked out by hand below, or
 * is shown with its finding and left out of totals and ranking.
 */
import { join } from 'path';
import { type RollupJson } from '../../src/cli/rollup';
import { main } from '../../src/cli/main';
import { messages } from '../../src/cli/messages';
import { readXlsx } from '../../src/hosts/xlsx/readWorkbook';
import { tempDir } from '../xlsx/support';
import { type ClerkFixtures, writeClerkFixtures } from './clerkFixtures';

async function keytask(args: string[], lang: 'zh' | 'en' = 'en'): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'keytask', ...args], { out: (l) => out.push(l), err: (l) => err.push(l) }, messages(lang));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface JsonFinding {
  code: string;
  cell: string | null;
  taskId: string | null;
  sheet: string;
  message: string;
  severity: string;
}

describe('a roll-up of county copies filled the way clerks fill them', () => {
  const dir = tempDir('keytask-clerk-');
  let fx: ClerkFixtures;
  let json: RollupJson;
  let code: number;
  const task = (id: string) => json.tasks.find((t) => t.id === id)!;
  const ofCounty = (county: string) => (f: { sheet: string }) => f.sheet.includes(`${county}.xlsx`);

  beforeAll(async () => {
    fx = await writeClerkFixtures(dir);
    const r = await keytask([
      'rollup',
      fx.city,
      fx.counties['新密市'],
      fx.otherPeriod,
      fx.counties['登封市'],
      fx.otherTasks,
      fx.counties['荥阳市'],
      '--format',
      'json',
      '-o',
      join(dir, 'summary.xlsx'),
    ]);
    code = r.code;
    json = JSON.parse(r.out) as RollupJson;
  }, 60_000);

  it('reads units and scales typed into number cells, converted to the task’s unit', () => {
    // 5G基站 (万个): 新密市 0.23万 = 0.23 万个, its 2024 milestone `0.4万个` = 0.4; 登封市's `约0.1万` does not count.
    expect(task('11').counties['新密市']).toMatchObject({ actual: 0.23, milestones: { 2023: 0.3, 2024: 0.4, 2025: 0.5 } });
    expect(task('11').total).toEqual({ target: 1.2, milestones: { 2023: 0.6, 2024: 0.9, 2025: 1.2 }, actual: 0.53 });
    // 企业上云 (万家): 新密市 2700家 = 0.27 万家; 登封市's `300户` is another unit.
    expect(task('10').counties['新密市'].actual).toBe(0.27);
    expect(task('10').total).toEqual({ target: 1.5, milestones: { 2023: 0.4, 2024: 0.9, 2025: 1.5 }, actual: 0.42 });
    // 高端装备 (亿元): 新密市 typed ７０ in full width.
    expect(task('4').counties['新密市'].actual).toBe(70);
  });

  it('reads a percent-formatted share as the percent the clerk typed', () => {
    expect(task('17').counties['新密市'].actual).toBe(8);
    expect(task('17').total).toBeNull();
    expect(task('17').range).toEqual({ min: { county: '新密市', value: 8 }, max: { county: '荥阳市', value: 9.5 } });
    // Nothing says 0.08 against a target of 10%: at most a note that 8 is behind time (8.5).
    const own = (json.findings as JsonFinding[]).filter((f) => f.taskId === '17' && ofCounty('新密市')(f));
    expect(own.map((f) => `${f.code}: ${f.message}`)).toEqual(['progress-behind: 截至2024年第2季度,完成8,低于序时进度8.5']);
  });

  it('leaves a county’s figures with errors out of the totals, shows them, and says why', () => {
    // 高端装备: 登封市's 2024 milestone (70) is below its 2023 (80): not in the 2024 total.
    expect(task('4').total).toEqual({ target: 240, milestones: { 2023: 170, 2024: 125, 2025: 240 }, actual: 190 });
    expect(task('4').counties['登封市']).toMatchObject({ milestones: { 2024: 70 } });
    expect(task('4').counties['登封市'].excluded).toEqual([
      { field: 'y2024', value: 70, typed: '70', cell: expect.stringMatching(/^J\d+$/), code: 'milestone-decreasing' },
    ]);
    expect(task('11').counties['登封市'].excluded).toMatchObject([
      { field: 'actual', value: null, typed: '约0.1万', code: 'number-approximate' },
    ]);
    expect(task('10').counties['登封市'].excluded).toMatchObject([
      { field: 'actual', value: null, typed: '300户', code: 'number-unit-mismatch' },
    ]);
    expect(json.excluded.map((x) => `${x.county} ${x.taskId} ${x.field}`).sort()).toEqual(
      ['登封市 10 actual', '登封市 11 actual', '登封市 4 y2024'].sort(),
    );
    // The county's own findings come with it, pointing into its file.
    const df = json.findings.filter(ofCounty('登封市')).map((f) => `${f.code}#${f.taskId}`);
    expect(df).toEqual(expect.arrayContaining(['milestone-decreasing#4', 'number-approximate#11', 'number-unit-mismatch#10']));
    // Conversions are said, not hidden.
    const xm = (json.findings as JsonFinding[]).filter((f) => ofCounty('新密市')(f) && f.code === 'number-converted');
    expect(xm.map((f) => f.message)).toEqual(
      expect.arrayContaining(['本期完成值填写“0.23万”,按本任务单位“万个”计为0.23', '本期完成值填写“2700家”,按本任务单位“万家”计为0.27']),
    );
  });

  it('rates only what pairs: each county’s actual against its own target', () => {
    expect(task('4').rate).toBeCloseTo(190 / 240, 9);
    expect(task('11').rate).toBeCloseTo(0.53 / 0.9, 9); // 登封市's actual does not count, nor its target in the rate
    expect(task('10').rate).toBeCloseTo(0.42 / 1.0, 9);
  });

  it('says which blank milestones the totals lack', () => {
    // 创新平台 (家): 登封市 left 2024 blank.
    expect(task('22').total).toEqual({ target: 120, milestones: { 2023: 90, 2024: 70, 2025: 120 }, actual: 100 });
    expect(json.status.find((s) => s.county === '登封市')!.fields.milestones.missing).toContain('22');
  });

  it('matches a task id typed differently, and leaves a renumbered row out', () => {
    // 新密市 typed ７ for 7; 荥阳市's row 7 is the city's task 8.
    expect(Object.keys(task('7').counties)).toEqual(['新密市', '登封市']);
    expect(task('7').total).toEqual({ target: 7, milestones: { 2023: 2, 2024: 4, 2025: 7 }, actual: 3 });
    const codes = json.findings.map((f) => `${f.code} ${f.taskId ?? ''}`.trim());
    expect(codes).toContain('task-text-mismatch 7');
    expect(codes).toContain('task-missing 8');
    expect(codes).not.toContain('task-extra 7');
  });

  it('ranks on figures that passed only, and counts only the tasks it scored', () => {
    // Yardstick: each county's 2024 milestone (its target where 2024 is blank), capped at 100%.
    // 新密市: 70/80, .23/.4, .27/.4, 8/9, 45/45, 2/2 → 83.6 over 6 tasks.
    // 登封市: task 4's yardstick (70) has an error, 10's and 11's actuals too: 9/9, 35/40, 1/2 → 79.2 over 3.
    // 荥阳市: 45/45, .3/.3, .15/.2, 9.5/9 (capped), 20/25; its task 7 was not rolled up → 91 over 5.
    expect(json.ranking).toEqual([
      { county: '荥阳市', rank: 1, score: 91, tasks: 5 },
      { county: '新密市', rank: 2, score: 83.6, tasks: 6 },
      { county: '登封市', rank: 3, score: 79.2, tasks: 3 },
    ]);
  });

  it('names another plan’s workbooks as foreign and sums nothing of them', () => {
    expect(Object.keys(task('4').counties)).not.toContain('新郑市');
    const foreign = (json.findings as JsonFinding[]).filter((f) => f.code === 'submission-foreign');
    expect(foreign.map((f) => f.sheet.replace(/^.*[\\/]/, ''))).toEqual(['新郑市-2026.xlsx!新郑市', '新郑市-数字经济.xlsx!新郑市']);
    expect(foreign[0].message).toMatch(/规划期为2026—2028年,本清单为2023—2025年/);
    expect(foreign[1].message).toMatch(/个任务内容与本清单不同/);
    expect(foreign.every((f) => f.severity === 'error')).toBe(true);
    expect(code).toBe(1);
  });

  it('writes the summary with the figures left out, and why', async () => {
    const read = await readXlsx(join(dir, 'summary.xlsx'));
    const summary = read.sheets.find((s) => s.name === '汇总')!.grid;
    const head = summary[2].map((v) => String(v ?? ''));
    const col = head.findIndex((h) => h.startsWith('未计入合计'));
    expect(col).toBeGreaterThan(0);
    const row = (id: string) => summary.find((r) => r[0] === id)!;
    expect(row('4')[col]).toBe('登封市2024年目标“70”:累计目标下降');
    expect(row('10')[col]).toBe('登封市本期完成值“300户”:数值单位不符');
    expect(row('22')[col]).toBe('登封市2024年目标:未填');
    expect(String(summary[1][0])).toMatch(/3项县区数值有错误,未计入合计和排名/);
  });

  it('refuses quietly summing nothing: a city list with only another plan’s workbook exits 1 and says why', async () => {
    const r = await keytask(['rollup', fx.city, fx.otherTasks, '--format', 'json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as RollupJson;
    expect(j.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['submission-foreign', 'rollup-empty']));
    const table = await keytask(['rollup', fx.city, fx.otherTasks], 'zh');
    expect(table.code).toBe(1);
    expect(table.out).toMatch(/没有一个县\(市、区\)的报送能与市级清单对应/);
  });

  it('takes the city list from the first file, not from a foreign workbook given first', async () => {
    const r = await keytask(['rollup', fx.otherTasks, fx.city, fx.counties['新密市'], '--format', 'json']);
    // The first file holds no city list, so nothing is guessed.
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/holds no city task list made by keytask/);
    const named = await keytask(['rollup', fx.otherTasks, fx.counties['新密市'], '--city', fx.city, '--format', 'json']);
    const j = JSON.parse(named.out) as RollupJson;
    expect(Object.keys(j.tasks.find((t) => t.id === '4')!.counties)).toEqual(['新密市']);
    expect(j.findings.filter((f) => f.code === 'submission-foreign')).toHaveLength(1);
  });

  it('validate reports each clerk’s figure the same way', async () => {
    const r = await keytask(['validate', fx.counties['登封市'], '--format', 'json']);
    expect(r.code).toBe(1);
    const f = (JSON.parse(r.out) as { findings: JsonFinding[] }).findings;
    const at = (code: string) => f.filter((x) => x.code === code).map((x) => x.taskId);
    expect(at('milestone-decreasing')).toEqual(['4']);
    expect(at('number-approximate')).toEqual(['11']);
    expect(at('number-unit-mismatch')).toEqual(['10']);
    expect(f.some((x) => x.code === 'required-missing' && x.taskId === '22' && /^J/.test(x.cell ?? ''))).toBe(true);
    const xm = (JSON.parse((await keytask(['validate', fx.counties['新密市'], '--format', 'json'])).out) as { findings: JsonFinding[] })
      .findings;
    // The percent cell is 8%, not 0.08 against a target of 10%.
    expect(xm.filter((x) => x.taskId === '17' && x.code !== 'required-missing').map((x) => x.message)).toEqual([
      '截至2024年第2季度,完成8,低于序时进度8.5',
    ]);
    expect(xm.filter((x) => x.code === 'number-converted').map((x) => x.taskId)).toEqual(['10', '11']);
  });
});
