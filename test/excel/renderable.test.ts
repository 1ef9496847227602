/** Both hosts hold a spec to Excel's limits the same way, before anything is written. */
import { NotRenderableError } from '../../src/core/sheet/renderable';
import type { SheetSpec, WorkbookSpec } from '../../src/core/sheet/spec';
import { renderSpec } from '../../src/hosts/excel/renderSpec';
import { toBuffer } from '../../src/hosts/xlsx/writeWorkbook';
import { createFakeExcel } from '../support/fakeExcel';

function sheet(over: Partial<SheetSpec>): SheetSpec {
  return {
    key: 'city',
    name: '任务',
    kind: 'city',
    visibility: 'visible',
    columnWidths: [10, 20],
    values: [['序号', '状态']],
    formats: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
    ...over,
  };
}

const render = { updatable: [], existingSheets: ['Sheet1'], existingNames: [], pageLayout: true };

describe('Excel’s limits in both hosts', () => {
  it('cuts check titles and messages Excel’s dialog cannot hold, where the fake Excel would refuse them', async () => {
    const spec: WorkbookSpec = {
      sheets: [
        sheet({
          validations: [
            {
              range: 'B2:B9',
              rule: { type: 'list', values: ['是', '否'] },
              errorStyle: 'stop',
              allowBlank: true,
              promptTitle: '状态'.repeat(20),
              prompt: '请选择'.repeat(100),
              errorTitle: '状态'.repeat(20),
              error: '请从列表中选择'.repeat(50),
            },
          ],
        }),
      ],
      names: [],
    };
    const fake = createFakeExcel();
    await fake.api.run((ctx) => renderSpec(ctx, spec, render));
    const [check] = fake.workbook.sheet('任务')!.validations;
    expect(check.prompt.title).toHaveLength(32);
    expect(check.errorAlert.message).toHaveLength(224);
    await expect(toBuffer(spec)).resolves.toBeInstanceOf(Buffer);
  });

  it('refuses a list longer than 255 characters before anything is sent', async () => {
    const spec: WorkbookSpec = {
      sheets: [
        sheet({
          validations: [{ range: 'B2:B9', rule: { type: 'list', values: ['选项'.repeat(200)] }, errorStyle: 'stop', allowBlank: true }],
        }),
      ],
      names: [],
    };
    const fake = createFakeExcel();
    await expect(fake.api.run((ctx) => renderSpec(ctx, spec, render))).rejects.toThrow(NotRenderableError);
    expect(fake.requests).toHaveLength(0);
    expect(fake.workbook.sheetNames()).toEqual(['Sheet1']);
    await expect(toBuffer(spec)).rejects.toThrow(/255/);
  });
});
