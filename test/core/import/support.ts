/** Helpers for the import tests: documents in the encodings and formats users bring. */
import JSZip from 'jszip';

let gbTable: Map<string, number[]> | null = null;

/**
 * GB18030 bytes for text made of ASCII and two-byte GBK characters. Node decodes GB18030 but
 * does not encode it; the table is built by decoding every two-byte code once.
 */
export function encodeGb18030(text: string): Uint8Array {
  if (!gbTable) {
    gbTable = new Map();
    const dec = new TextDecoder('gb18030');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbTable.has(ch)) gbTable.set(ch, [hi, lo]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbTable.get(ch);
      if (!bytes) throw new Error(`no two-byte GB18030 code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const para = (s: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(s)}</w:t></w:r></w:p>`;

/**
 * A minimal .docx: paragraphs, then a table whose cells may hold several paragraphs (a cell's
 * lines are separated by \n), then closing paragraphs.
 */
export async function buildDocx(before: string[], rows: string[][], after: string[] = []): Promise<Buffer> {
  const cell = (c: string) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${c.split('\n').map(para).join('')}</w:tc>`;
  const table = `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${rows.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;
  const body = `${before.map(para).join('')}${table}${after.map(para).join('')}`;
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A small plan as a .docx, in 重点任务清单 form. */
export function smallPlanDocx(): Promise<Buffer> {
  return buildDocx(
    ['测试市制造业三年行动计划(2024—2026年)', '附件:重点任务清单'],
    [
      ['序号', '重点任务', '完成时限和目标', '责任单位'],
      ['(一)', '培育企业', '', ''],
      ['1.力争新增高新技术企业30家。', '2024年达到10家\n2025年达到20家\n2026年达到30家', '市科技局牵头,市财政局、各县(市、区)人民政府配合'],
      ['2.推进数字化转型。', '持续推进', '市工业和信息化局负责'],
    ],
    ['分享到:'],
  );
}
