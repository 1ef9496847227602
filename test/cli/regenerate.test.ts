/**
 * `keytask generate --force` over a workbook keytask made: re-generated from the plan, keeping
 * what clerks filled, as the task pane does; anything else is refused unless `--replace` says
 * to write a new workbook over it. Run as a user runs it, on files filled in with ExcelJS.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { keytaskSheetsOf, readXlsx } from '../../src/hosts/xlsx/readWorkbook';
import type { ReadWorkbook } from '../../src/hosts/xlsx/readWorkbook';
import { STACK, buildIfStale, keytask } from '../support/cli';
import { headerColumn, taskRow, tempDir } from '../xlsx/support';

beforeAll(buildIfStale, 120_000);

const dir = tempDir('keytask-regenerate-');

/** The value in the row of task `id` under `header` (row 4 or 5) of a sheet as read back. */
function valueAt(read: ReadWorkbook, sheet: string, id: string, header: string): unknown {
  const grid = read.sheets.find((s) => s.name === sheet)!.grid;
  const col = [3, 4].map((r) => grid[r].findIndex((v) => typeof v === 'string' && v.replace(/^\*/, '') === header)).find((c) => c >= 0)!;
  return grid.find((r) => r[0] === id)![col];
}

/** Fills cells the way clerks do, in the file, with ExcelJS. */
async function fillIn(file: string, edit: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  edit(wb);
  await wb.xlsx.writeFile(file);
}

function put(ws: ExcelJS.Worksheet, id: string, header: string, value: ExcelJS.CellValue): void {
  ws.getCell(taskRow(ws, id), headerColumn(ws, header)).value = value;
}

describe('keytask generate --force over a keytask workbook', () => {
  it('keeps what clerks filled, adds the new county and says what it kept', async () => {
    const out = join(dir, 'city.xlsx');
    expect(keytask(['generate', '--sample', '--counties', '新密市,登封市', '-o', out]).code).toBe(0);
    await fillIn(out, (wb) => {
      const xm = wb.getWorksheet('新密市')!;
      put(xm, '4', '2024年', 80); // the county's own milestone
      put(xm, '4', '本期完成值', 70);
      put(xm, '4', '进展情况', '两条生产线已投产');
      put(xm, '4', '状态', '正常推进');
      xm.getCell('E2').value = '2024年第2季度';
      const city = wb.getWorksheet('重点任务清单')!;
      put(city, '10', '本期完成值', 1.2);
      put(city, '10', '备注', '含新增企业');
      const units = wb.getWorksheet('单位名录')!;
      units.getCell(units.rowCount + 1, 1).value = '市数据局';
    });

    const r = keytask(['generate', '--sample', '--counties', '新密市,登封市,荥阳市', '-o', out, '--force'], { lang: 'zh_CN.UTF-8' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/已重新生成/);
    expect(r.stdout).toContain('“新密市”保留了 1 项任务的已填内容');
    expect(r.stdout).toContain('“重点任务清单”保留了 1 项任务的已填内容');
    expect(r.stdout).toMatch(/“单位名录”保留了原有的 \d+ 个单位/);
    expect(r.stdout).toMatch(/新建.*荥阳市/);

    const read = await readXlsx(out);
    expect(read.sheets.map((s) => s.name)).toEqual(['重点任务清单', '新密市', '登封市', '荥阳市', '单位名录', 'keytask']);
    expect(valueAt(read, '新密市', '4', '2024年')).toBe(80);
    expect(valueAt(read, '新密市', '4', '本期完成值')).toBe(70);
    expect(valueAt(read, '新密市', '4', '进展情况')).toBe('两条生产线已投产');
    expect(valueAt(read, '新密市', '4', '状态')).toBe('正常推进');
    expect(read.sheets.find((s) => s.name === '新密市')!.grid[1][4]).toBe('2024年第2季度');
    expect(valueAt(read, '重点任务清单', '10', '本期完成值')).toBe(1.2);
    expect(valueAt(read, '重点任务清单', '10', '备注')).toBe('含新增企业');
    // the plan's own columns still come from the plan
    expect(valueAt(read, '重点任务清单', '10', '2025年')).toBe(1.6);
    expect(read.sheets.find((s) => s.name === '单位名录')!.grid.flat()).toContain('市数据局');
    expect(keytaskSheetsOf(read).map((s) => `${s.key}→${s.sheet}`)).toEqual(
      expect.arrayContaining([
        'city→重点任务清单',
        'county:新密市→新密市',
        'county:登封市→登封市',
        'county:荥阳市→荥阳市',
        'units→单位名录',
      ]),
    );

    // English for an English-speaking operator
    const en = keytask(['generate', '--sample', '--counties', '新密市', '-o', out, '--force']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('"新密市" kept the filled values of 1 task');
    // a county left out of --counties is not dropped with what it holds
    expect(en.stdout).toMatch(/kept.*登封市、荥阳市/);
    const again = await readXlsx(out);
    expect(again.sheets.map((s) => s.name)).toEqual(['重点任务清单', '新密市', '登封市', '荥阳市', '单位名录', 'keytask']);
    expect(valueAt(again, '新密市', '4', '本期完成值')).toBe(70);
  });

  it('keeps the workbook’s language and, re-generating the empty template, its period', async () => {
    const out = join(dir, 'english.xlsx');
    expect(keytask(['generate', '--years', '2021-2023', '--lang', 'en', '--counties', '新密市', '-o', out]).code).toBe(0);
    const r = keytask(['generate', '--counties', '新密市', '-o', out, '--force']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/period: 2021–2023/);
    expect(r.stdout).toMatch(/held nothing filled in to keep/);
    expect((await readXlsx(out)).sheets.map((s) => s.name)).toEqual(['Key tasks', '新密市', 'Unit directory', 'keytask']);
  });

  it('refuses a workbook keytask did not make, unless --replace says to write over it', async () => {
    const out = join(dir, 'mine.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('我的表').getCell('A1').value = '重要数据';
    await wb.xlsx.writeFile(out);
    const before = readFileSync(out);
    const r = keytask(['generate', '--sample', '-o', out, '--force'], { lang: 'zh_CN.UTF-8' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/不是 keytask 生成的工作簿.*--replace/);
    expect(r.stderr).not.toMatch(STACK);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(keytask(['generate', '--sample', '-o', out, '--force']).stderr).toMatch(/not a workbook keytask made.*--replace/);
    const replaced = keytask(['generate', '--sample', '-o', out, '--replace']);
    expect(replaced.code).toBe(0);
    expect((await readXlsx(out)).sheets.map((s) => s.name)).toEqual(['重点任务清单', '单位名录', 'keytask']);
  });

  it('refuses a keytask workbook holding sheets it would not write again', async () => {
    const out = join(dir, 'notes.xlsx');
    expect(keytask(['generate', '--sample', '--counties', '新密市', '-o', out]).code).toBe(0);
    await fillIn(out, (wb) => {
      wb.addWorksheet('我的笔记').getCell('A1').value = '别删';
    });
    const r = keytask(['generate', '--sample', '--counties', '新密市', '-o', out, '--force'], { lang: 'zh_CN.UTF-8' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('我的笔记');
    expect((await readXlsx(out)).sheets.map((s) => s.name)).toContain('我的笔记');
  });

  it('refuses a file it cannot read, with exit 2 and a plain message', () => {
    const out = join(dir, 'broken.xlsx');
    writeFileSync(out, 'not a workbook');
    const r = keytask(['generate', '-o', out, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read .*broken\.xlsx/);
    expect(r.stderr).not.toMatch(STACK);
    expect(readFileSync(out, 'utf8')).toBe('not a workbook');
    expect(keytask(['generate', '-o', out, '--replace']).code).toBe(0);
  });
});
