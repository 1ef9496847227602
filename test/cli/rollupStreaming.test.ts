/**
 * The roll-up of files taken one at a time (the CLI's: each file's grids dropped before the
 * next is read) gives exactly what the roll-up of files all read first gives (rollupOperation,
 * as the pane calls it): the same result, findings in the same order, the same workbook to
 * write — on the roll-up fixtures (a whole workbook sent back, plain sheets, a blank copy of a
 * county twice, a broken file) in several orders, and on the bench's files.
 */
import { join } from 'path';
import { countyFiles } from '../../bench/data';
import type { Lang } from '../../src/core/i18n';
import {
  type FileRollup,
  type RollupOperation,
  type RollupOperationOptions,
  fileRollup,
  rollupOperation,
} from '../../src/core/operations/rollup';
import { readXlsx } from '../../src/hosts/xlsx/readWorkbook';
import { eachSubmissionFile, readSubmissionFiles } from '../../src/hosts/xlsx/submissionFiles';
import { tempDir } from '../xlsx/support';
import { type Fixtures, writeFixtures } from './rollupFixtures';

const submission = (name: string) => ({ name, read: () => readXlsx(name) });

async function inMemory(paths: string[], cityAt: number, opts: RollupOperationOptions): Promise<RollupOperation> {
  const { read, unreadable } = await readSubmissionFiles(paths.map(submission), { lang: opts.lang });
  return rollupOperation({ files: read, unreadable }, { ...opts, cityFile: paths[cityAt] });
}

async function streamed(paths: string[], cityAt: number, opts: RollupOperationOptions): Promise<RollupOperation> {
  const order = [cityAt, ...paths.keys()].filter((i, k) => k === 0 || i !== cityAt);
  let roll: FileRollup | null = null;
  await eachSubmissionFile(
    order.map((i) => submission(paths[i])),
    { lang: opts.lang },
    {
      read: (file, k) => (k === 0 ? (roll = fileRollup({ file, at: cityAt }, opts)) : roll!.add(file, order[k])),
      unreadable: (file, k) => roll!.unreadable(file, order[k]),
    },
  );
  return roll!.finish();
}

const options = (lang: Lang, more: Partial<RollupOperationOptions> = {}): RollupOperationOptions => ({
  lang,
  build: true,
  findingsSheet: { date: '2025-06-30' },
  linkTarget: (f) => `../in/${f.split('/').pop()}`,
  ...more,
});

describe('the file roll-up one file at a time', () => {
  const dir = tempDir('keytask-rollup-stream-');
  let fx: Fixtures;
  beforeAll(async () => {
    fx = await writeFixtures(dir);
  });

  it.each([
    ['the city first', 0, options('zh')],
    ['the city among the counties, in English', 3, options('en')],
    ['the city last, counties named, nothing built', 6, options('zh', { counties: ['新密市', '巩义市'], build: false })],
  ])('gives what the roll-up of files read first gives: %s', async (_, cityAt, opts) => {
    const paths = [...fx.counties];
    paths.splice(cityAt, 0, fx.city);
    const expected = await inMemory(paths, cityAt, opts);
    expect(expected.result?.findings.length).toBeGreaterThan(0);
    expect(await streamed(paths, cityAt, opts)).toEqual(expected);
  });

  it('gives no roll-up when the city file holds no city list', async () => {
    const { read } = await readSubmissionFiles([submission(fx.counties[0])], { lang: 'zh' });
    expect(fileRollup({ file: read[0], at: 0 }, options('zh'))).toBeNull();
  });

  it('gives the same on the bench files', async () => {
    const set = await countyFiles(join(dir, 'bench'), 24, 6);
    const paths = [set.city, ...set.counties];
    const expected = await inMemory(paths, 0, options('zh'));
    expect(expected.result?.counties).toHaveLength(6);
    expect(await streamed(paths, 0, options('zh'))).toEqual(expected);
  });
});
