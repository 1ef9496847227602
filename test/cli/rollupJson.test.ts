/**
 * `keytask rollup --format json` is written a task at a time (rollupJsonPieces), never as one
 * string: the pieces, each followed by a line end, are byte for byte the JSON of the whole —
 * with line ends, quotes and control characters inside the county's text, with no task, and
 * with the comparison to last period.
 */
import { benchPlan, cityWorkbook, filledCounties, valuesOf } from '../../bench/data';
import { readTaskSheet } from '../../src/core/layout/reader';
import { headerlessRollup, rollup, type RollupResult } from '../../src/core/rollup/rollup';
import { rollupJson, rollupJsonPieces } from '../../src/cli/rollupOutput';

function results(): RollupResult[] {
  const plan = benchPlan(12);
  const counties = ['甲县', '乙县'];
  const spec = cityWorkbook(plan, counties);
  const city = valuesOf(spec, spec.sheets[0].name);
  const grids = filledCounties(plan, spec, counties);
  // A task text typed over with a line end, a quote, a tab and an escape in it.
  const read = readTaskSheet(grids['乙县'])!;
  const first = read.rows.find((r) => r.type === 'task')!;
  grids['乙县'][first.row][read.columns.task!] = '另一项\n"任务"\t\x1b[31m';
  grids['乙县'][first.row + 1][read.columns.progress!] = '进展\r\n良好';
  const period = setPeriod;
  const one = rollup(
    { grid: period(city, '2024年第2季度'), source: 'city' },
    counties.map((c) => ({ county: c, source: c, grid: period(grids[c], '2024年第2季度') })),
    {
      lang: 'zh',
      counties: [...counties, '丙县'],
    },
  );
  const two = rollup(
    { grid: period(city, '2024年第3季度'), source: 'city' },
    counties.map((c) => ({ county: c, source: c, grid: period(grids[c], '2024年第3季度') })),
    {
      lang: 'zh',
      counties,
      ...(one.history ? { history: one.history } : {}),
    },
  );
  return [one, two, headerlessRollup('city', 'zh')];
}

function setPeriod(grid: ReturnType<typeof valuesOf>, p: string): ReturnType<typeof valuesOf> {
  const g = grid.map((r) => [...r]);
  for (const row of g) {
    const at = row.indexOf('报送期:');
    if (at >= 0) row[at + 1] = p;
  }
  return g;
}

describe('the roll-up JSON written a task at a time', () => {
  const all = results();

  it('covers a comparison with last period, a task text with line ends, and no task at all', () => {
    expect(all[1].periods).toBeDefined();
    expect(all[0].findings.some((f) => f.code === 'task-text-mismatch')).toBe(true);
    expect(all[2].tasks).toEqual([]);
  });

  it.each([0, 1, 2])('result %i: the pieces are the whole JSON', (i) => {
    const pieces = [...rollupJsonPieces(all[i])];
    expect(pieces.join('\n')).toBe(JSON.stringify(rollupJson(all[i]), null, 2));
    if (all[i].tasks.length) expect(pieces.length).toBeGreaterThan(all[i].tasks.length);
  });
});
