import { generateWorkbook } from '../../../src/core/generate/generate';
import { readTaskSheet } from '../../../src/core/layout/reader';
import type { MilestoneKind } from '../../../src/core/model';
import { isFormula } from '../../../src/core/sheet/spec';
import { readRecords } from '../../../src/core/validate/record';
import { validateGrid } from '../../../src/core/validate/validate';
import { samplePlan } from '../sample';
import { AHEAD_MARGIN, judgeStatus, suggestStatus } from '../../../src/core/period/statusRule';
import { parseReportingPeriod } from '../../../src/core/validate/period';
import type { TaskRecord } from '../../../src/core/validate/record';

/** A task record with only what the rule reads. */
function rec(
  kind: MilestoneKind,
  milestones: Record<number, number>,
  actual: number | null,
  target: number | null = null,
  text = '培育企业',
): TaskRecord {
  const field = (value: number | null) => ({ value, unit: null, invalid: null, cell: 'A1' });
  return {
    kind,
    text,
    target: field(target),
    actual: field(actual),
    milestones: Object.entries(milestones).map(([y, v]) => ({
      year: Number(y),
      value: v,
      unit: null,
      fromText: false,
      text: String(v),
      cell: 'A1',
    })),
  } as unknown as TaskRecord;
}

const Q2 = parseReportingPeriod('2024年第2季度')!; // half the year
const M9 = parseReportingPeriod('2024年9月')!; // three quarters

describe('the 序时进度 status rule', () => {
  // cumulative 2023: 200, 2024: 240 → step 40; by Q2 序时进度 is 220, the 超序时 line 220 + 5 % × 40 = 222
  const cumulative = { 2023: 200, 2024: 240, 2025: 300 };
  it.each([
    ['cumulative: target reached', rec('cumulative', cumulative, 300, 300), Q2, 'done'],
    ["cumulative: the year's milestone reached", rec('cumulative', cumulative, 240, 300), Q2, 'done'],
    ['cumulative: at the 超序时 line', rec('cumulative', cumulative, 222, 300), Q2, 'ahead'],
    ['cumulative: just below the 超序时 line', rec('cumulative', cumulative, 221.9, 300), Q2, 'onTrack'],
    ['cumulative: exactly 序时进度', rec('cumulative', cumulative, 220, 300), Q2, 'onTrack'],
    ['cumulative: just below 序时进度', rec('cumulative', cumulative, 219.9, 300), Q2, 'behind'],
    ["cumulative: still at last year's milestone", rec('cumulative', cumulative, 200, 300), Q2, 'notStarted'],
    ['cumulative: nothing reported done', rec('cumulative', cumulative, 0, 300), Q2, 'notStarted'],
    ["cumulative: below the year's start but not 0", rec('cumulative', cumulative, 150, 300), Q2, 'behind'],
    ['cumulative first year: from 0', rec('cumulative', { 2024: 40 }, 30, 40), M9, 'onTrack'],
    ['cumulative first year: ahead', rec('cumulative', { 2024: 40 }, 33, 40), M9, 'ahead'],
    // annual 2024: 100 → by September 75, the 超序时 line 80
    ['annual: on schedule', rec('annual', { 2024: 100 }, 75, 100), M9, 'onTrack'],
    ['annual: ahead', rec('annual', { 2024: 100 }, 80, 100), M9, 'ahead'],
    ['annual: behind', rec('annual', { 2024: 100 }, 74, 100), M9, 'behind'],
    ['annual: nothing done', rec('annual', { 2024: 100 }, 0, 100), M9, 'notStarted'],
    ["annual: the year's figure reached", rec('annual', { 2024: 100 }, 100, 100), M9, 'done'],
    // share 2023: 2.3 %, 2024: 2.5 % → by Q2 2.4
    ['share: on schedule', rec('share', { 2023: 2.3, 2024: 2.5 }, 2.4, 2.8), Q2, 'onTrack'],
    ['share: behind', rec('share', { 2023: 2.3, 2024: 2.5 }, 2.35, 2.8), Q2, 'behind'],
    ['share: ahead', rec('share', { 2023: 2.3, 2024: 2.5 }, 2.45, 2.8), Q2, 'ahead'],
    // lower is better: PM2.5 2023: 40, 2024: 35 → by Q2 37.5, the 超序时 line 37.25
    [
      'lower-is-better: done at the target',
      rec('cumulative', { 2023: 40, 2024: 35, 2025: 30 }, 30, 30, 'PM2.5平均浓度控制在30以内'),
      Q2,
      'done',
    ],
    [
      'lower-is-better: on schedule',
      rec('cumulative', { 2023: 40, 2024: 35, 2025: 30 }, 37.5, 30, 'PM2.5平均浓度控制在30以内'),
      Q2,
      'onTrack',
    ],
    ['lower-is-better: ahead', rec('cumulative', { 2023: 40, 2024: 35, 2025: 30 }, 37.25, 30, 'PM2.5平均浓度控制在30以内'), Q2, 'ahead'],
    ['lower-is-better: behind', rec('cumulative', { 2023: 40, 2024: 35, 2025: 30 }, 38, 30, 'PM2.5平均浓度控制在30以内'), Q2, 'behind'],
    [
      'lower-is-better: unmoved',
      rec('cumulative', { 2023: 40, 2024: 35, 2025: 30 }, 40, 30, 'PM2.5平均浓度控制在30以内'),
      Q2,
      'notStarted',
    ],
    ['lower-is-better annual ceiling: kept', rec('annual', { 2024: 4 }, 3.5, 4, '城镇登记失业率控制在4%以内'), Q2, 'onTrack'],
    ['lower-is-better annual ceiling: above it', rec('annual', { 2024: 4 }, 4.2, 4, '城镇登记失业率控制在4%以内'), Q2, 'behind'],
    ['qualitative: no suggestion', rec('qualitative', {}, 1), Q2, null],
    ['no actual: no suggestion', rec('cumulative', cumulative, null, 300), Q2, null],
    ['no milestone for the year: no suggestion', rec('cumulative', { 2023: 200 }, 210, 300), Q2, null],
    ['no reporting period: no suggestion', rec('cumulative', cumulative, 220, 300), null, null],
  ])('%s', (_name, r, p, want) => {
    expect(suggestStatus(r, p)).toBe(want);
  });

  it("states 序时进度 with the judgement, and the margin is 5 % of the year's step", () => {
    expect(AHEAD_MARGIN).toBe(0.05);
    expect(judgeStatus(rec('cumulative', cumulative, 210, 300), Q2)).toEqual({ status: 'behind', expected: 220 });
  });
});

describe('the rule and the 进度滞后 finding agree', () => {
  it('every task the rule calls 滞后 or 未开展 has the finding, and no other task has it', () => {
    const { spec } = generateWorkbook(samplePlan(), { counties: [], lang: 'zh' });
    const grid = spec.sheets.find((s) => s.kind === 'city')!.values.map((r) => r.map((v) => (isFormula(v) ? null : v)));
    grid[1][4] = '2024年第2季度';
    // Every task reported, from nothing to past the year's milestone: 200 → 240, actuals 0, 199 … 239.
    let i = 0;
    for (const r of grid.slice(5)) {
      if (typeof r[0] !== 'string' || !/^\d+$/.test(r[0]) || r[5] === '定性') continue;
      if (i % 5 === 0) {
        // some lower is better: 40 → 35 → 30, actuals 41 … 30
        r[2] = 'PM2.5平均浓度控制在30以内';
        [r[4], r[6], r[8], r[9], r[10]] = ['微克/立方米', 30, 40, 35, 30];
        r[13] = 41 - (i % 12);
      } else {
        [r[4], r[6], r[8], r[9], r[10]] = ['家', 300, 200, 240, 300];
        r[13] = i % 12 === 0 ? 0 : 195 + (i % 12) * 4;
      }
      i++;
    }
    const read = readTaskSheet(grid)!;
    const period = parseReportingPeriod('2024年第2季度');
    const statuses = new Map(readRecords(read, 'zh').map((r) => [r.actual.cell, suggestStatus(r, period)]));
    const flagged = new Set(
      validateGrid(grid, { sheet: 's', lang: 'zh' })
        .filter((f) => f.code === 'progress-behind' || f.code === 'progress-above-ceiling')
        .map((f) => f.cell),
    );
    const judged = [...statuses].filter(([, st]) => st !== null);
    expect(new Set(judged.map(([, st]) => st))).toEqual(new Set(['done', 'ahead', 'onTrack', 'behind', 'notStarted']));
    for (const [cell, st] of judged) expect([cell, flagged.has(cell)]).toEqual([cell, st === 'behind' || st === 'notStarted']);
  });
});
