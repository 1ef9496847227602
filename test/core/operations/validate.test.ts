import { generate } from '../../../src/core/operations/generate';
import { SheetNotFoundError, sheetsToValidate, validate } from '../../../src/core/operations/validate';
import { REGISTRY_SHEET } from '../../../src/core/sheet/registry';
import { samplePlan } from '../sample';
import { readBack } from './support';

const { spec } = generate({ plan: samplePlan(), counties: ['新密市', '登封市'], lang: 'en' });
const { sheets, names } = readBack(spec);
const registry = sheets.find((s) => s.name === REGISTRY_SHEET)!.grid!;

describe('validate operation', () => {
  it('asks the host to read the task sheets and the directory only', () => {
    const { read, plan } = sheetsToValidate(sheets, registry, names);
    expect(read).toEqual(['Key tasks', '新密市', '登封市', 'Unit directory']);
    expect(plan.lang).toBe('en');
    expect(sheetsToValidate(sheets, registry, names, '新密市').read).toEqual(['新密市', 'Unit directory']);
  });

  it("checks the registry's task sheets in the workbook's language, counting the findings", () => {
    const { report, lang } = validate(sheets, names);
    expect(lang).toBe('en');
    expect(report.checked).toEqual(['Key tasks', '新密市', '登封市']);
    expect(report.skipped).toEqual([]);
    expect(report.counts.total).toBe(report.findings.length);
    // Fresh county copies are unfilled: one finding each says so.
    expect(report.findings.filter((f) => f.code === 'county-unfilled').map((f) => f.sheet)).toEqual(['新密市', '登封市']);
    expect(validate(sheets, names, { lang: 'zh' }).lang).toBe('zh');
  });

  it('checks one sheet when asked, and refuses a sheet that is not there', () => {
    expect(validate(sheets, names, { sheet: '登封市' }).report.checked).toEqual(['登封市']);
    expect(() => validate(sheets, names, { sheet: '洛阳' })).toThrow(SheetNotFoundError);
  });
});
