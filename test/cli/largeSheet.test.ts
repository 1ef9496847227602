/**
 * A large sheet is checked in full, with the findings it holds and no others: 50,000 task rows
 * in a plain workbook (the README's limits section gives the time and memory of 200,000).
 */
import JSZip from 'jszip';
import { join } from 'path';
import { writeFileSync } from 'fs';
import { main } from '../../src/cli/main';
import { messages } from '../../src/cli/messages';
import type { Finding } from '../../src/core/findings/catalogue';
import { type ValidateJson, findingsJson, writeFindingsJson } from '../../src/cli/validate';
import { tempDir } from '../xlsx/support';

const ROWS = 50_000;
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEADER = ['序号', '重点任务', '计量单位', '目标类型', '目标值', '完成时限', '2023年', '2024年', '2025年', '牵头单位', '配合单位'];

const col = (c: number): string => String.fromCharCode(65 + c);

/** The sheet XML written by hand: ExcelJS would take longer to write it than keytask to check it. */
function sheetXml(): string {
  const rows: string[] = [];
  const row = (r: number, values: Array<string | number>): void => {
    const cells = values.map((v, c) =>
      v === ''
        ? ''
        : typeof v === 'number'
          ? `<c r="${col(c)}${r}"><v>${v}</v></c>`
          : `<c r="${col(c)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`,
    );
    rows.push(`<row r="${r}">${cells.join('')}</row>`);
  };
  row(1, ['某市重点任务清单(2023—2025年)']);
  row(2, HEADER);
  for (let i = 1; i <= ROWS; i++) {
    // every 5,000th task's milestone goes down; every 10,000th has no lead unit; none has its
    // target type, deadline or 2023 milestone: 150,000 required cells left blank
    const y2024 = i % 5000 === 0 ? 40 : 20;
    const lead = i % 10000 === 0 ? '' : '市工业和信息化局';
    row(i + 2, [String(i), `培育规上工业企业${i}`, '家', '', 30, '', '', y2024, 30, lead, '市发展改革委']);
  }
  return `<?xml version="1.0"?><worksheet xmlns="${MAIN_NS}"><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

async function workbook(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL}"><sheets><sheet name="清单" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  );
  zip.file('xl/worksheets/sheet1.xml', sheetXml());
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('a sheet of 50,000 tasks', () => {
  const dir = tempDir('keytask-large-');
  const file = join(dir, 'large.xlsx');
  let json: ValidateJson;
  let text: string;
  let code: number;

  beforeAll(async () => {
    writeFileSync(file, await workbook());
    const out: string[] = [];
    code = await main(
      ['node', 'keytask', 'validate', file, '--format', 'json'],
      { out: (l) => out.push(l), err: () => undefined },
      messages('en'),
    );
    text = out.join('\n');
    json = JSON.parse(text) as ValidateJson;
  }, 120_000);

  it('is checked in full: each broken row found, and nothing else', () => {
    expect(code).toBe(1);
    // counted, not compared: a failing comparison of 150,000 findings would print them all
    const blank = json.findings.filter((f) => f.code === 'required-missing');
    expect(blank.length).toBe(3 * ROWS);
    expect([...new Set(blank.map((f) => f.cell!.replace(/\d+$/, '')))].sort().join()).toBe('D,F,G');
    const found = json.findings.filter((f) => f.code !== 'required-missing').map((f) => `${f.code}@${f.cell}#${f.taskId}`);
    const expected = [
      ...[5000, 10000, 15000, 20000, 25000, 30000, 35000, 40000, 45000, 50000].map((i) => `milestone-decreasing@I${i + 2}#${i}`),
      ...[10000, 20000, 30000, 40000, 50000].map((i) => `lead-missing@J${i + 2}#${i}`),
    ];
    expect(found.sort().join(' ')).toBe(expected.sort().join(' '));
  });

  it('lists them as a table too', async () => {
    const out: string[] = [];
    const table = await main(['node', 'keytask', 'validate', file], { out: (l) => out.push(l), err: () => undefined }, messages('en'));
    expect(table).toBe(1);
    expect(out[out.length - 1]).toBe('150015 findings (errors: 150015, warnings: 0, notes: 0)');
  }, 120_000);

  it('writes its JSON exactly as one JSON.stringify would, though in pieces', () => {
    expect(text === JSON.stringify(findingsJson(json.findings as Finding[]), null, 2)).toBe(true);
    // batches of a thousand, the last one short
    const many = json.findings.slice(0, 2500) as Finding[];
    const out: string[] = [];
    writeFindingsJson(many, { out: (l) => out.push(l) });
    expect(out.length).toBeGreaterThan(3);
    expect(out.join('\n') === JSON.stringify(findingsJson(many), null, 2)).toBe(true);
  });
});
