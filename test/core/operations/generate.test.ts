import { generate, planToGenerate, sheetsToRead } from '../../../src/core/operations/generate';
import { fileToRegenerate, regenerate, workbookDefaults } from '../../../src/core/operations/regenerate';
import { REGISTRY_SHEET, liveKeytaskSheets } from '../../../src/core/sheet/registry';
import type { WorkbookSpec } from '../../../src/core/sheet/spec';
import { samplePlan } from '../sample';
import { readBack } from './support';

/** A generated workbook as the CLI reads it back to re-generate it. */
function existingOf(spec: WorkbookSpec) {
  const { sheets, names } = readBack(spec);
  const keytask = liveKeytaskSheets(
    sheets.find((s) => s.name === REGISTRY_SHEET)!.grid,
    names,
    sheets.map((s) => s.name),
  );
  return { sheets: sheets.map((s) => ({ ...s, grid: s.grid! })), keytask };
}

describe('generate operation', () => {
  it('writes the city list, a copy per county, the directory and the registry', () => {
    const plan = samplePlan();
    const g = generate({ plan, counties: ['新密市', ' 登封市 ', '新密市'] });
    expect(g.report.sheets).toEqual(['重点任务清单', '新密市', '登封市', '单位名录']);
    expect(g.spec.sheets.map((s) => s.kind)).toContain('registry');
    expect(g.report).toMatchObject({ tasks: plan.tasks.length, lang: 'zh', regenerated: false, keptCounties: [] });
    expect(g.report.counts.total).toBe(0);
    expect(g.activate).toBe('重点任务清单');
    expect(g.updatable).toEqual([]);
    expect(g.actions.every((a) => a.action === 'create')).toBe(true);
    expect(sheetsToRead({ counties: ['新密市'] })).toEqual(['city', 'county:新密市', 'units']);
  });

  it('takes the plan period, or the years asked for, or the blank template for this year on', () => {
    expect(planToGenerate(null, { thisYear: 2030 })).toMatchObject({ startYear: 2030, endYear: 2032, tasks: [] });
    expect(planToGenerate(null, { workbookYears: [2021, 2023], thisYear: 2030 })).toMatchObject({ startYear: 2021, endYear: 2023 });
    const plan = planToGenerate(samplePlan(), { years: [2026, 2030], workbookYears: [2021, 2023], thisYear: 2030 });
    expect(plan).toMatchObject({ startYear: 2026, endYear: 2030 });
    expect(plan.tasks.length).toBe(samplePlan().tasks.length);
  });
});

describe('regenerate operation', () => {
  const first = generate({ plan: samplePlan(), counties: ['新密市', '登封市'], lang: 'en' });
  const { sheets, keytask } = existingOf(first.spec);

  it("keeps the workbook's language and, writing the whole file, the counties the list leaves out", () => {
    const existing = fileToRegenerate(sheets, keytask);
    if ('refused' in existing) throw new Error('refused');
    expect(workbookDefaults(existing)).toEqual({ lang: 'en', years: [2023, 2025] });
    const g = regenerate({ plan: samplePlan(), counties: ['巩义市'] }, { existing, registryExists: true, write: 'file' });
    expect(g.report).toMatchObject({
      lang: 'en',
      regenerated: true,
      counties: ['新密市', '登封市', '巩义市'],
      keptCounties: ['新密市', '登封市'],
    });
    expect(g.actions.filter((a) => a.action === 'create').map((a) => a.sheet)).toEqual(['巩义市']);
    expect(g.updatable).toEqual(['Key tasks', '新密市', '登封市', 'Unit directory', REGISTRY_SHEET]);
  });

  it('in place, generates only the counties listed (the others stay as they are)', () => {
    const existing = { sheetNames: sheets.map((s) => s.name), keytaskSheets: keytask, grids: {} };
    const g = regenerate({ plan: samplePlan(), counties: ['巩义市'], lang: 'zh' }, { existing, registryExists: true, write: 'in-place' });
    expect(g.report.counties).toEqual(['巩义市']);
    expect(g.report.keptCounties).toEqual([]);
    expect(g.spec.names.map((n) => n.ref)).toEqual(expect.arrayContaining(["'新密市'!$A$1", "'登封市'!$A$1"]));
  });

  it("refuses to rewrite a workbook keytask did not make, or one whose user's sheets would be lost", () => {
    expect(fileToRegenerate(sheets, [])).toEqual({ refused: 'not-keytask' });
    const mine = [...sheets, { name: '说明', visibility: 'visible' as const, grid: [['x']] }];
    expect(fileToRegenerate(mine, keytask)).toEqual({ refused: 'would-lose', sheets: ['说明'] });
  });
});
