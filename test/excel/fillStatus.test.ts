/** 填写状态 through the Excel host, against the fake Excel: syncs, the cells written, the question asked. */
import { CITY_SHEET_NAME } from '../../src/core/generate/generate';
import type { StatusConflict } from '../../src/core/operations/fillStatus';
import { fillStatusInExcel } from '../../src/hosts/excel/fillStatus';
import { generateInExcel } from '../../src/hosts/excel/generate';
import { type FakeExcel, createFakeExcel } from '../support/fakeExcel';
import { samplePlan } from '../core/sample';

const CITY = CITY_SHEET_NAME.zh;
/** The review's read (structure; values; figure formats), then one write of the 状态 cells. */
const FILL_SYNCS = 4;
const READ_SYNCS = 3;

/** The sample plan generated with one county copy; the city list for 2024年第2季度 with four tasks reported. */
async function reported(): Promise<{ fake: FakeExcel; at: (id: string) => string }> {
  const fake = createFakeExcel({ apiVersion: '1.18' });
  await generateInExcel(fake.api, samplePlan(), { counties: ['新密市'], lang: 'zh' }, async () => true);
  const rowOf = (id: string) => fake.workbook.valuesOf(CITY).findIndex((r) => r[0] === id) + 1;
  fake.workbook.type(CITY, 'E2', [['2024年第2季度']]);
  const set = (id: string, actual: number, status?: string) => {
    fake.workbook.type(CITY, `E${rowOf(id)}`, [['家']]);
    fake.workbook.type(CITY, `G${rowOf(id)}`, [[300]]);
    fake.workbook.type(CITY, `I${rowOf(id)}`, [[200, 240, 300]]);
    fake.workbook.type(CITY, `N${rowOf(id)}`, [[actual]]);
    if (status) fake.workbook.type(CITY, `Q${rowOf(id)}`, [[status]]);
  };
  set('4', 215);
  set('10', 230);
  set('17', 220, '滞后');
  set('22', 221, '正常推进');
  fake.resetCounts();
  return { fake, at: (id) => `Q${rowOf(id)}` };
}

const statusOf = (fake: FakeExcel, cell: string): unknown => {
  const row = Number(cell.slice(1)) - 1;
  return fake.workbook.valuesOf(CITY)[row][16];
};

describe('filling 状态 in Excel', () => {
  it(`reads as the review does and writes only the 状态 cells, in ${FILL_SYNCS} syncs, keeping the clerk's choice`, async () => {
    const { fake, at } = await reported();
    const asked: StatusConflict[][] = [];
    const r = await fillStatusInExcel(fake.api, {
      scope: 'all',
      lang: 'zh',
      ask: async (c) => {
        asked.push(c);
        return 'keep';
      },
    });
    expect(fake.syncCount).toBe(FILL_SYNCS);
    expect(r.syncs).toBe(fake.syncCount);
    expect(asked.map((c) => c.map((x) => [x.cell, x.clerk, x.rule]))).toEqual([[[at('17'), '滞后', '序时']]]);
    expect([r.filled, r.overwritten]).toEqual([2, 0]);
    expect(['4', '10', '17', '22'].map((id) => statusOf(fake, at(id)))).toEqual(['滞后', '超序时', '滞后', '正常推进']);
    expect(r.findings.map((f) => [f.code, f.sheet])).toEqual([
      ['status-differs-from-rule', CITY],
      ['reporting-period-unread', '新密市'],
    ]);
  });

  it('writes the rule over a clerk’s choice when the answer is overwrite', async () => {
    const { fake, at } = await reported();
    const r = await fillStatusInExcel(fake.api, { scope: 'active', lang: 'zh', ask: async () => 'overwrite' });
    expect([r.filled, r.overwritten, fake.syncCount]).toEqual([2, 1, FILL_SYNCS]);
    expect(statusOf(fake, at('17'))).toBe('序时');
  });

  it('writes nothing, and does not ask, when every 状态 already agrees', async () => {
    const { fake } = await reported();
    await fillStatusInExcel(fake.api, { scope: 'all', lang: 'zh', ask: async () => 'overwrite' });
    fake.resetCounts();
    const ask = jest.fn(async () => 'keep' as const);
    const again = await fillStatusInExcel(fake.api, { scope: 'all', lang: 'zh', ask });
    expect([again.filled, again.writes.length, fake.syncCount]).toEqual([0, 0, READ_SYNCS]);
    expect(ask).not.toHaveBeenCalled();
  });
});
