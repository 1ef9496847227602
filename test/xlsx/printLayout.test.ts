/**
 * Every sheet kind as a clerk prints it: the template (city list) and a county copy from
 * `generate --sample`, the roll-up's 汇总 / 填报情况 / 排名 / 审核意见 from county copies filled the
 * way clerks fill them, and the template on A3. One LibreOffice run prints all three workbooks to
 * PDF; `pdftotext -bbox` then gives each word's box, whose height is about the printed font size
 * (body text ≥ 9 pt), and each column header must be there whole. The first page of each kind
 * is kept as a PNG in out/test-artifacts for people to look at.
 */
import { execFileSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync } from 'fs';
import JSZip from 'jszip';
import { readFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { messages } from '../../src/cli/messages';
import { headerText, columnsFor } from '../../src/core/layout/columns';
import { FINDINGS_LAYOUT, STATUS_LAYOUT, SUMMARY_LAYOUT, placeColumns } from '../../src/core/report/columns';
import { STATUS_FIELDS } from '../../src/core/rollup/rollup';
import { writeClerkFixtures } from '../cli/clerkFixtures';
import { SOFFICE, describeWith } from '../support/env';
import { tempDir } from './support';

const ARTIFACTS = join(__dirname, '..', '..', 'out', 'test-artifacts');
/** Points: the least body text a person reads on paper. */
const MIN_PT = 9;
/**
 * A word box's height over the printed font size in LibreOffice's PDFs with the CJK fonts:
 * measured as 1.3 on the template's 16-pt title at 90 %. (The brief's 1.0–1.2 would let 7-pt
 * text pass.)
 */
const BOX_PER_PT = 1.3;

interface Word {
  page: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  text: string;
}

/** Runs the CLI; a roll-up with findings exits 1 and still writes its workbook. */
async function keytask(args: string[]): Promise<void> {
  const err: string[] = [];
  const code = await main(['node', 'keytask', ...args], { out: () => undefined, err: (l) => err.push(l) }, messages('zh'));
  if (code > 1 || !existsSync(args[args.length - 1])) throw new Error(`keytask ${args[0]} failed: ${err.join('\n')}`);
}

/** Every word of the PDF with its box, by page (1-based). */
function words(pdf: string): { words: Word[]; pages: Array<{ width: number; height: number }> } {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const out: Word[] = [];
  const pages: Array<{ width: number; height: number }> = [];
  for (const part of html.split('<page ').slice(1)) {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(part)!;
    pages.push({ width: Number(size[1]), height: Number(size[2]) });
    for (const m of part.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      out.push({ page: pages.length, x1: +m[1], y1: +m[2], x2: +m[3], y2: +m[4], text: decode(m[5]) });
    }
  }
  return { words: out, pages };
}

function decode(s: string): string {
  return s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/** The pages (1-based) whose text includes `marker`. */
function pagesWith(all: Word[], marker: string): number[] {
  const byPage = new Map<number, string>();
  for (const w of all) byPage.set(w.page, (byPage.get(w.page) ?? '') + w.text);
  return [...byPage].filter(([, t]) => t.includes(marker)).map(([p]) => p);
}

/**
 * Whether `header` is printed whole on `page`: a word that starts it, then the words below it in
 * the same column (a wrapped header) that continue it, until all of it is read.
 */
function printedWhole(all: Word[], page: number, header: string): boolean {
  const onPage = all.filter((w) => w.page === page);
  return onPage.some((start) => {
    if (!header.startsWith(start.text)) return false;
    let read = start.text;
    let last = start;
    while (read !== header) {
      const next = onPage
        .filter((w) => w.y1 > last.y1 + 1 && w.y1 < last.y2 + 20 && w.x1 < start.x2 + 2 && w.x2 > start.x1 - 2)
        .sort((a, b) => a.y1 - b.y1 || a.x1 - b.x1)
        .find((w) => header.startsWith(read + w.text));
      if (!next) return false;
      read += next.text;
      last = next;
    }
    return true;
  });
}

function png(pdf: string, page: number, name: string): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', pdf, join(ARTIFACTS, name)]);
}

describeWith(SOFFICE, 'LibreOffice', 'every sheet kind prints readably', () => {
  const dir = tempDir('keytask-print-');
  const pdf = (name: string) => join(dir, 'pdf', `${name}.pdf`);
  const read: Record<string, ReturnType<typeof words>> = {};

  beforeAll(async () => {
    await keytask(['generate', '--sample', '--counties', '新密市,登封市', '--lang', 'zh', '-o', join(dir, 'template.xlsx')]);
    await keytask(['generate', '--sample', '--counties', '新密市', '--paper', 'A3', '-o', join(dir, 'template-a3.xlsx')]);
    const fx = await writeClerkFixtures(dir);
    await keytask([
      'rollup',
      fx.city,
      fx.counties['新密市'],
      fx.counties['登封市'],
      fx.counties['荥阳市'],
      '--counties',
      '新密市,登封市,荥阳市,巩义市',
      '-o',
      join(dir, 'rollup.xlsx'),
    ]);
    // One LibreOffice run for all three workbooks: each start costs seconds.
    const profile = `file://${join(dir, 'profile')}`;
    const files = ['template', 'template-a3', 'rollup'].map((f) => join(dir, `${f}.xlsx`));
    execFileSync(
      SOFFICE!,
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), ...files],
      { timeout: 240_000, stdio: 'pipe' },
    );
    for (const f of ['template', 'template-a3', 'rollup']) {
      read[f] = words(pdf(f));
      mkdirSync(ARTIFACTS, { recursive: true });
      copyFileSync(pdf(f), join(ARTIFACTS, `print-${f}.pdf`));
    }
  }, 300_000);

  it('prints body text at 9 pt or more on every page of every sheet kind', () => {
    for (const f of ['template', 'template-a3', 'rollup']) {
      const heights = read[f].words.map((w) => w.y2 - w.y1);
      expect(heights.length).toBeGreaterThan(100);
      const small = read[f].words.filter((w) => (w.y2 - w.y1) / BOX_PER_PT < MIN_PT - 0.05);
      // Nothing printed smaller than 9 pt: no fine print either.
      expect({
        file: f,
        small: small.slice(0, 10).map((w) => `${w.text} ${((w.y2 - w.y1) / BOX_PER_PT).toFixed(1)}pt p${w.page}`),
      }).toEqual({
        file: f,
        small: [],
      });
    }
  });

  it('prints every column header whole, and keeps a picture of each kind’s first page', () => {
    const t = read.template.words;
    const city = 1;
    const county = pagesWith(t, '新密市')[0];
    expect(county).toBeGreaterThan(city);
    const years = [2023, 2024, 2025];
    const taskHeaders = columnsFor(years)
      .filter((c) => !/^y\d+$/.test(c.key))
      .map((c) => headerText(c, 'zh'));
    for (const page of [city, county]) {
      // The headers of a sheet printed on more than one page width: on this page or the next ones.
      const pages = [page, page + 1, page + 2];
      for (const h of taskHeaders) expect([h, pages.some((p) => printedWhole(t, p, h))]).toEqual([h, true]);
    }
    png(pdf('template'), city, 'print-template-city');
    png(pdf('template'), county, 'print-template-county');

    const r = read.rollup.words;
    const summary = pagesWith(r, '汇总方式')[0];
    const status = pagesWith(r, '是否报送')[0];
    const ranking = pagesWith(r, '计分任务数')[0];
    const findings = pagesWith(r, '严重程度')[0];
    expect([summary, status, ranking, findings].every((p) => p > 0)).toBe(true);
    const summaryHeaders = placeColumns(SUMMARY_LAYOUT, {
      years: years.map(String),
      counties: ['新密市', '登封市', '荥阳市'],
    }).headers('zh');
    const summaryPages = Array.from({ length: status - summary }, (_, i) => summary + i);
    for (const h of summaryHeaders) expect([h, summaryPages.some((p) => printedWhole(r, p, h))]).toEqual([h, true]);
    for (const h of placeColumns(STATUS_LAYOUT, { fields: STATUS_FIELDS }).headers('zh'))
      expect([h, printedWhole(r, status, h)]).toEqual([h, true]);
    for (const h of placeColumns(FINDINGS_LAYOUT).headers('zh')) expect([h, printedWhole(r, findings, h)]).toEqual([h, true]);
    png(pdf('rollup'), summary, 'print-summary');
    png(pdf('rollup'), status, 'print-status');
    png(pdf('rollup'), ranking, 'print-ranking');
    png(pdf('rollup'), findings, 'print-findings');
    png(pdf('template-a3'), 1, 'print-template-a3');
    expect(existsSync(join(ARTIFACTS, 'print-summary.png'))).toBe(true);
  });

  it('prints the template on A3 landscape when asked, with paper size 8 in the file', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'template-a3.xlsx')));
    const sheet1 = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet1).toMatch(/<pageSetup[^>]*paperSize="8"/);
    expect(sheet1).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    // The task sheets print on A3 landscape; the unit directory stays a portrait A4 list.
    const a3 = read['template-a3'].pages;
    expect(a3[0].width).toBeCloseTo(1190.55, 0);
    expect(a3[0].height).toBeCloseTo(841.89, 0);
    for (const p of a3.filter((x) => x.width > x.height)) expect(p.width).toBeCloseTo(1190.55, 0);
    expect(read.template.pages[0].width).toBeCloseTo(841.89, 0);
  });
});
