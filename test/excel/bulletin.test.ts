/** 生成通报 from a roll-up in the open workbook, against the fake Excel: two round trips, the roll-up's figures. */
import type { WorkbookSpec } from '../../src/core/sheet/spec';
import type { Grid } from '../../src/core/sheet/grid';
import { cellInput } from '../../src/hosts/excel/cellInputs';
import { bulletinInExcel } from '../../src/hosts/excel/bulletin';
import { listCountySheets, rollupInExcel } from '../../src/hosts/excel/rollup';
import { Refusal } from '../../src/core/refusal';
import { type FakeExcel, createFakeExcel } from '../support/fakeExcel';
import { cityWorkbook, filledGrids } from '../cli/rollupFixtures';
import { samplePlan } from '../core/sample';

/** The structure with the period history, then every summary sheet's values at once. */
const BULLETIN_SYNCS = 2;

function loadWorkbook(fake: FakeExcel, spec: WorkbookSpec, grids: Record<string, Grid>): void {
  for (const s of spec.sheets) {
    const sheet = fake.workbook.addSheet(s.name);
    (grids[s.name] ?? s.values).forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) sheet.writeInput(r, c, cellInput(v));
      }),
    );
    if (s.visibility !== 'visible') fake.workbook.setVisibility(sheet, s.visibility === 'hidden' ? 'Hidden' : 'VeryHidden');
  }
  for (const n of spec.names) fake.workbook.addName(n.name, `=${n.ref}`);
  fake.resetCounts();
}

describe('生成通报 in Excel', () => {
  it(`drafts from the summary sheets in ${BULLETIN_SYNCS} syncs, every figure the roll-up's`, async () => {
    const fake = createFakeExcel();
    const spec = cityWorkbook(samplePlan(), ['新密市', '登封市', '荥阳市']);
    loadWorkbook(fake, spec, filledGrids(spec));
    await expect(bulletinInExcel(fake.api, { lang: 'zh' })).rejects.toBeInstanceOf(Refusal);
    expect((await listCountySheets(fake.api)).summary).toBe(false);

    const r = await rollupInExcel(fake.api, { lang: 'zh', confirm: async () => true });
    expect((await listCountySheets(fake.api)).summary).toBe(true);
    fake.resetCounts();
    const { data, doc } = await bulletinInExcel(fake.api, { lang: 'zh' });
    expect(fake.syncCount).toBe(BULLETIN_SYNCS);
    expect(data.ranking.map((e) => [e.county, e.rank, e.score])).toEqual(r.result!.ranking.map((e) => [e.county, e.rank, e.score]));
    const t4 = r.result!.tasks.find((t) => t.id === '4')!;
    expect(data.tasks.find((t) => t.id === '4')).toMatchObject({ actual: t4.total!.actual, countyTargets: t4.total!.target });
    // lead units from the city list in the same workbook
    expect(data.tasks.find((t) => t.id === '4')!.lead.length).toBeGreaterThan(0);
    expect(doc.title).toContain('重点任务推进情况的通报');
  });
});
