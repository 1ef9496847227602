/**
 * Files made to break readers, each built here: every one is read in bounded time and memory,
 * or refused with the plain message that says why (exit 2 from the CLI, never 3).
 */
import { deflateRawSync, createDeflateRaw } from 'zlib';
import JSZip from 'jszip';
import { XlsxReadError, describeReadError } from '../../src/hosts/xlsx/errors';
import { shapeGrid } from '../../src/hosts/xlsx/gridShape';
import { LIMITS, LimitExceeded } from '../../src/hosts/xlsx/limits';
import { readXlsx } from '../../src/hosts/xlsx/readWorkbook';
import { readXlsxBuffer } from '../../src/hosts/xlsx/readXlsxBuffer';
import { toBuffer } from '../../src/hosts/xlsx/writeWorkbook';
import { buildSummarySheet } from '../../src/core/report/rollupSheets';
import type { RollupResult } from '../../src/core/rollup/rollup';
import { sampleSpec } from './support';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const WORKBOOK = `<?xml version="1.0"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL}"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const RELS = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const sheet = (rows: string): string => `<?xml version="1.0"?><worksheet xmlns="${MAIN_NS}"><sheetData>${rows}</sheetData></worksheet>`;

interface Entry {
  name: string;
  /** what to store, deflated here */
  data?: Buffer;
  /** already deflated, with the size to declare */
  deflated?: Buffer;
  size?: number;
}

/** A zip written by hand, so a test can declare what it likes (duplicate names, false sizes). */
function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.deflated ?? deflateRawSync(e.data ?? Buffer.alloc(0));
    const size = e.size ?? e.data?.length ?? 0;
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    central.push(dir, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

function workbookZip(sheetXml: Buffer | string, extra: Entry[] = []): Buffer {
  const data = typeof sheetXml === 'string' ? Buffer.from(sheetXml) : sheetXml;
  return zip([
    { name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(RELS) },
    { name: 'xl/worksheets/sheet1.xml', data },
    ...extra,
  ]);
}

/** `size` bytes of `<row/>` padding deflated as one stream, without holding them all at once. */
async function deflatedPadding(size: number): Promise<Buffer> {
  const head = Buffer.from(`<?xml version="1.0"?><worksheet xmlns="${MAIN_NS}"><sheetData>`);
  const chunk = Buffer.alloc(1024 * 1024, ' ');
  const d = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  d.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => d.on('end', resolve));
  d.write(head);
  for (let n = head.length; n < size; n += chunk.length) d.write(chunk);
  d.end(Buffer.from('</sheetData></worksheet>'));
  await done;
  return Buffer.concat(out);
}

async function refusal(p: Promise<unknown>): Promise<XlsxReadError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof XlsxReadError) return e;
    throw e;
  }
  throw new Error('read, not refused');
}

describe('hostile files', () => {
  it('cells in A1, XFD1 and A70000 read at the cost of three cells', async () => {
    const buf = workbookZip(
      sheet('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row><row r="70000"><c r="A70000"><v>3</v></c></row>'),
    );
    const t0 = Date.now();
    const before = process.memoryUsage().rss;
    const { grid } = (await readXlsx(buf)).sheets[0];
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    expect(grid.length).toBe(70000);
    expect(grid[0][0]).toBe(1);
    expect(grid[0][16383]).toBe(2);
    expect(grid[69999]).toEqual([3]);
    expect(grid[500]).toEqual([]);
  });

  it('a sheet spanning more cells than the limit is refused, naming the limit', () => {
    // 700 rows from A to XFD: 11.5 million cells by the rows' reach, though only 1400 are filled.
    const rows: Array<Array<number | null>> = [];
    const counts: number[] = [];
    for (let r = 0; r < 700; r++) {
      const row: Array<number | null> = [];
      row[0] = 1;
      row[16383] = 2;
      rows[r] = row;
      counts[r] = 2;
    }
    expect(() => shapeGrid(rows, counts, 700, 's')).toThrow(LimitExceeded);
    const e = new XlsxReadError('big.xlsx', 'tooLarge', '', { limit: 'sheetCells', where: 's' });
    expect(describeReadError(e, 'zh')).toBe(
      'big.xlsx 超出读取上限:s 超过“每个工作表的单元格数(每行从 A 列计到最后一个有内容的单元格)”上限 10,000,000',
    );
    expect(describeReadError(e, 'en')).toContain('cells per sheet');
  });

  it('a zip bomb (300 MB of sheet in a few hundred KB) is refused before it is inflated', async () => {
    const size = 300 * 1024 * 1024;
    const deflated = await deflatedPadding(size);
    expect(deflated.length).toBeLessThan(1024 * 1024);
    const honest = zip([
      { name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK) },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(RELS) },
      { name: 'xl/worksheets/sheet1.xml', deflated, size },
    ]);
    const t0 = Date.now();
    const e = await refusal(readXlsx(honest));
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(e).toMatchObject({ reason: 'tooLarge', limit: 'partBytes', where: 'xl/worksheets/sheet1.xml' });
    expect(describeReadError(e, 'en')).toContain(`${LIMITS.partBytes / 1024 / 1024} MB`);
    // The same bomb declaring a small size: the inflater stops at the declared size.
    const lying = zip([
      { name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK) },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(RELS) },
      { name: 'xl/worksheets/sheet1.xml', deflated, size: 1000 },
    ]);
    expect(await refusal(readXlsx(lying))).toMatchObject({ reason: 'damaged', detail: 'badZip' });
    // And through jszip (the task pane's reader), which stops inflating at the limit.
    expect(await refusal(readXlsxBuffer(honest, 'bomb.xlsx'))).toMatchObject({ reason: 'tooLarge', limit: 'partBytes' });
  }, 60_000);

  it('the pane’s reader (jszip) stops a bomb that lies about its size where the lie shows, with a plain refusal', async () => {
    const deflated = await deflatedPadding(300 * 1024 * 1024);
    const lying = zip([
      { name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK) },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(RELS) },
      { name: 'xl/worksheets/sheet1.xml', deflated, size: 1000 },
    ]);
    const heap = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const t0 = Date.now();
    const e = await refusal(readXlsxBuffer(new Uint8Array(lying), 'lying.xlsx'));
    const ms = Date.now() - t0;
    const grew = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers - heap;
    expect(e).toMatchObject({ reason: 'damaged', detail: 'badZip' });
    expect(describeReadError(e, 'en')).toMatch(/^lying\.xlsx /);
    expect(describeReadError(e, 'en')).not.toMatch(/Bug|mismatch|undefined/);
    // cut where the part passes the 1,000 bytes it declared, not at the 256 MB limit
    expect(ms).toBeLessThan(2000);
    expect(grew).toBeLessThan(64 * 1024 * 1024);
  }, 60_000);

  it('entity expansion (a DOCTYPE defining entities) is refused, not expanded', async () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]><worksheet xmlns="${MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&g;&g;&g;&g;</t></is></c></row></sheetData></worksheet>`;
    const t0 = Date.now();
    const e = await refusal(readXlsx(workbookZip(lol)));
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(e.reason).toBe('damaged');
  });

  it('deep nesting is refused without a stack overflow', async () => {
    const deep = sheet(`<row r="1"><c r="A1"><v>1</v></c></row>`).replace(
      '<sheetData>',
      `<sheetData>${'<x>'.repeat(200_000)}${'</x>'.repeat(200_000)}`,
    );
    const t0 = Date.now();
    const outcome = await readXlsx(workbookZip(deep)).catch((e: unknown) => e);
    expect(Date.now() - t0).toBeLessThan(10_000);
    if (outcome instanceof Error) expect(outcome).toBeInstanceOf(XlsxReadError);
  });

  it('two parts under one name are refused as damaged', async () => {
    const buf = workbookZip(sheet('<row r="1"><c r="A1"><v>1</v></c></row>'), [{ name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK) }]);
    const e = await refusal(readXlsx(buf));
    expect(e).toMatchObject({ reason: 'damaged', detail: 'duplicateParts' });
    expect(describeReadError(e, 'zh')).toContain('同一部件出现两次');
  });

  it('a truncated workbook says it is incomplete', async () => {
    const full = await toBuffer(sampleSpec());
    for (const cut of [0.5, 0.9, 0.999]) {
      const e = await refusal(readXlsx(full.subarray(0, Math.floor(full.length * cut))));
      expect(e.reason).toBe('truncated');
      expect(describeReadError(e, 'zh')).toContain('不完整');
    }
  });

  it('names what a foreign file is', async () => {
    const cfb = (stream: string): Buffer => {
      const b = Buffer.alloc(1024);
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
      Buffer.from(stream, 'utf16le').copy(b, 600);
      return b;
    };
    const ods = await new JSZip()
      .file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet')
      .file('content.xml', '<x/>')
      .generateAsync({ type: 'nodebuffer' });
    const xlsb = await new JSZip().file('xl/workbook.bin', 'x').generateAsync({ type: 'nodebuffer' });
    const docx = await new JSZip().file('word/document.xml', '<x/>').generateAsync({ type: 'nodebuffer' });
    const cases: Array<[Buffer, string, string]> = [
      [cfb('EncryptedPackage'), 'encrypted', '请先在 Excel 中取消密码'],
      [cfb('Workbook'), 'xls', '另存为 .xlsx'],
      [ods, 'ods', 'OpenDocument'],
      [xlsb, 'xlsb', '.xlsb'],
      [docx, 'notSpreadsheet', 'Word 文档'],
      [Buffer.from('序号,重点任务\n1,x\n'), 'notSpreadsheet', 'CSV'],
      [Buffer.alloc(0), 'empty', '空文件'],
    ];
    for (const [bytes, reason, words] of cases) {
      const e = await refusal(readXlsx(bytes));
      expect([reason, describeReadError(e, 'zh')]).toEqual([e.reason, expect.stringContaining(words)]);
    }
  });
});

describe('what keytask writes stays well-formed', () => {
  it('drops control characters from cells and charts and cuts over-long cells', async () => {
    const spec = sampleSpec(['新\x1b密市']);
    spec.sheets[0].values[0][0] = `a\x07b${'长'.repeat(40000)}`;
    const buf = await toBuffer(spec);
    const zipped = await JSZip.loadAsync(buf);
    for (const name of Object.keys(zipped.files).filter((n) => n.endsWith('.xml'))) {
      // eslint-disable-next-line no-control-regex
      expect([name, /[\x00-\x08\x0b\x0c\x0e-\x1f]/.test(await zipped.file(name)!.async('string'))]).toEqual([name, false]);
    }
    const read = await readXlsx(buf);
    const first = read.sheets[0].grid[0][0] as string;
    expect(first.length).toBe(32767);
    expect(first.startsWith('ab长')).toBe(true);
    expect(first.endsWith('…(截断)')).toBe(true);
    expect(read.sheets.map((s) => s.name)).toContain('新密市');
  });

  it('cuts a cell read from a file at Excel’s 32,767 characters, with the cut shown', async () => {
    const long = '长'.repeat(100_000);
    const xml = sheet(
      `<row r="1"><c r="A1" t="inlineStr"><is><t>${long}</t></is></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>short</t></is></c></row>`,
    );
    const sst = `<?xml version="1.0"?><sst xmlns="${MAIN_NS}"><si><t>${'x'.repeat(50_000)}</t></si></sst>`;
    const file = workbookZip(xml, [{ name: 'xl/sharedStrings.xml', data: Buffer.from(sst) }]);
    for (const read of [await readXlsx(file), await readXlsxBuffer(new Uint8Array(file), 'long.xlsx')]) {
      const [a, b, c] = read.sheets[0].grid[0] as string[];
      expect([a.length, b.length]).toEqual([32767, 32767]);
      expect(a).toBe('长'.repeat(32767 - '…(截断)'.length) + '…(截断)');
      expect(b.endsWith('x…(截断)')).toBe(true);
      expect(c).toBe('short');
    }
  });

  it('a summary cell joining long county notes is cut by the writer, the cut shown', async () => {
    const county = (note: string) => ({
      target: 1,
      milestones: {},
      actual: 1,
      source: 'x!N6',
      cells: { target: 'G6', actual: 'N6' },
      scale: 1,
      note,
      excluded: [],
      blank: [],
      origin: { sheet: 'x' },
    });
    const result = {
      years: [2024],
      counties: ['甲县', '乙县'],
      reporting: { year: 2024, fraction: 0.5, text: '2024年6月' },
      tasks: [
        {
          id: '1',
          section: null,
          text: '任务一',
          unit: '家',
          kind: 'cumulative',
          additive: true,
          city: { target: 2, milestones: {}, actual: null },
          total: { target: 2, milestones: {}, actual: 2 },
          range: null,
          rate: 1,
          counties: { 甲县: county('甲'.repeat(20_000)), 乙县: county('乙'.repeat(20_000)) },
        },
      ],
      status: [],
      excluded: [],
      ranking: [],
      findings: [],
    } as unknown as RollupResult;
    const summary = buildSummarySheet(result, { lang: 'zh', title: '汇总' });
    const joined = summary.values[3].find((v) => typeof v === 'string' && v.startsWith('甲县:')) as string;
    expect(joined.length).toBeGreaterThan(40_000);
    const read = await readXlsx(await toBuffer({ sheets: [summary], names: [] }));
    const cell = read.sheets[0].grid[3].find((v) => typeof v === 'string' && v.startsWith('甲县:')) as string;
    expect(cell.length).toBe(32767);
    expect(cell).toBe(joined.slice(0, 32767 - '…(截断)'.length) + '…(截断)');
  });
});
