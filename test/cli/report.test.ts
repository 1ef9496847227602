/**
 * `keytask report`: the 通报 and the 催报 drafted from a real roll-up's summary workbook (the
 * clerk-filled county copies of clerkFixtures.ts, rolled up by the CLI), with every figure
 * checked against the roll-up's own JSON.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import JSZip from 'jszip';
import { type RollupJson } from '../../src/cli/rollup';
import { main } from '../../src/cli/main';
import { messages } from '../../src/cli/messages';
import { figure } from '../../src/core/bulletin/bulletin';
import { toHalfWidth } from '../../src/core/text/normalize';
import { readXlsx } from '../../src/hosts/xlsx/readWorkbook';
import { tempDir } from '../xlsx/support';
import { type ClerkFixtures, writeClerkFixtures } from './clerkFixtures';

async function keytask(args: string[], lang: 'zh' | 'en' = 'zh'): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'keytask', ...args], { out: (l) => out.push(l), err: (l) => err.push(l) }, messages(lang));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The text of word/document.xml, runs joined, paragraphs and cells on lines of their own. */
export async function documentText(bytes: Buffer): Promise<{ xml: string; text: string }> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  const text = xml
    .replace(/<\/w:p>\s*<\/w:tc>/g, '\t')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
  return { xml, text };
}

describe('keytask report', () => {
  const dir = tempDir('keytask-report-');
  const summary = join(dir, 'summary.xlsx');
  let fx: ClerkFixtures;
  let json: RollupJson;

  beforeAll(async () => {
    fx = await writeClerkFixtures(dir);
    const r = await keytask([
      'rollup',
      fx.city,
      fx.counties['新密市'],
      fx.counties['登封市'],
      fx.counties['荥阳市'],
      '--format',
      'json',
      '-o',
      summary,
    ]);
    json = JSON.parse(r.out) as RollupJson;
  }, 60_000);

  it('drafts the bulletin as Markdown on stdout, every figure the roll-up’s', async () => {
    const r = await keytask(['report', summary, '--format', 'md']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // sent out with full-width punctuation; compared here in the ASCII forms the sheets use
    expect(r.out).toContain('\uff0c');
    expect(r.out).not.toMatch(/[\u4e00-\u9fff][,:;]/);
    const md = toHalfWidth(r.out);
    expect(md).toMatch(/^# 关于2024年第2季度重点任务推进情况的通报$/m);
    expect(md).toContain('各县(市、区)人民政府,市直有关单位:');
    expect(md).toContain('现将有关情况通报如下');
    expect(md).toContain(`全市共调度重点任务${json.tasks.length}项`);
    // the ranking table: one row per county, rank, score and tasks scored as the roll-up has them
    for (const e of json.ranking) {
      const row = `| ${e.rank ?? '未排名'} | ${e.county} | ${e.score === null ? '—' : figure(e.score)} | ${e.tasks} |`;
      expect(md).toContain(row);
    }
    // 巩义市 sent nothing
    expect(md).toContain('巩义市未报送');
    expect(md).toMatch(/\[\^1\]: 本通报数据均取自keytask汇总表《summary\.xlsx》/);
    // the lagging table: task 4 (sum 70+75+45 = 190 of 2024 milestones 80+70+45, due by Q2: 190 + … ) is judged from totals
    const t4 = json.tasks.find((t) => t.id === '4')!;
    expect(t4.total!.actual).toBe(190);
  });

  it('writes the .docx: title, ranking rows and the footnote in word/document.xml', async () => {
    const out = join(dir, '通报.docx');
    const r = await keytask(['report', summary, '--city', fx.city, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('通报已写入');
    const { xml, text: raw } = await documentText(readFileSync(out));
    const text = toHalfWidth(raw);
    expect(text).toContain('关于2024年第2季度重点任务推进情况的通报');
    for (const e of json.ranking) if (e.score !== null) expect(text).toContain(`${e.rank}\t${e.county}\t${figure(e.score)}\t${e.tasks}\t`);
    // lead units from the city workbook named with --city
    expect(text).toContain('市工业和信息化局');
    expect(xml).toContain('w:footnoteReference');
    expect(xml).toContain('w:eastAsia="仿宋"');
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(await zip.file('word/footnotes.xml')!.async('string')).toContain('未经手工录入');
  });

  it('prints one reminder per county missing or incomplete, with the deadline', async () => {
    const r = await keytask(['report', summary, '--format', 'reminders', '--deadline', '2024年7月10日']);
    expect(r.code).toBe(0);
    const notices = toHalfWidth(r.out).split('\n\n');
    const gy = notices.find((n) => n.startsWith('巩义市'))!;
    expect(gy).toContain(`尚未报送2024年第2季度重点任务进展情况(共${json.tasks.length}项任务)`);
    expect(gy).toContain('请于2024年7月10日前');
    // 登封市: a blank 2024 milestone on task 22 and figures in error (约0.1万, 300户)
    const df = notices.find((n) => n.startsWith('登封市'))!;
    const dfStatus = json.status.find((s) => s.county === '登封市')!;
    expect(df).toContain(`年度目标已填${dfStatus.fields.milestones.filled}项、应填${dfStatus.fields.milestones.required}项`);
    const gaps = new Set(Object.values(dfStatus.fields).flatMap((f) => f.missing));
    expect(df).toContain(`缺项任务为第1项(`);
    expect(df).toContain(`等${gaps.size}项`);
    expect(df).toContain('“约0.1万”');
    expect(df).toContain('“300户”');
  });

  it('writes the reminders as a 催报 sheet', async () => {
    const out = join(dir, '催报.xlsx');
    const r = await keytask(['report', summary, '--format', 'reminders', '-o', out]);
    expect(r.code).toBe(0);
    const read = await readXlsx(out);
    const sheet = read.sheets.find((s) => s.name === '催报')!;
    expect(sheet.grid[1]).toEqual(['县(市、区)', '情况', '催报内容']);
    expect(sheet.grid.slice(2).map((r) => r[0])).toContain('巩义市');
    expect(sheet.grid.find((r) => r[0] === '巩义市')![1]).toBe('未报送');
  });

  it('speaks English with --lang en', async () => {
    const r = await keytask(['report', summary, '--format', 'md', '--lang', 'en'], 'en');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# Bulletin on the progress of key tasks, 2024年第2季度$/m);
    expect(r.out).toContain(`In 2024年第2季度, ${json.tasks.length} key tasks were followed up.`);
  });

  it('refuses a workbook that is not a keytask summary, and another period, with exit 2', async () => {
    const r = await keytask(['report', fx.city, '--format', 'md']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('不是 keytask 的汇总表');
    const p = await keytask(['report', summary, '--format', 'md', '--period', '2024年第3季度']);
    expect(p.code).toBe(2);
    expect(p.err).toContain('汇总表的报送期是“2024年第2季度”,不是“2024年第3季度”');
    expect((await keytask(['report', summary, '--period', '2024年二季度', '--format', 'md'])).code).toBe(0);
  });

  it('never writes over its input, and asks for -o for Word', async () => {
    const before = readFileSync(summary);
    const r = await keytask(['report', summary, '-o', summary, '--force']);
    expect(r.code).toBe(2);
    expect(readFileSync(summary).equals(before)).toBe(true);
    const n = await keytask(['report', summary]);
    expect(n.code).toBe(2);
    expect(n.err).toContain('-o');
    writeFileSync(join(dir, 'x.txt'), 'x');
    expect((await keytask(['report', summary, '--format', 'pdf'])).code).toBe(2);
  });
});
