import { writeFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { generateWorkbook } from '../../src/core/generate/generate';
import { readTaskSheet } from '../../src/core/layout/reader';
import { describeReadError } from '../../src/hosts/xlsx/errors';
import { XlsxReadError, keytaskSheetsOf, readXlsx } from '../../src/hosts/xlsx/readWorkbook';
import { toBuffer } from '../../src/hosts/xlsx/writeWorkbook';
import { COUNTIES, openWithExcelJS, sampleSpec, samplePlan, tempDir } from './support';

async function bufferOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('readXlsx', () => {
  it('reads grids from A1 with sheet states and defined names', async () => {
    const spec = sampleSpec();
    const read = await readXlsx(await toBuffer(spec));
    expect(read.sheets.map((s) => [s.name, s.state])).toEqual([
      ['重点任务清单', 'visible'],
      ['新密市', 'visible'],
      ['登封市', 'visible'],
      ['荥阳市', 'visible'],
      ['单位名录', 'visible'],
      ['keytask', 'veryHidden'],
    ]);
    const city = read.sheets[0].grid;
    expect(city[3][0]).toBe('*序号');
    // Merged cells hold nothing of their own.
    expect(city[0][1]).toBeNull();
    // ExcelJS writes no cached result, so a formula reads as null.
    const widths = new Set(city.map((r) => r.length));
    expect(widths.size).toBe(1);
    expect(read.names).toEqual(expect.arrayContaining(spec.names));
    // The core reader finds the tasks again.
    const parsed = readTaskSheet(city);
    expect(parsed?.rows.filter((r) => r.type === 'task')).toHaveLength(54);
  });

  it('turns results, rich text, errors, hyperlinks and dates into plain values', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.getCell('A1').value = { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue;
    ws.getCell('B1').value = { formula: 'A1&"x"' } as ExcelJS.CellFormulaValue;
    ws.getCell('C1').value = { richText: [{ text: '新' }, { text: '密市', font: { bold: true } }] };
    ws.getCell('D1').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    ws.getCell('E1').value = { text: '链接', hyperlink: 'http://example.com' };
    ws.getCell('F1').value = new Date(Date.UTC(2024, 5, 30));
    ws.getCell('G1').value = { formula: 'NA()', result: { error: '#N/A' } } as ExcelJS.CellFormulaValue;
    ws.getCell('A3').value = true;
    const read = await readXlsx(await bufferOf(wb));
    expect(read.sheets[0].grid).toEqual([
      [2, null, '新密市', '#REF!', '链接', '2024-06-30', '#N/A'],
      [null, null, null, null, null, null, null],
      [true, null, null, null, null, null, null],
    ]);
  });

  it('keeps names that point nowhere (#REF!) so a deleted sheet shows as deleted', async () => {
    const buf = await toBuffer(sampleSpec());
    // Excel rewrites a name to `'Sheet'!#REF!` when its sheet is deleted; simulate that in the XML.
    const JSZip = require('jszip');
    const zip = await JSZip.loadAsync(buf);
    const xml: string = await zip.file('xl/workbook.xml').async('string');
    zip.file('xl/workbook.xml', xml.replace('&apos;登封市&apos;!$A$1', '&apos;登封市&apos;!#REF!'));
    const edited: Buffer = await zip.generateAsync({ type: 'nodebuffer' });
    const read = await readXlsx(edited);
    expect(read.names.find((n) => n.name === 'KT_S_3')?.ref).toBe("'登封市'!#REF!");
    const sheets = keytaskSheetsOf(read);
    expect(sheets.find((s) => s.key === 'county:登封市')?.sheet).toBeNull();
    expect(sheets.find((s) => s.key === 'county:荥阳市')?.sheet).toBe('荥阳市');
  });

  it('names the lock file Excel leaves beside an open county file, in both languages', async () => {
    const dir = tempDir();
    // What Excel writes: the user's name, as a length byte + padded ASCII, then again in UTF-16.
    const owner = Buffer.alloc(165, 0x20);
    owner[0] = 5;
    owner.write('clerk', 1, 'latin1');
    owner.write('clerk', 55, 'utf16le');
    const lock = join(dir, '~$新密市.xlsx');
    writeFileSync(lock, owner);
    const e = await readXlsx(lock).then(
      () => null,
      (x: XlsxReadError) => x,
    );
    expect(e).toMatchObject({ reason: 'notSpreadsheet', detail: 'lockFile' });
    expect(describeReadError(e!, 'zh')).toContain('打开工作簿时留下的锁定文件');
    expect(describeReadError(e!, 'en')).toContain('lock file Excel or WPS leaves');
    // The same bytes under another name are not called a lock file.
    const other = join(dir, 'owner.xlsx');
    writeFileSync(other, owner);
    await expect(readXlsx(other)).rejects.not.toMatchObject({ detail: 'lockFile' });
  });

  it('says plainly when a file cannot be read', async () => {
    const dir = tempDir();
    const notXlsx = join(dir, 'notes.xlsx');
    writeFileSync(notXlsx, 'just text');
    await expect(readXlsx(join(dir, 'missing.xlsx'))).rejects.toMatchObject({ name: 'XlsxReadError', reason: 'missing' });
    await expect(readXlsx(notXlsx)).rejects.toBeInstanceOf(XlsxReadError);
    await expect(readXlsx(notXlsx)).rejects.toMatchObject({ reason: 'notSpreadsheet', message: expect.stringContaining('notes.xlsx') });
    // A zip that is not a workbook.
    const JSZip = require('jszip');
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    await expect(readXlsx(await zip.generateAsync({ type: 'nodebuffer' }))).rejects.toMatchObject({
      reason: 'notSpreadsheet',
      detail: 'zip',
    });
  });
});

describe('a county sheet renamed by the user', () => {
  it('is still found as that county, and regeneration keeps the new name', async () => {
    const wb = await openWithExcelJS(await toBuffer(sampleSpec()));
    // What Excel does on rename: the sheet gets its new name and every defined name follows it.
    const renamed = '新密市(已改名)';
    wb.getWorksheet('新密市')!.name = renamed;
    wb.definedNames.remove("'新密市'!$A$1", 'KT_S_2');
    wb.definedNames.add(`'${renamed}'!$A$1`, 'KT_S_2');
    const read = await readXlsx(await bufferOf(wb));

    expect(read.sheets.map((s) => s.name)).toContain(renamed);
    const sheets = keytaskSheetsOf(read);
    expect(sheets.find((s) => s.key === 'county:新密市')).toMatchObject({ kind: 'county', county: '新密市', sheet: renamed });

    // Generating again over what was read updates the renamed sheet instead of adding a new 新密市.
    const gen = generateWorkbook(
      samplePlan(),
      { counties: COUNTIES, lang: 'zh' },
      {
        sheetNames: read.sheets.map((s) => s.name),
        keytaskSheets: sheets,
        grids: Object.fromEntries(read.sheets.map((s) => [s.name, s.grid])),
      },
    );
    expect(gen.conflicts).toEqual([]);
    expect(gen.actions.find((a) => a.key === 'county:新密市')).toMatchObject({ action: 'update', sheet: renamed });
    expect(gen.spec.sheets.map((s) => s.name)).not.toContain('新密市');
  });
});
