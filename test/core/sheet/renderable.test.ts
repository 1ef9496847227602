/** One check of a spec against Excel's limits, before either host writes it. */
import { MAX_CELL_TEXT, TRUNCATED_MARK } from '../../../src/core/sheet/excelLimits';
import { NotRenderableError, checkRenderable, listProblem, renderableSpec } from '../../../src/core/sheet/renderable';
import type { SheetSpec, ValidationSpec, WorkbookSpec } from '../../../src/core/sheet/spec';

function sheet(over: Partial<SheetSpec> = {}): SheetSpec {
  return {
    key: 'city',
    name: '任务',
    kind: 'city',
    visibility: 'visible',
    columnWidths: [10, 20],
    values: [['序号', '任务']],
    formats: [{ range: 'A1:B1', style: { bold: true } }],
    merges: [],
    validations: [],
    conditionalFormats: [],
    ...over,
  };
}

const check = (over: Partial<ValidationSpec>): ValidationSpec => ({
  range: 'A2:A9',
  rule: { type: 'list', values: ['是', '否'] },
  errorStyle: 'stop',
  allowBlank: true,
  ...over,
});

const book = (...sheets: SheetSpec[]): WorkbookSpec => ({ sheets, names: [] });

describe('checkRenderable', () => {
  it('gives the very spec back when Excel takes it as it is', () => {
    const spec = book(sheet({ validations: [check({ promptTitle: '状态', prompt: '请选择' })], rowHeights: { 1: 30 } }));
    expect(checkRenderable(spec)).toEqual({ spec, problems: [] });
    expect(checkRenderable(spec).spec).toBe(spec);
  });

  it('mends what it can without changing what the user reads', () => {
    const long = '字'.repeat(MAX_CELL_TEXT + 10);
    const spec = book(
      sheet({
        values: [['a\x00b', long]],
        rowHeights: { 0: 900, 1: 20 },
        columnWidths: [300, 20],
        formats: [{ range: 'A1', style: { fontSize: 1000 } }],
        validations: [
          check({ promptTitle: '标题'.repeat(20), prompt: 'p'.repeat(300), errorTitle: 'e'.repeat(40), error: 'm'.repeat(300) }),
        ],
      }),
    );
    const { spec: fixed, problems } = checkRenderable(spec);
    expect(problems).toEqual([]);
    const s = fixed.sheets[0];
    expect(s.values[0][0]).toBe('ab');
    expect((s.values[0][1] as string).length).toBe(MAX_CELL_TEXT);
    expect((s.values[0][1] as string).endsWith(TRUNCATED_MARK)).toBe(true);
    expect(s.rowHeights).toEqual({ 0: 409, 1: 20 });
    expect(s.columnWidths).toEqual([255, 20]);
    expect(s.formats[0].style.fontSize).toBe(409);
    const v = s.validations[0];
    expect([v.promptTitle?.length, v.prompt?.length, v.errorTitle?.length, v.error?.length]).toEqual([32, 255, 32, 224]);
    // the spec given is left as it was
    expect(spec.sheets[0].rowHeights).toEqual({ 0: 900, 1: 20 });
  });

  it('reports what it cannot mend, each with where it is', () => {
    const spec: WorkbookSpec = {
      sheets: [
        sheet({
          name: 'a/b',
          values: [[{ formula: `=${'1+'.repeat(5000)}1` }]],
          validations: [
            check({ range: 'C2:C9', rule: { type: 'list', values: ['甲,乙'] } }),
            check({ rule: { type: 'list', values: ['x'.repeat(300)] } }),
          ],
        }),
        sheet({ name: 'A/B', merges: ['A1:A1048577'] }),
      ],
      names: [{ name: 'A1', ref: "'任务'!$A$1" }],
    };
    const { problems } = checkRenderable(spec);
    expect(problems.map((p) => [p.limit, p.sheet ?? '', p.where ?? ''])).toEqual([
      ['sheetName', 'a/b', ''],
      ['formulaLength', 'a/b', 'A1'],
      ['listComma', 'a/b', 'C2:C9'],
      ['listLength', 'a/b', 'A2:A9'],
      ['sheetName', 'A/B', ''],
      ['sheetSize', 'A/B', ''],
      ['duplicateSheet', 'A/B', ''],
      ['definedName', '', 'A1'],
    ]);
    expect(() => renderableSpec(spec)).toThrow(NotRenderableError);
  });

  it('counts a list at 255 characters, commas included', () => {
    expect(listProblem(['x'.repeat(127), 'y'.repeat(127)])).toBeNull();
    expect(listProblem(['x'.repeat(128), 'y'.repeat(127)])?.limit).toBe('listLength');
  });
});
