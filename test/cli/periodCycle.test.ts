/**
 * A lead office's cycle on the command line, each step on the file the one before wrote:
 * roll up the first quarter, start the second from the city workbook with the summary's
 * history (`next-period --from`), roll up the second quarter with no --previous (the history now
 * travels in the city workbook), and draft the 通报 from the second summary. What each step
 * hands on is checked where the next step reads it: 上期完成值 in the county copies, 上期合计 and
 * 环比 in the summary, and the same figures in the bulletin, none typed.
 */
import { readFileSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import { join } from 'path';
import type { RollupJson } from '../../src/cli/rollup';
import { HISTORY_SHEET, parseHistory } from '../../src/core/period/history';
import type { Grid } from '../../src/core/sheet/grid';
import { readXlsx } from '../../src/hosts/xlsx/readWorkbook';
import { toBuffer } from '../../src/hosts/xlsx/writeWorkbook';
import { samplePlan } from '../core/sample';
import { runInProcess } from '../support/cli';
import { tempDir } from '../xlsx/support';
import { cityWorkbook, countyCopy, fill, gridOf } from './rollupFixtures';

const COUNTIES = ['新密市', '登封市'];
const [Q1, Q2] = ['2024年第1季度', '2024年第2季度'];
/** task 4's target and milestones (2023–2025) as each county set them, and its actual per quarter */
const PLAN = { 新密市: [100, 60, 80, 100], 登封市: [80, 50, 60, 80] } as const;
const ACTUAL: Record<string, Record<string, number>> = { [Q1]: { 新密市: 62, 登封市: 52 }, [Q2]: { 新密市: 70, 登封市: 51 } };

describe('a lead office’s cycle: rollup → next-period --from → rollup → report', () => {
  const dir = tempDir('keytask-cycle-');
  const f = (name: string) => join(dir, name);
  const json: RollupJson[] = [];

  async function countyFiles(quarter: string): Promise<string[]> {
    const spec = cityWorkbook(samplePlan(), COUNTIES);
    const files: string[] = [];
    for (const county of COUNTIES) {
      const g: Grid = gridOf(spec, county);
      g[1][4] = quarter;
      const [target, y2023, y2024, y2025] = PLAN[county as keyof typeof PLAN];
      fill(g, '4', { target, y2023, y2024, y2025, actual: ACTUAL[quarter][county] });
      files.push(f(`${quarter}-${county}.xlsx`));
      writeFileSync(files[files.length - 1], await toBuffer(countyCopy(spec, county, g)));
    }
    return files;
  }

  async function rollup(city: string, quarter: string, out: string): Promise<void> {
    const r = await runInProcess(['rollup', ...(await countyFiles(quarter)), '--city', city, '--format', 'json', '-o', out]);
    if (!r.out.startsWith('{')) throw new Error(r.err || r.out);
    json.push(JSON.parse(r.out) as RollupJson);
  }

  beforeAll(async () => {
    writeFileSync(f('city.xlsx'), await toBuffer(cityWorkbook(samplePlan(), COUNTIES)));
    await rollup(f('city.xlsx'), Q1, f('summary-Q1.xlsx'));
    const next = await runInProcess([
      'next-period',
      f('city.xlsx'),
      '--period',
      Q2,
      '--from',
      f('summary-Q1.xlsx'),
      '-o',
      f('city-Q2.xlsx'),
    ]);
    if (next.code !== 0) throw new Error(next.err || next.out);
    await rollup(f('city-Q2.xlsx'), Q2, f('summary-Q2.xlsx'));
    const report = await runInProcess(['report', f('summary-Q2.xlsx'), '-o', f('通报.docx')]);
    if (report.code !== 0) throw new Error(report.err || report.out);
  }, 120_000);

  it('next-period fills each county copy’s 上期完成值 from the summary’s history and keeps the chain', async () => {
    const read = await readXlsx(f('city-Q2.xlsx'));
    for (const county of COUNTIES) {
      const g = read.sheets.find((s) => s.name === county)!.grid;
      expect(g[1][4]).toBe(Q2);
      const header = g.find((r) => r.includes('上期完成值'))!;
      const row = g.find((r) => r[0] === '4')!;
      expect(row[header.indexOf('上期完成值')]).toBe(ACTUAL[Q1][county]);
      expect(row[header.findIndex((h) => String(h).includes('本期完成值'))]).toBeNull();
    }
    expect(parseHistory(read.sheets.find((s) => s.name === HISTORY_SHEET)!.grid).periods).toEqual([Q1]);
  });

  it('the second roll-up compares with the first from the city workbook’s history alone', () => {
    const p = json[1].periods!;
    expect(p.previous).toBe(Q1);
    // 登封市 went from 52 to 51: an error, left out of the total and of 环比, never a silent fall;
    // 环比 is 新密市's own 62 → 70
    expect(p.tasks['4']).toMatchObject({ previous: 114, current: 70, delta: 8 });
    expect(json[1].findings.filter((x) => x.code === 'actual-decreasing').map((x) => x.params.county)).toEqual(['登封市']);
    expect(json[1].tasks.find((t) => t.id === '4')!.total!.actual).toBe(70);
  });

  it('the 通报 carries the roll-up’s figures and periods', async () => {
    const zip = await JSZip.loadAsync(readFileSync(f('通报.docx')));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('2024年第2季度');
    expect(text).toContain('上期');
    for (const r of json[1].ranking) expect(text).toContain(r.county);
  });

  it('the 通报’s ranking lists the counties and nothing of the trend block below the ranking', async () => {
    const md = await runInProcess(['report', f('summary-Q2.xlsx'), '--format', 'md'], 'zh');
    const table = md.out.split('\n').filter((l) => /^\| (\d+|未排名) \|/.test(l));
    expect(table.map((l) => l.split('|')[2].trim()).sort()).toEqual([...COUNTIES].sort());
    expect(md.out).not.toContain('| 未排名 | 县(市、区)');
  });
});
