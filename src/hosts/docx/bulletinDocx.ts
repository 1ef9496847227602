/**
 * The 通报 as a Word document (the `docx` library), laid out the way government documents are
 * (GB/T 9704, as far as fonts commonly installed allow): A4 with wide margins, the title
 * centred in 宋体 bold at 二号 (22 pt) where 方正小标宋 is not to be counted on, headings in
 * 黑体, body in 仿宋 三号 (16 pt) on a fixed 28 pt line with a two-character indent, tables with
 * a repeated header row at 五号 (10.5 pt), and the provenance as a footnote. English documents use
 * Times New Roman. The document is built here; packing it (toBuffer in Node, toBlob in the
 * pane) is the caller's, so this file needs neither fs nor the DOM.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  FootnoteReferenceRun,
  LineRuleType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { BulletinDoc } from '../../core/bulletin/bulletin';

const PT = 2; // docx sizes are half-points
const TWIP_PER_PT = 20;
const CM = 567; // twips
/** 五号: tables hold figures with their units on one line */
const TABLE_PT = 10.5;

interface Fonts {
  title: string;
  heading: string;
  body: string;
  latin: string;
}

const FONTS: Record<BulletinDoc['lang'], Fonts> = {
  zh: { title: '宋体', heading: '黑体', body: '仿宋', latin: 'Times New Roman' },
  en: { title: 'Times New Roman', heading: 'Times New Roman', body: 'Times New Roman', latin: 'Times New Roman' },
};

const fontOf = (font: string, latin: string) => ({ ascii: latin, hAnsi: latin, eastAsia: font, cs: latin });

function run(text: string, font: string, latin: string, sizePt: number, bold = false): TextRun {
  return new TextRun({ text, bold, size: sizePt * PT, font: fontOf(font, latin) });
}

/** The width of the text area of A4 portrait with the margins below, in twips. */
const TEXT_WIDTH = Math.round(21 * CM - 2.8 * CM - 2.6 * CM);

function table(header: string[], rows: string[][], widths: number[], f: Fonts): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const cols = widths.map((w) => Math.round((w / total) * TEXT_WIDTH));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (text: string, i: number, head: boolean): TableCell =>
    new TableCell({
      width: { size: cols[i], type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      ...(head ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' } } : {}),
      borders: { top: border, bottom: border, left: border, right: border },
      children: [
        new Paragraph({
          alignment: head || text.length <= 8 ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { before: 40, after: 40 },
          children: [run(text, head ? f.heading : f.body, f.latin, TABLE_PT, false)],
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: cols,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i, false)) })),
    ],
  });
}

export function bulletinDocument(doc: BulletinDoc): Document {
  const f = FONTS[doc.lang];
  const body = { line: 28 * TWIP_PER_PT, lineRule: LineRuleType.EXACT };
  const indent = { firstLine: 2 * 16 * TWIP_PER_PT };
  const children: Array<Paragraph | Table> = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 28 * TWIP_PER_PT, line: 36 * TWIP_PER_PT, lineRule: LineRuleType.EXACT },
      // a long title is broken where the core says it reads best, never with one character left over
      children: doc.titleLines.map(
        (line, i) => new TextRun({ text: line, bold: true, size: 22 * PT, break: i > 0 ? 1 : 0, font: fontOf(f.title, f.latin) }),
      ),
    }),
    new Paragraph({ spacing: body, children: [run(doc.salutation, f.body, f.latin, 16)] }),
  ];
  for (const b of doc.blocks) {
    if (b.type === 'heading') {
      children.push(new Paragraph({ spacing: body, indent, keepNext: true, children: [run(b.text, f.heading, f.latin, 16)] }));
    } else if (b.type === 'note') {
      children.push(new Paragraph({ spacing: { before: 60, after: 120 }, children: [run(b.text, f.body, f.latin, 12)] }));
    } else if (b.type === 'paragraph') {
      children.push(
        new Paragraph({
          spacing: body,
          indent,
          alignment: AlignmentType.JUSTIFIED,
          children: [run(b.text, f.body, f.latin, 16), ...(b.footnote ? [new FootnoteReferenceRun(1)] : [])],
        }),
      );
    } else {
      children.push(table(b.header, b.rows, b.widths, f));
      // a table is followed by a little air before the next heading
      children.push(
        new Paragraph({ spacing: { before: 0, after: 0, line: 14 * TWIP_PER_PT, lineRule: LineRuleType.EXACT }, children: [] }),
      );
    }
  }
  return new Document({
    creator: 'keytask',
    title: doc.title,
    footnotes: { 1: { children: [new Paragraph({ children: [run(doc.footnote, f.body, f.latin, 10.5)] })] } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 21 * CM, height: Math.round(29.7 * CM) },
            margin: { top: Math.round(3.7 * CM), bottom: Math.round(3.5 * CM), left: Math.round(2.8 * CM), right: Math.round(2.6 * CM) },
          },
        },
        children,
      },
    ],
  });
}
