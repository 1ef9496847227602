/** The plan of a render, without Excel: which sheets are added, updated, copied or pasted, and in which order. */
import { type RenderAction, TEMPLATE_SHEET, layoutKey, planRender } from '../../../src/core/sheet/renderPlan';
import type { SheetSpec, WorkbookSpec } from '../../../src/core/sheet/spec';

function sheet(name: string, over: Partial<SheetSpec> = {}): SheetSpec {
  return {
    key: `county:${name}`,
    name,
    kind: 'county',
    visibility: 'visible',
    columnWidths: [10, 20],
    values: [[name, '任务']],
    formats: [{ range: 'A1:B1', style: { bold: true } }],
    merges: [],
    validations: [],
    conditionalFormats: [],
    ...over,
  };
}

const units = sheet('单位名录', { key: 'units', kind: 'registry', values: [['单位']], columnWidths: [30] });
const withList = (s: SheetSpec): SheetSpec => ({
  ...s,
  validations: [{ range: 'B2:B9', rule: { type: 'listRef', ref: 'KT_UNITS' }, errorStyle: 'warning', allowBlank: true }],
});

/** Each action as a short line: what is done to which sheet or name. */
function brief(actions: RenderAction[]): string[] {
  return actions.map((a) => {
    switch (a.do) {
      case 'writeSheet':
        return `${a.update ? 'update' : 'add'} ${a.sheet.name}${a.paste ? ` ← ${a.paste.name}` : ''}`;
      case 'copySheet':
        return `copy ${a.from.name} → ${a.sheet.name}`;
      case 'setName':
        return `${a.replace ? 'reset' : 'name'} ${a.name.name}`;
      case 'moveSheet':
        return `move ${a.name} to ${a.position}`;
      default:
        return `${a.do} ${a.name}`;
    }
  });
}

const fresh = { updatable: [], existingSheets: ['Sheet1'], existingNames: [] };

describe('planRender', () => {
  it('writes the first new sheet of a layout in full and copies the others from it', () => {
    const spec: WorkbookSpec = { sheets: [sheet('新密市'), sheet('登封市'), sheet('荥阳市')], names: [] };
    expect(brief(planRender(spec, { ...fresh, activate: '新密市' }))).toEqual([
      'add 新密市',
      'copy 新密市 → 登封市',
      'copy 新密市 → 荥阳市',
      'activate 新密市',
    ]);
    expect(brief(planRender(spec, { ...fresh, copySheets: false }))).toEqual(['add 新密市', 'add 登封市', 'add 荥阳市']);
  });

  it('sets a list’s name right after the sheet it points into, which goes first and is moved back', () => {
    const spec: WorkbookSpec = {
      sheets: [withList(sheet('新密市')), withList(sheet('登封市')), units],
      names: [
        { name: 'KT_UNITS', ref: "'单位名录'!$A$2:$A$9" },
        { name: 'KT_OTHER', ref: "'新密市'!$A$1" },
      ],
    };
    expect(brief(planRender(spec, { ...fresh, existingNames: ['kt_units'] }))).toEqual([
      'add 单位名录',
      'reset KT_UNITS',
      'add 新密市',
      'copy 新密市 → 登封市',
      'move 单位名录 to 3',
      'name KT_OTHER',
    ]);
  });

  it('pastes a layout from a scratch sheet when every sheet of it is being updated', () => {
    const spec: WorkbookSpec = { sheets: [sheet('新密市'), sheet('登封市')], names: [] };
    const existing = { updatable: ['新密市', '登封市'], existingSheets: ['新密市', '登封市', TEMPLATE_SHEET], existingNames: [] };
    const pasted = planRender(spec, { ...existing, pasteRanges: true });
    expect(brief(pasted)).toEqual([
      `add ${TEMPLATE_SHEET}2`,
      `update 新密市 ← ${TEMPLATE_SHEET}2`,
      `update 登封市 ← ${TEMPLATE_SHEET}2`,
      `deleteSheet ${TEMPLATE_SHEET}2`,
    ]);
    expect(pasted[0]).toMatchObject({ sheet: { visibility: 'veryHidden', key: 'template:county:新密市' } });
    expect(brief(planRender(spec, existing))).toEqual(['update 新密市', 'update 登封市']);
  });

  it('deletes the scratch sheets an earlier render left behind first', () => {
    const spec: WorkbookSpec = { sheets: [sheet('新密市')], names: [] };
    const plan = planRender(spec, {
      updatable: [],
      existingSheets: ['Sheet1', TEMPLATE_SHEET],
      existingNames: [],
      staleTemplates: [TEMPLATE_SHEET],
    });
    expect(brief(plan)).toEqual([`deleteSheet ${TEMPLATE_SHEET}`, 'add 新密市']);
  });

  it('refuses a sheet of the user’s before planning anything', () => {
    const spec: WorkbookSpec = { sheets: [sheet('新密市')], names: [] };
    expect(() => planRender(spec, { updatable: [], existingSheets: ['新密市'], existingNames: [] })).toThrow(/will not write/);
  });

  it('never copies a sheet with charts', () => {
    const chart = { type: 'bar' as const, title: 't', categories: 'A1:A2', values: 'B1:B2', seriesName: 's', from: 'D1', to: 'H9' };
    expect(layoutKey(sheet('新密市', { charts: [chart] }))).toBeNull();
    expect(layoutKey(sheet('新密市'))).toBe(layoutKey(sheet('登封市')));
  });
});
