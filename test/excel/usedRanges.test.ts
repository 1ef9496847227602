/** Reading many sheets under Excel on the web's response limit (a small limit here, so the data stays small). */
import { readUsedRanges } from '../../src/hosts/excel/usedRanges';
import { createFakeExcel } from '../support/fakeExcel';

const LIMIT = 20_000;

/** A sheet of `rows` rows of text starting at B3, so the grid must be padded back to A1. */
function fill(fake: ReturnType<typeof createFakeExcel>, name: string, rows: number): void {
  fake.workbook.type(
    name,
    'B3',
    Array.from({ length: rows }, (_, r) => [`${name}-${r}`, `任务说明${'文字'.repeat(20)}`, r]),
  );
}

describe('readUsedRanges', () => {
  it('reads everything in one sync while the answer fits', async () => {
    const fake = createFakeExcel({ payloadLimit: LIMIT });
    for (const n of ['甲', '乙']) fill(fake, n, 10);
    const read = await fake.api.run((ctx) => readUsedRanges(ctx, ['甲', '乙']));
    expect(read.syncs).toBe(1);
    expect(read.sheets.get('甲')!.grid[2]).toEqual([null, '甲-0', `任务说明${'文字'.repeat(20)}`, 0]);
    expect(read.sheets.get('乙')!.grid).toHaveLength(12);
  });

  it('splits the sheets into smaller requests when the answer is too large, and loses none', async () => {
    const fake = createFakeExcel({ payloadLimit: LIMIT });
    const names = Array.from({ length: 12 }, (_, i) => `县${i + 1}`);
    for (const n of names) fill(fake, n, 20);
    const read = await fake.api.run((ctx) => readUsedRanges(ctx, names));
    expect([...read.sheets.keys()].sort()).toEqual([...names].sort());
    for (const n of names) expect(read.sheets.get(n)!.grid[21][1]).toBe(`${n}-19`);
    expect(fake.requests.filter((q) => q.responseBytes ?? 0 > LIMIT).length).toBeGreaterThan(0);
    expect(read.syncs).toBe(fake.syncCount);
  });

  it('reads one sheet larger than a response in blocks of rows, merges included', async () => {
    const fake = createFakeExcel({ apiVersion: '1.13', payloadLimit: LIMIT });
    fill(fake, '大表', 400);
    await fake.api.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('大表').getRange('F3:F9').merge(false);
      await ctx.sync();
    });
    fake.resetCounts();
    const read = await fake.api.run((ctx) => readUsedRanges(ctx, ['大表'], { merges: true }));
    const grid = read.sheets.get('大表')!.grid;
    expect(grid).toHaveLength(402);
    expect(grid[401][1]).toBe('大表-399');
    expect(grid[200][3]).toBe(198);
    expect(read.sheets.get('大表')!.merges).toEqual(['F3:F9']);
    // the whole sheet at once was refused; the blocks that followed brought it all
    expect(fake.requests.some((q) => (q.responseBytes ?? 0) > LIMIT)).toBe(true);
  });

  it('reads a sheet over the cells one range may read (five million in Excel; 300 here) in blocks', async () => {
    const fake = createFakeExcel({ rangeCellLimit: 300 });
    fill(fake, '大表', 400);
    await expect(
      fake.api.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('大表').getUsedRange().load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
    const read = await fake.api.run((ctx) => readUsedRanges(ctx, ['大表']));
    const grid = read.sheets.get('大表')!.grid;
    expect(grid).toHaveLength(402);
    expect(grid[401][1]).toBe('大表-399');
  });

  it('sends the loads that travel alongside again after a refused request', async () => {
    const fake = createFakeExcel({ payloadLimit: LIMIT });
    const names = ['甲', '乙', '丙', '丁'];
    for (const n of names) fill(fake, n, 60);
    let calls = 0;
    let sheetsLoaded: Excel.WorksheetCollection | null = null;
    await fake.api.run(async (ctx) => {
      await readUsedRanges(ctx, names, {
        alongside: () => {
          calls++;
          sheetsLoaded = ctx.workbook.worksheets.load('items/name');
        },
      });
      expect(sheetsLoaded!.items.map((w) => w.name)).toContain('丁');
    });
    expect(calls).toBe(2);
  });

  it('lets any other error through', async () => {
    const fake = createFakeExcel({ payloadLimit: LIMIT });
    await expect(fake.api.run((ctx) => readUsedRanges(ctx, ['没有这张表']))).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});
