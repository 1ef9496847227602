/**
 * The catalogue as the README shows it, and its typed params: the README's findings table is
 * the catalogue's (so it cannot drift), and a misspelt or missing param does not compile.
 * After changing the catalogue, `UPDATE_README=1 npx jest test/core/findings/catalogue` rewrites it.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { CATALOGUE, FINDING_CODES, SEVERITY_LABELS, finding } from '../../../src/core/findings/catalogue';

const README = join(__dirname, '../../../README.md');
const START = '<!-- findings table: made from src/core/findings/catalogue.ts -->';
const END = '<!-- end of findings table -->';

function findingsTable(): string {
  const rows = FINDING_CODES.map((code) => {
    const d = CATALOGUE[code];
    return `| \`${code}\` | ${SEVERITY_LABELS[d.severity].en} | ${d.title.zh} | ${d.about.zh}<br>${d.about.en} |`;
  });
  return [START, '| Code | Severity | 问题 | What it means, what to do |', '| --- | --- | --- | --- |', ...rows, END].join('\n');
}

describe('the findings catalogue', () => {
  it('is the README findings table', () => {
    const readme = readFileSync(README, 'utf8');
    const a = readme.indexOf(START);
    const b = readme.indexOf(END);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
    const table = findingsTable();
    if (process.env.UPDATE_README) writeFileSync(README, readme.slice(0, a) + table + readme.slice(b + END.length));
    else expect(readme.slice(a, b + END.length)).toBe(table);
  });

  it('says in one line per language what each finding means and what to do', () => {
    for (const code of FINDING_CODES) {
      const { about, title } = CATALOGUE[code];
      for (const text of [about.zh, about.en, title.zh, title.en]) {
        expect(text.trim()).not.toBe('');
        expect(text).not.toMatch(/[\n|]/);
      }
    }
  });

  it('types each code its params', () => {
    const at = { sheet: '甲县', cell: 'N6', taskId: '1' };
    const f = finding('progress-behind', 'zh', at, { period: '6月', actual: 1, expected: 2 });
    expect(f.params).toEqual({ period: '6月', actual: 1, expected: 2 });
    expect(finding('target-missing', 'en', at).params).toEqual({});
    // @ts-expect-error a misspelt param
    finding('progress-behind', 'zh', at, { perod: '6月', actual: 1, expected: 2 });
    // @ts-expect-error a missing param
    finding('progress-behind', 'zh', at, { actual: 1, expected: 2 });
    // @ts-expect-error no params where the message needs them
    finding('county-missing', 'zh', at);
    // One variant of a message or the other, never half of one.
    finding('milestone-final-mismatch', 'zh', at, { missingYear: 2025 });
    // @ts-expect-error
    finding('milestone-final-mismatch', 'zh', at, { year: 2025 });
  });
});
