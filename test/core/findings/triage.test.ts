/**
 * Findings a reviewer can work through: errors first, identical findings as one entry, an
 * unfilled county copy as one 未填报, a city mistake once on the city sheet.
 */
import { type Finding, finding } from '../../../src/core/findings/catalogue';
import { bySeverity, idRuns, triage } from '../../../src/core/findings/triage';
import { generateWorkbook } from '../../../src/core/generate/generate';
import { FIXED_COLUMNS } from '../../../src/core/layout/columns';
import type { Grid } from '../../../src/core/sheet/grid';
import { isFormula } from '../../../src/core/sheet/spec';
import { UnitDirectory } from '../../../src/core/validate/directory';
import { validateWorkbook } from '../../../src/core/validate/workbook';
import { samplePlan } from '../sample';

const at = (sheet: string, cell: string | null, taskId: string | null) => ({ sheet, cell, taskId });

describe('triage', () => {
  const findings: Finding[] = [
    finding('progress-behind', 'zh', at('新密市', 'P6', '1'), { period: '6月', actual: 1, expected: 2 }),
    finding('target-missing', 'zh', at('新密市', 'G7', '2')),
    finding('number-converted', 'zh', at('新密市', 'G8', '3'), { field: '目标值', text: '1万', unit: '个', value: 10000 }),
    finding('target-missing', 'zh', at('新密市', 'G8', '3')),
    finding('target-missing', 'zh', at('新密市', 'G9', '4')),
    finding('target-missing', 'zh', at('新密市', 'G11', '6')),
    finding('lead-missing', 'zh', at('新密市', 'L12', '7')),
  ];

  it('lists errors first, then warnings, then notes, each in the order found', () => {
    expect(bySeverity(findings).map((f) => f.code)).toEqual([
      'target-missing',
      'target-missing',
      'target-missing',
      'target-missing',
      'lead-missing',
      'progress-behind',
      'number-converted',
    ]);
  });

  it('makes identical findings one entry with their cells and task ids', () => {
    const entries = triage(findings, 'zh');
    expect(entries.map((e) => [e.title, e.items.length, e.taskIds])).toEqual([
      ['缺少目标值', 4, '2–4、6'],
      ['缺少牵头单位', 1, '7'],
      ['进度滞后', 1, '1'],
      ['数值已换算', 1, '3'],
    ]);
    expect(entries[0].cells).toEqual(['G7', 'G8', 'G9', 'G11']);
  });

  it('writes task ids as runs', () => {
    expect(idRuns(['1', '2', '3', '5', '７', '8', '10'])).toBe('1–3、5、7–8、10');
    expect(idRuns(['A1', '2'])).toBe('A1、2');
  });
});

describe('validating a whole workbook', () => {
  const plan = samplePlan();
  // a mistake of the city list itself: task 1 led by an office not in the directory
  plan.tasks[0].lead = ['市发改委'];
  const { spec } = generateWorkbook(plan, { counties: ['新密市', '登封市'], lang: 'zh' });
  const grids = new Map<string, Grid>(spec.sheets.map((s) => [s.name, s.values.map((row) => row.map((v) => (isFormula(v) ? null : v)))]));
  // 新密市 fills its targets; 登封市 sends its copy back as it got it
  const xinmi = grids.get('新密市')!;
  const header = xinmi.findIndex((r) => r.some((v) => v === FIXED_COLUMNS.target.header.zh || v === `*${FIXED_COLUMNS.target.header.zh}`));
  const targetCol = xinmi[header].findIndex((v) => typeof v === 'string' && v.replace('*', '') === FIXED_COLUMNS.target.header.zh);
  for (let r = header + 2; r < xinmi.length; r++) if (/^\d+$/.test(String(xinmi[r][0] ?? ''))) xinmi[r][targetCol] = 5;
  const sheets = spec.sheets.map((s) => ({ name: s.name, visibility: s.visibility, grid: grids.get(s.name)!, merges: s.merges }));
  const v = validateWorkbook(sheets, spec.names, { lang: 'zh' });

  it('reports a county copy not yet filled once, as 未填报', () => {
    const dengfeng = v.findings.filter((f) => f.sheet === '登封市');
    expect(dengfeng.filter((f) => f.code === 'county-unfilled')).toHaveLength(1);
    // the blanks it has to fill are not listed; a blank of the city list's own (计量单位) still is, as inherited
    const blanks = dengfeng.filter((f) => f.code === 'required-missing' || f.code === 'target-missing');
    expect(blanks.map((f) => [f.params.field, f.inheritedFrom])).toEqual([
      ['计量单位', '重点任务清单'],
      ['计量单位', '重点任务清单'],
    ]);
    expect(v.findings.filter((f) => f.sheet === '新密市' && f.code === 'county-unfilled')).toEqual([]);
    expect(dengfeng[0].message).toMatch(/^本表尚未填报/);
  });

  it("shows the city list's own mistake once, on the city sheet, marking the county copies", () => {
    const lead = v.findings.filter((f) => f.code === 'unit-unknown' && f.taskId === '1');
    expect(lead.map((f) => [f.sheet, f.inheritedFrom ?? null])).toEqual([
      ['重点任务清单', null],
      ['新密市', '重点任务清单'],
      ['登封市', '重点任务清单'],
    ]);
    const entries = triage(v.findings, 'zh').filter((e) => e.code === 'unit-unknown' && e.taskIds === '1');
    expect(entries).toHaveLength(1);
    expect(entries[0].sheet).toBe('重点任务清单');
    expect(entries[0].alsoIn).toEqual(['新密市', '登封市']);
    expect(entries[0].taskText).toBe(plan.tasks[0].text);
  });

  it('names the abbreviated office the directory holds in full', () => {
    expect(v.findings.find((f) => f.code === 'unit-unknown' && f.taskId === '1')?.message).toContain('是否应为“市发展改革委”');
  });
});

describe('unit names under their short forms', () => {
  const dir = new UnitDirectory(['市发展改革委', '市工业和信息化局', '市人力资源和社会保障局', '县住房和城乡建设局']);
  it.each([
    ['市发改委', '市发展改革委'],
    ['市工信局', '市工业和信息化局'],
    ['市人社局', '市人力资源和社会保障局'],
    ['县住建局', '县住房和城乡建设局'],
    ['市发展改革委员', '市发展改革委'],
  ])('%s → %s', (unit, suggestion) => expect(dir.suggest(unit)).toBe(suggestion));
  it('does not offer another level of government', () => expect(dir.suggest('县人社局')).toBeNull());
});
