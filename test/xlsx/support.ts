/** Shared helpers for the .xlsx host tests. */
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { samplePlan as cliSamplePlan } from '../../src/cli/generate';
import { generateWorkbook } from '../../src/core/generate/generate';
import type { Plan } from '../../src/core/model';

export const COUNTIES = ['新密市', '登封市', '荥阳市'];

export function samplePlan(): Plan {
  return cliSamplePlan();
}

export function sampleSpec(counties = COUNTIES, plan: Plan = samplePlan()) {
  return generateWorkbook(plan, { counties, lang: 'zh' }).spec;
}

export function tempDir(prefix = 'keytask-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function openWithExcelJS(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

/** The raw XML of one part of the package, for what ExcelJS would hide when reading back. */
export async function xmlPart(buf: Buffer, part: string): Promise<string> {
  // jszip is what ExcelJS itself packs with, so it is always installed alongside it.
  const JSZip = require('jszip') as { loadAsync(b: Buffer): Promise<{ file(p: string): { async(t: 'string'): Promise<string> } | null }> };
  const zip = await JSZip.loadAsync(buf);
  const f = zip.file(part);
  if (!f) throw new Error(`no ${part} in package`);
  return f.async('string');
}

/** 1-based column number of the header cell (row 4 or 5) whose text, without `*`, is `header`. */
export function headerColumn(ws: ExcelJS.Worksheet, header: string): number {
  for (const r of [4, 5]) {
    const row = ws.getRow(r);
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value;
      if (typeof v === 'string' && v.replace(/^\*/, '') === header) return c;
    }
  }
  throw new Error(`header ${header} not found in ${ws.name}`);
}

/** 1-based row number of the task with this 序号 in column A. */
export function taskRow(ws: ExcelJS.Worksheet, id: string): number {
  for (let r = 6; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === id) return r;
  throw new Error(`task ${id} not found in ${ws.name}`);
}
