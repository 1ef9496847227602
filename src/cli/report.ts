/**
 * `keytask report SUMMARY.xlsx`: the 通报 drafted from a roll-up's summary workbook — as a
 * Word document (-o 通报.docx), as Markdown (--format md, on stdout without -o) — or the 催报
 * notices per county (--format reminders: text, or a 催报 sheet with -o FILE.xlsx). Files are
 * read and written here; the bulletin itself is core/operations/bulletin.ts.
 */
import { basename, extname } from 'path';
import type { SummaryGrids } from '../core/bulletin/readSummary';
import { summarySheetsToRead } from '../core/bulletin/sheets';
import { bulletinOperation, remindersOperation } from '../core/operations/bulletin';
import { HISTORY_SHEET } from '../core/period/history';
import { readXlsx, keytaskSheetsOf } from '../hosts/xlsx/readWorkbook';
import { InputError } from './errors';
import { checkOutput, langOf, writeFileAtomic } from './options';
import type { Messages } from './messages';

export interface ReportArgs {
  output?: string;
  format?: string;
  lang?: string;
  period?: string;
  deadline?: string;
  /** a city workbook to take the lead units from, when the summary has none */
  city?: string;
  force?: boolean;
}

export interface ReportIo {
  out(line: string): void;
  err(line: string): void;
}

type ReportFormat = 'docx' | 'md' | 'reminders';

function reportFormat(v: string | undefined, output: string | undefined, m: Messages): ReportFormat {
  // Without --format, the output's extension says it: .md a draft, anything else Word.
  const f = (v ?? (output && extname(output).toLowerCase() === '.md' ? 'md' : 'docx')).trim().toLowerCase();
  if (f === 'docx' || f === 'md' || f === 'reminders') return f;
  throw new InputError(m.f.reportBadFormat(v ?? ''));
}

async function summaryGrids(file: string, city: string | undefined): Promise<{ input: SummaryGrids; lang: string | undefined }> {
  const read = await readXlsx(file);
  const sheets = keytaskSheetsOf(read);
  const names = summarySheetsToRead(sheets);
  const gridOf = (name: string | undefined) => (name ? (read.sheets.find((s) => s.name === name)?.grid ?? null) : null);
  const grids: SummaryGrids['grids'] = {
    summary: gridOf(names.summary),
    status: gridOf(names.status),
    ranking: gridOf(names.ranking),
    findings: gridOf(names.findings),
    city: gridOf(names.city),
  };
  if (city) {
    const cityRead = await readXlsx(city);
    const cityName = summarySheetsToRead(keytaskSheetsOf(cityRead)).city;
    grids.city = cityName ? (cityRead.sheets.find((s) => s.name === cityName)?.grid ?? null) : null;
  }
  return {
    input: { grids, history: gridOf(read.sheets.some((s) => s.name === HISTORY_SHEET) ? HISTORY_SHEET : undefined) },
    lang: sheets.find((s) => s.kind === 'summary')?.lang,
  };
}

export async function runReport(file: string, args: ReportArgs, m: Messages, io: ReportIo): Promise<number> {
  const output = args.output;
  const format = reportFormat(args.format, output, m);
  if (format === 'docx' && !output) throw new InputError(m.t('reportNeedsOutput'));
  if (output) checkOutput(output, [file, ...(args.city ? [args.city] : [])], args.force, m);
  const { input, lang: sheetLang } = await summaryGrids(file, args.city);
  const lang = langOf(args.lang, sheetLang === 'en' ? 'en' : 'zh', m);
  const common = { lang, source: basename(file), ...(args.period ? { period: args.period } : {}) };

  if (format === 'reminders') {
    const op = remindersOperation(input, { ...common, ...(args.deadline ? { deadline: args.deadline } : {}) });
    if (!output) {
      for (const line of op.text.split('\n')) io.out(line);
      return 0;
    }
    if (extname(output).toLowerCase() === '.xlsx') {
      const { toBuffer } = await import('../hosts/xlsx/writeWorkbook');
      await writeFileAtomic(output, await toBuffer({ sheets: [op.sheet], names: [] }), m);
    } else await writeFileAtomic(output, Buffer.from(`${op.text}\n`, 'utf8'), m);
    io.out(m.f.remindersWrote(output, op.reminders.length));
    return 0;
  }

  const op = bulletinOperation(input, common);
  if (format === 'md') {
    const { renderMarkdown } = await import('../core/bulletin/markdown');
    const md = renderMarkdown(op.doc);
    if (!output) {
      for (const line of md.replace(/\n$/, '').split('\n')) io.out(line);
      return 0;
    }
    await writeFileAtomic(output, Buffer.from(md, 'utf8'), m);
  } else {
    // the docx library is loaded only when a document is written
    const [{ bulletinDocument }, { Packer }] = await Promise.all([import('../hosts/docx/bulletinDocx'), import('docx')]);
    await writeFileAtomic(output!, await Packer.toBuffer(bulletinDocument(op.doc)), m);
  }
  io.out(m.f.reportWrote(output!, op.doc.title));
  return 0;
}
