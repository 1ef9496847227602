/** Reading many sheets under Excel on the web's response limit (a small limit here, so the data stays small). */
import { loadStructure, structureOf } from '../../src/hosts/excel/structure';
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

  describe('planned from the extents the structure read brings', () => {
    /** Cells of three-character text: 12 bytes each in an answer, as dense as keytask's task sheets. */
    const dense = (fake: ReturnType<typeof createFakeExcel>, name: string, rows: number, text = '推进中'): void =>
      fake.workbook.type(
        name,
        'B2',
        Array.from({ length: rows }, () => [text, '已完成', '滞后了', '未开始']),
      );

    /** The structure read as operations make it (one sync, not counted), then the counts reset. */
    async function extentsOf(fake: ReturnType<typeof createFakeExcel>): Promise<Map<string, string | null>> {
      const extents = await fake.api.run(async (ctx) => {
        const load = loadStructure(ctx);
        await ctx.sync();
        return structureOf(load).extents;
      });
      fake.resetCounts();
      return extents;
    }

    /** What each sheet's values weigh, as the fake answers them one at a time. */
    async function answerBytes(fake: ReturnType<typeof createFakeExcel>, names: string[]): Promise<number> {
      let total = 0;
      for (const n of names) {
        await fake.api.run((ctx) => readUsedRanges(ctx, [n]));
        total += fake.requests[fake.requests.length - 1].responseBytes ?? 0;
      }
      fake.resetCounts();
      return total;
    }

    it('reads a workbook just over the limit in the fewest answers, none refused', async () => {
      const names = Array.from({ length: 12 }, (_, i) => `县${i + 1}`);
      const probe = createFakeExcel({ sheets: names });
      for (const n of names) dense(probe, n, 20);
      const total = await answerBytes(probe, names);
      // just over one answer's worth: the floor is two
      const limit = Math.floor(total / 1.1);
      const fake = createFakeExcel({ sheets: names, payloadLimit: limit });
      for (const n of names) dense(fake, n, 20);
      const extents = await extentsOf(fake);
      expect(extents.get('县1')).toBe('县1!B2:E21');
      const read = await fake.api.run((ctx) => readUsedRanges(ctx, names, { extents, limit }));
      expect(read.syncs).toBe(Math.ceil(total / limit));
      expect(read.syncs).toBe(2);
      expect(fake.requests.every((q) => (q.responseBytes ?? 0) <= limit)).toBe(true);
      for (const n of names) expect(read.sheets.get(n)!.grid[20]).toEqual([null, '推进中', '已完成', '滞后了', '未开始']);
    });

    it('still reads a small workbook in one request', async () => {
      const names = ['甲', '乙', '丙'];
      const fake = createFakeExcel({ sheets: names, payloadLimit: LIMIT });
      for (const n of names) dense(fake, n, 10);
      const extents = await extentsOf(fake);
      const read = await fake.api.run((ctx) => readUsedRanges(ctx, names, { extents, limit: LIMIT }));
      expect(read.syncs).toBe(1);
      expect(fake.syncCount).toBe(1);
    });

    it('reads one sheet larger than an answer in blocks of rows planned up front, merges included', async () => {
      const fake = createFakeExcel({ apiVersion: '1.13', sheets: ['大表'], payloadLimit: LIMIT });
      dense(fake, '大表', 1000); // some 48 KB of values: over twice what one answer carries
      await fake.api.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('大表').getRange('F3:F9').merge(false);
        await ctx.sync();
      });
      const extents = await extentsOf(fake);
      const read = await fake.api.run((ctx) => readUsedRanges(ctx, ['大表'], { extents, limit: LIMIT, merges: true }));
      const grid = read.sheets.get('大表')!.grid;
      expect(grid).toHaveLength(1001);
      expect(grid[1000]).toEqual([null, '推进中', '已完成', '滞后了', '未开始']);
      expect(read.sheets.get('大表')!.merges).toEqual(['F3:F9']);
      // no request for its extent, none refused: ~1000 rows × 4 cells × 14 bytes over 20 KB
      expect(fake.requests.every((q) => (q.responseBytes ?? 0) <= LIMIT)).toBe(true);
      expect(read.syncs).toBe(Math.ceil((1000 * 4 * 14) / (LIMIT - 256)));
    });

    it('reads sheets far heavier than their estimate through the refusal split', async () => {
      const names = ['甲', '乙', '丙', '丁', '戊', '己'];
      const fake = createFakeExcel({ sheets: names, payloadLimit: LIMIT });
      // the probed sheet is as the estimate expects; the others hold long text in every cell
      dense(fake, '甲', 40);
      for (const n of names.slice(1)) dense(fake, n, 40, `很长的说明${'文字'.repeat(10)}`);
      const extents = await extentsOf(fake);
      const read = await fake.api.run((ctx) => readUsedRanges(ctx, names, { extents, limit: LIMIT }));
      expect(fake.requests.some((q) => (q.responseBytes ?? 0) > LIMIT)).toBe(true);
      expect(read.sheets.get('甲')!.grid[40][1]).toBe('推进中');
      for (const n of names.slice(1)) expect(read.sheets.get(n)!.grid[40][1]).toBe(`很长的说明${'文字'.repeat(10)}`);
      expect(read.syncs).toBe(fake.syncCount);
    });
  });
});
