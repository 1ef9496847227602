/**
 * Charts and filters in written .xlsx files: the chart parts ExcelJS cannot write, added to
 * its package, must leave a file ExcelJS still opens, be well-formed and wired up, and be drawn
 * by a second spreadsheet program (LibreOffice, printing to PDF).
 */
import { execFileSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { rollupReport, summaryTitle } from '../../src/core/rollup/report';
import { type RollupResult, rollup } from '../../src/core/rollup/rollup';
import { buildRankingSheet } from '../../src/core/report/rollupSheets';
import type { WorkbookSpec } from '../../src/core/sheet/spec';
import { readXlsx } from '../../src/hosts/xlsx/readWorkbook';
import { toBuffer } from '../../src/hosts/xlsx/writeWorkbook';
import { SOFFICE, XMLLINT, describeWith } from '../support/env';
import { cityWorkbook, filledGrids, gridOf } from '../cli/rollupFixtures';
import { openWithExcelJS, tempDir, xmlPart } from './support';

const ARTIFACTS = join(__dirname, '..', '..', 'out', 'test-artifacts');

function result(): RollupResult {
  const spec = cityWorkbook();
  const g = filledGrids(spec);
  return rollup(
    { grid: gridOf(spec, '重点任务清单'), source: '重点任务清单' },
    Object.entries(g).map(([county, grid]) => ({ county, source: county, grid })),
    { lang: 'zh' },
  );
}

async function parts(buf: Buffer): Promise<string[]> {
  const JSZip = require('jszip') as { loadAsync(b: Buffer): Promise<{ files: Record<string, unknown> }> };
  return Object.keys((await JSZip.loadAsync(buf)).files).sort();
}

describe('writing charts and filters', () => {
  const r = result();
  const ranking = buildRankingSheet(r, { lang: 'zh' });
  let buf: Buffer;

  beforeAll(async () => {
    const report = rollupReport(r, { lang: 'zh', title: summaryTitle(gridOf(cityWorkbook(), '重点任务清单'), 'zh') });
    buf = await toBuffer(report.spec);
  });

  it('adds the chart, its drawing, their relationships and content types', async () => {
    const p = await parts(buf);
    expect(p).toEqual(
      expect.arrayContaining([
        'xl/charts/chart1.xml',
        'xl/drawings/drawing1.xml',
        'xl/drawings/_rels/drawing1.xml.rels',
        'xl/worksheets/_rels/sheet3.xml.rels',
      ]),
    );
    expect(await xmlPart(buf, 'xl/workbook.xml')).toMatch(/<sheet sheetId="3" name="排名"/);
    expect(await xmlPart(buf, 'xl/worksheets/sheet3.xml')).toMatch(/<pageSetup [^>]*\/><drawing r:id="rId\d+"\/><\/worksheet>$/);
    expect(await xmlPart(buf, 'xl/worksheets/_rels/sheet3.xml.rels')).toContain('Target="../drawings/drawing1.xml"');
    expect(await xmlPart(buf, 'xl/drawings/_rels/drawing1.xml.rels')).toContain('Target="../charts/chart1.xml"');
    const types = await xmlPart(buf, '[Content_Types].xml');
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
  });

  it('points the series at the ranking columns, with the values cached', async () => {
    const chart = await xmlPart(buf, 'xl/charts/chart1.xml');
    const n = r.ranking.filter((e) => e.score !== null).length;
    expect(chart).toContain(`<c:f>&apos;排名&apos;!$B$5:$B$${4 + n}</c:f>`);
    expect(chart).toContain(`<c:f>&apos;排名&apos;!$C$5:$C$${4 + n}</c:f>`);
    expect(chart).toContain('<c:pt idx="0"><c:v>新密市</c:v></c:pt>');
    expect(chart).toContain(`<c:pt idx="0"><c:v>${r.ranking[0].score}</c:v></c:pt>`);
    const drawing = await xmlPart(buf, 'xl/drawings/drawing1.xml');
    // F2 to J21 inclusive: the anchor ends where K22 begins.
    expect(drawing).toContain('<xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>');
    expect(drawing).toContain('<xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>21</xdr:row>');
  });

  it('writes the summary’s filter and leaves a file ExcelJS and the reader still open', async () => {
    expect(await xmlPart(buf, 'xl/worksheets/sheet1.xml')).toMatch(/<autoFilter ref="A3:[A-Z]+\d+"\/>/);
    const wb = await openWithExcelJS(buf);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '填报情况', '排名', 'keytask']);
    const read = await readXlsx(buf);
    expect(read.sheets.find((s) => s.name === '排名')!.grid[4].slice(0, 3)).toEqual([1, '新密市', r.ranking[0].score]);
  });

  it('quotes an awkward sheet name in the series and numbers a second chart part', async () => {
    const other = { ...ranking, key: 'ranking2', name: "O'Brien & <Co>" };
    const b = await toBuffer({ sheets: [ranking, other], names: [] });
    expect(await parts(b)).toEqual(expect.arrayContaining(['xl/charts/chart2.xml', 'xl/drawings/drawing2.xml']));
    expect(await xmlPart(b, 'xl/charts/chart2.xml')).toContain('<c:f>&apos;O&apos;&apos;Brien &amp; &lt;Co&gt;&apos;!$B$5');
    await openWithExcelJS(b);
  });

  it('leaves a package without charts as ExcelJS wrote it', async () => {
    const plain: WorkbookSpec = { sheets: [{ ...ranking, charts: [] }], names: [] };
    expect((await parts(await toBuffer(plain))).some((p) => p.includes('chart') || p.includes('drawing'))).toBe(false);
  });

  if (XMLLINT) {
    it('writes well-formed parts', async () => {
      const dir = tempDir('keytask-chart-xml-');
      for (const part of ['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/worksheets/sheet3.xml', '[Content_Types].xml']) {
        const file = join(dir, part.replace(/[/[\]]/g, '_'));
        writeFileSync(file, await xmlPart(buf, part));
        execFileSync(XMLLINT!, ['--noout', file]);
      }
    });
  }
});

function onPath(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Pixels of a binary PPM (P6) close to an RGB colour. */
function countColour(ppm: Buffer, rgb: [number, number, number], tolerance = 24): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PPM');
  let n = 0;
  for (let i = header[0].length; i + 2 < ppm.length; i += 3) {
    if (Math.abs(ppm[i] - rgb[0]) <= tolerance && Math.abs(ppm[i + 1] - rgb[1]) <= tolerance && Math.abs(ppm[i + 2] - rgb[2]) <= tolerance)
      n++;
  }
  return n;
}

describeWith(SOFFICE, 'LibreOffice', 'LibreOffice draws the ranking chart', () => {
  const dir = tempDir('keytask-lo-chart-');
  const input = join(dir, 'keytask-ranking.xlsx');

  it('prints the ranking sheet with its bars', async () => {
    writeFileSync(input, await toBuffer({ sheets: [buildRankingSheet(result(), { lang: 'zh' })], names: [] }));
    execFileSync(
      SOFFICE!,
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input],
      { timeout: 120_000, stdio: 'pipe' },
    );
    const pdf = join(dir, 'keytask-ranking.pdf');
    expect(existsSync(pdf)).toBe(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    copyFileSync(pdf, join(ARTIFACTS, 'keytask-ranking.pdf'));

    let ppm: Buffer | null = null;
    if (onPath('pdftoppm')) {
      execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, join(ARTIFACTS, 'keytask-ranking-p1')]);
      execFileSync('pdftoppm', ['-r', '50', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, 'p1')]);
      ppm = readFileSync(join(dir, 'p1.ppm'));
    } else if (onPath('gs')) {
      const gs = (device: string, res: string, out: string) =>
        execFileSync('gs', [
          '-q',
          '-dNOPAUSE',
          '-dBATCH',
          `-sDEVICE=${device}`,
          `-r${res}`,
          '-dFirstPage=1',
          '-dLastPage=1',
          `-sOutputFile=${out}`,
          pdf,
        ]);
      gs('png16m', '110', join(ARTIFACTS, 'keytask-ranking-p1.png'));
      gs('ppmraw', '50', join(dir, 'p1.ppm'));
      ppm = readFileSync(join(dir, 'p1.ppm'));
    }
    // The bars are the chart's own blue (4472C4): drawn, not just an empty frame.
    if (ppm) expect(countColour(ppm, [0x44, 0x72, 0xc4])).toBeGreaterThan(500);
  });
});
