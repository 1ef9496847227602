/**
 * Keeps the bench (npm run bench) from rotting: its data generator and the Excel-path and
 * engine measurements run end to end at a tiny size. No timing is asserted, only that the
 * figures are there and the fixed facts hold (syncs, sums).
 */
import { benchPlan, cityWorkbook, countyNames, filledCounties, measuredIds } from '../../bench/data';
import { benchEngine, benchSingleSheet, median } from '../../bench/engine';
import { benchExcel } from '../../bench/excelPath';
import { checkTargets, formatReport } from '../../bench/report';
import { readTaskSheet } from '../../src/core/layout/reader';
import { rollup } from '../../src/core/rollup/rollup';

describe('bench', () => {
  it('generates plans of any size and fills every measured task of each county', () => {
    const plan = benchPlan(70);
    expect(plan.tasks).toHaveLength(70);
    expect(new Set(plan.tasks.map((t) => t.id)).size).toBe(70);
    const names = countyNames(2);
    const spec = cityWorkbook(plan, names);
    const grids = filledCounties(plan, spec, names);
    const city = spec.sheets[0].values;
    const r = rollup(
      { grid: city, source: 'city' },
      names.map((n) => ({ county: n, source: n, grid: grids[n] })),
      { lang: 'zh' },
    );
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const measured = measuredIds(plan);
    const summed = r.tasks.filter((t) => measured.has(t.id) && t.total);
    expect(summed.length).toBeGreaterThan(0);
    for (const t of summed) expect(Object.keys(t.counties)).toEqual(names);
    expect(readTaskSheet(grids[names[0]])).not.toBeNull();
  });

  it('measures the Excel path, the engine and formats a report', async () => {
    const excel = await benchExcel({ counties: 2, tasks: 20 });
    expect(excel.map((e) => [e.operation, e.ok])).toEqual([
      ['generate', true],
      ['regenerate', true],
      ['validate', true],
      ['rollup', true],
    ]);
    for (const e of excel) {
      expect(e.syncs).toBeGreaterThanOrEqual(e.floor);
      // a tiny workbook: every answer fits, nothing is asked twice
      expect(e.refused).toBe(0);
      // the figure cells' formats are a read of their own once the values show which hold numbers
      expect(e.dataFloor).toBe(e.floor + (e.formatBytes > 0 ? 1 : 0));
      if (e.operation === 'validate' || e.operation === 'rollup') expect(e.syncs).toBe(e.dataFloor);
    }
    const engine = [...benchEngine({ counties: 2, tasks: 20 }, 1), benchSingleSheet(30, 1)];
    expect(engine.map((e) => e.operation)).toEqual(['validate', 'rollup', 'validate']);
    expect(median([3, 1, 2])).toBe(2);

    const partial = {
      started: 'now',
      mode: 'quick' as const,
      machine: { node: 'v', platform: 'linux', cpus: 1, cpuModel: 'cpu', memGb: 1 },
      excel,
      engine,
      files: [],
      memory: [],
      notes: [],
    };
    const report = { ...partial, targets: checkTargets(partial) };
    expect(report.targets.find((t) => t.name.startsWith('Excel validate'))!.met).toBe(true);
    const text = formatReport(report).join('\n');
    expect(text).toContain('Targets');
    expect(text).toContain('generate');
  });
});
