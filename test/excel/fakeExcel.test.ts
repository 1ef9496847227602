/** The fake Excel must fail where Excel fails, or host tests prove nothing. */
import { createFakeExcel } from '../support/fakeExcel';

function code(e: unknown): string | undefined {
  return (e as { code?: string }).code;
}

describe('fake Excel', () => {
  it('throws PropertyNotLoaded for a property read before load and sync', async () => {
    const fake = createFakeExcel();
    await fake.api.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      expect(() => ws.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      ws.load('name');
      // Loaded values only arrive with the sync.
      expect(() => ws.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(ws.name).toBe('Sheet1');
      expect(() => ws.visibility).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('answers isNullObject only after a sync, and fails getItem of a missing sheet at sync', async () => {
    const fake = createFakeExcel();
    await fake.api.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('nope');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
    });
    const err = await fake.api
      .run(async (ctx) => {
        ctx.workbook.worksheets.getItem('nope');
        await ctx.sync();
      })
      .catch((e: unknown) => e);
    expect(code(err)).toBe('ItemNotFound');
  });

  it('applies queued operations only at sync, in order', async () => {
    const fake = createFakeExcel();
    await fake.api.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add('A');
      ws.getRange('A1').values = [['x']];
      ws.name = 'B';
      expect(fake.workbook.sheet('A')).toBeUndefined();
      await ctx.sync();
    });
    expect(fake.workbook.sheetNames()).toEqual(['Sheet1', 'B']);
    expect(fake.workbook.valuesOf('B')).toEqual([['x']]);
  });

  it('rejects values whose shape does not match the range, and stops the batch there', async () => {
    const fake = createFakeExcel();
    const err = await fake.api
      .run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Sheet1');
        ws.getRange('A1').values = [['first']];
        ws.getRange('A1:C3').values = [
          [1, 2],
          [3, 4],
        ];
        ws.getRange('B1').values = [['after']];
        await ctx.sync();
      })
      .catch((e: unknown) => e);
    expect(code(err)).toBe('InvalidArgument');
    expect(fake.workbook.valuesOf('Sheet1')).toEqual([['first']]);
    const err2 = await fake.api
      .run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').numberFormat = [['@']];
        await ctx.sync();
      })
      .catch((e: unknown) => e);
    expect(code(err2)).toBe('InvalidArgument');
  });

  it('parses input like Excel: = makes a formula, a leading apostrophe or a text format keeps text', async () => {
    const fake = createFakeExcel();
    await fake.api.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.getRange('C1').numberFormat = [['@']];
      ws.getRange('A1:F1').values = [['=SUM(1,2)', "'=SUM(1,2)", '=TEXT', '-abc', '12', "'007"]];
      ws.getRange('A2:B2').formulas = [["'+x", '=A1']];
      await ctx.sync();
    });
    const sheet = fake.workbook.sheet('Sheet1')!;
    expect(sheet.cell(0, 0)?.formula).toBe('=SUM(1,2)');
    expect(sheet.cell(0, 1)).toMatchObject({ value: '=SUM(1,2)' });
    expect(sheet.cell(0, 1)?.formula).toBeUndefined();
    expect(sheet.cell(0, 2)).toMatchObject({ value: '=TEXT' });
    expect(sheet.cell(0, 2)?.formula).toBeUndefined();
    expect(sheet.cell(0, 3)?.formula).toBe('=-abc');
    expect(sheet.value(0, 4)).toBe(12);
    expect(sheet.value(0, 5)).toBe('007');
    expect(sheet.value(1, 0)).toBe('+x');
    expect(sheet.cell(1, 1)?.formula).toBe('=A1');
  });

  it('leaves a cell alone where the input has null, and empties it for an empty string', async () => {
    const fake = createFakeExcel();
    fake.workbook.type('Sheet1', 'A1', [['a', 'b']]);
    await fake.api.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').values = [[null, ''] as unknown as string[]];
      await ctx.sync();
    });
    expect(fake.workbook.valuesOf('Sheet1')).toEqual([['a']]);
  });

  it('counts syncs and refuses a request over the payload limit without applying any of it', async () => {
    const fake = createFakeExcel({ payloadLimit: 10_000 });
    const big = Array.from({ length: 100 }, (_, i) => [`行${i}`.repeat(20)]);
    const err = await fake.api
      .run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Sheet1');
        ws.getRange('Z1').values = [['first']];
        ws.getRange('A1:A100').values = big;
        await ctx.sync();
      })
      .catch((e: unknown) => e);
    expect(code(err)).toBe('RequestPayloadSizeLimitExceeded');
    expect(fake.syncCount).toBe(1);
    expect(fake.requests[0].bytes).toBeGreaterThan(10_000);
    expect(fake.workbook.valuesOf('Sheet1')).toEqual([]);
  });

  it('copies a sheet at sync as Excel does: `Name (2)`, where asked, everything but its identity, independent after', async () => {
    const fake = createFakeExcel();
    await fake.api.run(async (ctx) => {
      const src = ctx.workbook.worksheets.add('县');
      src.getRange('A1:B1').numberFormat = [['@', 'General']];
      src.getRange('A1:B1').formulas = [['001', '=1+1']];
      src.getRange('A2').dataValidation.rule = { decimal: { operator: 'GreaterThanOrEqualTo', formula1: 0 } };
      src.getRange('A3:B3').merge(false);
      src.freezePanes.freezeRows(1);
      src.getRange('A1:A1').format.rowHeight = 30;
      const copy = src.copy('End');
      ctx.workbook.worksheets.getItem('Sheet1').copy('Before', src);
      copy.load('name');
      expect(() => copy.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(copy.name).toBe('县 (2)');
      copy.getRange('A1').formulas = [['002']];
      copy.name = '乡';
      await ctx.sync();
    });
    const wb = fake.workbook;
    expect(wb.sheetNames()).toEqual(['Sheet1', 'Sheet1 (2)', '县', '乡']);
    const [src, copy] = [wb.sheet('县')!, wb.sheet('乡')!];
    expect(src.value(0, 0)).toBe('001');
    expect(copy.value(0, 0)).toBe('002');
    expect(copy.formula(0, 1)).toBe('=1+1');
    expect(copy.numberFormat(0, 0)).toBe('@');
    expect(copy.validations).toEqual(src.validations);
    expect(copy.merges).toEqual(src.merges);
    expect(copy.freeze).toEqual({ rows: 1, columns: 0 });
    expect(copy.rowHeights.get(0)).toBe(30);
    expect(copy.id).not.toBe(src.id);
  });

  it('has no page layout before ExcelApi 1.9', async () => {
    const old = createFakeExcel({ apiVersion: '1.8' });
    expect(old.api.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(old.api.isSetSupported('ExcelApi', '1.9')).toBe(false);
    await old.api.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      expect(() => ws.pageLayout).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
    });
    const current = createFakeExcel({ apiVersion: '1.12' });
    await current.api.run(async (ctx) => {
      const layout = ctx.workbook.worksheets.getItem('Sheet1').pageLayout;
      layout.orientation = 'Landscape';
      layout.setPrintTitleRows('$4:$5');
      await ctx.sync();
    });
    expect(current.workbook.sheet('Sheet1')!.pageLayout).toMatchObject({ orientation: 'Landscape', printTitleRows: '$4:$5' });
  });

  it('keeps a defined name on its sheet through a rename, and gives #REF! when the sheet goes', async () => {
    const fake = createFakeExcel();
    await fake.api.run(async (ctx) => {
      ctx.workbook.worksheets.add('新密市');
      ctx.workbook.worksheets.add('Other');
      ctx.workbook.names.add('KT_S_1', "='新密市'!$A$1");
      ctx.workbook.names.add('KT_S_2', "='Other'!$A$1");
      await ctx.sync();
    });
    const formulas = await fake.api.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('新密市').name = 'Renamed x';
      ctx.workbook.worksheets.getItem('Other').delete();
      const names = ctx.workbook.names.load('items/name,items/formula');
      await ctx.sync();
      return names.items.map((n) => [n.name, n.formula]);
    });
    expect(formulas).toEqual([
      ['KT_S_1', "='Renamed x'!$A$1"],
      ['KT_S_2', '=#REF!$A$1'],
    ]);
  });

  it('records freeze panes, merges, validation, conditional formats and the selection', async () => {
    const fake = createFakeExcel();
    await fake.api.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.freezePanes.freezeAt('A1:C5');
      ws.getRange('A1:D1').merge(false);
      const dv = ws.getRange('B2:B9').dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: 'a,b' } };
      dv.errorAlert = { showAlert: true, style: 'Warning', title: 't', message: 'm' };
      const cf = ws.getRange('C2:C9').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=LEN(C2)=0';
      cf.custom.format.fill.color = '#FFD7D7';
      ws.getRange('B3').select();
      await ctx.sync();
    });
    const s = fake.workbook.sheet('Sheet1')!;
    expect(s.freeze).toEqual({ rows: 5, columns: 3 });
    expect(s.merges).toHaveLength(1);
    expect(s.validations[0]).toMatchObject({ rule: { list: { source: 'a,b' } }, errorAlert: { style: 'Warning' } });
    expect(s.conditionalFormats[0]).toMatchObject({ formula: '=LEN(C2)=0', fill: '#FFD7D7' });
    expect(fake.selection).toEqual({ sheet: 'Sheet1', address: 'B3' });
  });

  describe('as Excel documents it (issue 12)', () => {
    it('refuses to delete a very hidden sheet, and deletes it once hidden', async () => {
      const fake = createFakeExcel({ sheets: ['Sheet1', 'scratch'] });
      const del = (visibility: 'VeryHidden' | 'Hidden') =>
        fake.api.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem('scratch');
          ws.visibility = visibility;
          await ctx.sync();
          ws.delete();
          await ctx.sync();
        });
      await expect(del('VeryHidden')).rejects.toMatchObject({ code: 'InvalidOperation' });
      await del('Hidden');
      expect(fake.workbook.sheetNames()).toEqual(['Sheet1']);
    });

    it('converts text written into a General cell, keeps it as given in a text cell, and reads formulas as their results', () => {
      const fake = createFakeExcel();
      fake.workbook.type('Sheet1', 'A1', [['2023-1', '1/2', '50%', '1,000', 'TRUE', '(5)', '123456789012345678', "'1/2"]]);
      expect(fake.workbook.valuesOf('Sheet1')[0]).toEqual([44927, 46024, 0.5, 1000, true, -5, 123456789012345000, '1/2']);
      const sheet = fake.workbook.sheet('Sheet1')!;
      sheet.ensure(1, 0).numberFormat = '@';
      sheet.writeInput(1, 0, "'=1+1");
      expect(sheet.value(1, 0)).toBe("'=1+1");
      fake.workbook.type('Sheet2', 'A1', [
        [4, 0, '=A1/2', '=A1/B1', '=IF(AND(ISNUMBER(A1),A1>0),A1*2,"")', '=HYPERLINK("#Sheet1!A1",7)', '=Sheet1!D1+1'],
      ]);
      expect(fake.workbook.valuesOf('Sheet2')[0]).toEqual([4, 0, 2, '#DIV/0!', 8, 7, 1001]);
      fake.workbook.type('Sheet2', 'A2', [['=VLOOKUP(1,A1:B1,2)']]);
      expect(() => fake.workbook.valuesOf('Sheet2')).toThrow(/cannot calculate/);
    });

    it('refuses row heights over 409 points, reads over its range cell limit and texts over 32,767 characters', async () => {
      const fake = createFakeExcel({ rangeCellLimit: 10 });
      const run = (f: (ws: Excel.Worksheet) => void) =>
        fake.api.run(async (ctx) => {
          f(ctx.workbook.worksheets.getItem('Sheet1'));
          await ctx.sync();
        });
      await expect(run((ws) => (ws.getRange('A1').format.rowHeight = 410))).rejects.toMatchObject({ code: 'InvalidArgument' });
      await expect(run((ws) => ws.getRange('A1:B6').load('values'))).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
      await expect(run((ws) => (ws.getRange('A1').values = [['x'.repeat(32768)]]))).rejects.toMatchObject({ code: 'InvalidArgument' });
      await expect(run((ws) => ws.getRange().clear('Contents'))).rejects.toMatchObject({ code: 'OperationCellsExceedLimit' });
      await expect(
        run((ws) => (ws.getRange('A1:A2').dataValidation.rule = { list: { inCellDropDown: true, source: '=NO_SUCH_NAME' } })),
      ).rejects.toMatchObject({
        code: 'InvalidArgument',
      });
    });
  });
});
