/**
 * 498 spreadsheets other programs wrote (../shared/xlsx-corpus, read in place): every one is
 * read, or refused with a plain message that says what the file is — never a library's own
 * words, never an internal error — within 10 s and 300 MB each. And where both readers read a
 * file, the values-only reader gives what ExcelJS gives, except where the README says they differ.
 */
import { existsSync, readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { locateColumns } from '../../src/core/layout/reader';
import { XlsxReadError, describeReadError } from '../../src/hosts/xlsx/errors';
import { readWithExcelJs } from '../../src/hosts/xlsx/excelJsRead';
import { fastReadXlsx } from '../../src/hosts/xlsx/fastRead';
import { openWithZlib } from '../../src/hosts/xlsx/nodeZip';
import type { ReadWorkbook } from '../../src/hosts/xlsx/readTypes';
import { readXlsx } from '../../src/hosts/xlsx/readWorkbook';
import { IN_CI } from '../support/env';

const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'xlsx-corpus');
const files = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .filter((f) => f !== 'README.md')
      .sort()
  : [];

/** What a message from a library (not from keytask) looks like. */
const RAW = /Cannot read propert|undefined|is not a function|Unexpected|TypeError|RangeError|SyntaxError|Bug :|at [\w.]+ \(/;

const MAX_MS = 10_000;
const MAX_BYTES = 300 * 1024 * 1024;

interface Outcome {
  file: string;
  result: string;
  ms: number;
  bytes: number;
}

const describeCorpus = files.length > 0 || IN_CI ? describe : describe.skip;

describeCorpus('the spreadsheet corpus', () => {
  const outcomes: Outcome[] = [];
  /** sheets read as a key-task list (none of the corpus is one) */
  const taskLists: string[] = [];

  beforeAll(async () => {
    for (const file of files) {
      const before = process.memoryUsage().rss;
      const t0 = performance.now();
      let result: string;
      try {
        const wb = await readXlsx(join(CORPUS, file));
        result = `read ${wb.sheets.length} sheet(s)`;
        for (const s of wb.sheets) if (s.grid && locateColumns(s.grid)) taskLists.push(`${file}!${s.name}`);
      } catch (e) {
        if (!(e instanceof XlsxReadError)) throw new Error(`${file}: ${String(e)}`);
        result = `${e.reason}${e.detail ? `:${e.detail}` : ''} | ${describeReadError(e, 'zh')} | ${describeReadError(e, 'en')}`;
      }
      const ms = performance.now() - t0;
      outcomes.push({ file, result, ms, bytes: Math.max(0, process.memoryUsage().rss - before) });
    }
  }, 120_000);

  it('is there (498 files)', () => {
    expect(files.length).toBe(498);
  });

  it('reads or plainly refuses every file, within 10 s and 300 MB each', () => {
    const bad = outcomes.filter((o) => RAW.test(o.result) || o.ms > MAX_MS || o.bytes > MAX_BYTES);
    expect(bad).toEqual([]);
    const counts: Record<string, number> = {};
    for (const o of outcomes) {
      const key = o.result.startsWith('read') ? 'read' : o.result.split(' | ')[0];
      counts[key] = (counts[key] ?? 0) + 1;
    }
    const slowest = outcomes.reduce((a, b) => (b.ms > a.ms ? b : a));
    const largest = outcomes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    // The record the README quotes.
    process.stdout.write(
      `corpus: ${JSON.stringify(counts)}; slowest ${Math.round(slowest.ms)} ms (${slowest.file}); ` +
        `most memory ${Math.round(largest.bytes / 1e6)} MB (${largest.file})\n`,
    );
    expect(counts.read).toBeGreaterThanOrEqual(400);
  });

  it('takes none of its sheets for a key-task list (an order list, a model’s output, pivot sources)', () => {
    expect(taskLists).toEqual([]);
  });

  it('names what each refused file is', () => {
    for (const o of outcomes) {
      if (o.file.endsWith('.xls') && !o.result.startsWith('read'))
        expect([o.file, o.result]).toEqual([o.file, expect.stringMatching(/^(xls|encrypted|notSpreadsheet)/)]);
      if (o.file.endsWith('.ods')) expect([o.file, o.result]).toEqual([o.file, expect.stringMatching(/^(ods|encrypted|empty)/)]);
      if (o.file.endsWith('.xlsb')) expect([o.file, o.result]).toEqual([o.file, expect.stringMatching(/^(xlsb|encrypted|empty)/)]);
      if (/encrypt|pass_protected|data_password/i.test(o.file) && !o.file.endsWith('.xls')) {
        expect([o.file, o.result]).toEqual([o.file, expect.stringMatching(/^encrypted/)]);
      }
    }
  });

  it('reads the OpenXML SDK’s x:-prefixed workbooks', () => {
    const prefixed = outcomes.filter((o) => o.file.startsWith('ClosedXML__'));
    const refused = prefixed.filter(
      (o) => !o.result.startsWith('read') && !/^(xls|xlsb|ods|encrypted|empty|notSpreadsheet)/.test(o.result),
    );
    expect(refused).toEqual([]);
  });

  it('gives what ExcelJS gives wherever both read a file, but where the README says they differ', async () => {
    const differ: string[] = [];
    let both = 0;
    for (const file of files) {
      const buf = readFileSync(join(CORPUS, file));
      let fast: ReadWorkbook;
      let slow: ReadWorkbook;
      try {
        fast = await fastReadXlsx(buf, openWithZlib);
        slow = await readWithExcelJs(buf);
      } catch {
        continue;
      }
      both++;
      const comparable = {
        ...fast,
        sheets: fast.sheets.map((s, i) => (slow.sheets[i]?.merges === undefined ? { ...s, merges: undefined } : s)),
      };
      const slowSheets = { ...slow, sheets: slow.sheets.map((s) => ({ ...s, merges: s.merges })) };
      if (JSON.stringify(comparable) !== JSON.stringify(slowSheets)) differ.push(file);
    }
    process.stdout.write(`corpus: both readers read ${both} files; they differ on ${differ.length}: ${differ.join(', ')}\n`);
    expect(both).toBeGreaterThan(300);
    expect(differ).toEqual(KNOWN_DIFFERENCES);
  }, 120_000);
});

/**
 * Files where the readers differ on purpose (README, "Where the two readers differ"): each has
 * a formula whose cached result is text or an error (`#NAME?`, `#DIV/0!`, `(blank)`) in a
 * date-formatted cell, which the values-only reader keeps and ExcelJS turns into a date (an
 * invalid one, read as nothing).
 */
const KNOWN_DIFFERENCES = [
  'ClosedXML__ClosedXML.Tests_Resource_TryToLoad_FileWithDefaultStyleNameNotInEnglish.xlsx',
  'ClosedXML__ClosedXML.Tests_Resource_TryToLoad_TemplateWithTableSourcePivotTables.xlsx',
  'calamine__tests_pivots.xlsx',
];
