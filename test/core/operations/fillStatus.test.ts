import { fillStatus } from '../../../src/core/operations/fillStatus';
import { generate } from '../../../src/core/operations/generate';
import type { Grid } from '../../../src/core/sheet/grid';
import { samplePlan } from '../sample';
import { readBack } from './support';

const COL = { unit: 4, target: 6, y2023: 8, y2024: 9, y2025: 10, actual: 13, status: 16 };

/** The sample's city sheet and one county copy, as read back, with 报送期 and figures set on the city sheet. */
function workbook(period: string | null) {
  const { spec } = generate({ plan: samplePlan(), counties: ['新密市'] });
  const wb = readBack(spec);
  const city = wb.sheets.find((s) => s.name === '重点任务清单')!;
  const grid = city.grid!.map((r) => [...r]) as Grid;
  city.grid = grid;
  if (period !== null) grid[1][4] = period;
  const row = (id: string) => grid.findIndex((r) => r[0] === id);
  const set = (id: string, y: [number, number, number], actual: number, status?: string) => {
    const r = grid[row(id)];
    [r[COL.unit], r[COL.target], r[COL.y2023], r[COL.y2024], r[COL.y2025]] = ['家', 300, ...y];
    r[COL.actual] = actual;
    if (status !== undefined) r[COL.status] = status;
  };
  set('4', [200, 240, 300], 215); // 序时进度 220: 滞后
  set('10', [200, 240, 300], 230); // ahead
  set('17', [200, 240, 300], 220, '滞后'); // the clerk says 滞后, the rule 序时
  set('22', [200, 240, 300], 221, '正常推进'); // an older sheet's label for 序时: agrees
  return { ...wb, at: (id: string) => `Q${row(id) + 1}` };
}

describe('fillStatus operation', () => {
  it("fills empty 状态 cells with the rule, keeps and reports a clerk's differing choice", () => {
    const wb = workbook('2024年第2季度');
    const r = fillStatus(wb.sheets, wb.names);
    expect(r.writes).toEqual([
      { sheet: '重点任务清单', cell: wb.at('4'), value: '滞后' },
      { sheet: '重点任务清单', cell: wb.at('10'), value: '超序时' },
    ]);
    expect([r.filled, r.overwritten]).toEqual([2, 0]);
    expect(r.conflicts).toEqual([
      expect.objectContaining({ sheet: '重点任务清单', cell: wb.at('17'), taskId: '17', clerk: '滞后', rule: '序时', status: 'onTrack' }),
    ]);
    expect(r.findings.map((f) => [f.code, f.severity, f.cell, f.message])).toEqual([
      ['status-differs-from-rule', 'warning', wb.at('17'), '状态填为“滞后”,按序时进度应为“序时”(截至2024年第2季度,完成220,序时进度220)'],
      // the county copy has no 报送期 yet: one finding, no writes
      ['reporting-period-unread', 'warning', null, '未填写报送期,状态未填写'],
    ]);
    expect(r.findings[0].params).toEqual({ status: '滞后', ruleStatus: '序时', period: '2024年第2季度', actual: '220', expected: '220' });
    expect(r.checked).toEqual(['重点任务清单', '新密市']);
  });

  it("overwrites a clerk's choice only when told to", () => {
    const wb = workbook('2024年第2季度');
    const r = fillStatus(wb.sheets, wb.names, { overwrite: true, sheet: '重点任务清单' });
    expect(r.writes.map((w) => [w.cell, w.value])).toEqual([
      [wb.at('4'), '滞后'],
      [wb.at('10'), '超序时'],
      [wb.at('17'), '序时'],
    ]);
    expect([r.filled, r.overwritten, r.conflicts.length, r.findings.length]).toEqual([2, 1, 1, 0]);
  });

  it('a sheet without a readable 报送期 gets one finding and no writes', () => {
    for (const [period, message] of [
      [null, '未填写报送期,状态未填写'],
      ['下一期', '报送期“下一期”无法识别,状态未填写'],
    ] as const) {
      const wb = workbook(period);
      const r = fillStatus(wb.sheets, wb.names, { sheet: '重点任务清单' });
      expect(r.writes).toEqual([]);
      expect(r.findings.map((f) => [f.code, f.sheet, f.cell, f.message])).toEqual([
        ['reporting-period-unread', '重点任务清单', null, message],
      ]);
    }
  });

  it("speaks English when asked, writing labels in the workbook's language", () => {
    const wb = workbook('2024年第2季度');
    const r = fillStatus(wb.sheets, wb.names, { lang: 'en', sheet: '重点任务清单' });
    expect(r.writes[0].value).toBe('滞后');
    expect(r.findings[0].message).toBe(
      'Status is "滞后" but the schedule rule gives "On schedule" (by 2024年第2季度, 220 done, time-proportional 220)',
    );
  });
});
