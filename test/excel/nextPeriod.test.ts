/** 开始新一期 through the Excel host, against the fake Excel. */
import { readTaskSheet } from '../../src/core/layout/reader';
import { HISTORY_SHEET, figuresOf, parseHistory } from '../../src/core/period/history';
import { Refusal } from '../../src/core/refusal';
import type { CellValue } from '../../src/core/sheet/spec';
import { generateInExcel } from '../../src/hosts/excel/generate';
import { nextPeriodInExcel } from '../../src/hosts/excel/nextPeriod';
import { type FakeExcel, createFakeExcel } from '../support/fakeExcel';
import { samplePlan } from '../core/sample';

/** Read the names, registry and history; read the task sheets; write. */
const NEXT_PERIOD_SYNCS = 3;
const COUNTIES = ['新密市', '登封市', '荥阳市'];
const never = async (): Promise<boolean> => {
  throw new Error('no conflict expected');
};

function grid(fake: FakeExcel, name: string): CellValue[][] {
  return fake.workbook.valuesOf(name).map((r) => r.map((v) => (v === '' ? null : v)));
}

function cell(fake: FakeExcel, sheet: string, taskId: string, key: 'previous' | 'actual' | 'progress' | 'status'): CellValue | undefined {
  const row = readTaskSheet(grid(fake, sheet))!.rows.find((r) => r.type === 'task' && r.id === taskId);
  return row?.type === 'task' ? row.values[key] : undefined;
}

/** Types into a task's cell, as a clerk would. */
function typeInto(fake: FakeExcel, sheet: string, taskId: string, key: 'actual' | 'progress' | 'status', value: unknown): void {
  const read = readTaskSheet(grid(fake, sheet))!;
  const row = read.rows.find((r) => r.type === 'task' && r.id === taskId)!;
  fake.workbook.type(sheet, `${String.fromCharCode(65 + read.columns[key]!)}${row.row + 1}`, [[value]]);
}

async function filledWorkbook(): Promise<FakeExcel> {
  const fake = createFakeExcel();
  await generateInExcel(fake.api, samplePlan(), { counties: COUNTIES, lang: 'zh' }, never);
  COUNTIES.forEach((c, i) => {
    fake.workbook.type(c, 'E2', [['2024年第2季度']]);
    typeInto(fake, c, '2', 'actual', i + 2);
    typeInto(fake, c, '2', 'progress', '推进中');
    typeInto(fake, c, '2', 'status', '正常推进');
  });
  return fake;
}

describe('开始新一期 in Excel', () => {
  it(`offers the period after the current one and writes the new period in ${NEXT_PERIOD_SYNCS} syncs`, async () => {
    const fake = await filledWorkbook();
    const before = fake.syncCount;
    const asked: Array<[string | null, string | null]> = [];
    const result = await nextPeriodInExcel(fake.api, async (current, suggested) => {
      asked.push([current, suggested]);
      return suggested;
    });
    expect(fake.syncCount - before).toBe(NEXT_PERIOD_SYNCS);
    expect(asked).toEqual([['2024年第2季度', '2024年第3季度']]);
    expect(result.report).toMatchObject({ period: '2024年第3季度', closed: '2024年第2季度', moved: 3 });
    expect(cell(fake, '登封市', '2', 'previous')).toBe(3);
    expect(cell(fake, '登封市', '2', 'actual')).toBeNull();
    expect(cell(fake, '登封市', '2', 'progress')).toBeNull();
    expect(cell(fake, '登封市', '2', 'status')).toBeNull();
    expect(readTaskSheet(grid(fake, '荥阳市'))!.headerBlock.period).toBe('2024年第3季度');
    expect(fake.workbook.sheet(HISTORY_SHEET)!.visibility).toBe('VeryHidden');
    const h = parseHistory(grid(fake, HISTORY_SHEET));
    expect(figuresOf(h, '2024年第2季度', '荥阳市').get('2')?.value).toBe(4);

    // the next quarter updates the history sheet in place, in as many syncs
    const again = fake.syncCount;
    const second = await nextPeriodInExcel(fake.api, async (_current, suggested) => suggested);
    expect(fake.syncCount - again).toBe(NEXT_PERIOD_SYNCS);
    expect(second.report).toMatchObject({ period: '2024年第4季度', closed: '2024年第3季度' });
    expect(parseHistory(grid(fake, HISTORY_SHEET)).periods).toEqual(['2024年第2季度']);
  });

  it('writes nothing when the user cancels or the period is refused', async () => {
    const fake = await filledWorkbook();
    const before = fake.workbook.valuesOf('新密市');
    const syncs = fake.syncCount;
    expect(await nextPeriodInExcel(fake.api, async () => null)).toEqual({ cancelled: true, report: null });
    await expect(nextPeriodInExcel(fake.api, async () => '2024年第1季度')).rejects.toBeInstanceOf(Refusal);
    // two reads each, no write
    expect(fake.syncCount - syncs).toBe(4);
    expect(fake.workbook.valuesOf('新密市')).toEqual(before);
    expect(fake.workbook.sheet(HISTORY_SHEET)).toBeFalsy();
  });
});
