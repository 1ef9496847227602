/**
 * The values-only reader (fastRead.ts) against ExcelJS's full load (excelJsRead.ts): the same
 * `{sheets, names}` for workbooks keytask writes, workbooks built with ExcelJS around every kind
 * of value, hand-written XML for what no writer here produces, and a file LibreOffice saved;
 * explicit values for the tricky cases; the files it leaves to ExcelJS; and the few places where
 * it reads what ExcelJS cannot.
 */
import { execFileSync } from 'child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { messages } from '../../src/cli/messages';
import { readWithExcelJs } from '../../src/hosts/xlsx/excelJsRead';
import { BUILTIN_FORMATS, Unsupported, columnLetters, fastReadXlsx, isDateFormat } from '../../src/hosts/xlsx/fastRead';
import { openWithZlib } from '../../src/hosts/xlsx/nodeZip';
import type { ReadWorkbook } from '../../src/hosts/xlsx/readTypes';
import { readXlsx } from '../../src/hosts/xlsx/readWorkbook';
import { readXlsxBuffer } from '../../src/hosts/xlsx/readXlsxBuffer';
import { toBuffer } from '../../src/hosts/xlsx/writeWorkbook';
import { writeFixtures } from '../cli/rollupFixtures';
import { SOFFICE, describeWith } from '../support/env';
import { seed001Grid } from '../support/seeds';
import { sampleSpec, tempDir } from './support';

// ---------------------------------------------------------------------------------------------
// Helpers

/** The ExcelJS result with merges left out where it gave none, for comparing with the fast one. */
function comparable(fast: ReadWorkbook, slow: ReadWorkbook): ReadWorkbook {
  return {
    ...fast,
    sheets: fast.sheets.map((s, i) => {
      if (slow.sheets[i]?.merges !== undefined) return s;
      const { merges: _merges, ...rest } = s;
      return rest;
    }),
  };
}

/** Reads `buf` with the fast reader (jszip and zlib) and with ExcelJS; they must agree. */
async function expectSame(buf: Buffer): Promise<ReadWorkbook> {
  const fast = await fastReadXlsx(buf);
  const zlib = await fastReadXlsx(buf, openWithZlib);
  const slow = await readWithExcelJs(buf);
  expect(zlib).toEqual(fast);
  expect(comparable(fast, slow)).toEqual(slow);
  // What callers get.
  expect(await readXlsxBuffer(buf)).toEqual(fast);
  expect(await readXlsx(buf)).toEqual(fast);
  return fast;
}

/** A promise's outcome as data: its value or its error's name, reason and message. */
async function settle<T>(p: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  try {
    return { value: await p };
  } catch (e) {
    const err = e as { name?: string; reason?: string; message?: string };
    return { error: { name: err.name, reason: err.reason, message: err.message } };
  }
}

async function bufferOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Rewrites parts of a package (by exact text replacement) and packs it again. */
async function edit(buf: Buffer, edits: Record<string, (xml: string) => string>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  for (const [part, f] of Object.entries(edits)) {
    const file = zip.file(part);
    if (!file) throw new Error(`no ${part}`);
    const before = await file.async('string');
    const after = f(before);
    if (after === before) throw new Error(`edit of ${part} changed nothing`);
    zip.file(part, after);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

interface HandSheet {
  name: string;
  /** the `<sheet>` element's other attributes, e.g. ` state="hidden"` */
  attrs?: string;
  /** the relationship's target; default worksheets/sheetN.xml */
  target?: string;
  /** the part's path in the package; default from the target */
  part?: string;
  xml: string;
}

/** A package written by hand: only the parts ExcelJS and the fast reader look at. */
async function handMade(o: {
  sheets: HandSheet[];
  strings?: string;
  styles?: string;
  names?: string;
  workbookPr?: string;
}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const rels: string[] = [];
  const sheets = o.sheets.map((s, i) => {
    const target = s.target ?? `worksheets/sheet${i + 1}.xml`;
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="${target}"/>`);
    zip.file(s.part ?? `xl/${target.replace(/^\/xl\//, '')}`, s.xml);
    return `<sheet name="${s.name}" sheetId="${i + 1}"${s.attrs ?? ''} r:id="rId${i + 1}"/>`;
  });
  if (o.strings !== undefined) {
    rels.push(`<Relationship Id="rIdS" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
    zip.file('xl/sharedStrings.xml', `${DECL}<sst xmlns="${MAIN_NS}">${o.strings}</sst>`);
  }
  if (o.styles !== undefined) {
    rels.push(`<Relationship Id="rIdT" Type="${REL_NS}/styles" Target="styles.xml"/>`);
    zip.file('xl/styles.xml', `${DECL}<styleSheet xmlns="${MAIN_NS}">${o.styles}</styleSheet>`);
  }
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `${DECL}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${o.workbookPr ?? ''}<sheets>${sheets.join('')}</sheets>${
      o.names ? `<definedNames>${o.names}</definedNames>` : ''
    }</workbook>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function worksheet(sheetData: string, tail = ''): string {
  return `${DECL}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${sheetData}</sheetData>${tail}</worksheet>`;
}

const inline = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

// ---------------------------------------------------------------------------------------------
// Workbooks built with ExcelJS

const D = (y: number, m: number, d: number, h = 0, min = 0): Date => new Date(Date.UTC(y, m - 1, d, h, min));

/** What both ExcelJS writers (in memory and streaming) offer for filling a sheet. */
interface Fillable {
  getCell(ref: string): ExcelJS.Cell;
  mergeCells(range: string): void;
}

/** Every kind of value ExcelJS writes, in one sheet. */
function fillValues(ws: Fillable): void {
  // Strings, rich text, hyperlinks.
  ws.getCell('A1').value = { richText: [{ text: '新' }, { text: '密市', font: { bold: true } }, { text: '_x0041_' }] };
  ws.getCell('A2').value = 'plain';
  ws.getCell('A3').value = `&<>"'`;
  ws.getCell('A4').value = 'a_x000D_b';
  ws.getCell('A5').value = 'line1\r\nline2\nline3';
  ws.getCell('A6').value = '😀👍🏽 重点任务清单（繁體）';
  ws.getCell('A7').value = '=SUM(A1)';
  ws.getCell('A8').value = '';
  ws.getCell('A9').value = '  spaces  ';
  ws.getCell('A10').value = '&amp; &lt;x&gt;';
  ws.getCell('A11').value = '_x005F_x000D_';
  ws.getCell('A12').value = { text: '链接', hyperlink: 'http://example.com' };
  ws.getCell('A13').value = 'tab\there\u0001';
  // Formulas with cached results: number, text, boolean, error, none; a shared formula.
  ws.getCell('B1').value = { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue;
  ws.getCell('B2').value = { formula: 'A2&"x"', result: 'plainx & <y>' } as ExcelJS.CellFormulaValue;
  ws.getCell('B3').value = { formula: 'TRUE()', result: true } as ExcelJS.CellFormulaValue;
  ws.getCell('B4').value = { formula: 'NA()', result: { error: '#N/A' } } as ExcelJS.CellFormulaValue;
  ws.getCell('B5').value = { formula: '#REF!+1', result: { error: '#REF!' } } as ExcelJS.CellFormulaValue;
  ws.getCell('B6').value = { formula: 'A1' } as ExcelJS.CellFormulaValue;
  ws.getCell('B7').value = { formula: 'B1*2', result: 4, shareType: 'shared', ref: 'B7:B9' } as unknown as ExcelJS.CellFormulaValue;
  ws.getCell('B8').value = { sharedFormula: 'B7', result: 8 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell('B9').value = { sharedFormula: 'B7', result: 16 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell('B10').value = { formula: 'FALSE()', result: false } as ExcelJS.CellFormulaValue;
  // Booleans and errors.
  ws.getCell('C1').value = true;
  ws.getCell('C2').value = false;
  ws.getCell('C3').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
  ws.getCell('C4').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
  ws.getCell('C5').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
  // Dates: built-in format 14, custom Chinese formats, a time, a formula with a date result.
  ws.getCell('D1').value = D(2024, 6, 30);
  ws.getCell('D2').value = D(2024, 6, 30, 12, 30);
  ws.getCell('D3').value = 45473;
  ws.getCell('D3').numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell('D4').value = 45473.75;
  ws.getCell('D4').numFmt = 'yyyy"年"m"月"d"日" hh:mm';
  ws.getCell('D5').value = 0.5;
  ws.getCell('D5').numFmt = 'h:mm:ss';
  ws.getCell('D6').value = { formula: 'DATE(2025,1,1)', result: D(2025, 1, 1) } as ExcelJS.CellFormulaValue;
  ws.getCell('D6').numFmt = 'yyyy-mm-dd';
  ws.getCell('D7').value = 1.5;
  ws.getCell('D7').numFmt = '[h]:mm:ss';
  // Numbers in formats that are not dates.
  for (const [ref, value, fmt] of [
    ['E1', 0.25, '0.0%'],
    ['E2', 1234.5, '#,##0.00 "万元"'],
    ['E3', -3, '[Red]0;[Blue]-0'],
    ['E4', 7, '"h"0'],
    ['E5', 8, '@'],
    ['E6', 9, 'General'],
    ['E7', 10, '0.00E+00'],
  ] as Array<[string, number, string]>) {
    ws.getCell(ref).value = value;
    ws.getCell(ref).numFmt = fmt;
  }
  // Numbers.
  const numbers = [1e21, 0.1 + 0.2, -0, 2 ** 53 + 2, 123456789012345680000, 1e-7, -1.5e-300, Number.MAX_VALUE, 5e-324, 42, -17.25];
  numbers.forEach((n, i) => {
    ws.getCell(`F${i + 1}`).value = n;
  });
  // Merged ranges (values in the non-master cells are put in the XML afterwards).
  ws.getCell('G1').value = 'master';
  ws.mergeCells('G1:H2');
  ws.getCell('G4').value = 'tall';
  ws.mergeCells('G4:G7');
}

/** fillValues' sheet, sheets of every state, an empty one, and two defined names. */
function trickyWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  fillValues(wb.addWorksheet('values'));
  const hidden = wb.addWorksheet('隐藏', { state: 'hidden' });
  hidden.getCell('A1').value = 'hidden';
  const very = wb.addWorksheet('keytask', { state: 'veryHidden' });
  very.getCell('B2').value = 'very hidden';
  wb.addWorksheet('empty');
  const styledOnly = wb.addWorksheet('styled only');
  styledOnly.getCell('C3').numFmt = '0.00';
  styledOnly.getCell('C3').font = { bold: true };
  wb.addWorksheet('R&D部门').getCell('A1').value = 'R&D';

  wb.definedNames.add("'values'!$A$1", 'TOP');
  wb.definedNames.add("'隐藏'!$A$1:$B$3", 'AREA');
  return wb;
}

/** trickyWorkbook with values in merged non-master cells and names ExcelJS cannot write. */
async function trickyBuffer(): Promise<Buffer> {
  return edit(await bufferOf(trickyWorkbook()), {
    'xl/worksheets/sheet1.xml': (xml) =>
      xml
        // H1 (inside G1:H2) and G5 (inside G4:G7) hold values of their own in the file.
        .replace(/(<c r="G1"[^>]*>.*?<\/c>)/, '$1<c r="H1" t="inlineStr"><is><t>hidden by merge</t></is></c>')
        .replace(/(<c r="F5"[^>]*>.*?<\/c>)/, '$1<c r="G5"><v>99</v></c>'),
    'xl/workbook.xml': (xml) =>
      xml.replace(
        '</definedNames>',
        [
          '<definedName name="LOCAL" localSheetId="0">values!$A$1</definedName>',
          '<definedName name="GONE">&apos;登封市&apos;!#REF!</definedName>',
          '<definedName name="_xlnm.Print_Area" localSheetId="0">values!$A$1:$H$13</definedName>',
          '<definedName name="MANY">values!$A$1:$B$2,values!$D$4,&apos;a,b&apos;!$C$3</definedName>',
          '<definedName name="FORMULA">SUM(values!$A$1:$A$3)</definedName>',
          '<definedName name="CONST">"text"</definedName>',
          '<definedName name="WIDE">ABCDE1,values!$A$1</definedName>',
          '</definedNames>',
        ].join(''),
      ),
  });
}

// ---------------------------------------------------------------------------------------------

describe('the values-only reader reads what ExcelJS reads', () => {
  it('on the workbooks keytask writes: the generated city workbook', async () => {
    const read = await expectSame(await toBuffer(sampleSpec()));
    expect(read.sheets.map((s) => [s.name, s.state])).toEqual([
      ['重点任务清单', 'visible'],
      ['新密市', 'visible'],
      ['登封市', 'visible'],
      ['荥阳市', 'visible'],
      ['单位名录', 'visible'],
      ['keytask', 'veryHidden'],
    ]);
    expect(read.sheets[0].grid[3][0]).toBe('*序号');
    // The header block's merged cells, as the sheet spec wrote them.
    const spec = sampleSpec();
    expect([...read.sheets[0].merges!].sort()).toEqual(spec.sheets[0].merges.map((m) => (m.includes(':') ? m : `${m}:${m}`)).sort());
  });

  it('on the files of a roll-up: county copies, a whole workbook sent back, plain sheets', async () => {
    const dir = tempDir('keytask-fast-');
    const fx = await writeFixtures(dir);
    for (const file of fx.all.filter((f) => !f.endsWith('broken.xlsx'))) await expectSame(readFileSync(file));
  });

  it('on the roll-up summary and the findings sheet keytask writes (formulas, links, a chart)', async () => {
    const dir = tempDir('keytask-fast-out-');
    const fx = await writeFixtures(dir);
    const io = { out: () => undefined, err: () => undefined };
    const summary = join(dir, 'summary.xlsx');
    await main(['node', 'keytask', 'rollup', ...fx.all, '-o', summary], io, messages('en'));
    const findings = join(dir, 'findings.xlsx');
    await main(['node', 'keytask', 'validate', fx.counties[1], '--findings-sheet', findings], io, messages('en'));
    for (const f of [summary, findings]) {
      const read = await expectSame(readFileSync(f));
      expect(read.sheets.length).toBeGreaterThan(0);
    }
  });

  it("on seed 001's table pasted into a plain workbook", async () => {
    const grid = seed001Grid();
    const width = Math.max(...grid.map((r) => r.length));
    const read = await expectSame(
      await toBuffer({
        sheets: [
          {
            key: 'plain',
            name: 'Sheet1',
            kind: 'city',
            visibility: 'visible',
            columnWidths: [],
            values: grid.map((r) => [...r, ...new Array(width - r.length).fill(null)]),
            formats: [],
            merges: ['A1:D1'],
            validations: [],
            conditionalFormats: [],
          },
        ],
        names: [],
      }),
    );
    expect(read.sheets[0].grid[1]).toEqual(['序号', '重点任务', '完成时限和目标', '责任单位']);
    expect(read.sheets[0].merges).toEqual(['A1:D1']);
  });

  it('on every kind of value ExcelJS writes', async () => {
    const read = await expectSame(await trickyBuffer());
    const [values, hidden, very, empty, styledOnly, rd] = read.sheets;
    expect(read.sheets.map((s) => [s.name, s.state])).toEqual([
      ['values', 'visible'],
      ['隐藏', 'hidden'],
      ['keytask', 'veryHidden'],
      ['empty', 'visible'],
      ['styled only', 'visible'],
      ['R&D部门', 'visible'],
    ]);
    const g = values.grid;
    const col = (letter: string): Array<unknown> => g.map((r) => r[letter.charCodeAt(0) - 65]);
    expect(col('A').slice(0, 13)).toEqual([
      '新密市A',
      'plain',
      `&<>"'`,
      // ExcelJS writes `_x000D_` as it is and reads it back as the character it stands for.
      'a\rb',
      // A carriage return written as it is comes back as a line feed (XML line ends).
      'line1\nline2\nline3',
      '😀👍🏽 重点任务清单（繁體）',
      '=SUM(A1)',
      null,
      '  spaces  ',
      '&amp; &lt;x&gt;',
      '_x000D_',
      '链接',
      // ExcelJS drops control characters when writing.
      'tab\there',
    ]);
    expect(col('B').slice(0, 10)).toEqual([2, 'plainx & <y>', true, '#N/A', '#REF!', null, 4, 8, 16, false]);
    expect(col('C').slice(0, 5)).toEqual([true, false, '#REF!', '#N/A', '#DIV/0!']);
    expect(col('D').slice(0, 7)).toEqual([
      '2024-06-30',
      '2024-06-30T12:30:00.000Z',
      '2024-06-30',
      '2024-06-30T18:00:00.000Z',
      '1899-12-30T12:00:00.000Z',
      '2025-01-01',
      '1899-12-31T12:00:00.000Z',
    ]);
    expect(col('E').slice(0, 7)).toEqual([0.25, 1234.5, -3, 7, 8, 9, 10]);
    // ExcelJS writes -0 as 0 (String(-0)); the hand-written XML below has a real -0.
    expect(col('F').slice(0, 11)).toEqual([
      1e21,
      0.1 + 0.2,
      0,
      2 ** 53 + 2,
      123456789012345680000,
      1e-7,
      -1.5e-300,
      Number.MAX_VALUE,
      5e-324,
      42,
      -17.25,
    ]);
    // Merged: the master keeps its value, the other cells read as empty whatever the file holds.
    expect([g[0][6], g[3][6], g[4][6]]).toEqual(['master', 'tall', null]);
    // H1's own value gone, nothing is left in column H.
    expect(g[0]).toHaveLength(7);
    expect(values.merges).toEqual(['G1:H2', 'G4:G7']);
    expect(hidden.grid).toEqual([['hidden']]);
    expect(very.grid).toEqual([
      [null, null],
      [null, 'very hidden'],
    ]);
    expect(empty.grid).toEqual([]);
    expect(styledOnly.grid).toEqual([]);
    expect(rd.grid).toEqual([['R&D']]);
    expect(read.names).toEqual([
      { name: 'TOP', ref: 'values!$A$1' },
      { name: 'AREA', ref: "'隐藏'!$A$1:$B$3" },
      { name: 'GONE', ref: "'登封市'!#REF!" },
      { name: 'MANY', ref: "values!$A$1:$B$2,values!$D$4,'a,b'!$C$3" },
      { name: 'FORMULA', ref: 'SUM(values!$A$1:$A$3)' },
      { name: 'CONST', ref: '"text"' },
      // ExcelJS drops the piece it cannot read as a reference (a column past XFD).
      { name: 'WIDE', ref: 'values!$A$1' },
    ]);
  });

  it('on the streaming writer\'s output (strings inline: text as t="str", rich text as runs)', async () => {
    const file = join(tempDir('keytask-fast-stream-'), 'stream.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet('values');
    fillValues(ws as unknown as Fillable);
    ws.commit();
    await wb.commit();
    const buf = readFileSync(file);
    const xml = await (await JSZip.loadAsync(buf)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain('t="inlineStr"');
    expect(xml).toContain('t="str"');
    const read = await expectSame(buf);
    const g = read.sheets[0].grid;
    expect(g[0][0]).toBe('新密市A');
    // `t="str"` text is decoded twice by ExcelJS: `&amp;` written as text comes back as `&`.
    expect(g[9][0]).toBe('& <x>');
    expect(g[3][0]).toBe('a_x000D_b');
  });

  it('in the 1904 date system', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('d');
    ws.getCell('A1').value = D(2024, 6, 30);
    ws.getCell('A2').value = 100;
    ws.getCell('A2').numFmt = 'yyyy-mm-dd';
    const buf = await bufferOf(wb);
    expect(await new JSZip().loadAsync(buf).then((z) => z.file('xl/workbook.xml')!.async('string'))).toContain('date1904="1"');
    const read = await expectSame(buf);
    expect(read.sheets[0].grid).toEqual([['2024-06-30'], ['1904-04-10']]);
  });

  it('on hand-written XML: inline and phonetic strings, escapes, comments, odd numbers, duplicates, rows out of order', async () => {
    const sheet1 = worksheet(
      [
        '<row r="1">',
        '<c r="A1" t="inlineStr"><is><t xml:space="preserve"> inline _x000D_ </t></is></c>',
        '<c r="B1" t="inlineStr"><is><r><rPr><b/><sz val="11"/></rPr><t>rich</t></r><r><t>_x0041_</t></r></is></c>',
        '<c r="C1" t="s"><v>0</v></c>',
        '<c r="D1" t="s"><v>1</v></c>',
        '<c r="E1" t="str"><v>a&amp;amp;b &amp;lt;c&amp;gt;</v></c>',
        '<c r="F1"><v> 1E+21 </v></c>',
        '<c r="G1"><v>-0</v></c>',
        '<c r="H1" t="b"><v>1</v></c>',
        '<c r="I1" t="e"><v>#REF!</v></c>',
        '<c r="J1" t="n"><v>2.5</v></c>',
        '</row>',
        '<row r="2">',
        inline('A2', 'x<!-- a comment -->y<![CDATA[dropped]]>z'),
        inline('B2', 'line1&#13;&#10;line2\r\nline3\rline4'),
        inline('C2', '&#x1F600;&#128077;&quot;&apos;&lt;&gt;&amp;'),
        '<c r="D2"><f>1+1</f><v>2</v></c>',
        '<c r="E2" t="str"><f>"x"</f><v>x&amp;amp;y</v></c>',
        '<c r="F2" t="b"><f>FALSE()</f><v>0</v></c>',
        '<c r="G2" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
        '<c r="H2"><f t="shared" si="0"/><v>7</v></c>',
        '<c r="I2"><f>A1</f></c>',
        '<c r="J2" s="1"><v>45473</v></c>',
        '</row>',
        '<row r="4" spans="1:10">',
        '<c r="A4"><v>1</v></c><c><v>2</v></c><c s="2"/><c><v>4</v></c>',
        '<c r="F4" s="3"><v>45473.5</v></c>',
        '<c r="G4" s="4"><v>0.25</v></c>',
        '<c r="H4" s="5"><v>3</v></c>',
        '<c r="I4" s="6"><v>1.5</v></c>',
        '<c r="J4" s="99"><v>5</v></c>',
        '</row>',
        `<row r="3">${inline('A3', 'row 3 after row 4')}</row>`,
        '<row r="5"><c r="A5"><v>1</v></c><c r="A5"><v>2</v></c><c r="B5"><v>3</v></c><c r="B5"/></row>',
        `<row r="6">${inline('A6', 'first')}</row>`,
        `<row r="6">${inline('B6', 'second')}</row>`,
        `<row r="7"><c r="C7" t="inlineStr"><is><t></t></is></c><c r="D7" t="s"><v>2</v></c><c r="E7" t="inlineStr"><is/></c></row>`,
        '<row r="8"><c r="A8" t="s"><v>3</v></c><c r="B8" t="s"><f>1</f><v>1</v></c></row>',
        `<row r="9" s="2">${inline('E9', '   ')}</row>`,
        '<row r="10" hidden="1"/>',
        '<row r="11"><c r="A11" s="2"/></row>',
      ].join(''),
      '<mergeCells count="3"><mergeCell ref="A5:B5"/><mergeCell ref="E9"/><mergeCell ref="D11:C10"/></mergeCells>',
    );
    const buf = await handMade({
      sheets: [
        { name: 'hand', xml: sheet1 },
        { name: 'R&amp;amp;D', attrs: ' state="hidden"', xml: worksheet('').replace('<sheetData></sheetData>', '<sheetData/>') },
        { name: 'chart', target: 'chartsheets/sheet1.xml', xml: `${DECL}<chartsheet xmlns="${MAIN_NS}"/>` },
        {
          name: 'abs',
          attrs: ' state="veryHidden"',
          target: '/xl/worksheets/sheet3.xml',
          xml: worksheet(`<row r="2">${inline('B2', 'abs')}</row>`),
        },
        // ExcelJS parses only files named xl/worksheets/sheetN.xml as worksheets.
        { name: 'other', target: 'worksheets/data.xml', xml: worksheet(`<row r="1">${inline('A1', 'x')}</row>`) },
      ],
      strings: [
        '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>',
        '<si><r><t>a</t></r><r><rPr><i/></rPr><t>b_x000D_</t></r></si>',
        '<si><t/></si>',
        '<si/>',
      ].join(''),
      styles: [
        '<numFmts count="4">',
        '<numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot; h:mm"/>',
        '<numFmt numFmtId="165" formatCode="0.0%"/>',
        '<numFmt numFmtId="166" formatCode="#,##0\\ &quot;万元&quot;"/>',
        '<numFmt numFmtId="167" formatCode="[h]:mm:ss"/>',
        '</numFmts>',
        '<cellXfs count="7">',
        '<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/>',
        '<xf numFmtId="167"><alignment horizontal="left"/></xf>',
        '</cellXfs>',
      ].join(''),
      names: [
        '<definedName name="_xlnm.Print_Area" localSheetId="0">hand!$A$1:$J$9</definedName>',
        '<definedName name="_xlnm.Print_Titles">hand!$1:$2</definedName>',
        '<definedName name="LOCAL" localSheetId="0">hand!$A$1</definedName>',
        '<definedName name="KT_S_1">hand!$A$1</definedName>',
        '<definedName name="EMPTY"></definedName>',
        '<definedName name="SPACED">  hand!$B$2 </definedName>',
      ].join(''),
    });
    const read = await expectSame(buf);
    expect(read.sheets.map((s) => [s.name, s.state])).toEqual([
      ['hand', 'visible'],
      // ExcelJS decodes sheet names twice.
      ['R&D', 'hidden'],
      ['abs', 'veryHidden'],
    ]);
    const g = read.sheets[0].grid;
    expect(g.length).toBe(9);
    expect(g.every((r) => r.length === 10)).toBe(true);
    expect(g[0]).toEqual([' inline _x000D_ ', 'richA', '漢字', 'ab\r', 'a&b <c>', 1e21, -0, true, '#REF!', 2.5]);
    expect(Object.is(g[0][6], -0)).toBe(true);
    expect(g[1]).toEqual(['xyz', 'line1\r\nline2\nline3\nline4', `😀👍"'<>&`, 2, 'x&y', false, '#DIV/0!', 7, null, '2024-06-30']);
    expect(g[2]).toEqual(['row 3 after row 4', null, null, null, null, null, null, null, null, null]);
    expect(g[3]).toEqual([1, 2, null, 4, null, '2024-06-30T12:00:00.000Z', 0.25, 3, '1899-12-31T12:00:00.000Z', 5]);
    // A5 given twice (the later wins), B5 hidden by the merge A5:B5.
    expect(g[4]).toEqual([2, null, null, null, null, null, null, null, null, null]);
    // Row 6 given twice: the later row replaces the earlier.
    expect(g[5]).toEqual([null, 'second', null, null, null, null, null, null, null, null]);
    expect(g[6]).toEqual(new Array(10).fill(null));
    // A shared-string index under a formula is just its number to ExcelJS.
    expect(g[7]).toEqual([null, 1, null, null, null, null, null, null, null, null]);
    expect(g[8]).toEqual([null, null, null, null, '   ', null, null, null, null, null]);
    expect(read.sheets[0].merges).toEqual(['A5:B5', 'E9:E9', 'C10:D11']);
    expect(read.sheets[1].grid).toEqual([]);
    expect(read.sheets[2].grid).toEqual([
      [null, null],
      [null, 'abs'],
    ]);
    expect(read.names).toEqual([
      { name: 'KT_S_1', ref: 'hand!$A$1' },
      { name: 'EMPTY', ref: '' },
      { name: 'SPACED', ref: '  hand!$B$2 ' },
    ]);
  });

  it('on cells without an address after one with it', async () => {
    const buf = await handMade({
      sheets: [{ name: 's', xml: worksheet(`<row r="1"><c r="B1"><v>1</v></c><c><v>2</v></c><c t="b"><v>1</v></c></row>`) }],
    });
    const read = await expectSame(buf);
    expect(read.sheets[0].grid).toEqual([[null, 1, 2, true]]);
  });
});

describe('where the values-only reader reads what ExcelJS cannot', () => {
  it('reads rows and cells without addresses, one after another as the format says', async () => {
    const xml = worksheet(
      [
        '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row>',
        '<row/>',
        '<row><c/><c><v>3</v></c></row>',
        '<row r="7"><c><v>7</v></c></row>',
      ].join(''),
    );
    const buf = await handMade({ sheets: [{ name: 's', xml }] });
    const expected = [
      ['a', 2],
      [null, null],
      [null, 3],
      [null, null],
      [null, null],
      [null, null],
      [7, null],
    ];
    expect((await fastReadXlsx(buf)).sheets[0].grid).toEqual(expected);
    // ExcelJS cannot place a row without `r`.
    await expect(readWithExcelJs(buf)).rejects.toThrow();
    expect((await readXlsxBuffer(buf)).sheets[0].grid).toEqual(expected);
  });

  it('keeps the text, boolean or error a formula left in a date-formatted cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('d');
    ws.getCell('A1').value = { formula: 'B1+1', result: { error: '#REF!' } } as ExcelJS.CellFormulaValue;
    ws.getCell('A2').value = { formula: 'TEXT(B1,"yyyy")', result: '2024' } as ExcelJS.CellFormulaValue;
    ws.getCell('A3').value = { formula: 'ISNUMBER(B1)', result: true } as ExcelJS.CellFormulaValue;
    ws.getCell('A4').value = { formula: 'B1', result: 45473 } as ExcelJS.CellFormulaValue;
    for (const r of [1, 2, 3, 4]) ws.getCell(`A${r}`).numFmt = 'yyyy-mm-dd';
    const buf = await bufferOf(wb);
    expect((await fastReadXlsx(buf)).sheets[0].grid).toEqual([['#REF!'], ['2024'], [true], ['2024-06-30']]);
    // ExcelJS makes each of them a date: an invalid one for the error (read as nothing), day
    // 2024 of 1900 for the text '2024', the day before 1900-01-01 for `true`.
    expect((await readWithExcelJs(buf)).sheets[0].grid).toEqual([[null], ['1905-07-16'], ['1899-12-31'], ['2024-06-30']]);
  });
});

describe('files the values-only reader leaves to ExcelJS', () => {
  const sheetWith = (data: string): string => worksheet(data);

  const cases: Array<[string, () => Promise<Buffer>]> = [
    [
      'a t="d" (ISO date) cell',
      () => handMade({ sheets: [{ name: 's', xml: sheetWith('<row r="1"><c r="A1" t="d"><v>2024-06-30T00:00:00Z</v></c></row>') }] }),
    ],
    [
      'the 1904 date system written as "true"',
      () =>
        handMade({
          workbookPr: '<workbookPr date1904="true"/>',
          styles: '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>',
          sheets: [{ name: 's', xml: sheetWith('<row r="1"><c r="A1" s="1"><v>100</v></c></row>') }],
        }),
    ],
    [
      'a strict OOXML workbook',
      async () =>
        edit(await handMade({ sheets: [{ name: 's', xml: sheetWith(`<row r="1">${inline('A1', 'x')}</row>`) }] }), {
          'xl/workbook.xml': (x) => x.replace(MAIN_NS, 'http://purl.oclc.org/ooxml/spreadsheetml/main'),
        }),
    ],
    [
      'an element ExcelJS does not expect in a cell',
      () => handMade({ sheets: [{ name: 's', xml: sheetWith('<row r="1"><c r="A1"><v>1</v><extLst/></c></row>') }] }),
    ],
    [
      'a shared string out of range',
      () =>
        handMade({
          strings: '<si><t>a</t></si>',
          sheets: [{ name: 's', xml: sheetWith('<row r="1"><c r="A1" t="s"><v>5</v></c></row>') }],
        }),
    ],
    [
      'overlapping merged ranges',
      () =>
        handMade({
          sheets: [{ name: 's', xml: worksheet('', '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>') }],
        }),
    ],
    ['a sheet name ExcelJS refuses', () => handMade({ sheets: [{ name: 'a:b', xml: sheetWith('') }] })],
    [
      'a row style without a style table',
      () => handMade({ sheets: [{ name: 's', xml: sheetWith(`<row r="1" s="3" customFormat="1">${inline('A1', 'x')}</row>`) }] }),
    ],
    ['an unknown entity', () => handMade({ sheets: [{ name: 's', xml: sheetWith(`<row r="1">${inline('A1', '&nbsp;')}</row>`) }] })],
    ['a zip with no workbook', async () => new JSZip().file('hello.txt', 'hi').generateAsync({ type: 'nodebuffer' })],
  ];

  it.each(cases)('%s: read as ExcelJS reads it, or refused in plain words where it fails', async (_what, make) => {
    const buf = await make();
    await expect(fastReadXlsx(buf)).rejects.toBeInstanceOf(Unsupported);
    const slow = await settle(readWithExcelJs(buf));
    const got = await settle(readXlsxBuffer(buf, 'x.xlsx'));
    if ('value' in slow) expect(got).toEqual(slow);
    else expect(got).toMatchObject({ error: { name: 'XlsxReadError' } });
  });

  it('reads element names under the prefix the OpenXML SDK writes (x:), which ExcelJS cannot', async () => {
    const buf = await handMade({
      sheets: [
        {
          name: 's',
          xml: `${DECL}<x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
        },
      ],
    });
    expect((await fastReadXlsx(buf)).sheets[0].grid).toEqual([[1]]);
    expect((await readXlsx(buf)).sheets[0].grid).toEqual([[1]]);
  });

  it('a t="d" cell reads through ExcelJS with the rest of the file', async () => {
    const buf = await handMade({
      sheets: [{ name: 's', xml: worksheet(`<row r="1">${inline('A1', 'before')}<c r="B1" t="d"><v>2024-06-30T00:00:00Z</v></c></row>`) }],
    });
    const read = await readXlsxBuffer(buf);
    expect(read).toEqual(await readWithExcelJs(buf));
    expect(read.sheets[0].grid[0][0]).toBe('before');
  });

  it('a package the given unzipper cannot open reads through ExcelJS', async () => {
    const buf = await toBuffer(sampleSpec(['新密市']));
    const failing = (): Promise<never> => Promise.reject(new Error('cannot unzip'));
    expect(await readXlsxBuffer(buf, 'x.xlsx', { openZip: failing })).toEqual(await readWithExcelJs(buf));
  });

  it('the zlib unzipper refuses what it does not handle (here a zip64 marker) rather than guessing', async () => {
    const good = await toBuffer(sampleSpec(['新密市']));
    const bad = Buffer.from(good);
    const eocd = bad.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    bad.writeUInt32LE(0xffffffff, eocd + 16);
    await expect(openWithZlib(bad)).rejects.toThrow('zip64');
  });
});

describe('the rules the values-only reader shares with ExcelJS', () => {
  // ExcelJS's own helpers, to check the copies against (not part of its public API).
  const utils = require('exceljs/lib/utils/utils') as { isDateFmt(f: string): boolean };
  const defaults = require('exceljs/lib/xlsx/defaultnumformats') as Record<string, { f?: string }>;

  it('knows the same built-in number formats', () => {
    const theirs = Object.fromEntries(
      Object.entries(defaults)
        .filter(([, v]) => v.f)
        .map(([k, v]) => [Number(k), v.f]),
    );
    expect(BUILTIN_FORMATS).toEqual(theirs);
  });

  it('takes the same formats for dates', () => {
    const formats = [
      ...Object.values(BUILTIN_FORMATS),
      'yyyy"年"m"月"d"日"',
      'yyyy"年"m"月"',
      'm"月"d"日"',
      '[$-804]yyyy"年"m"月"d"日" dddd',
      'YYYY-MM-DD',
      '[DBNum1][$-804]yyyy"年"m"月"d"日"',
      '0.00_);[Red](0.00)',
      '#,##0 "万元"',
      '"亿"0.0',
      '0.0%',
      '[h]:mm',
      '[<=9999999]###-####;(###) ###-####',
      'b',
      '',
    ];
    for (const f of formats) expect([f, isDateFormat(f)]).toEqual([f, utils.isDateFmt(f)]);
  });

  it('writes column letters as Excel does', () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16384].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });
});

describeWith(SOFFICE, 'LibreOffice', 'the values-only reader on files LibreOffice saved', () => {
  const dir = tempDir('keytask-fast-lo-');
  const profile = `file://${join(dir, 'profile')}`;

  /** Saves each input again through LibreOffice Calc as .xlsx; returns the output paths. */
  const resave = (inputs: string[]): string[] => {
    const outdir = join(dir, 'resaved');
    mkdirSync(outdir, { recursive: true });
    execFileSync(
      SOFFICE!,
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        outdir,
        ...inputs,
      ],
      { timeout: 180_000, stdio: 'pipe' },
    );
    return readdirSync(outdir).map((f) => join(outdir, f));
  };

  it('reads what ExcelJS reads', async () => {
    const inputs = [join(dir, 'tricky.xlsx'), join(dir, 'sample.xlsx')];
    writeFileSync(inputs[0], await trickyBuffer());
    writeFileSync(inputs[1], await toBuffer(sampleSpec()));
    const outputs = resave(inputs);
    expect(outputs).toHaveLength(2);
    for (const f of outputs) {
      const read = await expectSame(readFileSync(f));
      if (f.endsWith('tricky.xlsx')) {
        const g = read.sheets[0].grid;
        // (LibreOffice keeps the run's `_x0041_` as text, where ExcelJS reads it as `A`.)
        expect(g[0][0]).toMatch(/^新密市/);
        expect(g[0][3]).toBe('2024-06-30');
        expect(g[3][1]).toBe('#N/A');
        expect(read.sheets[0].merges).toEqual(expect.arrayContaining(['G1:H2', 'G4:G7']));
      } else {
        expect(read.sheets[0].grid[3][0]).toBe('*序号');
      }
    }
  });
});
