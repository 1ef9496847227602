/** The WPS host on its own, against the fake ET: what it writes and reads beyond the parity test. */
import { CITY_SHEET_NAME } from '../../src/core/generate/generate';
import { REGISTRY_SHEET } from '../../src/core/sheet/registry';
import type { WorkbookSpec } from '../../src/core/sheet/spec';
import { generateInWps } from '../../src/hosts/wps/generate';
import { gridOf, mergesOf } from '../../src/hosts/wps/readGrids';
import { renderSpec } from '../../src/hosts/wps/renderSpec';
import { etApi } from '../../src/hosts/wps/runtime';
import { selectFindingInWps, validateInWps } from '../../src/hosts/wps/validate';
import { createFakeEt } from '../support/fakeEt';
import { samplePlan } from '../core/sample';

const CITY = CITY_SHEET_NAME.zh;

function sheetSpec(name: string, extra: Partial<WorkbookSpec['sheets'][number]> = {}): WorkbookSpec['sheets'][number] {
  return {
    key: name,
    name,
    kind: 'city',
    visibility: 'visible',
    columnWidths: [10, 10, 20],
    values: [
      ['a', 1, null],
      ['=x', { formula: '=B1*2' }, '0012'],
    ],
    formats: [{ range: 'C2', style: { numFmt: '@' } }],
    merges: [],
    validations: [],
    conditionalFormats: [],
    ...extra,
  };
}

describe('the WPS host', () => {
  it('generates the sample plan: city sheet shown, registry very hidden, print set up, panes frozen', async () => {
    const et = createFakeEt();
    const r = await generateInWps(et.api, samplePlan(), { counties: ['新密市'], lang: 'zh' }, async () => true);
    expect(r.activated).toBe(CITY);
    expect(et.workbook.sheet(REGISTRY_SHEET)!.visibility).toBe('VeryHidden');
    const rec = et.records(CITY);
    // The print plan's scale (text ≥ 9 pt on paper), the key columns repeated on every page width.
    expect(rec.pageSetup).toMatchObject({
      Orientation: 2,
      PaperSize: 9,
      PrintTitleColumns: expect.stringMatching(/^\$A:\$[A-Z]$/),
      Order: 2,
    });
    expect(rec.pageSetup.Zoom).toEqual(expect.any(Number));
    expect(rec.freeze.rows).toBeGreaterThan(0);
    expect(rec.columnWidths.size).toBeGreaterThan(0);
    expect(et.app.ActiveWorkbook.ActiveSheet.Name).toBe(CITY);
    // alerts and repainting are back as they were
    expect(et.app.DisplayAlerts).toBe(true);
    expect(et.app.ScreenUpdating).toBe(true);
    const report = await validateInWps(et.api, { scope: 'active', lang: 'en' });
    expect(report.checked).toEqual([CITY]);
    await selectFindingInWps(et.api, report.findings[0]);
    expect(et.workbook.selection).toEqual({ sheet: report.findings[0].sheet, address: report.findings[0].cell });
  });

  it('keeps text as text and formulas as formulas', () => {
    const et = createFakeEt();
    renderSpec(et.app, { sheets: [sheetSpec('s')], names: [] }, { updatable: [], existingSheets: ['Sheet1'], existingNames: [] });
    expect(et.workbook.valuesOf('s', 'formulas')).toEqual([
      ['a', 1, ''],
      ['=x', '=B1*2', '0012'],
    ]);
    expect(gridOf(et.app.ActiveWorkbook.Worksheets.Item('s'))).toEqual([
      ['a', 1, null],
      ['=x', 2, '0012'],
    ]);
  });

  it('reads a grid from A1 whatever the used range, and finds merged areas', () => {
    const et = createFakeEt();
    const ws = et.app.ActiveWorkbook.Worksheets.Item(1);
    ws.Range('C3:D3').Formula = [['x', 'y']];
    ws.Range('A10').NumberFormat = '@';
    ws.Range('C5:D6').Merge();
    ws.Range('B8:B9').Merge();
    expect(gridOf(ws)).toEqual([[], [], [null, null, 'x', 'y']]);
    expect(mergesOf(ws).sort()).toEqual(['B8:B9', 'C5:D6']);
  });

  it('refuses a conditional format kind it does not render', () => {
    const et = createFakeEt();
    const withKind = sheetSpec('k', {
      conditionalFormats: [{ range: 'A1:A2', formula: '=A1>0', fill: 'FF0000', kind: 'dataBar' } as never],
    });
    expect(() =>
      renderSpec(et.app, { sheets: [withKind], names: [] }, { updatable: [], existingSheets: ['Sheet1'], existingNames: [] }),
    ).toThrow(/kind 'dataBar' is not rendered/);
    expect(et.app.DisplayAlerts).toBe(true);
  });

  it('draws a chart over the cells the spec names, and replaces it when the sheet is written again', () => {
    const et = createFakeEt();
    const charted = sheetSpec('c', {
      values: [
        ['a', 1],
        ['b', 2],
      ],
      charts: [{ type: 'bar', title: 't', categories: 'A1:A2', values: 'B1:B2', seriesName: 's', from: 'D1', to: 'H9' }],
    });
    const render = (update: boolean): void =>
      renderSpec(
        et.app,
        { sheets: [charted], names: [] },
        { updatable: update ? ['c'] : [], existingSheets: update ? ['Sheet1', 'c'] : ['Sheet1'], existingNames: [] },
      );
    render(false);
    const area = et.app.ActiveWorkbook.Worksheets.Item('c').Range('D1:H9');
    const expected = {
      Name: 'Chart 1',
      ChartType: 57,
      HasTitle: true,
      title: 't',
      HasLegend: false,
      series: [{ Name: 's', values: { row1: 0, col1: 1, row2: 1, col2: 1 }, XValues: { row1: 0, col1: 0, row2: 1, col2: 0 } }],
      categoryReversed: true,
      Left: area.Left,
      Top: area.Top,
      Width: area.Width,
      Height: area.Height,
    };
    expect(et.records('c').charts).toEqual([expected]);
    expect(expected.Left).toBeGreaterThan(0);
    render(true);
    expect(et.records('c').charts).toEqual([expected]);
  });

  it('resolves at once, and rejects when the job throws', async () => {
    const et = createFakeEt();
    const api = etApi(et.app);
    await expect(api.run((app) => app.ActiveWorkbook.Worksheets.Count)).resolves.toBe(1);
    await expect(api.run((app) => app.ActiveWorkbook.Worksheets.Item(5))).rejects.toThrow(/out of range/);
  });
});
