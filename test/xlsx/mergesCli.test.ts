/**
 * `keytask validate` sees merged cells: the reader returns each sheet's merged ranges, and a
 * range merged down several task rows (a clerk merging a unit shared by tasks 6–9) is reported
 * as `merged-cells`, as the task pane reports it in Excel. Runs the built CLI.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { generateWorkbook } from '../../src/core/generate/generate';
import type { WorkbookSpec } from '../../src/core/sheet/spec';
import { readXlsx } from '../../src/hosts/xlsx/readWorkbook';
import { toBuffer } from '../../src/hosts/xlsx/writeWorkbook';
import { buildIfStale, keytask } from '../support/cli';
import { samplePlan, tempDir } from './support';

const LEAD = 'L';
const COOP = 'M';

function spec(): WorkbookSpec {
  return generateWorkbook(samplePlan(), { counties: ['新密市'], lang: 'zh' }).spec;
}

/** 1-based row of a task in the county sheet. */
function rowOfTask(s: WorkbookSpec, id: string): number {
  const county = s.sheets.find((x) => x.kind === 'county')!;
  const r = county.values.findIndex((row) => row[0] === id);
  if (r < 0) throw new Error(`no task ${id}`);
  return r + 1;
}

interface JsonFinding {
  code: string;
  severity: string;
  sheet: string;
  cell?: string;
  taskId?: string | null;
}

describe('keytask validate reports merged cells', () => {
  const dir = tempDir('keytask-merges-');
  let merged: string;
  let plain: string;
  let first: number;
  let last: number;

  beforeAll(async () => {
    buildIfStale();
    const base = spec();
    // Tasks 6 to 9 share their lead and cooperating units; a clerk merges those cells.
    first = rowOfTask(base, '6');
    last = rowOfTask(base, '9');
    expect(last - first).toBe(3);
    const withMerge = spec();
    const county = withMerge.sheets.find((x) => x.kind === 'county')!;
    county.merges = [...county.merges, `${LEAD}${first}:${LEAD}${last}`, `${COOP}${first}:${COOP}${last}`];
    merged = join(dir, 'merged.xlsx');
    plain = join(dir, 'plain.xlsx');
    writeFileSync(merged, await toBuffer(withMerge));
    writeFileSync(plain, await toBuffer(base));
  });

  it('reads the merged ranges of each sheet', async () => {
    const read = await readXlsx(merged);
    const county = read.sheets.find((s) => s.name === '新密市')!;
    expect(county.merges).toEqual(expect.arrayContaining([`${LEAD}${first}:${LEAD}${last}`, `${COOP}${first}:${COOP}${last}`]));
    // The header block is merged too, on every task sheet.
    expect(read.sheets[0].merges).toEqual(expect.arrayContaining(['A4:A5']));
  });

  it('finds a merge down several task rows, and none for the header block', () => {
    const r = keytask(['validate', merged, '--format', 'json']);
    expect(r.stderr).toBe('');
    const findings = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings.filter((f) => f.code === 'merged-cells');
    expect(findings).toEqual([
      expect.objectContaining({ code: 'merged-cells', severity: 'warning', sheet: '新密市', cell: `${LEAD}${first}`, taskId: '6' }),
      expect.objectContaining({ code: 'merged-cells', severity: 'warning', sheet: '新密市', cell: `${COOP}${first}`, taskId: '6' }),
    ]);

    const clean = keytask(['validate', plain, '--format', 'json']);
    expect((JSON.parse(clean.stdout) as { findings: JsonFinding[] }).findings.filter((f) => f.code === 'merged-cells')).toEqual([]);
  });

  it('says so in the table', () => {
    const r = keytask(['validate', merged]);
    const line = r.stdout.split('\n').find((l) => l.includes('合并单元格跨任务行'));
    expect(line).toContain(`新密市!${LEAD}${first}`);
    // In the workbook's language (a Chinese template).
    expect(line).toContain(`合并单元格${LEAD}${first}:${LEAD}${last}跨越多个任务行`);
  });
});
