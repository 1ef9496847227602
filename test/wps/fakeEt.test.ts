/** The fake ET is at least as strict as WPS: what WPS would silently ignore, the fake refuses. */
import { XL_SHEET } from '../../src/hosts/wps/et';
import { FakeEtError, createFakeEt } from '../support/fakeEt';

describe('the fake ET', () => {
  it('refuses a member WPS does not have, and a write to a read-only one', () => {
    const { app } = createFakeEt();
    const ws = app.ActiveWorkbook.Worksheets.Item(1);
    const loose = ws as unknown as Record<string, unknown>;
    expect(() => loose.Vsible).toThrow(FakeEtError);
    expect(() => (loose.Vsible = 2)).toThrow(/no member 'Vsible'/);
    // the fake's own state is out of reach
    expect(() => loose.sheet).toThrow(FakeEtError);
    expect(() => ((ws.Range('A1') as unknown as Record<string, unknown>).Value = 1)).toThrow(/no member 'Value'/);
    expect(() => ((ws.Range('A1') as unknown as Record<string, unknown>).Row = 2)).toThrow(/read-only/);
    expect(() => (app.ActiveWorkbook as unknown as Record<string, unknown>).worksheets).toThrow(FakeEtError);
  });

  it('counts sheets and names from 1, and refuses 0 and unknown names', () => {
    const { app } = createFakeEt({ sheets: ['甲', '乙'] });
    const sheets = app.ActiveWorkbook.Worksheets;
    expect(sheets.Count).toBe(2);
    expect(sheets.Item(1).Name).toBe('甲');
    expect(sheets.Item('乙').Index).toBe(2);
    expect(() => sheets.Item(0)).toThrow(/out of range/);
    expect(() => sheets.Item('丙')).toThrow(/no such item/);
    app.ActiveWorkbook.Names.Add('KT_X', "='乙'!$A$1:$A$3");
    expect(app.ActiveWorkbook.Names.Item(1).RefersTo).toBe('=乙!$A$1:$A$3');
    expect(() => app.ActiveWorkbook.Names.Item(2)).toThrow(/out of range/);
  });

  it('adds a sheet after the one given and makes it active; Move puts it back', () => {
    const { app, workbook } = createFakeEt({ sheets: ['a', 'b'] });
    const sheets = app.ActiveWorkbook.Worksheets;
    const added = sheets.Add(undefined, sheets.Item(1));
    added.Name = 'c';
    expect(workbook.sheetNames()).toEqual(['a', 'c', 'b']);
    expect(app.ActiveWorkbook.ActiveSheet.Name).toBe('c');
    added.Move(undefined, sheets.Item('b'));
    expect(workbook.sheetNames()).toEqual(['a', 'b', 'c']);
    expect(() => (added.Name = 'a/b')).toThrow(FakeEtError);
  });

  it('reads Value2 as a 2-D array, one cell as a bare value, and writes what is typed', () => {
    const { app } = createFakeEt();
    const ws = app.ActiveWorkbook.Worksheets.Item(1);
    ws.Range('B2:C3').Formula = [
      ['x', 1],
      ['=C2*2', "'=not a formula"],
    ];
    expect(ws.Range('B2:C3').Value2).toEqual([
      ['x', 1],
      [2, '=not a formula'],
    ]);
    expect(ws.Range('C2').Value2).toBe(1);
    expect(ws.Range('D9').Value2).toBeUndefined();
    expect(ws.UsedRange.Address()).toBe('$B$2:$C$3');
    expect(() => (ws.Range('A1:B1').Formula = [[1]])).toThrow(/1×2 array/);
  });

  it('keeps checks, refuses a second one on the same cells and a list name not yet defined', () => {
    const { app, records } = createFakeEt();
    const ws = app.ActiveWorkbook.Worksheets.Item(1);
    const v = ws.Range('A2:A9').Validation;
    expect(() => (v.InputTitle = 'x')).toThrow(/has no validation/);
    v.Add(3, 1, 1, '是,否');
    v.ErrorTitle = '请选择';
    expect(records('Sheet1').validations).toMatchObject([{ Type: 3, Formula1: '是,否', ErrorTitle: '请选择' }]);
    expect(() => ws.Range('A5').Validation.Add(2, 1, 7, '0')).toThrow(/already/);
    expect(() => ws.Range('B2').Validation.Add(3, 1, 1, '=KT_UNITS')).toThrow(/neither a reference nor a defined name/);
    expect(() => ws.Range('C2').Validation.Add(2, 1, 1, '0')).toThrow(/needs a Formula2/);
    ws.Range('A1:A4').Validation.Delete();
    expect(records('Sheet1').validations.map((r) => r.bounds)).toEqual([{ row1: 4, col1: 0, row2: 8, col2: 0 }]);
  });

  it('refuses a conditional format whose relative formula would follow another active cell', () => {
    const { app, records } = createFakeEt();
    const ws = app.ActiveWorkbook.Worksheets.Item(1);
    expect(() => ws.Range('B6:B9').FormatConditions.Add(2, undefined, '=LEN(B6)=0')).toThrow(/select its top-left cell/);
    ws.Range('B6').Select();
    ws.Range('B6:B9').FormatConditions.Add(2, undefined, '=LEN(B6)=0').Interior.Color = 0x0000ff;
    expect(records('Sheet1').formatConditions).toMatchObject([{ Formula1: '=LEN(B6)=0', interiorColor: 0xff }]);
  });

  it('deletes a sheet only with alerts off, and not the last visible one', () => {
    const { app } = createFakeEt({ sheets: ['a', 'b'] });
    const b = app.ActiveWorkbook.Worksheets.Item('b');
    expect(() => b.Delete()).toThrow(/DisplayAlerts/);
    app.DisplayAlerts = false;
    b.Visible = XL_SHEET.veryHidden;
    expect(() => (app.ActiveWorkbook.Worksheets.Item('a').Visible = XL_SHEET.hidden)).toThrow(FakeEtError);
    b.Visible = XL_SHEET.hidden;
    expect(b.Delete()).toBe(true);
    expect(app.ActiveWorkbook.Worksheets.Count).toBe(1);
    expect(() => (app.ActiveWorkbook.Worksheets.Item(1).Visible = 1)).toThrow(/xlSheetVisible/);
  });

  it('records hyperlinks on a range of the sheet', () => {
    const { app, records } = createFakeEt({ sheets: ['a', 'b'] });
    const a = app.ActiveWorkbook.Worksheets.Item('a');
    const hyperlinks = (a as unknown as { Hyperlinks: { Add(...args: unknown[]): void } }).Hyperlinks;
    hyperlinks.Add(a.Range('A1'), '', "'b'!A1", undefined, '去b');
    expect(records('a').hyperlinks).toMatchObject([{ SubAddress: "'b'!A1", TextToDisplay: '去b' }]);
    expect(a.Range('A1').Value2).toBe('去b');
    const b = app.ActiveWorkbook.Worksheets.Item('b');
    expect(() => hyperlinks.Add(b.Range('A1'), 'x')).toThrow(/Anchor/);
  });
});
