/**
 * The workbook next-period writes, through ExcelJS and through LibreOffice saving it again:
 * the period history and the 上期完成值 column must come back as keytask wrote them, like the
 * registry (LibreOffice has no "very hidden": the history returns hidden, still out of sight).
 */
import { execFileSync } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { readTaskSheet } from '../../src/core/layout/reader';
import { nextPeriod } from '../../src/core/operations/nextPeriod';
import { HISTORY_SHEET, emptyHistory, parseHistory } from '../../src/core/period/history';
import { keytaskSheetsOf, readXlsx } from '../../src/hosts/xlsx/readWorkbook';
import type { ReadWorkbook } from '../../src/hosts/xlsx/readWorkbook';
import { toBuffer } from '../../src/hosts/xlsx/writeWorkbook';
import { SOFFICE, describeWith } from '../support/env';
import { CLOSING, COUNTIES, cellOf, filledWorkbook } from '../core/operations/nextPeriodFixture';
import { tempDir } from './support';

const dir = tempDir('keytask-next-period-lo-');
const file = join(dir, 'q3.xlsx');
const result = nextPeriod({
  ...(({ sheets, keytaskSheets }) => ({ sheets, keytaskSheets }))(filledWorkbook()),
  registryExists: false,
  history: emptyHistory(),
  historyExists: false,
  period: '2024年第3季度',
  write: 'file',
});

function expectChain(read: ReadWorkbook): void {
  const history = read.sheets.find((s) => s.name === HISTORY_SHEET)!;
  expect(history.state).not.toBe('visible');
  expect(parseHistory(history.grid)).toEqual(parseHistory(result.spec.sheets.find((s) => s.name === HISTORY_SHEET)!.values));
  const xinmi = read.sheets.find((s) => s.name === '新密市')!.grid;
  const cols = readTaskSheet(xinmi)!.columns;
  expect(cols.previous).toBe(cols.actual! - 1);
  expect(cellOf(xinmi, '1', 'previous')).toBe(12);
  expect(cellOf(xinmi, '1', 'actual')).toBeNull();
  expect(keytaskSheetsOf(read).map((k) => k.key)).toEqual(['city', ...COUNTIES.map((c) => `county:${c}`), 'units']);
}

describe('next-period written with ExcelJS', () => {
  it('reads back with its history and 上期完成值', async () => {
    writeFileSync(file, await toBuffer(result.spec));
    const read = await readXlsx(file);
    expect(read.sheets.find((s) => s.name === HISTORY_SHEET)!.state).toBe('veryHidden');
    expectChain(read);
    expect(parseHistory(read.sheets.find((s) => s.name === HISTORY_SHEET)!.grid).reported[CLOSING]).toEqual(COUNTIES);
  });
});

describeWith(SOFFICE, 'LibreOffice', 'next-period saved again by LibreOffice', () => {
  it('keeps the history sheet and the 上期完成值 column', async () => {
    writeFileSync(file, await toBuffer(result.spec));
    const outdir = join(dir, 'resaved');
    mkdirSync(outdir, { recursive: true });
    const profile = `file://${join(dir, 'profile')}`;
    execFileSync(
      SOFFICE!,
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        outdir,
        file,
      ],
      { timeout: 120_000, stdio: 'pipe' },
    );
    expectChain(await readXlsx(join(outdir, 'q3.xlsx')));
  }, 180_000);
});
