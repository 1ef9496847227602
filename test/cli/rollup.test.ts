/**
 * `keytask rollup` on county workbooks written as real .xlsx files: the figures, statuses,
 * ranking and findings it reports, the workbook it writes, and the input files left alone.
 */
import { createHash } from 'crypto';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { type RollupJson, progress } from '../../src/cli/rollup';
import { main } from '../../src/cli/main';
import { messages } from '../../src/cli/messages';
import { readXlsx } from '../../src/hosts/xlsx/readWorkbook';
import { openWithExcelJS, tempDir, xmlPart } from '../xlsx/support';
import { buildIfStale, keytask } from '../support/cli';
import { type Fixtures, NOTE, writeFixtures } from './rollupFixtures';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
  const code = await main(['node', 'keytask', 'rollup', ...args], io, messages('en'));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const hash = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('keytask rollup', () => {
  const dir = tempDir('keytask-rollup-');
  let fx: Fixtures;
  let before: Record<string, string>;
  let json: RollupJson;
  let code: number;

  beforeAll(async () => {
    fx = await writeFixtures(dir);
    before = Object.fromEntries(fx.all.map((f) => [f, hash(f)]));
    // The whole workbook 登封市 sent back comes first; --city names where the city list is.
    const r = await run([...fx.counties, '--city', fx.city, '--format', 'json', '-o', join(dir, 'out', 'summary.xlsx')]);
    code = r.code;
    json = JSON.parse(r.out) as RollupJson;
  });

  const task = (id: string) => json.tasks.find((t) => t.id === id)!;
  const codes = () => json.findings.map((f) => [f.code, f.taskId, f.params.county ?? f.params.source].filter(Boolean).join(' '));

  it('exits 1: there are error findings', () => {
    expect(code).toBe(1);
  });

  it('sums by task id across a county copy, a whole returned workbook and plain sheets', () => {
    // 中牟县 sent the row blank: present, nothing to add.
    expect(Object.keys(task('4').counties)).toEqual(['新密市', '登封市', '荥阳市', '中牟县']);
    expect(task('4').counties['中牟县']).toMatchObject({ target: null, actual: null });
    expect(task('4')).toMatchObject({ unit: expect.any(String), additive: true });
    expect(task('4').total).toEqual({ target: 240, milestones: { 2023: 140, 2024: 185, 2025: 240 }, actual: 155 });
    expect(task('10').total).toEqual({ target: 1.2, milestones: { 2023: 0.7, 2024: 0.95, 2025: 1.2 }, actual: 0.7 });
    expect(task('22').total).toEqual({ target: 80, milestones: { 2023: 60, 2024: 70, 2025: 80 }, actual: 65 });
    expect(task('17')).toMatchObject({ additive: false, total: null });
    expect(task('17').counties['新密市']).toMatchObject({ actual: 9.5, target: 12 });
  });

  it('traces every county figure to its file, sheet and cell', () => {
    expect(task('4').counties['新密市'].source).toMatch(/新密市\.xlsx!新密市!N\d+$/);
    expect(task('4').counties['登封市'].source).toMatch(/登封市\.xlsx!登封市!N\d+$/);
    expect(task('4').counties['荥阳市'].source).toMatch(/荥阳市-报送\.xlsx!Sheet1!N\d+$/);
    expect(task('22').counties['中牟县'].source).toMatch(/中牟县\.xlsx!Sheet1!N\d+$/);
  });

  it('ranks the counties', () => {
    expect(json.ranking).toEqual([
      { county: '新密市', rank: 1, score: 92.5, tasks: 4 },
      { county: '登封市', rank: 2, score: 88.9, tasks: 3 },
      { county: '中牟县', rank: 3, score: 80, tasks: 1 },
      { county: '荥阳市', rank: 4, score: 66.7, tasks: 2 },
    ]);
  });

  it('lists who sent what, in the city’s order of counties', () => {
    expect(json.status.map((s) => [s.county, s.submitted])).toEqual([
      ['新密市', true],
      ['登封市', true],
      ['荥阳市', true],
      ['中牟县', true],
      ['巩义市', false],
    ]);
    expect(json.status.find((s) => s.county === '新密市')!.fields.actual.filled).toBe(4);
  });

  it('reports what does not line up, and the file it could not read', () => {
    const f = codes();
    expect(f).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^submission-unreadable .*broken\.xlsx$/),
        'county-duplicate 新密市',
        'county-missing 巩义市',
        'task-missing 22 登封市',
        'task-text-mismatch 7 荥阳市',
        'task-missing 8 荥阳市',
      ]),
    );
    // 巩义市 sent nothing and 中牟县 left targets blank: the sums of targets are partial, so
    // nothing is said of them against the city's targets.
    expect(f.filter((x) => /^(task-missing|county-)/.test(x)).sort()).toEqual([
      'county-duplicate 新密市',
      'county-missing 巩义市',
      'task-missing 22 登封市',
      'task-missing 8 荥阳市',
    ]);
    // Each county's own findings come along, pointing into the county's file.
    expect(json.findings.filter((x) => x.code === 'unit-unknown').map((x) => x.sheet.replace(/^.*[\\/]/, ''))).toEqual([
      '新密市.xlsx!新密市',
      '登封市.xlsx!登封市',
      '荥阳市-报送.xlsx!Sheet1',
      '中牟县.xlsx!Sheet1',
    ]);
    const broken = json.findings.find((x) => x.code === 'submission-unreadable')!;
    expect(broken).toMatchObject({ severity: 'error', sheet: expect.stringMatching(/broken\.xlsx$/) });
    expect(broken.message).toMatch(/不是 Excel 工作簿（文本文件|不是 Excel 工作簿\(文本文件|not an Excel workbook \(a text file/);
  });

  it('leaves every input file byte for byte as it was', () => {
    for (const f of fx.all) expect(hash(f)).toBe(before[f]);
  });

  it('writes the summary workbook: sheets, chart, filter, literal county text, links to the files', async () => {
    const out = join(dir, 'out', 'summary.xlsx');
    const read = await readXlsx(out);
    expect(read.sheets.map((s) => s.name)).toEqual(['汇总', '填报情况', '排名', '审核意见', 'keytask', 'keytask_periods']);
    const buf = readFileSync(out);
    expect(await xmlPart(buf, 'xl/charts/chart1.xml')).toContain('<c:barDir val="bar"/>');
    expect(await xmlPart(buf, '[Content_Types].xml')).toContain('/xl/charts/chart1.xml');
    expect(await xmlPart(buf, 'xl/worksheets/sheet1.xml')).toMatch(/<autoFilter ref="A3:[A-Z]+\d+"\/>/);

    const wb = await openWithExcelJS(buf);
    const summary = wb.getWorksheet('汇总')!;
    const cells: Array<{ value: unknown; formula?: string }> = [];
    summary.eachRow((row) => row.eachCell((c) => cells.push({ value: c.value, formula: c.formula })));
    const note = cells.find((c) => typeof c.value === 'string' && c.value.includes(NOTE));
    expect(note?.value).toBe(`荥阳市:${NOTE}`);
    expect(cells.some((c) => c.formula?.includes('点我'))).toBe(false);
    // County figures open the county's file, named relative to the summary workbook.
    expect(cells.some((c) => c.formula?.startsWith('HYPERLINK("../新密市.xlsx#'))).toBe(true);
    const findings = wb.getWorksheet('审核意见')!;
    const links: string[] = [];
    findings.eachRow((row) => row.eachCell((c) => c.formula && links.push(c.formula)));
    expect(links.some((l) => l.startsWith("HYPERLINK(\"../荥阳市-报送.xlsx#'Sheet1'!C"))).toBe(true);
  });

  it('refuses to overwrite a file, or to write over an input even with --force', async () => {
    const out = join(dir, 'out', 'summary.xlsx');
    const again = await run([fx.city, fx.counties[0], '-o', out]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists/);
    const over = await run([fx.city, fx.counties[0], '-o', fx.counties[0], '--force']);
    expect(over.code).toBe(2);
    expect(over.err).toMatch(/cannot be written over/);
    expect(hash(fx.counties[0])).toBe(before[fx.counties[0]]);
  });

  it('says plainly when no city list is among the files (exit 2)', async () => {
    const r = await run([fx.counties[0]]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/holds no city task list made by keytask: give the city workbook as the first file, or name it with --city/);
  });

  it('takes the expected counties from --counties', async () => {
    const r = await run([fx.city, fx.counties[0], '--counties', '新密市,登封市', '--format', 'json']);
    const j = JSON.parse(r.out) as RollupJson;
    expect(j.findings.filter((f) => f.code === 'county-missing').map((f) => f.params.county)).toEqual(['登封市']);
  });

  it('writes its JSON a piece at a time, waiting for the reader between pieces', async () => {
    const out: string[] = [];
    let waits = 0;
    let written = 0;
    const io = {
      out: (l: string) => out.push(l),
      err: () => undefined,
      // a reader that takes each piece before the next is written
      drained: async () => {
        waits++;
        expect(out.length).toBe(++written);
      },
    };
    const code = await main(['node', 'keytask', 'rollup', fx.city, ...fx.counties, '--format', 'json'], io, messages('en'));
    expect(code).toBeLessThan(2);
    const j = JSON.parse(out.join('\n')) as RollupJson;
    expect(waits).toBe(out.length);
    expect(out.length).toBeGreaterThan(j.tasks.length);
  });

  const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'xlsx-corpus');
  (existsSync(CORPUS) ? it : it.skip)(
    'names a submitted data sheet that is no task list as unreadable, and sums nothing of it',
    async () => {
      const orders = join(CORPUS, 'calamine__tests_strict_iso_paths.xlsx');
      const r = await run([fx.city, fx.counties[0], orders, '--format', 'json']);
      const j = JSON.parse(r.out) as RollupJson;
      const f = j.findings.find((x) => x.code === 'submission-unreadable' && x.sheet.endsWith('strict_iso_paths.xlsx'));
      expect(f?.message).toMatch(/no key-task sheet|没有可识别的重点任务清单/);
      expect(j.findings.filter((x) => x.sheet.includes('strict_iso_paths') && x.code !== 'submission-unreadable')).toEqual([]);
    },
  );

  it('prints a table by default', async () => {
    const r = await run([fx.city, ...fx.counties]);
    expect(r.out).toMatch(/^Rolled up 4 counties \(新密市、登封市、荥阳市、中牟县\), period: 2024年第2季度/);
    expect(r.out).toMatch(/\n4 +万?\S* +240 +155 +64\.6%/);
    expect(r.out).toMatch(/Ranking:\n {2}1 +新密市 +92\.5/);
    expect(r.out).toMatch(/报送文件无法读取/);
    expect(r.out).not.toMatch(/submission-unreadable/);
  });
});

describe('the progress bar', () => {
  it('redraws in place on a terminal', () => {
    const written: string[] = [];
    const bar = progress(3, { isTTY: true, write: (s) => written.push(s) }, 'reading');
    for (const f of ['a.xlsx', 'b.xlsx', 'c.xlsx']) bar.step(f);
    bar.done();
    expect(written[0]).toMatch(/^\rreading \[#{8}-{16}\] 1\/3 a\.xlsx/);
    expect(written.at(-1)).toBe('\n');
  });

  it('stays quiet off a terminal for a few files, and logs tenths for many', () => {
    const few: string[] = [];
    const a = progress(5, { isTTY: false, write: (s) => few.push(s) }, 'reading');
    for (let i = 0; i < 5; i++) a.step(`${i}.xlsx`);
    expect(few).toEqual([]);
    const many: string[] = [];
    const b = progress(40, { isTTY: false, write: (s) => many.push(s) }, 'reading');
    for (let i = 0; i < 40; i++) b.step(`${i}.xlsx`);
    expect(many.length).toBe(10);
    expect(many.at(-1)).toBe('reading 40/40\n');
  });
});

describe('the built keytask binary', () => {
  beforeAll(buildIfStale, 120_000);

  it('runs rollup and exits 1 on error findings, 0 without', async () => {
    const dir = tempDir('keytask-rollup-bin-');
    const fx = await writeFixtures(dir);
    const r = keytask(['rollup', ...fx.all, '--format', 'json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as RollupJson).ranking[0].county).toBe('新密市');
    // Only the clean county, expected alone: nothing wrong.
    const clean = keytask(['rollup', fx.city, fx.counties[0], '--counties', '新密市']);
    expect(clean.stderr).toBe('');
    expect(clean.code).toBe(0);
    writeFileSync(join(dir, 'stdout.txt'), clean.stdout);
  });
});
