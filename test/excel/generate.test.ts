/** Generation through the Excel host, against the fake Excel. */
import { CITY_SHEET_NAME, type GenerateOptions, type NameConflict, generateWorkbook } from '../../src/core/generate/generate';
import { readTaskSheet } from '../../src/core/layout/reader';
import { UNITS_NAME } from '../../src/core/layout/taskSheet';
import { type Plan, emptyPlan } from '../../src/core/model';
import { REGISTRY_SHEET } from '../../src/core/sheet/registry';
import { type CellValue, type SheetSpec, type WorkbookSpec, isFormula, parseRange } from '../../src/core/sheet/spec';
import { MAX_CELL_TEXT, TRUNCATED_MARK } from '../../src/core/sheet/excelLimits';
import { generateInExcel } from '../../src/hosts/excel/generate';
import { PAYLOAD_BUDGET } from '../../src/hosts/excel/batching';
import { type RenderResult, TEMPLATE_SHEET, renderSpec } from '../../src/hosts/excel/renderSpec';
import { type FakeExcel, type FakeSheet, commentsOf, createFakeExcel, notesOf } from '../support/fakeExcel';
import { samplePlan } from '../core/sample';

const COUNTIES_20 = [
  '梁园区',
  '睢阳区',
  '永城市',
  '夏邑县',
  '虞城县',
  '柘城县',
  '宁陵县',
  '睢县',
  '民权县',
  '示范区',
  ...Array.from({ length: 10 }, (_, i) => `测试县${i + 1}`),
];

/** Fresh workbook: read once, write once. */
const FRESH_SYNCS = 2;
/** Re-generation: read names and registry, read the sheets to keep, write. */
const REGENERATE_SYNCS = 3;

const yes = async (): Promise<boolean> => true;
const never = async (): Promise<boolean> => {
  throw new Error('no conflict expected');
};

function opts(counties: string[]): GenerateOptions {
  return { counties, lang: 'zh' };
}

/** What Excel keeps for a spec value (formulas as formulas, empty as ''). */
function stored(v: CellValue): string | number | boolean {
  if (v === null) return '';
  return isFormula(v) ? v.formula : v;
}

function expectSheetMatches(sheet: FakeSheet, spec: SheetSpec): void {
  const mismatches: string[] = [];
  spec.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const got = sheet.formula(r, c);
      if (got !== stored(v)) mismatches.push(`${spec.name}!R${r + 1}C${c + 1}: ${JSON.stringify(got)} ≠ ${JSON.stringify(stored(v))}`);
    }),
  );
  expect(mismatches.slice(0, 10)).toEqual([]);
}

/** Everything the fake holds for a sheet, in a form `toEqual` compares (its id aside). */
function sheetState(s: FakeSheet): Record<string, unknown> {
  return {
    cells: [...s.cells.entries()].sort((a, b) => a[0] - b[0]),
    merges: s.merges,
    validations: s.validations,
    conditionalFormats: s.conditionalFormats,
    freeze: s.freeze,
    pageLayout: s.pageLayout,
    columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
    rowHeights: [...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
    visibility: s.visibility,
    tabColor: s.tabColor,
  };
}

function sheetGrid(fake: FakeExcel, name: string): CellValue[][] {
  return fake.workbook.valuesOf(name).map((r) => r.map((v) => (v === '' ? null : v)));
}

/** Types into the cell of a task's column, as a clerk would. */
function typeInto(fake: FakeExcel, sheet: string, taskId: string, column: 'actual' | 'progress' | 'target', value: unknown): void {
  const read = readTaskSheet(sheetGrid(fake, sheet))!;
  const row = read.rows.find((r) => r.type === 'task' && r.id === taskId)!;
  const col = read.columns[column]!;
  const address = `${String.fromCharCode(65 + col)}${row.row + 1}`;
  fake.workbook.type(sheet, address, [[value]]);
}

function taskValue(fake: FakeExcel, sheet: string, taskId: string, column: 'actual' | 'progress' | 'target'): CellValue | undefined {
  const read = readTaskSheet(sheetGrid(fake, sheet))!;
  const row = read.rows.find((r) => r.type === 'task' && r.id === taskId);
  return row?.type === 'task' ? row.values[column] : undefined;
}

/** Renders `spec` into a fresh workbook with ExcelApi 1.9's features. */
function renderFresh(fake: FakeExcel, spec: WorkbookSpec, copySheets: boolean): Promise<RenderResult> {
  return fake.api.run((ctx) =>
    renderSpec(ctx, spec, { updatable: [], existingSheets: ['Sheet1'], existingNames: [], pageLayout: true, rangeAreas: true, copySheets }),
  );
}

describe('generating in Excel', () => {
  const plan = samplePlan();

  it(`writes the city sheet, 20 county copies, the directory and the registry in ${FRESH_SYNCS} syncs`, async () => {
    const fake = createFakeExcel();
    const result = await generateInExcel(fake.api, plan, opts(COUNTIES_20), never);
    expect(result.cancelled).toBe(false);
    expect(fake.syncCount).toBe(FRESH_SYNCS);
    // the write is one request, comfortably under Excel on the web's 5 MB
    expect(fake.requests[1].bytes).toBeLessThan(PAYLOAD_BUDGET);

    const { spec } = generateWorkbook(plan, opts(COUNTIES_20));
    const wb = fake.workbook;
    expect(wb.sheetNames()).toEqual(['Sheet1', CITY_SHEET_NAME.zh, ...COUNTIES_20, '单位名录', REGISTRY_SHEET]);
    expect(wb.sheet(REGISTRY_SHEET)!.visibility).toBe('VeryHidden');
    expect(result.activated).toBe(CITY_SHEET_NAME.zh);
    expect(wb.activeSheetId).toBe(wb.sheet(CITY_SHEET_NAME.zh)!.id);
    expect(fake.selection).toEqual({ sheet: CITY_SHEET_NAME.zh, address: 'A1' });

    const names = wb.names.map((n) => [n.name, wb.nameFormula(n)]);
    expect(names).toContainEqual(['KT_S_1', `=${CITY_SHEET_NAME.zh}!$A$1`]);
    expect(names).toContainEqual(['KT_S_2', `=${COUNTIES_20[0]}!$A$1`]);
    expect(names.filter(([n]) => n.startsWith('KT_S_'))).toHaveLength(22);
    expect(names).toContainEqual([UNITS_NAME, '=单位名录!$A$2:$A$501']);

    for (const s of spec.sheets) expectSheetMatches(wb.sheet(s.name)!, s);

    const city = wb.sheet(CITY_SHEET_NAME.zh)!;
    const citySpec = spec.sheets[0];
    expect(city.freeze).toEqual(citySpec.freeze);
    expect(city.merges).toHaveLength(citySpec.merges.length);
    expect(city.validations).toHaveLength(citySpec.validations.length);
    // the 完成率 data bar is one of Excel's conditional formats too
    expect(city.conditionalFormats).toHaveLength(citySpec.conditionalFormats.length + (citySpec.dataBars?.length ?? 0));
    expect(city.conditionalFormats.filter((f) => f.type === 'DataBar')[0]?.dataBar).toMatchObject({
      fillColor: '#5B9BD5',
      upper: { type: 'Number', formula: '1' },
    });
    expect(city.validations.some((v) => v.rule.list?.source === `=${UNITS_NAME}`)).toBe(true);
    expect(city.validations.some((v) => v.rule.decimal?.operator === 'Between')).toBe(true);
    expect(city.pageLayout).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      printTitleRows: '$4:$5',
      printArea: citySpec.print!.area,
      // at a scale that keeps 10-pt text at 9 pt, the key columns repeated on each page width
      zoom: { scale: citySpec.print!.scale },
      printTitleColumns: citySpec.print!.titleColumns,
      printOrder: 'OverThenDown',
    });
    expect(city.tabColor).toBe('#2F5597');
    // ids are text, not numbers, because the id column is formatted as text before values go in
    expect(typeof city.value(5 + 1, 0)).toBe('string');
    const idFormat = city.numberFormat(6, 0);
    expect(idFormat).toBe('@');
    // a header cell with its style, border and width
    const header = city.cell(3, 2)!;
    expect(header.style).toMatchObject({
      'font.bold': true,
      'fill.color': '#D9E1F2',
      'border.top': 'Continuous',
      'border.bottom': 'Continuous',
    });
    expect(city.columnWidths.get(2)).toBeGreaterThan(city.columnWidths.get(0)!);
  });

  it('takes the same number of syncs for 1 county, 20 counties and an empty plan', async () => {
    const counts: number[] = [];
    for (const [p, counties] of [
      [plan, ['新密市']],
      [plan, COUNTIES_20],
      [emptyPlan(2023, 2025), COUNTIES_20],
      [emptyPlan(2023, 2025), []],
    ] as Array<[Plan, string[]]>) {
      const fake = createFakeExcel();
      await generateInExcel(fake.api, p, opts(counties), never);
      counts.push(fake.syncCount);
    }
    expect(counts).toEqual([FRESH_SYNCS, FRESH_SYNCS, FRESH_SYNCS, FRESH_SYNCS]);
  });

  it('writes strings that look like formulas as text', async () => {
    const tricky = samplePlan();
    tricky.name = '=1+1';
    tricky.tasks[0].text = '=HYPERLINK("x")';
    tricky.tasks[1].deadline = '-2025年';
    tricky.tasks[2].indicator = "'quoted";
    const fake = createFakeExcel();
    await generateInExcel(fake.api, tricky, opts(['新密市']), never);
    const city = fake.workbook.sheet(CITY_SHEET_NAME.zh)!;
    const formulas = [...city.cells.values()].filter((c) => c.formula !== undefined && !c.formula.startsWith('=IF('));
    expect(formulas).toEqual([]);
    const { spec } = generateWorkbook(tricky, opts(['新密市']));
    expectSheetMatches(city, spec.sheets[0]);
  });

  it('keeps what clerks typed on re-generation, and updates a renamed sheet in place', async () => {
    const fake = createFakeExcel();
    const counties = ['新密市', '登封市'];
    await generateInExcel(fake.api, plan, opts(counties), never);
    const measured = plan.tasks.find((t) => t.kind !== 'qualitative' && t.target)!;

    typeInto(fake, '新密市', measured.id, 'actual', 12.5);
    typeInto(fake, '新密市', measured.id, 'progress', '已完成一期工程');
    typeInto(fake, '新密市', measured.id, 'target', 30);
    typeInto(fake, '登封市', measured.id, 'progress', '=进展良好');
    const dengfengId = fake.workbook.sheet('登封市')!.id;
    await fake.api.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('登封市').name = '登封(本市)';
      await ctx.sync();
    });
    const before = fake.workbook.sheetNames();
    fake.resetCounts();

    const again = await generateInExcel(fake.api, plan, opts(counties), never);
    expect(fake.syncCount).toBe(REGENERATE_SYNCS);
    expect(again.conflicts).toEqual([]);
    expect(fake.workbook.sheetNames()).toEqual(before);
    expect(fake.workbook.sheet('登封(本市)')!.id).toBe(dengfengId);
    expect(again.actions.map((a) => a.action)).toEqual(['update', 'update', 'update', 'update']);

    expect(taskValue(fake, '新密市', measured.id, 'actual')).toBe(12.5);
    expect(taskValue(fake, '新密市', measured.id, 'progress')).toBe('已完成一期工程');
    expect(taskValue(fake, '新密市', measured.id, 'target')).toBe(30);
    // typed as text with a leading apostrophe in Excel: kept as text, not turned into a formula
    expect(taskValue(fake, '登封(本市)', measured.id, 'progress')).toBe('=进展良好');
    const dengfeng = fake.workbook.sheet('登封(本市)')!;
    expect([...dengfeng.cells.values()].some((c) => c.formula === '=进展良好')).toBe(false);
    // the city sheet takes targets from the plan; nothing is left over from the first run
    const registryName = fake.workbook.names.find((n) => fake.workbook.nameFormula(n).includes('登封'))!;
    expect(fake.workbook.nameFormula(registryName)).toBe("='登封(本市)'!$A$1");
    const { spec } = generateWorkbook(plan, opts(counties));
    expect(dengfeng.validations).toHaveLength(spec.sheets[2].validations.length);
    expect(dengfeng.conditionalFormats).toHaveLength(spec.sheets[2].conditionalFormats.length + (spec.sheets[2].dataBars?.length ?? 0));
    expect(dengfeng.merges).toHaveLength(spec.sheets[2].merges.length);
  });

  it('never touches a sheet of the user’s that holds the city sheet’s name', async () => {
    const fake = createFakeExcel({ sheets: [CITY_SHEET_NAME.zh] });
    const mine = [
      ['我的表', '=1+2'],
      [1, 2],
    ];
    fake.workbook.type(CITY_SHEET_NAME.zh, 'A1', mine);
    const snapshot = (): string => JSON.stringify([...fake.workbook.sheet(CITY_SHEET_NAME.zh)!.cells.entries()]);
    const untouched = snapshot();

    let asked: NameConflict[] = [];
    const refused = await generateInExcel(fake.api, plan, opts(['新密市']), async (c) => {
      asked = c;
      return false;
    });
    expect(asked).toEqual([{ key: 'city', wanted: CITY_SHEET_NAME.zh, used: `${CITY_SHEET_NAME.zh} (2)` }]);
    expect(refused.cancelled).toBe(true);
    expect(fake.syncCount).toBe(1);
    expect(fake.workbook.sheetNames()).toEqual([CITY_SHEET_NAME.zh]);
    expect(fake.workbook.names).toEqual([]);

    const accepted = await generateInExcel(fake.api, plan, opts(['新密市']), yes);
    expect(accepted.cancelled).toBe(false);
    expect(accepted.activated).toBe(`${CITY_SHEET_NAME.zh} (2)`);
    expect(snapshot()).toBe(untouched);
    expect(fake.workbook.sheetNames()).toEqual([CITY_SHEET_NAME.zh, `${CITY_SHEET_NAME.zh} (2)`, '新密市', '单位名录', REGISTRY_SHEET]);
  });

  it('refuses to render over a sheet keytask did not make', async () => {
    const fake = createFakeExcel();
    const { spec } = generateWorkbook(plan, opts([]));
    await expect(
      fake.api.run((ctx) =>
        renderSpec(ctx, spec, { updatable: [], existingSheets: ['Sheet1', CITY_SHEET_NAME.zh], existingNames: [], pageLayout: true }),
      ),
    ).rejects.toThrow(/will not write/);
    expect(fake.syncCount).toBe(0);
  });

  it('still generates on ExcelApi 1.8, without page layout', async () => {
    const fake = createFakeExcel({ apiVersion: '1.8' });
    await generateInExcel(fake.api, plan, opts(['新密市']), never);
    expect(fake.syncCount).toBe(FRESH_SYNCS);
    const city = fake.workbook.sheet(CITY_SHEET_NAME.zh)!;
    expect(city.pageLayout.printArea).toBeNull();
    expect(city.validations.length).toBeGreaterThan(0);
    expect(city.freeze.rows).toBe(5);
  });

  it('splits the write into more requests only when the data outgrows the budget', async () => {
    const budget = 300_000;
    const fake = createFakeExcel({ payloadLimit: 400_000 });
    const { spec } = generateWorkbook(plan, opts(COUNTIES_20));
    // every sheet written in full, so the data is what outgrows the budget
    const result = await fake.api.run((ctx) =>
      renderSpec(ctx, spec, {
        updatable: [],
        existingSheets: ['Sheet1'],
        existingNames: [],
        pageLayout: true,
        budgetBytes: budget,
        rangeAreas: true,
        copySheets: false,
      }),
    );
    expect(result.syncs).toBeGreaterThan(1);
    expect(fake.syncCount).toBe(result.syncs);
    for (const r of fake.requests) expect(r.bytes).toBeLessThan(400_000);
    for (const s of spec.sheets) expectSheetMatches(fake.workbook.sheet(s.name)!, s);
    // every estimate covers what was actually sent
    result.requestBytes.forEach((estimate, i) => expect(estimate).toBeGreaterThanOrEqual(fake.requests[i].bytes));
  });

  it('splits a write Excel refused for its size and sends it again, until every part fits', async () => {
    const limit = 400_000;
    const fake = createFakeExcel({ payloadLimit: limit });
    const { spec } = generateWorkbook(plan, opts(COUNTIES_20));
    // the estimate allows 4 MB a request; this Excel takes 400 KB
    const result = await renderFresh(fake, spec, false);
    expect(fake.requests.some((r) => r.bytes > limit)).toBe(true);
    expect(result.syncs).toBe(fake.syncCount);
    for (const s of spec.sheets) expectSheetMatches(fake.workbook.sheet(s.name)!, s);
    expect(fake.workbook.sheetNames()).toEqual(['Sheet1', ...spec.sheets.map((s) => s.name)]);
  });

  it('makes each county sheet as a copy of the first: the same workbook as writing every sheet in full', async () => {
    const render = async (copySheets: boolean): Promise<{ fake: FakeExcel; syncs: number; bytes: number }> => {
      const fake = createFakeExcel();
      const { spec } = generateWorkbook(plan, opts(COUNTIES_20));
      const r = await renderFresh(fake, spec, copySheets);
      return { fake, syncs: r.syncs, bytes: r.requestBytes.reduce((a, b) => a + b, 0) };
    };
    const copied = await render(true);
    const full = await render(false);
    expect(copied.fake.workbook.sheetNames()).toEqual(full.fake.workbook.sheetNames());
    for (const name of full.fake.workbook.sheetNames()) {
      expect({ name, ...sheetState(copied.fake.workbook.sheet(name)!) }).toEqual({ name, ...sheetState(full.fake.workbook.sheet(name)!) });
    }
    // each county's own cells differ from the first county's: its name in the title and header block
    const first = copied.fake.workbook.sheet(COUNTIES_20[0])!;
    const other = copied.fake.workbook.sheet(COUNTIES_20[5])!;
    expect(JSON.stringify(copied.fake.workbook.valuesOf(COUNTIES_20[5]))).toContain(COUNTIES_20[5]);
    expect(JSON.stringify(copied.fake.workbook.valuesOf(COUNTIES_20[5]))).not.toContain(COUNTIES_20[0]);
    expect(other.validations).toEqual(first.validations);
    expect(copied.bytes * 4).toBeLessThan(full.bytes);
    // row heights, set a run per height at a time, are the spec's
    const { spec } = generateWorkbook(plan, opts(COUNTIES_20));
    const citySpec = spec.sheets.find((s) => s.key === 'city')!;
    const city = copied.fake.workbook.sheet(citySpec.name)!;
    expect(Object.fromEntries(city.rowHeights)).toEqual(citySpec.rowHeights);
  });

  it('re-generates county sheets by pasting one layout: the same workbook as rewriting each in full, clerks’ values kept', async () => {
    const regenerate = async (full: boolean): Promise<{ fake: FakeExcel; bytes: number }> => {
      const fake = createFakeExcel({ apiVersion: '1.18' });
      await generateInExcel(fake.api, plan, opts(COUNTIES_20), never);
      const measured = plan.tasks.filter((t) => t.kind !== 'qualitative' && t.target);
      COUNTIES_20.forEach((c, i) => {
        typeInto(fake, c, measured[i % measured.length].id, 'actual', 10 + i);
        typeInto(fake, c, measured[(i + 3) % measured.length].id, 'progress', i % 2 ? '=进展良好' : `${c}进展`);
      });
      fake.resetCounts();
      await generateInExcel(fake.api, plan, opts(COUNTIES_20), never, full ? { copySheets: false, pasteRanges: false } : {});
      expect(fake.syncCount).toBe(REGENERATE_SYNCS);
      return { fake, bytes: fake.requests.reduce((n, q) => n + q.bytes, 0) };
    };
    const pasted = await regenerate(false);
    const full = await regenerate(true);
    expect(pasted.fake.workbook.sheetNames()).toEqual(full.fake.workbook.sheetNames());
    expect(pasted.fake.workbook.sheetNames().some((n) => n.startsWith(TEMPLATE_SHEET))).toBe(false);
    for (const name of full.fake.workbook.sheetNames()) {
      expect({ name, ...sheetState(pasted.fake.workbook.sheet(name)!) }).toEqual({ name, ...sheetState(full.fake.workbook.sheet(name)!) });
    }
    const measured = plan.tasks.filter((t) => t.kind !== 'qualitative' && t.target);
    expect(taskValue(pasted.fake, COUNTIES_20[7], measured[7].id, 'actual')).toBe(17);
    expect(taskValue(pasted.fake, COUNTIES_20[1], measured[4].id, 'progress')).toBe('=进展良好');
    expect(pasted.bytes * 3).toBeLessThan(full.bytes);
  });

  it('deletes a scratch template sheet an interrupted run left behind, and no other sheet', async () => {
    const fake = createFakeExcel({ apiVersion: '1.18' });
    await generateInExcel(fake.api, plan, opts(['新密市', '登封市']), never);
    fake.workbook.addSheet(TEMPLATE_SHEET);
    fake.workbook.setVisibility(fake.workbook.sheet(TEMPLATE_SHEET)!, 'VeryHidden');
    fake.workbook.addSheet(`${TEMPLATE_SHEET}9`); // visible: a user's, whatever its name
    await generateInExcel(fake.api, plan, opts(['新密市', '登封市']), never);
    expect(fake.workbook.sheetNames()).not.toContain(TEMPLATE_SHEET);
    expect(fake.workbook.sheetNames()).toContain(`${TEMPLATE_SHEET}9`);
  });

  it(`writes 200 county copies in ${FRESH_SYNCS} syncs, one request under the budget`, async () => {
    const counties = Array.from({ length: 200 }, (_, i) => `县${i + 1}`);
    const fake = createFakeExcel();
    await generateInExcel(fake.api, plan, opts(counties), never);
    expect(fake.syncCount).toBe(FRESH_SYNCS);
    expect(Math.max(...fake.requests.map((r) => r.bytes))).toBeLessThan(PAYLOAD_BUDGET);
    const { spec } = generateWorkbook(plan, opts(counties));
    for (const s of spec.sheets) expectSheetMatches(fake.workbook.sheet(s.name)!, s);
    expect(fake.workbook.sheet('县200')!.validations).toEqual(fake.workbook.sheet('县1')!.validations);
  });

  it('copies a county sheet with text that looks like a formula, and keeps it text', async () => {
    const counties = ['=SUM(A1)', '新密市', '+86', '@x'];
    const fake = createFakeExcel();
    await generateInExcel(fake.api, plan, opts(counties), never);
    const { spec } = generateWorkbook(plan, opts(counties));
    for (const s of spec.sheets) expectSheetMatches(fake.workbook.sheet(s.name)!, s);
    for (const c of counties) {
      const formulas = [...fake.workbook.sheet(c)!.cells.values()].filter((x) => x.formula !== undefined && !x.formula.startsWith('=IF('));
      expect(formulas).toEqual([]);
    }
  });

  it('keeps clerks’ text that Excel would turn into a date, number or boolean, in General and in text cells', async () => {
    const fake = createFakeExcel({ apiVersion: '1.18' });
    await generateInExcel(fake.api, plan, opts(['新密市']), never);
    const measured = plan.tasks.filter((t) => t.kind !== 'qualitative' && t.target);
    const texts = ['2023-1', '1/2', '50%', '1,000', 'TRUE', '(5)', '123456789012345678'];
    texts.forEach((t, i) => {
      // typed with Excel's text mark into the General 完成值 column, as is into the text 进展情况 column
      typeInto(fake, '新密市', measured[i].id, 'actual', `'${t}`);
      typeInto(fake, '新密市', measured[i].id, 'progress', t);
    });
    texts.forEach((t, i) => expect(taskValue(fake, '新密市', measured[i].id, 'actual')).toBe(t));
    await generateInExcel(fake.api, plan, opts(['新密市']), never);
    texts.forEach((t, i) => {
      expect(taskValue(fake, '新密市', measured[i].id, 'actual')).toBe(t);
      expect(taskValue(fake, '新密市', measured[i].id, 'progress')).toBe(t);
    });
    // no apostrophe written into a text cell, where Excel would keep it
    const cells = [...fake.workbook.sheet('新密市')!.cells.values()];
    expect(cells.filter((c) => typeof c.value === 'string' && c.value.startsWith("'"))).toEqual([]);
  });

  it('re-generates without a whole-sheet operation, keeping the notes and comments on the sheet', async () => {
    const fake = createFakeExcel({ apiVersion: '1.18' });
    await generateInExcel(fake.api, plan, opts(['新密市']), never);
    await fake.api.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('新密市');
      ws.notes.add('C7', '请核实');
      ctx.workbook.comments.add(ws.getRange('D8'), '已上报');
      await ctx.sync();
    });
    // the fake refuses what Excel on the web refuses: more than 33,554,000 cells in one operation
    await expect(
      fake.api.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('新密市').getRange().clear('Contents');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'OperationCellsExceedLimit' });
    await generateInExcel(fake.api, plan, opts(['新密市']), never);
    const sheet = fake.workbook.sheet('新密市')!;
    expect(notesOf(sheet).get('C7')).toBe('请核实');
    expect(commentsOf(fake.workbook).map((c) => [c.cell, c.content])).toEqual([['D8', '已上报']]);
    // Clear All would have taken them
    await fake.api.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('新密市').getRange('A1:Z99').clear('All');
      await ctx.sync();
    });
    expect(notesOf(sheet).size + commentsOf(fake.workbook).length).toBe(0);
  });

  it('re-generates a sheet whose kept 进展情况 would ask for a row taller than Excel allows (409 points)', async () => {
    const fake = createFakeExcel({ apiVersion: '1.18' });
    await generateInExcel(fake.api, plan, opts(['新密市']), never);
    const measured = plan.tasks.find((t) => t.kind !== 'qualitative' && t.target)!;
    const long = '已完成项目建设，'.repeat(120);
    expect(long.length).toBeGreaterThan(420);
    typeInto(fake, '新密市', measured.id, 'progress', long);
    await generateInExcel(fake.api, plan, opts(['新密市']), never);
    expect(taskValue(fake, '新密市', measured.id, 'progress')).toBe(long);
    expect(Math.max(...fake.workbook.sheet('新密市')!.rowHeights.values())).toBe(409);
  });

  it('cuts a text longer than a cell holds (32,767 characters), visibly', async () => {
    const fake = createFakeExcel();
    const { spec } = generateWorkbook(plan, opts([]));
    const city = spec.sheets[0];
    city.values[6][2] = '进展'.repeat(20000);
    await fake.api.run((ctx) => renderSpec(ctx, spec, { updatable: [], existingSheets: ['Sheet1'], existingNames: [], pageLayout: true }));
    const v = fake.workbook.sheet(city.name)!.value(6, 2) as string;
    expect(v).toHaveLength(MAX_CELL_TEXT);
    expect(v.endsWith(TRUNCATED_MARK)).toBe(true);
  });

  it('reads registry and sheet values that do not start at A1', async () => {
    const fake = createFakeExcel();
    fake.workbook.type('Sheet1', 'C3', [['x', 1]]);
    const { gridFromA1 } = await import('../../src/hosts/excel/usedRanges');
    expect(gridFromA1([['x', 1]], "'My sheet'!C3:D3")).toEqual([[], [], [null, null, 'x', 1]]);
    expect(parseRange('C3:D3').row1).toBe(2);
  });
});
