import ExcelJS from 'exceljs';
import { generateWorkbook } from '../../src/core/generate/generate';
import { type Plan, emptyPlan } from '../../src/core/model';
import { REGISTRY_SHEET } from '../../src/core/sheet/registry';
import { keytaskSheetsOf, readXlsx } from '../../src/hosts/xlsx/readWorkbook';
import { listFormula, toBuffer } from '../../src/hosts/xlsx/writeWorkbook';
import { COUNTIES, headerColumn, openWithExcelJS, sampleSpec, samplePlan, taskRow, xmlPart } from './support';

type Validation = {
  type: string;
  operator?: string;
  formulae?: unknown[];
  errorStyle?: string;
  showErrorMessage?: boolean;
  prompt?: string;
};
const validationsOf = (ws: ExcelJS.Worksheet): Record<string, Validation> =>
  (ws as unknown as { dataValidations: { model: Record<string, Validation> } }).dataValidations.model;

describe('writing the sample plan with three counties', () => {
  const spec = sampleSpec();
  let buf: Buffer;
  let wb: ExcelJS.Workbook;
  let city: ExcelJS.Worksheet;
  let county: ExcelJS.Worksheet;

  beforeAll(async () => {
    buf = await toBuffer(spec);
    wb = await openWithExcelJS(buf);
    city = wb.getWorksheet('重点任务清单')!;
    county = wb.getWorksheet('新密市')!;
  });

  it('writes every sheet, the registry very hidden', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['重点任务清单', ...COUNTIES, '单位名录', REGISTRY_SHEET]);
    expect(wb.getWorksheet(REGISTRY_SHEET)!.state).toBe('veryHidden');
    expect(city.state).toBe('visible');
  });

  it('writes the defined names exactly, quoted CJK sheet names included', async () => {
    const xml = await xmlPart(buf, 'xl/workbook.xml');
    for (const n of spec.names) {
      const ref = n.ref.replace(/'/g, '&apos;');
      expect(xml).toContain(`<definedName name="${n.name}">${ref}</definedName>`);
    }
    expect(xml).toContain('<definedName name="KT_UNITS">&apos;单位名录&apos;!$A$2:$A$501</definedName>');
    expect(xml).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;新密市&apos;!$A:$B,&apos;新密市&apos;!$4:$5</definedName>',
    );
  });

  it('resolves the registry to the right sheets', async () => {
    const sheets = keytaskSheetsOf(await readXlsx(buf));
    const byKey = Object.fromEntries(sheets.map((s) => [s.key, s]));
    expect(byKey.city.sheet).toBe('重点任务清单');
    expect(byKey.units.sheet).toBe('单位名录');
    for (const c of COUNTIES) {
      expect(byKey[`county:${c}`]).toMatchObject({ kind: 'county', county: c, sheet: c, startYear: 2023, endYear: 2025 });
    }
  });

  it('has the two header rows', () => {
    expect(city.getCell('A4').value).toBe('*序号');
    const years = ['2023年', '2024年', '2025年'];
    const first = headerColumn(city, '2023年');
    expect(years.map((_, i) => city.getRow(5).getCell(first + i).value)).toEqual(years);
    expect(county.getCell('A4').value).toBe('*序号');
  });

  it('keeps the completion rate as a formula on every task row', () => {
    const rate = headerColumn(city, '完成率');
    const actual = headerColumn(city, '本期完成值');
    const r = taskRow(city, '2');
    const cell = city.getCell(r, rate);
    expect(cell.type).toBe(ExcelJS.ValueType.Formula);
    expect(cell.formula).toContain(city.getCell(r, actual).address);
    expect(cell.formula).not.toMatch(/^=/);
    expect(county.getCell(taskRow(county, '2'), rate).formula).toBeTruthy();
  });

  it('puts dropdowns and number checks on the right columns', () => {
    const v = validationsOf(city);
    const r = taskRow(city, '2'); // cumulative
    const at = (header: string, row = r) => v[city.getCell(row, headerColumn(city, header)).address];

    expect(at('目标类型')).toMatchObject({ type: 'list', errorStyle: 'stop', showErrorMessage: true });
    expect(String(at('目标类型').formulae![0])).toContain('累计');
    expect(at('状态')).toMatchObject({ type: 'list', errorStyle: 'stop' });
    expect(at('计量单位')).toMatchObject({ type: 'list', errorStyle: 'warning' });
    expect(String(at('计量单位').formulae![0])).toMatch(/^".*亿元.*"$/);
    expect(at('牵头单位')).toMatchObject({ type: 'list', formulae: ['KT_UNITS'], errorStyle: 'warning' });
    expect(at('牵头单位').prompt).toBeTruthy();
    for (const h of ['目标值', '2023年', '2025年', '本期完成值']) {
      expect(at(h)).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    }
    // Task 1 is a share: 0–100.
    expect(at('目标值', taskRow(city, '1'))).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100] });
    // Section rows carry none.
    expect(at('目标类型', 6)).toBeUndefined();
  });

  it('writes one <dataValidation> per spec range, not one per cell', async () => {
    const xml = await xmlPart(buf, 'xl/worksheets/sheet1.xml');
    const count = (xml.match(/<dataValidation /g) ?? []).length;
    expect(count).toBe(spec.sheets[0].validations.length);
    expect(xml).toMatch(/sqref="[A-Z]+\d+:[A-Z]+\d+"/);
  });

  it('freezes the header and the first three columns', () => {
    expect(city.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 5 });
  });

  it('prints A4 landscape at a readable scale, with the header rows and key columns on every page', () => {
    expect(city.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: false,
      scale: 90,
      pageOrder: 'overThenDown',
      printTitlesRow: '4:5',
      printTitlesColumn: spec.sheets[0].print!.titleColumns!.replace(/\$/g, ''),
    });
    expect(city.pageSetup.printArea).toBe(spec.sheets[0].print!.area);
  });

  it('keeps column widths of 9, which ExcelJS takes for its default', async () => {
    const unit = headerColumn(city, '计量单位');
    expect(spec.sheets[0].columnWidths[unit - 1]).toBe(9);
    const xml = await xmlPart(buf, 'xl/worksheets/sheet1.xml');
    expect(xml).toMatch(/<sheetFormatPr[^>]*defaultColWidth="9"/);
  });

  it('renders merges, formats, conditional formats and tab colours', () => {
    expect(city.getCell('B1').isMerged).toBe(true);
    expect(city.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    expect(city.getCell('A4').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(city.getCell('A4').border.top).toMatchObject({ style: 'thin' });
    expect(city.getCell(taskRow(city, '2'), headerColumn(city, '重点任务')).numFmt).toBe('@');
    expect(city.getCell(taskRow(city, '2'), headerColumn(city, '完成率')).numFmt).toBe('0.0%');
    expect(city.getCell(taskRow(city, '2'), headerColumn(city, '重点任务')).alignment).toMatchObject({ wrapText: true });
    const cf = (city as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ type: string; formulae: string[] }> }> })
      .conditionalFormattings;
    // and the 完成率 data bar, last
    expect(cf.length).toBe(spec.sheets[0].conditionalFormats.length + 1);
    expect(cf[cf.length - 1].rules[0].type).toBe('dataBar');
    expect(cf[0].rules[0].type).toBe('expression');
    expect(cf[0].rules[0].formulae[0]).not.toMatch(/^=/);
    expect(city.properties.tabColor).toEqual({ argb: 'FF2F5597' });
  });

  it('sets row heights', () => {
    expect(city.getRow(1).height).toBe(30);
  });
});

describe('text that looks like a formula', () => {
  const tricky = ['=HYPERLINK("http://example.com","点我")', '+86 371 1234', '-5%以内', '@全体', '=SUM(A1:A3)'];

  function trickyPlan(): Plan {
    const base = samplePlan();
    const tasks = base.tasks.slice(0, 3).map((t, i) => ({ ...t, text: tricky[i], lead: [tricky[3]], cooperating: [tricky[4]] }));
    return { ...base, tasks, units: [...tricky, ...base.units] };
  }

  it('stores them as strings, never as formulas', async () => {
    const { spec } = generateWorkbook(trickyPlan(), { counties: ['新密市'], lang: 'zh' });
    const buf = await toBuffer(spec);
    const wb = await openWithExcelJS(buf);
    for (const name of ['重点任务清单', '新密市']) {
      const ws = wb.getWorksheet(name)!;
      const taskCol = headerColumn(ws, '重点任务');
      const leadCol = headerColumn(ws, '牵头单位');
      const coopCol = headerColumn(ws, '配合单位');
      [0, 1, 2].forEach((i) => {
        const r = taskRow(ws, String(i + 1));
        for (const [c, want] of [
          [taskCol, tricky[i]],
          [leadCol, tricky[3]],
          [coopCol, tricky[4]],
        ] as const) {
          const cell = ws.getCell(r, c);
          expect(cell.type).toBe(ExcelJS.ValueType.String);
          expect(cell.value).toBe(want);
        }
      });
    }
    const units = wb.getWorksheet('单位名录')!;
    tricky.forEach((t, i) => {
      expect(units.getCell(i + 2, 1).type).toBe(ExcelJS.ValueType.String);
      expect(units.getCell(i + 2, 1).value).toBe(t);
    });
    // No formula element anywhere except the completion-rate cells.
    const xml = await xmlPart(buf, 'xl/worksheets/sheet1.xml');
    for (const f of xml.match(/<f>[^<]*<\/f>/g) ?? []) expect(f).toMatch(/^<f>IF\(AND\(ISNUMBER/);
    const read = await readXlsx(buf);
    expect(read.sheets[0].grid.flat()).toEqual(expect.arrayContaining(tricky.slice(0, 3)));
  });
});

describe('the empty template', () => {
  it('writes a city sheet, the unit directory and the registry', async () => {
    const { spec } = generateWorkbook(emptyPlan(2024, 2026), { counties: [], lang: 'en' });
    const wb = await openWithExcelJS(await toBuffer(spec));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Key tasks', 'Unit directory', REGISTRY_SHEET]);
    const ws = wb.getWorksheet('Key tasks')!;
    expect(ws.getRow(5).values).toEqual(expect.arrayContaining(['2024', '2025', '2026']));
    expect(ws.getCell(6, headerColumn(ws, 'Completion')).formula).toBeTruthy();
  });
});

describe('listFormula', () => {
  it('quotes the list and doubles quotes', () => {
    expect(listFormula(['a', 'b"c'])).toBe('"a,b""c"');
  });
  it('refuses what Excel would refuse', () => {
    expect(() => listFormula(['a,b'])).toThrow(/comma/);
    expect(() => listFormula([new Array(300).fill('x').join('')])).toThrow(/255/);
  });
});

describe('sheet names that need quoting', () => {
  it('writes defined names that find sheets with spaces and apostrophes', async () => {
    const counties = ["O'Brien County", 'Lan Kao', '兰考县'];
    const { spec } = generateWorkbook(samplePlan(), { counties, lang: 'en' });
    const buf = await toBuffer(spec);
    const xml = await xmlPart(buf, 'xl/workbook.xml');
    expect(xml).toContain('&apos;O&apos;&apos;Brien County&apos;!$A$1');
    const sheets = keytaskSheetsOf(await readXlsx(buf));
    for (const c of counties) expect(sheets.find((s) => s.key === `county:${c}`)?.sheet).toBe(c);
    // The apostrophe sheet prints without title rows rather than producing a file Excel rejects.
    expect(xml).not.toContain('&apos;O&apos;Brien');
    expect(xml).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="2">&apos;Lan Kao&apos;!$A:$B,&apos;Lan Kao&apos;!$4:$5</definedName>',
    );
  });
});
