/**
 * The generated workbook through a second spreadsheet program: LibreOffice must print it and
 * keep keytask's defined names and registry when it saves the file again.
 */
import { execFileSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';
import { keytaskSheetsOf, readXlsx } from '../../src/hosts/xlsx/readWorkbook';
import { toBuffer } from '../../src/hosts/xlsx/writeWorkbook';
import { SOFFICE, describeWith } from '../support/env';
import { COUNTIES, sampleSpec, tempDir } from './support';

const ARTIFACTS = join(__dirname, '..', '..', 'out', 'test-artifacts');

function onPath(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describeWith(SOFFICE, 'LibreOffice', 'LibreOffice opens the generated workbook', () => {
  const dir = tempDir('keytask-lo-');
  const input = join(dir, 'keytask-sample.xlsx');
  // A fresh profile: a user's running LibreOffice or a stale lock must not interfere.
  const profile = `file://${join(dir, 'profile')}`;

  const convert = (to: string, outdir: string): void => {
    mkdirSync(outdir, { recursive: true });
    execFileSync(
      SOFFICE!,
      [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outdir, input],
      {
        timeout: 120_000,
        stdio: 'pipe',
      },
    );
  };

  beforeAll(async () => {
    writeFileSync(input, await toBuffer(sampleSpec()));
  });

  it('prints it to a PDF', () => {
    const outdir = join(dir, 'pdf');
    convert('pdf', outdir);
    const pdf = join(outdir, 'keytask-sample.pdf');
    expect(existsSync(pdf)).toBe(true);
    expect(statSync(pdf).size).toBeGreaterThan(20_000);
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Four task sheets of ~70 rows each, fitted to the page width: more than one page each.
    const pages = (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(4);

    // A picture of the first page for people reviewing the layout (out/ is git-ignored).
    mkdirSync(ARTIFACTS, { recursive: true });
    copyFileSync(pdf, join(ARTIFACTS, 'keytask-sample.pdf'));
    if (onPath('pdftoppm')) {
      execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, join(ARTIFACTS, 'keytask-sample-p1')]);
    } else if (onPath('gs')) {
      execFileSync('gs', [
        '-q',
        '-dNOPAUSE',
        '-dBATCH',
        '-sDEVICE=png16m',
        '-r110',
        '-dFirstPage=1',
        '-dLastPage=1',
        `-sOutputFile=${join(ARTIFACTS, 'keytask-sample-p1.png')}`,
        pdf,
      ]);
    }
  });

  it('keeps the defined names and the registry when it saves the workbook again', async () => {
    const outdir = join(dir, 'resaved');
    convert('xlsx:Calc MS Excel 2007 XML', outdir);
    const read = await readXlsx(join(outdir, 'keytask-sample.xlsx'));

    const names = read.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['重点任务清单', ...COUNTIES, '单位名录', 'keytask']));
    // LibreOffice has no "very hidden": the registry comes back hidden, which is still out of sight.
    expect(read.sheets.find((s) => s.name === 'keytask')!.state).not.toBe('visible');

    expect(read.names.map((n) => n.name)).toEqual(expect.arrayContaining(['KT_S_1', 'KT_S_2', 'KT_S_3', 'KT_S_4', 'KT_S_5', 'KT_UNITS']));
    const sheets = keytaskSheetsOf(read);
    expect(Object.fromEntries(sheets.map((s) => [s.key, s.sheet]))).toEqual({
      city: '重点任务清单',
      'county:新密市': '新密市',
      'county:登封市': '登封市',
      'county:荥阳市': '荥阳市',
      units: '单位名录',
    });
    expect(read.sheets[0].grid[3][0]).toBe('*序号');
  });
});
