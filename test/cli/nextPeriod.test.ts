/**
 * `keytask next-period` run as a user runs it: a city workbook generated and filled in by
 * clerks (with ExcelJS), started on its next period, read back with keytask's own reader.
 */
import { existsSync, writeFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { readTaskSheet } from '../../src/core/layout/reader';
import { HISTORY_SHEET, buildHistorySheet, emptyHistory, figuresOf, parseHistory, withPeriod } from '../../src/core/period/history';
import { keytaskSheetsOf, readXlsx } from '../../src/hosts/xlsx/readWorkbook';
import { toBuffer } from '../../src/hosts/xlsx/writeWorkbook';
import { STACK, buildIfStale, keytask } from '../support/cli';
import { headerColumn, taskRow, tempDir } from '../xlsx/support';

beforeAll(buildIfStale, 120_000);

const dir = tempDir('keytask-next-period-');
const city = join(dir, 'city.xlsx');
const COUNTIES = ['新密市', '登封市', '荥阳市'];

async function fillIn(file: string, edit: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  edit(wb);
  await wb.xlsx.writeFile(file);
}

/** A cell of task `id` under `header`, as keytask reads the written file back. */
function cellOf(grid: unknown[][], id: string, key: 'previous' | 'actual' | 'progress' | 'status' | 'target'): unknown {
  const read = readTaskSheet(grid as never)!;
  const row = read.rows.find((r) => r.type === 'task' && r.id === id)!;
  return row.type === 'task' ? row.values[key] : undefined;
}

beforeAll(async () => {
  expect(keytask(['generate', '--sample', '--counties', COUNTIES.join(','), '-o', city]).code).toBe(0);
  await fillIn(city, (wb) => {
    COUNTIES.forEach((c, i) => {
      const ws = wb.getWorksheet(c)!;
      ws.getCell('E2').value = '2024年第2季度';
      ws.getCell(taskRow(ws, '2'), headerColumn(ws, '本期完成值')).value = i + 1;
      ws.getCell(taskRow(ws, '2'), headerColumn(ws, '进展情况')).value = '推进中';
      ws.getCell(taskRow(ws, '2'), headerColumn(ws, '状态')).value = '正常推进';
    });
  });
}, 120_000);

describe('keytask next-period', () => {
  it('writes the next period: 上期完成值 from the figures, period cells empty, the history kept', async () => {
    const out = join(dir, 'q3.xlsx');
    const r = keytask(['next-period', city, '--period', '2024年第3季度', '-o', out], { lang: 'zh_CN.UTF-8' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('结束 2024年第2季度,开始 2024年第3季度');
    expect(r.stdout).toContain('4 张任务表进入新一期,3 个数值移入上期完成值,报送历史现有 1 期');
    const read = await readXlsx(out);
    const grid = (name: string) => read.sheets.find((s) => s.name === name)!.grid;
    expect(cellOf(grid('登封市'), '2', 'previous')).toBe(2);
    expect(cellOf(grid('登封市'), '2', 'actual')).toBeNull();
    expect(cellOf(grid('登封市'), '2', 'status')).toBeNull();
    expect(readTaskSheet(grid('荥阳市'))!.headerBlock.period).toBe('2024年第3季度');
    const history = read.sheets.find((s) => s.name === HISTORY_SHEET)!;
    expect(history.state).toBe('veryHidden');
    const h = parseHistory(history.grid);
    expect(h.reported['2024年第2季度']).toEqual(COUNTIES);
    expect(figuresOf(h, '2024年第2季度', '荥阳市').get('2')?.value).toBe(3);
    expect(keytaskSheetsOf(read).map((k) => k.key)).toEqual(['city', ...COUNTIES.map((c) => `county:${c}`), 'units']);

    // the period after that: the chain goes on from the written file
    const q4 = join(dir, 'q4.xlsx');
    const again = keytask(['next-period', out, '--period', '2024年第4季度', '-o', q4]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Closed 2024年第3季度, started 2024年第4季度');
    expect(again.stdout).toContain('the history now has 1 period');
  });

  it('takes 上期完成值 of blank county copies from a summary (--from)', async () => {
    const blank = join(dir, 'blank.xlsx');
    expect(keytask(['generate', '--sample', '--counties', COUNTIES.join(','), '-o', blank]).code).toBe(0);
    const summary = join(dir, 'summary.xlsx');
    const h = withPeriod(
      emptyHistory(),
      '2024年第2季度',
      ['新密市', '登封市'],
      [
        { county: '新密市', task: '2', value: 3, status: '滞后' },
        { county: '登封市', task: '3', value: 40, status: '' },
      ],
    );
    const visible = { ...buildHistorySheet(h)!, key: 'summary', name: '汇总', kind: 'summary' as const, visibility: 'visible' as const };
    writeFileSync(summary, await toBuffer({ sheets: [visible, buildHistorySheet(h)!], names: [] }));

    const out = join(dir, 'from.xlsx');
    const r = keytask(['next-period', blank, '--period', '2024年第3季度', '--from', summary, '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain("2 of the figures from the summary's history");
    const read = await readXlsx(out);
    const grid = (name: string) => read.sheets.find((s) => s.name === name)!.grid;
    expect(cellOf(grid('新密市'), '2', 'previous')).toBe(3);
    expect(cellOf(grid('登封市'), '3', 'previous')).toBe(40);
    expect(cellOf(grid('荥阳市'), '2', 'previous')).toBeNull();
    expect(parseHistory(read.sheets.find((s) => s.name === HISTORY_SHEET)!.grid).periods).toEqual(['2024年第2季度']);
  });

  it('refuses in one sentence, exit 2, writing nothing', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--period', '2024年第2季度'], /is the current one/],
      [['--period', '2024年第1季度'], /earlier than the current one/],
      [['--period', 'next quarter'], /not a reporting period keytask understands/],
    ];
    for (const [args, message] of cases) {
      const out = join(dir, 'refused.xlsx');
      const r = keytask(['next-period', city, ...args, '-o', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(STACK);
      expect(existsSync(out)).toBe(false);
    }
    const over = keytask(['next-period', city, '--period', '2024年第3季度', '-o', city, '--force']);
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(/cannot be written over an input/);
  });

  it('is in the help', () => {
    const r = keytask(['--help'], { lang: 'zh_CN.UTF-8' });
    expect(r.stdout).toMatch(/next-period .*开始新一期/);
  });
});
