/**
 * The floor for any tool built on ExcelJS: load each file given, with ExcelJS's defaults, and
 * nothing else. Run as its own process by the bench, like keytask and the pandas script.
 */
import { readFile } from 'fs/promises';
import ExcelJS from 'exceljs';

async function main(files: string[]): Promise<void> {
  let sheets = 0;
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(f)) as unknown as ExcelJS.Buffer);
    sheets += wb.worksheets.length;
  }
  process.stdout.write(`${files.length} files, ${sheets} sheets\n`);
}

void main(process.argv.slice(2));
