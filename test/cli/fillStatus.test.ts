/**
 * `keytask validate --fill-status`, run in-process through `main` on a workbook written by the
 * .xlsx host: the 状态 cells the rule fills, a clerk's choice kept or overwritten, the input
 * never written over, and everything but the 状态 cells kept in the copy.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { messages } from '../../src/cli/messages';
import type { CellValue, WorkbookSpec } from '../../src/core/sheet/spec';
import { readXlsx } from '../../src/hosts/xlsx/readWorkbook';
import { toBuffer } from '../../src/hosts/xlsx/writeWorkbook';
import { openWithExcelJS, sampleSpec, tempDir } from '../xlsx/support';

const COL = { id: 0, unit: 4, target: 6, y2023: 8, y2024: 9, y2025: 10, actual: 13, status: 16 };

async function keytask(args: string[], lang: 'zh' | 'en' = 'zh') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'keytask', ...args], { out: (l) => out.push(l), err: (l) => err.push(l) }, messages(lang));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The sample's city list for 2024年第2季度 with four tasks reported (序时进度 of each: 220), and one county copy. */
function spec(): WorkbookSpec {
  const s = sampleSpec(['新密市']);
  const city = s.sheets.find((x) => x.kind === 'city')!;
  city.values[1][4] = '2024年第2季度';
  const set = (id: string, actual: number, status: CellValue = null) => {
    const r = city.values.find((v) => v[COL.id] === id)!;
    [r[COL.unit], r[COL.target], r[COL.y2023], r[COL.y2024], r[COL.y2025], r[COL.actual], r[COL.status]] = [
      '家',
      300,
      200,
      240,
      300,
      actual,
      status,
    ];
  };
  set('4', 215);
  set('10', 230);
  set('17', 220, '滞后');
  set('22', 221, '正常推进');
  return s;
}

const rowOf = (grid: CellValue[][], id: string) => grid.findIndex((r) => r[COL.id] === id);

describe('keytask validate --fill-status', () => {
  const dir = tempDir('keytask-fill-');
  let input: string;
  beforeAll(async () => {
    input = join(dir, 'city.xlsx');
    writeFileSync(input, await toBuffer(spec()));
  });

  it("fills empty 状态, keeps and lists a clerk's differing choice, and writes only a copy", async () => {
    const before = readFileSync(input);
    const out = join(dir, 'filled.xlsx');
    const r = await keytask(['validate', input, '--fill-status', '-o', out]);
    expect(r.err).toBe('');
    expect(r.out).toContain('状态与序时进度不符');
    expect(r.out).toContain('状态填为“滞后”,按序时进度应为“序时”(截至2024年第2季度,完成220,序时进度220)');
    expect(r.out).toContain('未填写报送期,状态未填写');
    const tail = r.out.split('\n').slice(-4);
    expect(tail).toEqual([
      '状态:按序时进度填写 2 个',
      '保留填报人所选、与规则不同的状态 1 个(用 --overwrite-status 改写):',
      '  重点任务清单!Q26  序号 17:填报“滞后”,规则为“序时”',
      `已写入 ${out}(只改动“状态”单元格)`,
    ]);
    expect(readFileSync(input).equals(before)).toBe(true);

    const read = await readXlsx(out);
    const city = read.sheets.find((s) => s.name === '重点任务清单')!.grid;
    expect(['4', '10', '17', '22'].map((id) => city[rowOf(city, id)][COL.status])).toEqual(['滞后', '超序时', '滞后', '正常推进']);
    // Everything else is as it was: values, the keytask registry and names, dropdowns and formats.
    const original = await readXlsx(input);
    expect(read.sheets.map((s) => [s.name, s.state])).toEqual(original.sheets.map((s) => [s.name, s.state]));
    const changed = new Set(['4', '10'].map((id) => rowOf(city, id)));
    original.sheets.forEach((s, i) =>
      s.grid.forEach((row, ri) =>
        row.forEach((v, ci) => {
          if (!(s.name === '重点任务清单' && ci === COL.status && changed.has(ri)))
            expect([s.name, ri, ci, read.sheets[i].grid[ri]?.[ci]]).toEqual([s.name, ri, ci, v]);
        }),
      ),
    );
    expect(read.names).toEqual(original.names);
    const [a, b] = [await openWithExcelJS(readFileSync(input)), await openWithExcelJS(readFileSync(out))];
    const cf = (wb: typeof a) =>
      (wb.getWorksheet('重点任务清单') as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
    expect(cf(a).length).toBeGreaterThan(5);
    // a data bar's extension id is made anew on every write
    const withoutIds = (x: unknown) => JSON.parse(JSON.stringify(x).replace(/"x14Id":"[^"]*"/g, '"x14Id":""')) as unknown;
    expect(withoutIds(cf(b))).toEqual(withoutIds(cf(a)));
    expect(b.getWorksheet('重点任务清单')!.getCell('Q26').dataValidation).toEqual(
      a.getWorksheet('重点任务清单')!.getCell('Q26').dataValidation,
    );
  });

  it("overwrites a clerk's choice with --overwrite-status, and says so in English", async () => {
    const out = join(dir, 'overwritten.xlsx');
    const r = await keytask(
      ['validate', input, '--fill-status', '--overwrite-status', '-o', out, '--sheet', '重点任务清单', '--lang', 'en'],
      'en',
    );
    expect(r.out.split('\n').slice(-4)).toEqual([
      'Status: 2 filled from the schedule rule',
      "Wrote the rule's status over 1 the clerk chose:",
      '  重点任务清单!Q26  task 17: "滞后" filled in, the rule gives "序时"',
      `Written to ${out} (only 状态 cells changed)`,
    ]);
    const city = (await readXlsx(out)).sheets.find((s) => s.name === '重点任务清单')!.grid;
    expect(city[rowOf(city, '17')][COL.status]).toBe('序时');
  });

  it('keeps stdout JSON-only with --format json', async () => {
    const out = join(dir, 'json.xlsx');
    const r = await keytask(['validate', input, '--fill-status', '-o', out, '--format', 'json']);
    const json = JSON.parse(r.out);
    expect(json.summary.byCode['status-differs-from-rule']).toBe(1);
    expect(r.err.split('\n')[0]).toBe('状态:按序时进度填写 2 个');
  });

  it('never writes over the input and needs -o', async () => {
    expect((await keytask(['validate', input, '--fill-status', '-o', input])).code).toBe(2);
    const r = await keytask(['validate', input, '--fill-status']);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining('--fill-status 需要用 -o 指定输出文件')]);
    expect((await keytask(['validate', input, '--overwrite-status'])).code).toBe(2);
  });
});
