/**
 * The compiled CLI, run as a user runs it (`node bin/keytask.js …`). lib/ is built first when it
 * is missing or older than the sources it is built from.
 */
import { existsSync, writeFileSync } from 'fs';
import { join } from 'path';
import { keytaskSheetsOf, readXlsx } from '../../src/hosts/xlsx/readWorkbook';
import { tempDir } from '../xlsx/support';
import { STACK, buildIfStale, keytask } from '../support/cli';

beforeAll(buildIfStale, 120_000);

describe('keytask --help / --version', () => {
  it('prints help listing the commands', () => {
    const r = keytask(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/generate/);
    expect(r.stdout).toMatch(/demo/);
    expect(keytask(['generate', '--help']).stdout).toMatch(/--counties/);
  });

  it('prints help in Chinese under a Chinese locale', () => {
    expect(keytask(['--help'], { lang: 'zh_CN.UTF-8' }).stdout).toContain('生成');
  });

  it('prints the package version', () => {
    const r = keytask(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(require('../../package.json').version);
  });

  it('rejects an unknown option with exit 2', () => {
    const r = keytask(['generate', '--nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option/);
  });
});

describe('keytask generate', () => {
  const dir = tempDir('keytask-cli-');

  it('writes the empty template with three counties', async () => {
    const out = join(dir, 'counties.xlsx');
    const r = keytask(['generate', '--counties', '新密市,登封市,荥阳市', '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(out);
    expect(r.stdout).toMatch(/tasks: 0/);
    const read = await readXlsx(out);
    expect(read.sheets.map((s) => s.name)).toEqual(['重点任务清单', '新密市', '登封市', '荥阳市', '单位名录', 'keytask']);
    // Without a plan or --years: this year to two years on.
    const y = new Date().getFullYear();
    expect(read.sheets[0].grid[4]).toEqual(expect.arrayContaining([`${y}年`, `${y + 1}年`, `${y + 2}年`]));
    expect(keytaskSheetsOf(read).find((s) => s.key === 'county:登封市')?.sheet).toBe('登封市');
  });

  it('takes the period from --years and full-width separators between counties', async () => {
    const out = join(dir, 'years.xlsx');
    const r = keytask(['generate', '--years', '2023-2025', '--counties', '新密市\uFF0C登封市\u3001荥阳市', '-o', out]);
    expect(r.code).toBe(0);
    const read = await readXlsx(out);
    expect(read.sheets[0].grid[4]).toEqual(expect.arrayContaining(['2023年', '2024年', '2025年']));
    expect(read.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['新密市', '登封市', '荥阳市']));
  });

  it('writes the sample plan with --sample', async () => {
    const out = join(dir, 'sample.xlsx');
    const r = keytask(['generate', '--sample', '--counties', '新密市', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/tasks: 54/);
    expect(r.stdout).toMatch(/2023–2025/);
    const grid = (await readXlsx(out)).sheets[0].grid;
    expect(grid[0][0]).toContain('商丘市');
    expect(grid.flat()).toContain('力争30%的传统企业转型为战略性新兴企业。');
  });

  it('writes English sheets with --lang en', async () => {
    const out = join(dir, 'en.xlsx');
    expect(keytask(['generate', '--lang', 'en', '--years', '2024', '-o', out]).code).toBe(0);
    expect((await readXlsx(out)).sheets[0].name).toBe('Key tasks');
  });

  it('says when a county could not take its own name', () => {
    const r = keytask(['generate', '--counties', '新密市,单位名录', '-o', join(dir, 'clash.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('used "单位名录 (2)"');
  });

  it('refuses to overwrite a file without --force', () => {
    const out = join(dir, 'exists.xlsx');
    writeFileSync(out, 'mine');
    const r = keytask(['generate', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already exists.*--force/);
    expect(keytask(['generate', '-o', out], { lang: 'zh_CN.UTF-8' }).stderr).toContain('文件已存在');
    // not a workbook: --force has nothing to keep and refuses; --replace writes over it
    expect(keytask(['generate', '-o', out, '--force']).code).toBe(2);
    expect(keytask(['generate', '-o', out, '--replace']).code).toBe(0);
  });

  it('needs -o', () => {
    const r = keytask(['generate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/-o/);
  });

  it.each([
    ['not JSON', '{"name": ', /not valid JSON/],
    [
      'the wrong shape',
      JSON.stringify({ startYear: 2023, endYear: 2025, tasks: [{ id: '1', text: 'x', kind: 'often' }] }),
      /tasks\[0\]\.kind: expected cumulative/,
    ],
    ['a bad period', JSON.stringify({ startYear: 2025, endYear: 2023, tasks: [] }), /endYear/],
    ['an array', '[]', /\(root\)/],
  ])('reports a plan that is %s, exit 2, no stack trace', (_what, content, message) => {
    const file = join(dir, `plan-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, content);
    const r = keytask(['generate', '--plan', file, '-o', join(dir, 'never.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK);
    expect(existsSync(join(dir, 'never.xlsx'))).toBe(false);
  });

  it('reports a missing plan file, a bad --years and a bad --lang', () => {
    const out = join(dir, 'never.xlsx');
    const missing = keytask(['generate', '--plan', join(dir, 'nope.json'), '-o', out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/not found/);
    expect(keytask(['generate', '--years', '23-25', '-o', out]).stderr).toMatch(/2023-2025/);
    expect(keytask(['generate', '--lang', 'fr', '-o', out]).code).toBe(2);
    expect(keytask(['generate', '--sample', '--plan', join(dir, 'x.json'), '-o', out]).code).toBe(2);
  });

  it('accepts a plan file', async () => {
    const file = join(dir, 'plan.json');
    const plan = {
      name: '测试计划',
      startYear: 2024,
      endYear: 2025,
      sections: [{ id: '(一)', title: '第一部分' }],
      tasks: [
        {
          id: 1,
          section: '(一)',
          text: '=不是公式',
          kind: 'annual',
          target: { value: 5, unit: '家' },
          deadline: null,
          milestones: [{ year: 2024, value: 2, unit: '家' }],
          lead: ['市财政局'],
          cooperating: [],
        },
      ],
      units: ['市财政局'],
    };
    writeFileSync(file, JSON.stringify(plan));
    const out = join(dir, 'plan.xlsx');
    const r = keytask(['generate', '--plan', file, '--counties', '新密市', '-o', out]);
    expect(r.code).toBe(0);
    const grid = (await readXlsx(out)).sheets[0].grid;
    expect(grid.flat()).toContain('=不是公式');
  });
});

describe('keytask demo', () => {
  it('writes the demo workbook and the empty template', async () => {
    const dir = tempDir('keytask-demo-');
    const r = keytask(['demo', '-o', join(dir, 'demo')]);
    expect(r.code).toBe(0);
    const demo = join(dir, 'demo', 'keytask-demo.xlsx');
    const empty = join(dir, 'demo', 'keytask-empty.xlsx');
    expect(r.stdout).toContain(demo);
    expect(r.stdout).toContain(empty);
    const read = await readXlsx(demo);
    expect(read.sheets.map((s) => s.name)).toEqual(['重点任务清单', '新密市', '登封市', '荥阳市', '单位名录', 'keytask']);
    expect((await readXlsx(empty)).sheets.map((s) => s.name)).toEqual(['重点任务清单', '单位名录', 'keytask']);
    // Run again: a demo overwrites its own files.
    expect(keytask(['demo', '-o', join(dir, 'demo')]).code).toBe(0);
  });

  it('defaults to out/demo under the current folder', () => {
    const cwd = tempDir('keytask-demo-cwd-');
    expect(keytask(['demo'], { cwd }).code).toBe(0);
    expect(existsSync(join(cwd, 'out', 'demo', 'keytask-demo.xlsx'))).toBe(true);
  });
});
