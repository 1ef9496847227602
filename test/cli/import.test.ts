/**
 * `keytask import`, run as a user runs it (`node bin/keytask.js import …`) on the seed documents
 * and on files in the other forms users bring: GB18030 text, UTF-8 with a BOM, .docx.
 */
import { existsSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { readXlsx } from '../../src/hosts/xlsx/readWorkbook';
import { encodeGb18030, smallPlanDocx } from '../core/import/support';
import { SEEDS_DIR } from '../support/seeds';
import { tempDir } from '../xlsx/support';
import { STACK, buildIfStale, keytask } from '../support/cli';

const seed = (prefix: string) =>
  join(
    SEEDS_DIR,
    readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix))!,
  );

interface JsonTask {
  id: string;
  section: string | null;
  text: string;
  target: { value: number; unit: string | null } | null;
  deadline: string | null;
  milestones: Array<{ year: number; value: number | null; unit: string | null; kind: string | null }>;
  lead: string[];
  cooperating: string[];
  findings: Array<{ code: string; severity: string; sheet: string; cell: string | null; taskId: string | null; message: string }>;
}

beforeAll(buildIfStale, 120_000);

describe('keytask import', () => {
  const dir = tempDir('keytask-import-');

  it('prints seed 001 as JSON: tasks with their findings, and the unit directory', () => {
    const r = keytask(['import', seed('001')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { tasks: JsonTask[]; units: string[] };
    expect(json.tasks).toHaveLength(54);
    const t10 = json.tasks.find((t) => t.id === '10')!;
    expect(t10).toMatchObject({
      section: '(二)',
      target: { value: 1.6, unit: '万家' },
      deadline: '2025年',
      lead: ['市工业和信息化局'],
      cooperating: ['市通信发展管理办公室'],
    });
    expect(t10.milestones[0]).toEqual({ year: 2023, value: 1.14, unit: '万家', kind: 'cumulative' });
    expect(json.tasks.find((t) => t.id === '1')!.milestones).toEqual([{ year: 2025, value: null, unit: null, kind: null }]);
    const f = json.tasks.find((t) => t.id === '2')!.findings[0];
    expect(f).toMatchObject({
      code: 'import-unit-unclear',
      severity: 'warning',
      sheet: '001_08f123eac1e0f3ab.txt',
      cell: null,
      taskId: '2',
    });
    expect(f.message).toMatch(/市发展改革委员/);
    expect(json.units).toHaveLength(29);
  });

  it('prints a table, findings in the operator’s language', () => {
    const r = keytask(['import', seed('000'), '--format', 'table'], { lang: 'zh_CN.UTF-8' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(一)坚持目标导向,稳定工业运行');
    expect(r.stdout).toContain('28. 培育创新引领型企业');
    expect(r.stdout).toMatch(/目标: 30家\s+完成时限: 2020年/);
    expect(r.stdout).toContain('按惯例以列第一位的“市科工信局”为牵头单位');
    expect(r.stdout).toMatch(/单位名录 \(30\)/);
  });

  it('writes the template from the imported plan, and will not overwrite it without --force', async () => {
    const out = join(dir, 'seed004.xlsx');
    const r = keytask(['import', seed('004'), '-o', out, '--counties', '婺城区,金东区']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/tasks: 19/);
    expect(r.stdout).toMatch(/2021–2023/);
    const read = await readXlsx(out);
    expect(read.sheets.map((s) => s.name)).toEqual(['重点任务清单', '婺城区', '金东区', '单位名录', 'keytask']);
    const cells = read.sheets[0].grid.flat();
    expect(cells).toContain('抓企業整治');
    expect(read.sheets[3].grid.flat()).toContain('各縣〔市、區〕政府');

    const again = keytask(['import', seed('004'), '-o', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists.*--force/);
    const forced = keytask(['import', seed('004'), '-o', out, '--force', '--format', 'json']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout).tasks).toHaveLength(19);
    expect(forced.stderr).toMatch(/tasks: 19/); // the summary moves aside for the JSON
  });

  it('writes a template from seed 000 that passes its own unit check: 各乡镇政府、街道办事处 is one unit', () => {
    const out = join(dir, 'seed000.xlsx');
    expect(keytask(['import', seed('000'), '-o', out, '--counties', '新密市']).stdout).toMatch(/tasks: 39/);
    const r = keytask(['validate', out, '--format', 'json']);
    expect(r.stderr).toBe('');
    const findings = (JSON.parse(r.stdout) as { findings: Array<{ code: string; sheet: string; message: string }> }).findings;
    expect(findings.filter((f) => f.code === 'unit-unknown').map((f) => `${f.sheet}: ${f.message}`)).toEqual([]);
    const table = keytask(['validate', out], { lang: 'zh_CN.UTF-8' });
    expect(table.stdout).not.toMatch(/不在单位名录中/);
  });

  it('exits 1 when the import found errors (seed 002 names no lead unit), 0 with only warnings', () => {
    const r = keytask(['import', seed('002')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const tasks = (JSON.parse(r.stdout) as { tasks: JsonTask[] }).tasks;
    expect(tasks.flatMap((t) => t.findings).filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
    expect(keytask(['import', seed('002'), '--format', 'table']).code).toBe(1);
    expect(keytask(['import', seed('004')]).code).toBe(0);
  });

  it('with -o, writes the template and still says what it found, in the operator’s language', () => {
    const zh = keytask(['import', seed('002'), '-o', join(dir, 'seed002.xlsx')], { lang: 'zh_CN.UTF-8' });
    expect(zh.code).toBe(1);
    expect(zh.stderr).toBe('');
    expect(existsSync(join(dir, 'seed002.xlsx'))).toBe(true);
    expect(zh.stdout).toMatch(/已生成 .*seed002\.xlsx/);
    expect(zh.stdout).toMatch(/审核意见: 共 \d+ 条:错误 10,警告 \d+,提示 0/);
    expect(zh.stdout).toMatch(/^ {2}错误 {2}任务 \(一\) {2}任务没有牵头单位$/m);
    expect(zh.stdout).toMatch(/^ {2}警告 {2}任务 \S+ {2}\S+/m);

    // JSON on stdout stays machine-readable; the findings go to stderr with the summary.
    const json = keytask(['import', seed('002'), '-o', join(dir, 'seed002.xlsx'), '--force', '--format', 'json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).tasks).toHaveLength(10);
    expect(json.stderr).toMatch(/findings: \d+ findings \(errors: 10, warnings: \d+, notes: 0\)/);
    expect(json.stderr).toMatch(/^ {2}Error +task \(一\) {2}The task has no lead unit$/m);

    // Only warnings: exit 0, each warning listed, the notes counted and pointed to.
    const warn = keytask(['import', seed('001'), '-o', join(dir, 'seed001.xlsx')]);
    expect(warn.code).toBe(0);
    expect(warn.stdout).toMatch(/^ {2}Warning +task 2 {2}.*市发展改革委员/m);
    const notes = keytask(['import', seed('000'), '-o', join(dir, 'seed000-notes.xlsx')]);
    expect(notes.stdout).toMatch(/notes: 39\)/);
    expect(notes.stdout).not.toMatch(/^ {2}Info/m);
    expect(notes.stdout).toMatch(/39 notes not listed.*--format table/);
  });

  it('reads GB18030 text and UTF-8 with a BOM', () => {
    const plan =
      '新密市2020年制造业高质量发展实施方案\r\n三、重点任务\r\n1.强化目标跟踪管理。\r\n责任单位:市科工信局,各乡镇政府、街道办事处\r\n';
    const gb = join(dir, 'gbk.txt');
    writeFileSync(gb, encodeGb18030(plan));
    const bom = join(dir, 'bom.txt');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(plan, 'utf8')]));
    for (const file of [gb, bom]) {
      const r = keytask(['import', file]);
      expect(r.code).toBe(0);
      const t = (JSON.parse(r.stdout) as { tasks: JsonTask[] }).tasks;
      expect(t.map((x) => [x.id, x.text, x.lead, x.cooperating])).toEqual([
        ['1', '强化目标跟踪管理', ['市科工信局'], ['各乡镇政府、街道办事处']],
      ]);
    }
  });

  it('reads a .docx holding the task table', async () => {
    const file = join(dir, 'plan.docx');
    writeFileSync(file, await smallPlanDocx());
    const r = keytask(['import', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { tasks: JsonTask[]; units: string[] };
    expect(json.tasks.map((t) => [t.id, t.target, t.lead])).toEqual([
      ['1', { value: 30, unit: '家' }, ['市科技局']],
      ['2', null, ['市工业和信息化局']],
    ]);
  });

  it.each([
    ['a text that is not a plan', 'notes.txt', () => Buffer.from('Shopping list\nmilk\neggs\n'), /does not look like a plan/],
    ['an empty file', 'empty.txt', () => Buffer.alloc(0), /does not look like a plan/],
    [
      'a notice with chapters and no task',
      'notice.txt',
      () => Buffer.from('关于民生实事考核的通知\n一、细化量化,压实工作责任。各地要细化目标任务。\n二、精心组织。牵头单位要加强统筹。\n'),
      /holds no task list/,
    ],
    ['a broken .docx', 'broken.docx', () => Buffer.from('PK\u0003\u0004 not really'), /is incomplete \(the file is cut short/],
    ['an old .doc', 'old.doc', () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), /old Word/],
  ])('refuses %s with exit 2 and no stack trace', (_what, name, content, message) => {
    const file = join(dir, name);
    writeFileSync(file, content());
    const r = keytask(['import', file, '-o', join(dir, 'never.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK);
    expect(existsSync(join(dir, 'never.xlsx'))).toBe(false);
  });

  it('reports a missing file, a bad --format, --lang or --years with exit 2', () => {
    expect(keytask(['import', join(dir, 'nope.txt')]).stderr).toMatch(/file not found/);
    expect(keytask(['import', seed('001'), '--format', 'csv']).code).toBe(2);
    expect(keytask(['import', seed('001'), '--lang', 'fr']).code).toBe(2);
    expect(keytask(['import', seed('001'), '--years', '23-25']).code).toBe(2);
    expect(keytask(['import']).code).toBe(2);
  });
});
