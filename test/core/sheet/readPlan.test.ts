import { BYTES_PER_CELL, SHEET_OVERHEAD, type ReadStep, planSheetReads } from '../../../src/core/sheet/readPlan';

/** A used range of `rows` × `cols` from A1. */
const extent = (rows: number, cols: number) => ({ row1: 0, col1: 0, row2: rows - 1, col2: cols - 1 });
const weight = (rows: number, cols: number): number => SHEET_OVERHEAD + rows * cols * BYTES_PER_CELL;
const groups = (steps: ReadStep[]): string[][] => steps.flatMap((s) => ('sheets' in s ? [s.sheets] : []));

describe('planSheetReads', () => {
  it('asks for everything in one request when no extent is known, or when all fits', () => {
    expect(planSheetReads([{ name: 'a' }, { name: 'b' }], 1000)).toEqual([{ sheets: ['a', 'b'] }]);
    expect(planSheetReads([{ name: 'a', extent: extent(2, 2) }, { name: 'b' }], 1000)).toEqual([{ sheets: ['a', 'b'] }]);
    expect(planSheetReads([], 1000)).toEqual([]);
  });

  it('splits sheets into the fewest requests the estimate allows, in order', () => {
    const names = Array.from({ length: 10 }, (_, i) => `s${i}`);
    const limit = weight(100, 10) * 4 + 1; // four sheets a request: three requests for ten
    const steps = planSheetReads(
      names.map((name) => ({ name, extent: extent(100, 10) })),
      limit,
    );
    expect(groups(steps).map((g) => g.length)).toEqual([4, 4, 2]);
    expect(groups(steps).flat()).toEqual(names);
  });

  it('takes a sheet whose extent is unknown to be as large as the largest known', () => {
    const limit = weight(100, 10) * 2 + 1;
    const steps = planSheetReads(
      [{ name: 'city', extent: extent(100, 10) }, { name: 'a' }, { name: 'b' }, { name: 'empty', extent: null }],
      limit,
    );
    expect(groups(steps)).toEqual([
      ['city', 'a'],
      ['b', 'empty'],
    ]);
  });

  it('reads a sheet too large for one answer in blocks of whole rows that cover it once', () => {
    const big = { row1: 2, col1: 1, row2: 1001, col2: 4 };
    const limit = weight(300, 4);
    const steps = planSheetReads(
      [
        { name: 'small', extent: extent(5, 4) },
        { name: 'big', extent: big },
      ],
      limit,
    );
    expect(groups(steps)).toEqual([['small']]);
    const blocks = steps.flatMap((s) => ('rows' in s ? [s.rows] : []));
    expect(blocks.length).toBe(Math.ceil(1000 / 299));
    expect(blocks[0][0]).toBe(2);
    expect(blocks[blocks.length - 1][1]).toBe(1001);
    for (let i = 1; i < blocks.length; i++) expect(blocks[i][0]).toBe(blocks[i - 1][1] + 1);
    for (const [a, b] of blocks) expect(SHEET_OVERHEAD + (b - a + 1) * 4 * BYTES_PER_CELL).toBeLessThanOrEqual(limit);
  });
});
