/**
 * 开始新一期 in WPS, against the Excel host: the same generated workbook, the same clerk's typing,
 * two periods started — the task sheets rewritten in place, 上期完成值 carried, the period history
 * kept — give the same sheets, cells, formats and names through the fake ET as through the fake Excel.
 */
import { readTaskSheet } from '../../src/core/layout/reader';
import { HISTORY_SHEET, parseHistory } from '../../src/core/period/history';
import type { CellValue } from '../../src/core/sheet/spec';
import { generateInExcel } from '../../src/hosts/excel/generate';
import { nextPeriodInExcel } from '../../src/hosts/excel/nextPeriod';
import { generateInWps } from '../../src/hosts/wps/generate';
import { nextPeriodInWps } from '../../src/hosts/wps/nextPeriod';
import { samplePlan } from '../core/sample';
import { createFakeExcel } from '../support/fakeExcel';
import type { FakeWorkbookState } from '../support/fakeExcel/state';
import { createFakeEt } from '../support/fakeEt';
import { shared } from './parityCompare';

const COUNTIES = ['新密市', '登封市', '荥阳市'];
const yes = async (): Promise<boolean> => true;

function grid(book: FakeWorkbookState, name: string): CellValue[][] {
  return book.valuesOf(name).map((r) => r.map((v) => (v === '' ? null : v)));
}

function cell(book: FakeWorkbookState, sheet: string, taskId: string, key: 'previous' | 'actual'): CellValue | undefined {
  const row = readTaskSheet(grid(book, sheet))!.rows.find((r) => r.type === 'task' && r.id === taskId);
  return row?.type === 'task' ? row.values[key] : undefined;
}

/** A clerk's typing for one period into both workbooks: 报送期 and task 2's actual per county. */
function type(books: FakeWorkbookState[], period: string | null, actual: (i: number) => number): void {
  for (const book of books) {
    COUNTIES.forEach((c, i) => {
      if (period) book.type(c, 'E2', [[period]]);
      const read = readTaskSheet(grid(book, c))!;
      const row = read.rows.find((r) => r.type === 'task' && r.id === '2')!;
      book.type(c, `${String.fromCharCode(65 + read.columns.actual!)}${row.row + 1}`, [[actual(i)]]);
    });
  }
}

describe('开始新一期 in WPS, as in Excel', () => {
  it('starts two periods in place with the same sheets, 上期完成值 and history', async () => {
    const fake = createFakeExcel();
    const et = createFakeEt();
    const opts = { counties: COUNTIES, lang: 'zh' as const };
    await generateInExcel(fake.api, samplePlan(), opts, yes);
    expect((await generateInWps(et.api, samplePlan(), opts, yes)).cancelled).toBe(false);
    expect(shared(et.workbook)).toEqual(shared(fake.workbook));
    const books = [fake.workbook, et.workbook];

    type(books, '2024年第2季度', (i) => i + 2);
    const asked: Array<[string | null, string | null]> = [];
    const suggest = async (current: string | null, suggested: string | null) => {
      asked.push([current, suggested]);
      return suggested;
    };
    const excel3 = await nextPeriodInExcel(fake.api, suggest);
    const wps3 = await nextPeriodInWps(et.api, suggest);
    expect(asked).toEqual([
      ['2024年第2季度', '2024年第3季度'],
      ['2024年第2季度', '2024年第3季度'],
    ]);
    expect(wps3).toEqual(excel3);
    expect(wps3.report).toMatchObject({ period: '2024年第3季度', closed: '2024年第2季度', moved: 3 });
    expect(shared(et.workbook)).toEqual(shared(fake.workbook));
    expect(cell(et.workbook, '登封市', '2', 'previous')).toBe(3);
    expect(cell(et.workbook, '登封市', '2', 'actual')).toBeNull();

    // the third quarter typed, the fourth started: 上期完成值 is the third's, the history holds both
    type(books, null, (i) => i + 10);
    const excel4 = await nextPeriodInExcel(fake.api, async (_c, s) => s);
    const wps4 = await nextPeriodInWps(et.api, async (_c, s) => s);
    expect(wps4).toEqual(excel4);
    expect(shared(et.workbook)).toEqual(shared(fake.workbook));
    expect(cell(et.workbook, '荥阳市', '2', 'previous')).toBe(12);
    const history = et.workbook.sheet(HISTORY_SHEET)!;
    expect(history.visibility).toBe('VeryHidden');
    expect(parseHistory(grid(et.workbook, HISTORY_SHEET)).periods).toEqual(['2024年第2季度', '2024年第3季度']);

    // cancelled: nothing written
    const before = shared(et.workbook);
    expect(await nextPeriodInWps(et.api, async () => null)).toEqual({ cancelled: true, report: null });
    expect(shared(et.workbook)).toEqual(before);
  });
});
