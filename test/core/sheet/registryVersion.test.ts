import { generate } from '../../../src/core/operations/generate';
import { NewerRegistryError, REGISTRY_VERSION, parseRegistry } from '../../../src/core/sheet/registry';
import type { CellValue } from '../../../src/core/sheet/spec';
import { samplePlan } from '../sample';

const registry = (): CellValue[][] =>
  generate({ plan: samplePlan(), counties: ['新密市'] }).spec.sheets.find((s) => s.kind === 'registry')!.values;

describe('the registry version', () => {
  it('is written on every row and read back', () => {
    const values = registry();
    expect(values[0][7]).toBe('version');
    expect(values.slice(1).every((r) => r[7] === REGISTRY_VERSION)).toBe(true);
    expect(parseRegistry(values).map((e) => e.key)).toEqual(['city', 'county:新密市', 'units']);
  });

  it('reads a registry from before versions (no column, or blank) as today', () => {
    const old = registry().map((r) => r.slice(0, 7));
    expect(parseRegistry(old)).toHaveLength(3);
    const blank = registry().map((r, i) => (i === 0 ? r : [...r.slice(0, 7), null]));
    expect(parseRegistry(blank)).toHaveLength(3);
  });

  it('refuses a registry a newer keytask wrote, saying so in both languages', () => {
    const newer = registry().map((r, i) => (i === 2 ? [...r.slice(0, 7), 99] : r));
    let error: unknown;
    try {
      parseRegistry(newer);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NewerRegistryError);
    const e = error as NewerRegistryError;
    expect(e.version).toBe(99);
    expect(e.describe('zh')).toBe('此工作簿由更新版本的 keytask 生成(登记表版本 99),请升级 keytask 后再操作');
    expect(e.describe('en')).toMatch(/newer keytask \(registry version 99\); upgrade keytask/);
    expect(e.message).toContain(e.describe('zh'));
  });
});
