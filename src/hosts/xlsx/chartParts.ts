/**
 * Charts for the .xlsx host. ExcelJS 4.4 reads and writes no charts, so the chart parts are
 * added to the package ExcelJS wrote: per chart a DrawingML chart part, per sheet a drawing
 * anchoring it to cells, the relationships that tie sheet → drawing → chart, the sheet's
 * `<drawing>` element and the content types. Each series carries a cache of the values it
 * points at: viewers that do not recalculate (previews, mail clients, LibreOffice on first
 * paint) draw the bars from the cache.
 */
import JSZip from 'jszip';
import { cellText } from '../../core/sheet/grid';
import {
  type BarChartSpec,
  type ChartSpec,
  type LineChartSpec,
  type SheetSpec,
  columnLetter,
  parseRange,
  quoteSheetName,
  rangeAddress,
} from '../../core/sheet/spec';
import { xmlSafe } from '../../core/sheet/excelLimits';

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
};
const REL = {
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
};
const TYPE = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};
const BAR_COLOR = '4472C4';
/** Elements that must follow `<drawing>` in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER_DRAWING = [
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

export function xmlEscape(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function xmlUnescape(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? xmlUnescape(m[1]) : null;
};

/** `$B$5:$B$12` for a spec range. */
function absolute(range: string): string {
  const b = parseRange(range);
  return `$${columnLetter(b.col1)}$${b.row1 + 1}:$${columnLetter(b.col2)}$${b.row2 + 1}`;
}

/** The spec's values under a one-column or one-row range, in order. */
function cellsOf(sheet: SheetSpec, range: string): Array<SheetSpec['values'][number][number]> {
  const b = parseRange(range);
  const out: Array<SheetSpec['values'][number][number]> = [];
  for (let r = b.row1; r <= b.row2; r++) for (let c = b.col1; c <= b.col2; c++) out.push(sheet.values[r]?.[c] ?? null);
  return out;
}

/** The `<c:cat>` or a series' `<c:val>`: the reference and a cache of what it points at. */
function strRef(sheet: SheetSpec, range: string): string {
  const cells = cellsOf(sheet, range);
  const pts = cells.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlEscape(cellText(v))}</c:v></c:pt>`).join('');
  return `<c:strRef><c:f>${refOf(sheet, range)}</c:f><c:strCache><c:ptCount val="${cells.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(sheet: SheetSpec, range: string): string {
  const cells = cellsOf(sheet, range);
  const pts = cells.map((v, i) => (typeof v === 'number' ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '')).join('');
  return `<c:numRef><c:f>${refOf(sheet, range)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${cells.length}"/>${pts}</c:numCache></c:numRef>`;
}

const refOf = (sheet: SheetSpec, range: string): string => xmlEscape(`${quoteSheetName(sheet.name)}!${absolute(range)}`);
const NO_LINE = '<a:ln><a:noFill/></a:ln>';
/** Line colours, one per county in turn (Office's own palette, then darker shades). */
const LINE_COLORS = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47', '264478', '9E480E', '636363', '997300'];

function barPlot(sheet: SheetSpec, chart: BarChartSpec): string[] {
  return [
    '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>',
    '<c:ser><c:idx val="0"/><c:order val="0"/>',
    `<c:tx><c:v>${xmlEscape(chart.seriesName)}</c:v></c:tx>`,
    `<c:spPr><a:solidFill><a:srgbClr val="${BAR_COLOR}"/></a:solidFill>${NO_LINE}</c:spPr>`,
    '<c:invertIfNegative val="0"/>',
    `<c:dLbls><c:numFmt formatCode="0.0" sourceLinked="0"/><c:spPr><a:noFill/>${NO_LINE}</c:spPr><c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`,
    `<c:cat>${strRef(sheet, chart.categories)}</c:cat>`,
    `<c:val>${numRef(sheet, chart.values)}</c:val>`,
    '</c:ser>',
    '<c:gapWidth val="60"/><c:axId val="500100"/><c:axId val="500200"/>',
    '</c:barChart>',
    // Categories top-down in sheet order (rank 1 first), the value axis kept at the bottom.
    '<c:catAx><c:axId val="500100"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>',
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>',
    '<c:crossAx val="500200"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>',
    '<c:valAx><c:axId val="500200"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>',
    '<c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>',
    '<c:crossAx val="500100"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>',
  ];
}

/** One line per row of the block, named by the cell beside it; a blank cell is a gap in the line. */
function linePlot(sheet: SheetSpec, chart: LineChartSpec): string[] {
  const block = parseRange(chart.values);
  const names = parseRange(chart.seriesNames);
  const series = [];
  for (let r = block.row1, i = 0; r <= block.row2; r++, i++) {
    const color = LINE_COLORS[i % LINE_COLORS.length];
    const name = rangeAddress(names.row1 + i, names.col1, names.row1 + i, names.col1);
    series.push(
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx>${strRef(sheet, name)}</c:tx>`,
      `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:round/></a:ln></c:spPr>`,
      `<c:marker><c:symbol val="circle"/><c:size val="5"/><c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill>${NO_LINE}</c:spPr></c:marker>`,
      `<c:cat>${strRef(sheet, chart.categories)}</c:cat>`,
      `<c:val>${numRef(sheet, rangeAddress(r, block.col1, r, block.col2))}</c:val>`,
      '<c:smooth val="0"/></c:ser>',
    );
  }
  return [
    '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>',
    ...series,
    '<c:marker val="1"/><c:axId val="500300"/><c:axId val="500400"/>',
    '</c:lineChart>',
    '<c:catAx><c:axId val="500300"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>',
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>',
    '<c:crossAx val="500400"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>',
    '<c:valAx><c:axId val="500400"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>',
    '<c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>',
    '<c:crossAx val="500300"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>',
  ];
}

export function chartXml(sheet: SheetSpec, chart: ChartSpec): string {
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">`,
    '<c:roundedCorners val="0"/>',
    '<c:chart>',
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="1200" b="1"/><a:t>${xmlEscape(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`,
    '<c:autoTitleDeleted val="0"/>',
    '<c:plotArea><c:layout/>',
    ...(chart.type === 'line' ? linePlot(sheet, chart) : barPlot(sheet, chart)),
    '</c:plotArea>',
    // several lines need their names; one series of bars does not
    chart.type === 'line' ? '<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>' : '',
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>',
    '</c:chart>',
    '</c:chartSpace>',
  ].join('');
}

/** One anchor per chart; `to` is the last cell covered, so the anchor ends at the next one. */
export function drawingXml(charts: Array<{ chart: ChartSpec; relId: string }>): string {
  const anchors = charts.map(({ chart, relId }, i) => {
    const from = parseRange(chart.from);
    const to = parseRange(chart.to);
    const corner = (tag: string, col: number, row: number) =>
      `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return [
      '<xdr:twoCellAnchor>',
      corner('from', from.col1, from.row1),
      corner('to', to.col2 + 1, to.row2 + 1),
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${xmlEscape(`keytask chart ${i + 1}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`,
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>',
      `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${relId}"/></a:graphicData></a:graphic>`,
      '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>',
    ].join('');
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors.join('')}</xdr:wsDr>`;
}

function relsXml(rels: Array<{ id: string; type: string; target: string }>): string {
  const body = rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlEscape(r.target)}"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${NS.rels}">${body}</Relationships>`;
}

/** Adds a relationship to a rels part (creating it), returning its new id. */
function addRel(xml: string | null, type: string, target: string): { xml: string; id: string } {
  const used = new Set([...(xml ?? '').matchAll(/\sId="([^"]+)"/g)].map((m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${xmlEscape(target)}"/>`;
  if (!xml) return { xml: relsXml([{ id, type, target }]), id };
  return { xml: xml.replace(/<\/Relationships>\s*$/, `${rel}</Relationships>`), id };
}

/** Puts `<drawing r:id>` where the schema wants it: after everything but the few that follow. */
function withDrawing(sheetXml: string, relId: string): string {
  let xml = sheetXml;
  if (!/<worksheet\b[^>]*\sxmlns:r=/.test(xml)) xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.r}"`);
  const element = `<drawing r:id="${relId}"/>`;
  const positions = AFTER_DRAWING.map((tag) => xml.search(new RegExp(`<${tag}[\\s/>]`))).filter((i) => i >= 0);
  const at = positions.length ? Math.min(...positions) : xml.lastIndexOf('</worksheet>');
  return xml.slice(0, at) + element + xml.slice(at);
}

/** Worksheet part paths by sheet name, from the workbook part and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*\/?>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*\/?>/g)) {
    const name = attr(m[0], 'name');
    const id = attr(m[0], 'r:id');
    const part = id ? targets.get(id) : undefined;
    if (name !== null && part) out.set(name, part);
  }
  return out;
}

function freeIndex(zip: JSZip, prefix: string): () => number {
  let n = 0;
  return () => {
    do n++;
    while (zip.file(`${prefix}${n}.xml`));
    return n;
  };
}

/** The package with every chart of the spec's sheets added; the package unchanged when there are none. */
export async function addCharts(pkg: Buffer, sheets: SheetSpec[]): Promise<Buffer> {
  const withCharts = sheets.filter((s) => (s.charts ?? []).length > 0);
  if (withCharts.length === 0) return pkg;
  const zip = await JSZip.loadAsync(pkg);
  const parts = await sheetParts(zip);
  const nextDrawing = freeIndex(zip, 'xl/drawings/drawing');
  const nextChart = freeIndex(zip, 'xl/charts/chart');
  const overrides: string[] = [];

  for (const sheet of withCharts) {
    const part = parts.get(sheet.name);
    if (!part) throw new Error(`chart for sheet ${sheet.name}: no such sheet in the package`);
    const drawingNo = nextDrawing();
    const drawingPart = `xl/drawings/drawing${drawingNo}.xml`;
    const anchored: Array<{ chart: ChartSpec; relId: string }> = [];
    let drawingRels: string | null = null;
    for (const chart of sheet.charts ?? []) {
      const chartNo = nextChart();
      const chartPart = `xl/charts/chart${chartNo}.xml`;
      zip.file(chartPart, chartXml(sheet, chart));
      overrides.push(`<Override PartName="/${chartPart}" ContentType="${TYPE.chart}"/>`);
      const rel = addRel(drawingRels, REL.chart, `../charts/chart${chartNo}.xml`);
      drawingRels = rel.xml;
      anchored.push({ chart, relId: rel.id });
    }
    zip.file(drawingPart, drawingXml(anchored));
    zip.file(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, drawingRels!);
    overrides.push(`<Override PartName="/${drawingPart}" ContentType="${TYPE.drawing}"/>`);

    const dir = part.slice(0, part.lastIndexOf('/'));
    const file = part.slice(part.lastIndexOf('/') + 1);
    const sheetRelsPath = `${dir}/_rels/${file}.rels`;
    const sheetRels = addRel((await zip.file(sheetRelsPath)?.async('string')) ?? null, REL.drawing, `../drawings/drawing${drawingNo}.xml`);
    zip.file(sheetRelsPath, sheetRels.xml);
    const sheetXml = await zip.file(part)!.async('string');
    zip.file(part, withDrawing(sheetXml, sheetRels.id));
  }

  const types = (await zip.file('[Content_Types].xml')!.async('string')).replace(/<\/Types>\s*$/, `${overrides.join('')}</Types>`);
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
