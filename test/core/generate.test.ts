import { generateWorkbook, type ExistingWorkbook } from '../../src/core/generate/generate';
import { freeSheetName, legalSheetName } from '../../src/core/generate/sheetNames';
import { LAYOUT_ROWS } from '../../src/core/layout/taskSheet';
import { readTaskSheet } from '../../src/core/layout/reader';
import { emptyPlan } from '../../src/core/model';
import { parseRegistry, resolveRegistry } from '../../src/core/sheet/registry';
import { type CellValue, type SheetSpec, type WorkbookSpec, isFormula } from '../../src/core/sheet/spec';
import { samplePlan } from './sample';

/** What a host would read back from a workbook it rendered from `spec` (formulas as results). */
function asExisting(
  spec: WorkbookSpec,
  rename: Record<string, string> = {},
  edit?: (name: string, grid: CellValue[][]) => void,
): ExistingWorkbook {
  const nameOf = (s: SheetSpec) => rename[s.name] ?? s.name;
  const grids: Record<string, CellValue[][]> = {};
  for (const s of spec.sheets) {
    const grid = s.values.map((r) => r.map((v) => (isFormula(v) ? null : v)));
    edit?.(nameOf(s), grid);
    grids[nameOf(s)] = grid;
  }
  const registry = parseRegistry(spec.sheets.find((s) => s.kind === 'registry')!.values);
  // A spreadsheet program rewrites a defined name's reference when its sheet is renamed.
  const names = spec.names.map((n) => {
    let ref = n.ref;
    for (const [from, to] of Object.entries(rename)) ref = ref.replace(`'${from}'!`, `'${to}'!`);
    return { name: n.name, ref };
  });
  return { sheetNames: spec.sheets.map(nameOf), keytaskSheets: resolveRegistry(registry, names), grids };
}

const row = (grid: CellValue[][], id: string) => grid.find((r) => r[0] === id)!;

describe('generation', () => {
  const plan = samplePlan();
  const counties = ['新密市', '登封市', '荥阳市'];

  it('makes the city sheet, one copy per county, the unit directory and the registry', () => {
    const { spec, actions, conflicts } = generateWorkbook(plan, { counties, lang: 'zh' });
    expect(spec.sheets.map((s) => s.name)).toEqual(['重点任务清单', '新密市', '登封市', '荥阳市', '单位名录', 'keytask']);
    expect(spec.sheets.map((s) => s.kind)).toEqual(['city', 'county', 'county', 'county', 'units', 'registry']);
    expect(spec.sheets.at(-1)!.visibility).toBe('veryHidden');
    expect(actions.every((a) => a.action === 'create')).toBe(true);
    expect(conflicts).toEqual([]);
    expect(spec.names.map((n) => n.name)).toEqual(['KT_S_1', 'KT_S_2', 'KT_S_3', 'KT_S_4', 'KT_S_5', 'KT_UNITS']);
    expect(spec.names[1].ref).toBe("'新密市'!$A$1");
    expect(spec.names.at(-1)!.ref).toBe("'单位名录'!$A$2:$A$501");
    const units = spec.sheets[4].values.map((r) => r[0]);
    expect(units[0]).toBe('单位名称');
    expect(units).toContain('市工业和信息化局');
    expect(units).not.toContain('市发展改革委员');
  });

  it('accepts county lists with duplicates and blanks, and keeps sheet names legal', () => {
    const { spec } = generateWorkbook(plan, { counties: ['新密市', ' 新密市 ', '', 'a/b:c'], lang: 'zh' });
    expect(spec.sheets.filter((s) => s.kind === 'county').map((s) => s.name)).toEqual(['新密市', 'a_b_c']);
    expect(legalSheetName('x'.repeat(40))).toHaveLength(31);
    expect(freeSheetName('Sheet', ['sheet', 'Sheet (2)'])).toBe('Sheet (3)');
  });

  it('counts a sheet name in UTF-16 units as Excel does, and never uses the reserved name History', () => {
    const wide = '𠀀'.repeat(20); // 40 UTF-16 units
    expect(legalSheetName(wide)).toBe('𠀀'.repeat(15));
    expect(freeSheetName(wide, ['𠀀'.repeat(15)])).toBe(`${'𠀀'.repeat(13)} (2)`);
    expect(legalSheetName('history')).toBe('history_');
    const { spec } = generateWorkbook(plan, { counties: ['History'], lang: 'zh' });
    expect(spec.sheets.find((s) => s.kind === 'county')!.name).toBe('History_');
  });

  it('an empty template has the period, no tasks and an empty directory', () => {
    const { spec } = generateWorkbook(emptyPlan(2024, 2026), { counties: [], lang: 'zh' });
    expect(spec.sheets.map((s) => s.kind)).toEqual(['city', 'units', 'registry']);
    expect(spec.sheets[0].values[LAYOUT_ROWS.columnHeader].filter((v) => typeof v === 'string' && v.endsWith('年'))).toEqual([
      '2024年',
      '2025年',
      '2026年',
    ]);
  });

  it('never takes the name of a user sheet: it reports the conflict and uses a free name', () => {
    const existing: ExistingWorkbook = { sheetNames: ['重点任务清单', '新密市'], keytaskSheets: [], grids: {} };
    const { spec, conflicts } = generateWorkbook(plan, { counties: ['新密市'], lang: 'zh' }, existing);
    expect(conflicts).toEqual([
      { key: 'city', wanted: '重点任务清单', used: '重点任务清单 (2)' },
      { key: 'county:新密市', wanted: '新密市', used: '新密市 (2)' },
    ]);
    expect(spec.sheets.map((s) => s.name)).not.toContain('新密市');
  });

  it('re-generating keeps what clerks filled, under the names users gave the sheets', () => {
    const first = generateWorkbook(plan, { counties, lang: 'zh' }).spec;
    const existing = asExisting(first, { 新密市: '新密市(已填)' }, (name, grid) => {
      if (name === '新密市(已填)') {
        grid[1][4] = '2025年第2季度';
        const r = row(grid, '10');
        r[6] = 0.3; // county target
        r[8] = 0.1; // 2023 milestone
        r[13] = 0.12; // actual
        r[15] = '已完成年度目标';
        r[16] = '正常推进';
        // A task the county added itself.
        const spare = grid.findIndex((g, i) => i > 10 && g.every((v) => v === null || v === ''));
        grid[spare][0] = '55';
        grid[spare][2] = '本县自加任务';
      }
      if (name === '重点任务清单') row(grid, '7')[15] = '进展顺利';
    });
    expect(existing.keytaskSheets.find((s) => s.key === 'county:新密市')?.sheet).toBe('新密市(已填)');

    const second = generateWorkbook(plan, { counties: [...counties, '巩义市'], lang: 'zh' }, existing);
    expect(second.conflicts).toEqual([]);
    const county = second.spec.sheets.find((s) => s.key === 'county:新密市')!;
    expect(county.name).toBe('新密市(已填)');
    const r = row(county.values, '10');
    expect([r[6], r[8], r[13], r[15], r[16]]).toEqual([0.3, 0.1, 0.12, '已完成年度目标', '正常推进']);
    expect(county.values[1][4]).toBe('2025年第2季度');
    expect(county.values.some((v) => v[0] === '55' && v[2] === '本县自加任务')).toBe(true);
    expect(second.actions.find((a) => a.key === 'county:新密市')).toMatchObject({ action: 'update', kept: ['10'], orphans: ['55'] });
    expect(row(second.spec.sheets[0].values, '7')[15]).toBe('进展顺利');
    expect(second.actions.find((a) => a.key === 'county:巩义市')).toMatchObject({ action: 'create', sheet: '巩义市' });
    // Registry names are stable: the renamed county keeps KT_S_2, the new one gets the next.
    expect(second.spec.names.find((n) => n.name === 'KT_S_2')!.ref).toBe("'新密市(已填)'!$A$1");
    expect(second.spec.names.find((n) => n.name === 'KT_S_6')!.ref).toBe("'巩义市'!$A$1");
  });

  it('the plan wins for what it defines, and a plan change reaches filled sheets', () => {
    const first = generateWorkbook(plan, { counties: [], lang: 'zh' }).spec;
    const existing = asExisting(first, {}, (name, grid) => {
      if (name === '重点任务清单') row(grid, '4')[6] = 999; // a city target typed over the plan's
    });
    const changed = samplePlan();
    changed.tasks.find((t) => t.id === '4')!.text = '力争高端装备产业规模突破350亿元';
    const city = generateWorkbook(changed, { counties: [], lang: 'zh' }, existing).spec.sheets[0];
    expect(row(city.values, '4')[2]).toBe('力争高端装备产业规模突破350亿元');
    expect(row(city.values, '4')[6]).toBe(300);
  });

  it('the generated sheet reads back as the plan it came from', () => {
    const { spec } = generateWorkbook(plan, { counties: [], lang: 'zh' });
    const read = readTaskSheet(spec.sheets[0].values)!;
    const tasks = read.rows.filter((r) => r.type === 'task');
    expect(tasks.map((t) => t.id)).toEqual(plan.tasks.map((t) => t.id));
    expect(read.rows.filter((r) => r.type === 'section').map((r) => r.type === 'section' && r.title)[0]).toBe('加快制造业高端化发展');
    const t17 = tasks.find((t) => t.id === '17')!;
    expect(t17.type === 'task' && [t17.values.unit, t17.values.kind, t17.values.y2023, t17.values.y2025]).toEqual(['%', '占比', 8, 10]);
  });
});
