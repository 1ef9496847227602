/**
 * The CLI speaks one language at a time: Chinese under a Chinese locale or with `--lang zh`,
 * English otherwise — its help, its tables, its progress and its errors. No finding code is
 * shown to a person in place of its name (codes are for `--format json`).
 */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { FINDING_CODES } from '../../src/core/findings/catalogue';
import { buildIfStale, keytask } from '../support/cli';
import { seedText } from '../support/seeds';
import { type Fixtures, writeFixtures } from './rollupFixtures';

jest.setTimeout(180_000);

let dir: string;
let fx: Fixtures;
let plan: string;

beforeAll(async () => {
  buildIfStale();
  dir = mkdtempSync(join(tmpdir(), 'keytask-lang-'));
  fx = await writeFixtures(dir);
  plan = join(dir, 'plan.txt');
  writeFileSync(plan, seedText('001'));
});

/** What every command prints, with the workbook and the operator in one language. */
function transcript(how: { locale: string; lang?: 'zh' | 'en' }): string {
  const lang = how.lang ? ['--lang', how.lang] : [];
  const runs: string[][] = [
    ['--help', ...lang],
    ['validate', '--help', ...lang],
    ['rollup', '--help', ...lang],
    ['generate', '--sample', '--counties', '新密市,登封市', '-o', join(dir, `gen-${how.locale}-${how.lang}.xlsx`), ...lang],
    ['validate', fx.city, ...lang],
    ['rollup', fx.city, ...fx.counties, ...lang],
    ['import', plan, '--format', 'table', ...lang],
    ['validate', join(dir, 'nope.xlsx'), ...lang],
    ['validate', fx.city, '--bogus', ...lang],
    ['validate', fx.city, '--format', 'xml', ...lang],
    ['frob', ...lang],
  ];
  return runs
    .map((args) => {
      const r = keytask(args, { lang: how.locale, cwd: dir });
      return `${r.stdout}\n${r.stderr}`;
    })
    .join('\n')
    .split(dir)
    .join('<dir>');
}

/** Two English words in a row, once names, options and file names are taken out. */
const ENGLISH = /\b[A-Za-z]{2,}[ ,:]+[A-Za-z]{2,}\b/;
const NOT_WORDS =
  /--?[a-z][a-z-]*|<[^>]*>|\[[a-z]+\]|\S+\.(?:xlsx|docx|txt|json)|keytask|KEYTASK_DEBUG=1|Excel|WPS|JSON|zh\|en|table\|json|A3|A4/g;
/** A sentence of the CLI's own in Chinese (CJK outside the data: counties, sheets, tasks). */
const CODE = new RegExp(`(^|[^a-z-])(${FINDING_CODES.join('|')})([^a-z-]|$)`, 'm');

describe('the language of everything the CLI prints', () => {
  it.each([
    ['a Chinese locale', { locale: 'zh_CN.UTF-8' }],
    ['--lang zh under an English locale', { locale: 'C', lang: 'zh' as const }],
  ])('is Chinese under %s: no English sentence, no finding code', (_, how) => {
    const out = transcript(how);
    const english = out
      .split('\n')
      .map((l) => l.replace(NOT_WORDS, ' '))
      .filter((l) => ENGLISH.test(l));
    expect(english).toEqual([]);
    expect(out).not.toMatch(CODE);
    expect(out).toMatch(/用法:/);
  });

  it('is English under an English locale: no sentence of its own in Chinese, no finding code', () => {
    const out = transcript({ locale: 'C', lang: 'en' });
    // Chinese may come only from the data: task texts, units, counties, sheet and file names.
    const own = out
      .split('\n')
      .filter((l) => /^(Usage|Options|Commands|Arguments|Error|error|Checked|Rolled up|Ranking|Written|Findings)/.test(l.trim()))
      .map((l) => l.replace(/“[^”]*”|"[^"]*"|\([^)]*\)|（[^）]*）/g, ''))
      .filter((l) => /[，。：；]|[\u4e00-\u9fff]{2,}(?:的|了|请|未|无)/.test(l));
    expect(own).toEqual([]);
    expect(out).not.toMatch(CODE);
    expect(out).toMatch(/Usage:/);
    expect(out).not.toMatch(/用法/);
  });
});
