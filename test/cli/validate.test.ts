/**
 * `keytask validate`, run in-process through `main` on workbooks written by the .xlsx host:
 * a generated one filled in the way a county would, the same broken on purpose, and seed 001's
 * table pasted into a plain workbook.
 */
import { existsSync, writeFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { messages } from '../../src/cli/messages';
import { generateWorkbook } from '../../src/core/generate/generate';
import { buildUnitDirectory } from '../../src/core/layout/unitDirectory';
import type { CellValue, SheetSpec, WorkbookSpec } from '../../src/core/sheet/spec';
import { readXlsx } from '../../src/hosts/xlsx/readWorkbook';
import { toBuffer } from '../../src/hosts/xlsx/writeWorkbook';
import { seed001Grid } from '../support/seeds';
import { samplePlan, tempDir } from '../xlsx/support';

const COL = { id: 0, unit: 4, kind: 5, target: 6, y2023: 8, y2024: 9, y2025: 10, lead: 11, coop: 12 };

interface Run {
  code: number;
  out: string;
  err: string;
}

async function keytask(args: string[], lang: 'zh' | 'en' = 'en'): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'keytask', ...args], { out: (l) => out.push(l), err: (l) => err.push(l) }, messages(lang));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function rowOf(sheet: SheetSpec, id: string): CellValue[] {
  const row = sheet.values.find((r) => r[COL.id] === id);
  if (!row) throw new Error(`no task ${id} in ${sheet.name}`);
  return row;
}

/**
 * The sample plan with the two units and the lead its own text leaves out put in, and the
 * county copy filled in from the city's figures: a workbook that passes.
 */
function cleanSpec(): WorkbookSpec {
  const { spec } = generateWorkbook(samplePlan(), { counties: ['新密市'], lang: 'zh' });
  const city = spec.sheets.find((s) => s.kind === 'city')!;
  const county = spec.sheets.find((s) => s.kind === 'county')!;
  for (const sheet of [city, county]) {
    rowOf(sheet, '2')[COL.lead] = '市发展改革委';
    rowOf(sheet, '6')[COL.unit] = '家';
    rowOf(sheet, '24')[COL.unit] = '个';
    // The plan gives most measured tasks only a final target: the city sets each year's step
    // (here the target itself) so no required milestone is left blank.
    for (const row of sheet.values) {
      if (typeof row[COL.id] !== 'string' || !/^\d+$/.test(row[COL.id] as string) || row[COL.kind] === '定性') continue;
      for (const c of [COL.y2023, COL.y2024, COL.y2025]) if (row[c] === null || row[c] === '') row[c] = row[COL.target];
    }
  }
  for (const row of county.values) {
    const id = row[COL.id];
    const from = typeof id === 'string' ? city.values.find((r) => r[COL.id] === id) : undefined;
    if (!from || from === city.values[0]) continue;
    for (const c of [COL.target, COL.y2023, COL.y2024, COL.y2025]) row[c] = from[c];
  }
  return spec;
}

async function write(dir: string, name: string, spec: WorkbookSpec): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, await toBuffer(spec));
  return file;
}

function plainSheet(name: string, values: CellValue[][]): SheetSpec {
  const width = Math.max(...values.map((r) => r.length));
  return {
    key: name,
    name,
    kind: 'city',
    visibility: 'visible',
    columnWidths: [],
    values: values.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]),
    formats: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
  };
}

describe('keytask validate', () => {
  const dir = tempDir('keytask-validate-');
  let clean: string;
  let broken: string;

  beforeAll(async () => {
    clean = await write(dir, 'clean.xlsx', cleanSpec());
    const spec = cleanSpec();
    const county = spec.sheets.find((s) => s.kind === 'county')!;
    rowOf(county, '4')[COL.y2024] = 150; // below 2023's 200
    rowOf(county, '2')[COL.lead] = '市发展改革委员'; // one character too many
    rowOf(county, '22')[COL.target] = '#REF!';
    rowOf(county, '30')[COL.lead] = null;
    broken = await write(dir, '新密市.xlsx', spec);
  });

  it('passes a filled-in workbook with exit 0', async () => {
    const r = await keytask(['validate', clean]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(['Checked: 重点任务清单, 新密市', 'No problems found.'].join('\n'));
    const json = JSON.parse((await keytask(['validate', clean, '--format', 'json'])).out);
    expect(json).toEqual({ findings: [], summary: { total: 0, bySeverity: { error: 0, warning: 0, info: 0 }, byCode: {} } });
  });

  it('reports exactly what was broken, as JSON, with exit 1', async () => {
    const r = await keytask(['validate', broken, '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json).toEqual({
      findings: [
        {
          code: 'unit-unknown',
          severity: 'warning',
          sheet: '新密市',
          cell: 'L8',
          taskId: '2',
          message: '“市发展改革委员”不在单位名录中,是否应为“市发展改革委”?',
        },
        {
          code: 'milestone-decreasing',
          severity: 'error',
          sheet: '新密市',
          cell: 'J10',
          taskId: '4',
          message: '累计目标2024年为150,低于2023年的200',
        },
        {
          code: 'number-invalid',
          severity: 'error',
          sheet: '新密市',
          cell: 'G33',
          taskId: '22',
          message: '目标值应为数字,实为“#REF!”',
        },
        { code: 'lead-missing', severity: 'error', sheet: '新密市', cell: 'L43', taskId: '30', message: '任务没有牵头单位' },
      ],
      summary: {
        total: 4,
        bySeverity: { error: 3, warning: 1, info: 0 },
        byCode: { 'unit-unknown': 1, 'milestone-decreasing': 1, 'number-invalid': 1, 'lead-missing': 1 },
      },
    });
  });

  it('prints a readable table: errors first, then warnings, each with its name (never its code), then the counts', async () => {
    const r = await keytask(['validate', broken]);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines).toEqual([
      '错误  新密市!J10  序号 4   累计目标下降:累计目标2024年为150,低于2023年的200',
      '错误  新密市!G33  序号 22  数值无效:目标值应为数字,实为“#REF!”',
      '错误  新密市!L43  序号 30  缺少牵头单位:任务没有牵头单位',
      '',
      '警告  新密市!L8   序号 2   单位不在名录中:“市发展改革委员”不在单位名录中,是否应为“市发展改革委”?',
      '',
      'Checked: 重点任务清单, 新密市',
      '4 findings (errors: 3, warnings: 1, notes: 0)',
    ]);
    console.log(`keytask validate ${broken}\n${r.out}`);
  });

  it('speaks English findings with --lang en and checks one sheet with --sheet', async () => {
    const r = await keytask(['validate', broken, '--sheet', '新密市', '--lang', 'en', '--format', 'json']);
    const json = JSON.parse(r.out);
    expect(json.findings.map((f: { message: string }) => f.message)).toContain('The task has no lead unit');
    expect(new Set(json.findings.map((f: { sheet: string }) => f.sheet))).toEqual(new Set(['新密市']));
    const city = await keytask(['validate', broken, '--sheet', '重点任务清单']);
    expect(city.code).toBe(0);
  });

  it('exits 2 with a plain message for a missing file, a non-workbook, an unknown sheet or format', async () => {
    const junk = join(dir, 'junk.xlsx');
    writeFileSync(junk, 'not a workbook');
    for (const [args, message] of [
      [['validate', join(dir, 'nope.xlsx')], /cannot read .*nope\.xlsx: no such file/],
      [['validate', junk], /is not an Excel workbook \(a text file/],
      [['validate', broken, '--sheet', '登封市'], /no sheet named "登封市" \(it has: 重点任务清单, 新密市, 单位名录\)/],
      [['validate', broken, '--format', 'xml'], /unknown format "xml"/],
      [['validate', broken, '--lang', 'fr'], /unknown language "fr"/],
    ] as Array<[string[], RegExp]>) {
      const r = await keytask(args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/^\s+at /m);
    }
    expect((await keytask(['validate', broken, '--sheet', '登封市'], 'zh')).err).toContain('工作簿中没有名为“登封市”的工作表');
  });

  it('writes the findings sheet to send back, linking into the checked file', async () => {
    const out = join(dir, '新密市-审核意见.xlsx');
    const r = await keytask(['validate', broken, '--findings-sheet', out]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`Findings sheet written to ${out}`);
    const read = await readXlsx(out);
    expect(read.sheets.map((s) => s.name)).toEqual(['审核意见']);
    const grid = read.sheets[0].grid;
    expect(grid[0][0]).toMatch(/^审核意见:新密市\(\d{4}-\d{2}-\d{2}\)$/);
    expect(grid[1][0]).toBe('共4条:错误3条,警告1条,提示0条');
    // errors first, each with its kind's name and the task's text; a filter on the header row
    expect(grid.slice(3).map((row) => [row[1], row[2], row[3], row[5]])).toEqual([
      ['错误', '累计目标下降', '新密市', '4'],
      ['错误', '数值无效', '新密市', '22'],
      ['错误', '缺少牵头单位', '新密市', '30'],
      ['警告', '单位不在名录中', '新密市', '2'],
    ]);
    expect(grid.slice(3).every((row) => typeof row[6] === 'string' && row[6].length > 4)).toBe(true);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const links = [4, 5, 6, 7].map((r) => (wb.worksheets[0].getCell(`E${r}`).value as { formula: string }).formula);
    expect(wb.worksheets[0].autoFilter).toBeTruthy();
    expect(links).toEqual(['J10', 'G33', 'L43', 'L8'].map((cell) => `HYPERLINK("新密市.xlsx#'新密市'!${cell}","${cell}")`));
    // never over the file being checked
    const same = await keytask(['validate', broken, '--findings-sheet', broken]);
    expect(same.code).toBe(2);
    expect((await readXlsx(broken)).sheets.map((s) => s.name)).toContain('新密市');
  });

  it('checks seed 001 pasted into a plain workbook against its 单位名录 sheet', async () => {
    const units = samplePlan().units;
    const file = await write(dir, 'seed001.xlsx', {
      sheets: [
        plainSheet('说明', [['本表由某县填报'], ['联系人', '张三']]),
        plainSheet('重点任务清单', seed001Grid()),
        { ...buildUnitDirectory(units, 'zh'), kind: 'units' },
      ],
      names: [],
    });
    const r = await keytask(['validate', file, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { findings: Array<{ code: string; cell: string; taskId: string; sheet: string }> };
    expect(new Set(json.findings.map((f) => f.sheet))).toEqual(new Set(['重点任务清单']));
    expect(json.findings.map((f) => `${f.code}@${f.cell}#${f.taskId}`).sort()).toEqual(
      [
        'target-unit-missing@B10#6',
        'target-unit-missing@B32#24',
        'milestone-unit-mismatch@C11#7',
        'milestone-unit-mismatch@C17#12',
        'milestone-unit-mismatch@C26#19',
        'milestone-unit-mismatch@C27#20',
        'milestone-unit-mismatch@C30#22',
        'milestone-unit-mismatch@C33#25',
        'milestone-unit-mismatch@C45#34',
        'milestone-unit-mismatch@C46#35',
        'unit-unknown@D5#2',
      ].sort(),
    );
    // sorted by row: the unit slip in row 5 comes first
    expect(json.findings[0].cell).toBe('D5');
    const table = await keytask(['validate', file]);
    expect(table.out).toContain('Checked: 重点任务清单');
    expect(table.out).toMatch(/11 findings \(errors: 0, warnings: 11, notes: 0\)$/);
  });

  it('lists the sheets that are not task lists, and skips them', async () => {
    const file = join(dir, 'seed001.xlsx');
    const table = await keytask(['validate', file]);
    expect(table.out).toContain('Not task lists (skipped): 说明');
    const zh = await keytask(['validate', file], 'zh');
    expect(zh.out).toContain('不是任务清单(已跳过):说明');
  });

  it('exits 2 naming the file when nothing in the workbook is a task list: a script must not read it as a pass', async () => {
    const file = await write(dir, 'other.xlsx', { sheets: [plainSheet('Sheet1', [['hello']])], names: [] });
    const r = await keytask(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('other.xlsx');
    expect(r.err).toMatch(/holds no key-task list/);
    const zh = await keytask(['validate', file, '--format', 'json'], 'zh');
    expect(zh.code).toBe(2);
    expect(zh.out).toBe('');
    expect(zh.err).toMatch(/other\.xlsx 中没有重点任务清单/);
  });

  const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'xlsx-corpus');
  const corpusIt = existsSync(CORPUS) ? it : it.skip;

  corpusIt('takes no foreign data sheet for a task list: an order list and a model’s output exit 2, not 200 findings', async () => {
    for (const name of [
      'calamine__tests_strict_iso_paths.xlsx',
      'ClosedXML__ClosedXML.Tests_Resource_Other_PivotTableReferenceFiles_TwoPivotTablesWithSingleSource_input.xlsx',
      'ClosedXML__ClosedXML.Tests_Resource_TryToLoad_PivotTableWithMissingReference.xlsx',
    ]) {
      const r = await keytask(['validate', join(CORPUS, name)]);
      expect([name, r.code, r.out]).toEqual([name, 2, '']);
      expect(r.err).toContain(name);
    }
  });
});
