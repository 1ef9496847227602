/**
 * The roll-up as one operation, the way both hosts call it: the open workbook's sheets (the
 * pane) or files (the CLI) in; the result, the sheets to write and the report out.
 */
import * as reader from '../../../src/core/layout/reader';
import { type RollupInput, type WorkbookSheets, rollupOperation } from '../../../src/core/operations/rollup';
import type { SourceFile } from '../../../src/core/rollup/sources';
import type { Grid } from '../../../src/core/sheet/grid';
import { type CellValue, type WorkbookSpec, isFormula } from '../../../src/core/sheet/spec';
import { COUNTIES, cityWorkbook, countyCopy, filledGrids, gridOf, plainCopy, withValues } from '../../cli/rollupFixtures';

const CITY = '重点任务清单';

/** A workbook as a host reads it: each sheet's values (formulas as blanks) and the names. */
function fileOf(name: string, spec: WorkbookSpec): SourceFile {
  return {
    name,
    grids: spec.sheets.map((s) => ({ name: s.name, state: s.visibility, grid: gridOf(spec, s.name) })),
    names: spec.names,
  };
}

function setup() {
  const spec = cityWorkbook();
  const filled = filledGrids(spec);
  const files = {
    city: fileOf('city.xlsx', spec),
    xinmi: fileOf('新密市.xlsx', countyCopy(spec, '新密市', filled['新密市'])),
    whole: fileOf('登封市.xlsx', {
      ...spec,
      sheets: spec.sheets.map((s) => (s.name === '登封市' ? withValues(s, filled['登封市']) : s)),
    }),
    plain: fileOf('荥阳市-报送.xlsx', plainCopy(spec, '荥阳市', filled['荥阳市'])),
  };
  /** The city's own workbook open in Excel, with the county copies as `grids` has them. */
  const workbook = (grids: Record<string, Grid>, picked?: string[]): WorkbookSheets => {
    const sheets = picked ?? COUNTIES;
    return {
      city: { sheet: CITY, grid: gridOf(spec, CITY) },
      units: gridOf(spec, '单位名录'),
      counties: COUNTIES,
      countySheets: sheets.filter((c) => COUNTIES.includes(c)).map((c) => ({ sheet: c, county: c, grid: grids[c] ?? gridOf(spec, c) })),
      picked: picked !== undefined,
      missing: sheets.filter((c) => !COUNTIES.includes(c)),
    };
  };
  return { spec, filled, files, workbook };
}

const codes = (findings: Array<{ code: string; params: Record<string, unknown> }>, code: string): unknown[] =>
  findings.filter((f) => f.code === code).map((f) => f.params.county ?? f.params.source);

const formulas = (values: CellValue[][]): string[] => values.flatMap((r) => r.flatMap((v) => (isFormula(v) ? [v.formula] : [])));

describe('rollupOperation: which list is the city’s', () => {
  it('takes the open workbook’s city list over any file’s', () => {
    const { files, workbook, filled } = setup();
    const op = rollupOperation({ workbook: workbook({ 新密市: filled['新密市'] }), files: [files.city, files.plain] }, { lang: 'zh' });
    expect(op.status).toBe('done');
    expect(op.result!.findings.find((f) => f.code === 'county-missing')!.sheet).toBe(CITY);
    // The city workbook given as a file is the same list: its blank copies are no submissions.
    expect(op.result!.counties).toEqual(['新密市', '荥阳市']);
  });

  it('on files alone, takes the first file, or the one named as the city', () => {
    const { files } = setup();
    const first = rollupOperation({ files: [files.city, files.xinmi] }, { lang: 'zh' });
    expect(first.result!.findings.find((f) => f.code === 'county-missing')!.sheet).toBe(`city.xlsx!${CITY}`);
    const named = rollupOperation({ files: [files.xinmi, files.city] }, { lang: 'zh', cityFile: 'city.xlsx' });
    expect(named.result!.counties).toEqual(['新密市']);
    expect(named.result!.findings.find((f) => f.code === 'county-missing')!.sheet).toBe(`city.xlsx!${CITY}`);
  });

  it('says so when there is no city list, and does nothing else', () => {
    const { files } = setup();
    const op = rollupOperation({ files: [files.xinmi, files.city], unreadable: [{ name: 'x.xlsx', reason: 'notXlsx' }] }, { lang: 'zh' });
    expect(op).toMatchObject({ status: 'no-city', result: null, workbook: null });
    expect(op.report.findings.map((f) => f.code)).toEqual(['submission-unreadable']);
    expect(op.report.unreadable).toBe(1);
  });
});

describe('rollupOperation: who is expected, what is a submission', () => {
  it('expects the registry’s counties unless sheets were picked; an explicit list wins', () => {
    const { workbook, filled } = setup();
    const all = rollupOperation({ workbook: workbook(filled) }, { lang: 'zh' });
    expect(codes(all.result!.findings, 'county-missing')).toEqual(['巩义市']);
    expect(all.report.counties).toEqual({ submitted: 4, expected: 5, missing: ['巩义市'] });

    const picked = rollupOperation({ workbook: workbook(filled, ['新密市', '登封市']) }, { lang: 'zh' });
    expect(codes(picked.result!.findings, 'county-missing')).toEqual([]);
    expect(picked.report.counties).toEqual({ submitted: 2, expected: 0, missing: [] });

    const named = rollupOperation({ workbook: workbook(filled, ['新密市']) }, { lang: 'zh', counties: ['新密市', '上街区'] });
    expect(codes(named.result!.findings, 'county-missing')).toEqual(['上街区']);
  });

  it('on files, expects the city file’s counties', () => {
    const { files } = setup();
    const op = rollupOperation({ files: [files.city, files.xinmi, files.whole] }, { lang: 'zh' });
    expect(op.result!.counties).toEqual(['新密市', '登封市']);
    expect(codes(op.result!.findings, 'county-missing')).toEqual(['荥阳市', '巩义市', '中牟县']);
  });

  it('counts a blank county copy only when it was picked', () => {
    const { workbook, filled } = setup();
    const unpicked = rollupOperation({ workbook: workbook({ 新密市: filled['新密市'] }) }, { lang: 'zh' });
    expect(unpicked.result!.counties).toEqual(['新密市']);
    const picked = rollupOperation({ workbook: workbook({ 新密市: filled['新密市'] }, ['新密市', '巩义市']) }, { lang: 'zh' });
    expect(picked.result!.counties).toEqual(['新密市', '巩义市']);
  });

  it('with nothing to roll up, says so and still has the (empty) result', () => {
    const { workbook } = setup();
    const op = rollupOperation({ workbook: workbook({}) }, { lang: 'zh' });
    expect(op.status).toBe('no-submissions');
    expect(op.result!.findings.map((f) => f.code)).toContain('rollup-empty');
  });

  it('puts the sources’ findings first: missing sheets, unreadable files, then the roll-up’s', () => {
    const { workbook, filled, files } = setup();
    const op = rollupOperation(
      { workbook: workbook(filled, ['新密市', '不存在']), files: [files.plain], unreadable: [{ name: 'broken.xlsx', reason: 'notXlsx' }] },
      { lang: 'zh' },
    );
    const f = op.result!.findings;
    expect(f.slice(0, 2).map((x) => [x.code, x.sheet])).toEqual([
      ['submission-unreadable', '不存在'],
      ['submission-unreadable', 'broken.xlsx'],
    ]);
    expect(f.slice(2).some((x) => x.code === 'submission-unreadable')).toBe(false);
    expect(op.report.unreadable).toBe(2);
    expect(op.report.counts.total).toBe(f.length);
  });
});

describe('rollupOperation: the sheets to write', () => {
  function fileRollup(linkTarget?: (file: string) => string) {
    const { files } = setup();
    return rollupOperation(
      { files: [files.city, files.xinmi, files.whole, files.plain] },
      { lang: 'zh', findingsSheet: { date: '2024-07-01' }, ...(linkTarget ? { linkTarget } : {}) },
    );
  }

  it('links the summary and the findings sheet into the county files through linkTarget', () => {
    const op = fileRollup((file) => `../in/${file}`);
    const sheets = op.workbook!.spec.sheets;
    const summary = formulas(sheets.find((s) => s.key === 'summary')!.values);
    expect(summary.some((l) => l.startsWith(`=HYPERLINK("../in/新密市.xlsx#'新密市'!`))).toBe(true);
    expect(summary.some((l) => l.startsWith(`=HYPERLINK("../in/荥阳市-报送.xlsx#'Sheet1'!`))).toBe(true);
    expect(summary.every((l) => l.startsWith('=HYPERLINK("../in/'))).toBe(true);

    // Every findings row links into the sheet its own 工作表 column names, in that sheet's file.
    const findings = sheets.find((s) => s.key === 'findings')!;
    const rows = findings.values.slice(3).filter((r) => isFormula(r[4]));
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) {
      const where = String(r[3]);
      const bang = where.indexOf('!');
      const formula = (r[4] as { formula: string }).formula;
      if (bang < 0) expect(formula).toMatch(/^=HYPERLINK\("#/);
      else expect(formula).toContain(`"../in/${where.slice(0, bang)}#'${where.slice(bang + 1)}'!`);
    }
    // The result itself keeps the files as read: JSON and the table name them so.
    expect(op.result!.findings.filter((f) => f.sheet.includes('!')).every((f) => !f.sheet.startsWith('../'))).toBe(true);
  });

  it('without linkTarget, links name the files as read (the pane)', () => {
    const op = fileRollup();
    const summary = formulas(op.workbook!.spec.sheets.find((s) => s.key === 'summary')!.values);
    expect(summary.some((l) => l.startsWith(`=HYPERLINK("新密市.xlsx#'新密市'!`))).toBe(true);
  });

  it('builds nothing to write when the host only shows the result', () => {
    const { files } = setup();
    const op = rollupOperation({ files: [files.city, files.xinmi] }, { lang: 'zh', build: false });
    expect(op.status).toBe('done');
    expect(op.workbook).toBeNull();
  });
});

describe('rollupOperation reads each grid once', () => {
  afterEach(() => jest.restoreAllMocks());

  function reads(input: RollupInput): Map<Grid, number> {
    const spy = jest.spyOn(reader, 'readTaskSheet');
    rollupOperation(input, { lang: 'zh' });
    const n = new Map<Grid, number>();
    for (const [grid] of spy.mock.calls) n.set(grid, (n.get(grid) ?? 0) + 1);
    return n;
  }

  it('the open workbook’s county copies: whether blank, then the roll-up, one reading', () => {
    const { workbook, filled } = setup();
    const wb = workbook(filled);
    const n = reads({ workbook: wb });
    for (const s of wb.countySheets) expect([s.sheet, n.get(s.grid)]).toEqual([s.sheet, 1]);
    expect(n.get(wb.city!.grid)).toBe(1);
  });

  it('files: the city list, county copies of a whole workbook and plain sheets, one reading each', () => {
    const { files } = setup();
    const n = reads({ files: [files.city, files.xinmi, files.whole, files.plain] });
    const grid = (f: SourceFile, sheet: string): Grid => f.grids.find((s) => s.name === sheet)!.grid;
    expect(n.get(grid(files.city, CITY))).toBe(1);
    expect(n.get(grid(files.xinmi, '新密市'))).toBe(1);
    expect(n.get(grid(files.whole, '登封市'))).toBe(1);
    expect(n.get(grid(files.plain, 'Sheet1'))).toBe(1);
    expect(Math.max(...n.values())).toBe(1);
  });
});
