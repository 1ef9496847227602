/**
 * Group subjects in the unit directory (`各乡镇政府、街道办事处`, `各县(市、区)人民政府`): an entry
 * that holds 、 is one unit, and a responsibility cell that lists it is matched whole.
 */
import { generateWorkbook } from '../../../src/core/generate/generate';
import { importPlan } from '../../../src/core/import';
import type { Grid } from '../../../src/core/sheet/grid';
import { isFormula } from '../../../src/core/sheet/spec';
import { UnitDirectory } from '../../../src/core/validate/directory';
import { validateGrid } from '../../../src/core/validate/validate';
import { validateWorkbook } from '../../../src/core/validate/workbook';
import { seedText } from '../../support/seeds';
import { samplePlan } from '../sample';

const GROUP = '各乡镇政府、街道办事处';

describe('UnitDirectory.join', () => {
  const dir = new UnitDirectory(['市科工信局', GROUP, '各县(市、区)人民政府', '各相关单位、各有关部门、各园区']);

  it('puts back together the parts a list splitter cut out of one entry', () => {
    expect(dir.join(['市科工信局', '各乡镇政府', '街道办事处'])).toEqual(['市科工信局', GROUP]);
    expect(dir.join(['各乡镇政府', '街道办事处', '市科工信局'])).toEqual([GROUP, '市科工信局']);
    expect(dir.join(['各相关单位', '各有关部门', '各园区'])).toEqual(['各相关单位、各有关部门、各园区']);
    // full-width and traditional forms of the same parts match as the directory matches names
    expect(dir.join(['各鄉鎮政府', '街道辦事處'])).toEqual(['各鄉鎮政府、街道辦事處']);
  });

  it('leaves alone parts that do not make up an entry, and lists without any', () => {
    expect(dir.join(['街道办事处', '各乡镇政府'])).toEqual(['街道办事处', '各乡镇政府']);
    expect(dir.join(['各乡镇政府'])).toEqual(['各乡镇政府']);
    expect(dir.join(['各相关单位', '各有关部门'])).toEqual(['各相关单位', '各有关部门']);
    expect(dir.join([])).toEqual([]);
    expect(dir.has(GROUP)).toBe(true);
  });
});

describe('a responsibility cell that lists a group subject', () => {
  const units = [...samplePlan().units, GROUP];
  const plan = samplePlan();
  const { spec } = generateWorkbook(plan, { counties: [], lang: 'zh' });
  const city = spec.sheets.find((s) => s.kind === 'city')!;
  const grid = (): Grid => city.values.map((r) => r.map((v) => (isFormula(v) ? null : v)));
  const row = (g: Grid, id: string) => g.findIndex((r) => r[0] === id);
  const LEAD = 11;
  const COOP = 12;
  const unknown = (g: Grid) =>
    validateGrid(g, { sheet: 'S', lang: 'zh', units })
      .filter((f) => f.code === 'unit-unknown' || f.code === 'unit-lead-and-cooperating' || f.code === 'lead-first-listed')
      .map((f) => `${f.code}@${f.cell}`);
  const clean = unknown(grid());

  it('is matched whole among cooperating units, as the lead, and in a bare 责任单位 list', () => {
    const g = grid();
    g[row(g, '22')][COOP] = `市财政局、${GROUP}`;
    g[row(g, '23')][LEAD] = GROUP;
    g[row(g, '23')][COOP] = null;
    expect(unknown(g)).toEqual(clean);
  });

  it('still reports a part of it written alone', () => {
    const g = grid();
    g[row(g, '22')][COOP] = '市财政局、街道办事处';
    const added = validateGrid(g, { sheet: 'S', lang: 'zh', units }).filter(
      (f) => f.code === 'unit-unknown' && !clean.includes(`${f.code}@${f.cell}`),
    );
    expect(added.map((f) => f.params)).toEqual([{ unit: '街道办事处' }]);
  });

  it('in a four-column sheet whose 责任单位 is a bare list, first listed leading', () => {
    const g: Grid = [
      ['序号', '重点任务', '完成时限和目标', '责任单位'],
      ['1', '强化目标跟踪管理', '2025年完成', `${GROUP}、市财政局`],
      ['2', '加强要素保障', '2025年完成', `市财政局、${GROUP}`],
    ];
    const f = validateGrid(g, { sheet: 'S', lang: 'zh', units });
    expect(f.filter((x) => x.code === 'unit-unknown')).toEqual([]);
    expect(f.filter((x) => x.code === 'lead-first-listed').map((x) => x.params)).toEqual([{ unit: GROUP }, { unit: '市财政局' }]);
  });
});

describe('seed 000 imported, generated and checked', () => {
  it('its template passes its own unit check: the group subject is one unit of the directory', () => {
    const r = importPlan(seedText('000'), { lang: 'zh', source: '000.txt' });
    expect(r.units).toContain(GROUP);
    expect(r.tasks.filter((t) => t.cooperating.includes(GROUP)).length).toBeGreaterThan(30);
    const { spec } = generateWorkbook(r.plan, { counties: ['新密市'], lang: 'zh' });
    const sheets = spec.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      grid: s.values.map((row) => row.map((v) => (isFormula(v) ? null : v))),
      merges: s.merges,
    }));
    const v = validateWorkbook(sheets, spec.names, { lang: 'zh' });
    expect(v.checked).toEqual(['重点任务清单', '新密市']);
    expect(v.findings.filter((f) => f.code === 'unit-unknown')).toEqual([]);
  });
});
