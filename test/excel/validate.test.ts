/** Review through the Excel host, against the fake Excel: syncs, marks, the findings sheet. */
import { type Finding, finding } from '../../src/core/findings/catalogue';
import { entryTitle, triage } from '../../src/core/findings/triage';
import { CITY_SHEET_NAME, generateWorkbook } from '../../src/core/generate/generate';
import type { Plan } from '../../src/core/model';
import { REGISTRY_SHEET } from '../../src/core/sheet/registry';
import { generateInExcel } from '../../src/hosts/excel/generate';
import { cellInput } from '../../src/hosts/excel/cellInputs';
import { MARKS_SHEET, MARK_FILL, clearMarks, markFindings, writeFindingsSheet } from '../../src/hosts/excel/marks';
import { mergedAddresses } from '../../src/hosts/excel/usedRanges';
import { selectFinding, validateInExcel } from '../../src/hosts/excel/validate';
import { type ApiVersion, type FakeExcel, commentsOf, createFakeExcel, notesOf } from '../support/fakeExcel';
import { seed001Grid } from '../support/seeds';
import { samplePlan } from '../core/sample';

const CITY = CITY_SHEET_NAME.zh;
/** Sheets, names and registry; then the values of the sheets to check. */
/** Structure; values; the figure cells' number formats (a percent cell holds 0.08 for 8%). */
const VALIDATE_SYNCS = 3;
/** Sheets and record; the cells' fills and notes; the write. */
const MARK_SYNCS = 3;

const never = async (): Promise<boolean> => {
  throw new Error('no conflict expected');
};

/** The sample plan's tasks repeated to `n`, ids 1…n. */
function planOf(n: number): Plan {
  const p = samplePlan();
  return { ...p, tasks: Array.from({ length: n }, (_, i) => ({ ...p.tasks[i % p.tasks.length], id: String(i + 1) })) };
}

async function generated(n: number, apiVersion: ApiVersion = '1.18', counties: string[] = []): Promise<FakeExcel> {
  const fake = createFakeExcel({ apiVersion });
  await generateInExcel(fake.api, planOf(n), { counties, lang: 'zh' }, never);
  fake.resetCounts();
  return fake;
}

/**
 * A generated workbook's values, visibility and names put straight into the fake's state:
 * rendering thousands of formatted rows through the fake takes minutes, and reading is what
 * is measured here.
 */
function typed(n: number): FakeExcel {
  const fake = createFakeExcel({ apiVersion: '1.18' });
  const { spec } = generateWorkbook(planOf(n), { counties: [], lang: 'zh' });
  for (const s of spec.sheets) {
    fake.workbook.type(
      s.name,
      'A1',
      s.values.map((r) => r.map((v) => (typeof v === 'string' ? `'${v}` : cellInput(v)))),
    );
    fake.workbook.sheet(s.name)!.visibility = s.visibility === 'veryHidden' ? 'VeryHidden' : 'Visible';
  }
  for (const name of spec.names) fake.workbook.addName(name.name, `=${name.ref}`);
  return fake;
}

/** Where task `id`'s cell of column `col` (0-based) is on `sheet`. */
function cellOf(fake: FakeExcel, sheet: string, id: string, col: number): string {
  const values = fake.workbook.valuesOf(sheet);
  const row = values.findIndex((r) => r[0] === id);
  if (row < 0) throw new Error(`no task ${id}`);
  return `${String.fromCharCode(65 + col)}${row + 1}`;
}

function fillOf(fake: FakeExcel, sheet: string, address: string): unknown {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return fake.workbook.sheet(sheet)!.cell(Number(m[2]) - 1, m[1].charCodeAt(0) - 65)?.style['fill.color'];
}

const LEAD = 11;

describe('validating in Excel', () => {
  it(`reads a 5-task and a 5,000-task sheet in the same ${VALIDATE_SYNCS} syncs`, async () => {
    const counts: Record<string, number> = {};
    for (const n of [5, 5000]) {
      const fake = typed(n);
      const r = await validateInExcel(fake.api, { scope: 'all', lang: 'zh' });
      counts[n] = fake.syncCount;
      expect(r.checked).toEqual([CITY]);
      expect(r.syncs).toBe(fake.syncCount);
      expect(r.findings.length).toBeGreaterThan(0);
    }
    console.log(`validateInExcel syncs: 5 tasks → ${counts[5]}, 5,000 tasks → ${counts[5000]}`);
    expect(counts).toEqual({ 5: VALIDATE_SYNCS, 5000: VALIDATE_SYNCS });
  });

  it('finds the sample plan’s own slips in every keytask task sheet, with the registry’s period', async () => {
    const fake = await generated(54, '1.18', ['新密市']);
    const r = await validateInExcel(fake.api, { scope: 'all', lang: 'zh' });
    expect(r.checked).toEqual([CITY, '新密市']);
    const city = r.findings.filter((f) => f.sheet === CITY).map((f) => `${f.code}@${f.cell}#${f.taskId}`);
    // Blank year cells of measured tasks (the plan gives most only a final target) are
    // required-missing too, as the template marks them: the plan's own slips are the rest.
    const blankYears = /^required-missing@[IJK]\d+#/;
    expect(city.filter((f) => !blankYears.test(f))).toEqual(['unit-unknown@L8#2', 'required-missing@E13#6', 'required-missing@E35#24']);
    expect(city.filter((f) => blankYears.test(f)).length).toBeGreaterThan(30);
    // the active sheet only
    const active = await validateInExcel(fake.api, { scope: 'active', lang: 'en' });
    expect(active.checked).toEqual([CITY]);
    expect(active.findings.find((f) => f.code === 'unit-unknown')!.message).toBe(
      '"市发展改革委员" is not in the unit directory; did you mean "市发展改革委"?',
    );
  });

  it('reads merged areas where Excel has them (1.13) and skips them on older Excel', async () => {
    for (const [version, expected] of [
      ['1.13', 1],
      ['1.12', 0],
    ] as Array<[ApiVersion, number]>) {
      const fake = await generated(5, version);
      const at = cellOf(fake, CITY, '2', LEAD);
      const below = at.replace(/\d+/, (r) => String(Number(r) + 1));
      await fake.api.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(CITY).getRange(`${at}:${below}`).merge(false);
        await ctx.sync();
      });
      fake.resetCounts();
      const r = await validateInExcel(fake.api, { scope: 'all', lang: 'zh' });
      expect(r.findings.filter((f) => f.code === 'merged-cells')).toHaveLength(expected);
      expect(fake.syncCount).toBe(VALIDATE_SYNCS);
    }
    expect(mergedAddresses("'a,b'!A1:B2, 'a,b'!$C$3")).toEqual(['A1:B2', 'C3']);
  });

  it('checks a clerk’s own sheet (seed 001 pasted in) against a 单位名录 sheet, without a registry', async () => {
    const fake = createFakeExcel({ apiVersion: '1.18', sheets: ['重点任务清单'] });
    fake.workbook.type(
      '重点任务清单',
      'A1',
      seed001Grid().map((r) => r.map((v) => (v === null ? '' : `'${String(v)}`))),
    );
    fake.workbook.type('单位名录', 'A1', [['单位名称'], ...samplePlan().units.map((u) => [u])]);
    fake.workbook.type('Notes', 'A1', [['a sheet of notes, not a task list']]);
    const r = await validateInExcel(fake.api, { scope: 'all', lang: 'zh' });
    expect(r.checked).toEqual(['重点任务清单']);
    expect(r.findings.filter((f) => f.code === 'unit-unknown').map((f) => f.cell)).toEqual(['D5']);
    expect(r.findings).toHaveLength(11);
    // A plan's own table has no figure columns: no number formats to ask for.
    expect(fake.syncCount).toBe(VALIDATE_SYNCS - 1);
  });

  it('drops a finding once the cell is fixed, and takes its mark off on marking again', async () => {
    const fake = await generated(54);
    const first = await validateInExcel(fake.api, { scope: 'all', lang: 'zh' });
    const slip = first.findings.find((f) => f.code === 'unit-unknown')!;
    const before = fillOf(fake, CITY, slip.cell!);
    await markFindings(fake.api, first.findings, 'zh');
    expect(fillOf(fake, CITY, slip.cell!)).toBe(MARK_FILL.warning);

    fake.workbook.type(CITY, slip.cell!, [['市发展改革委']]);
    const again = await validateInExcel(fake.api, { scope: 'all', lang: 'zh' });
    expect(again.findings.map((f) => f.code)).not.toContain('unit-unknown');
    expect(again.findings).toHaveLength(first.findings.length - 1);
    await markFindings(fake.api, again.findings, 'zh');
    expect(fillOf(fake, CITY, slip.cell!)).toBe(before);
    expect(notesOf(fake.workbook.sheet(CITY)!).has(slip.cell!)).toBe(false);
  });

  it('selects the cell of a finding in one sync', async () => {
    const fake = await generated(5, '1.18', ['新密市']);
    await selectFinding(fake.api, { sheet: '新密市', cell: 'G9' });
    expect(fake.selection).toEqual({ sheet: '新密市', address: 'G9' });
    expect(fake.workbook.activeSheetId).toBe(fake.workbook.sheet('新密市')!.id);
    expect(fake.syncCount).toBe(1);
  });
});

/** `n` findings on the lead column of the city sheet, from row 6 down. */
function leadFindings(n: number): Finding[] {
  return Array.from({ length: n }, (_, i) => finding('lead-missing', 'zh', { sheet: CITY, cell: `L${6 + i}`, taskId: String(i + 1) }));
}

describe('marking findings on the sheet', () => {
  it(`marks 3 and 3,000 findings in the same ${MARK_SYNCS} syncs, and clears them in as many`, async () => {
    const counts: Record<string, number> = {};
    const clears: Record<string, number> = {};
    for (const n of [3, 3000]) {
      const fake = await generated(5);
      const r = await markFindings(fake.api, leadFindings(n), 'zh');
      counts[n] = fake.syncCount;
      expect(r).toMatchObject({ marked: n, annotation: 'note', syncs: fake.syncCount });
      expect(notesOf(fake.workbook.sheet(CITY)!).size).toBe(n);
      fake.resetCounts();
      const c = await clearMarks(fake.api);
      clears[n] = fake.syncCount;
      expect(c.cleared).toBe(n);
      expect(notesOf(fake.workbook.sheet(CITY)!).size).toBe(0);
    }
    console.log(
      `markFindings syncs: 3 findings → ${counts[3]}, 3,000 findings → ${counts[3000]}; clearMarks: ${clears[3]} / ${clears[3000]}`,
    );
    expect(counts).toEqual({ 3: MARK_SYNCS, 3000: MARK_SYNCS });
    expect(clears).toEqual({ 3: MARK_SYNCS, 3000: MARK_SYNCS });
  });

  it('restores the yellow a user had put on a cell, removes the note, and leaves the user’s own notes', async () => {
    const fake = await generated(5);
    await fake.api.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(CITY);
      ws.getRange('L7').format.fill.color = '#FFFF00';
      ws.notes.add('B2', 'my own note');
      ws.notes.add('L8', 'a note of mine on a cell keytask marks');
      await ctx.sync();
    });
    const l8 = fillOf(fake, CITY, 'L8');
    expect(l8).toBe('#FFF9E5'); // the pale yellow of a required cell
    const findings = [
      finding('lead-missing', 'zh', { sheet: CITY, cell: 'L7', taskId: '2' }),
      finding('unit-unknown', 'zh', { sheet: CITY, cell: 'L7', taskId: '2' }, { unit: 'x' }),
      finding('unit-unknown', 'zh', { sheet: CITY, cell: 'L8', taskId: '3' }, { unit: 'y' }),
      finding('header-missing', 'zh', { sheet: CITY, cell: null, taskId: null }),
    ];
    const r = await markFindings(fake.api, findings, 'zh');
    expect(r.marked).toBe(2);
    const sheet = fake.workbook.sheet(CITY)!;
    const notes = notesOf(sheet);
    // the worst of a cell's findings gives the colour; all of them go in the note
    expect(fillOf(fake, CITY, 'L7')).toBe(MARK_FILL.error);
    expect(notes.get('L7')).toBe('keytask 审核:\n[错误] 任务没有牵头单位\n[警告] “x”不在单位名录中');
    // a cell with a note of the user's is filled, and the note is left as it was
    expect(fillOf(fake, CITY, 'L8')).toBe(MARK_FILL.warning);
    expect(notes.get('L8')).toBe('a note of mine on a cell keytask marks');
    expect(fake.workbook.sheet(MARKS_SHEET)!.visibility).toBe('VeryHidden');

    // the pane was closed: a fresh start knows what to undo from the workbook alone
    await clearMarks(fake.api);
    expect(fillOf(fake, CITY, 'L7')).toBe('#FFFF00');
    expect(fillOf(fake, CITY, 'L8')).toBe(l8);
    expect([...notes.entries()]).toEqual([
      ['B2', 'my own note'],
      ['L8', 'a note of mine on a cell keytask marks'],
    ]);
    expect(fake.workbook.sheet(MARKS_SHEET)).toBeUndefined();
    // nothing left to clear
    expect((await clearMarks(fake.api)).cleared).toBe(0);
  });

  it('takes its marks off after the workbook was reopened (new sheet ids) and the sheet renamed', async () => {
    const fake = await generated(5);
    const l6 = fillOf(fake, CITY, 'L6');
    await markFindings(fake.api, leadFindings(2), 'zh');
    expect(fake.workbook.valuesOf(MARKS_SHEET)[1][0]).toMatch(/^KT_S_\d+$/);
    fake.reopen();
    await fake.api.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(CITY).name = '市级清单';
      await ctx.sync();
    });
    expect((await clearMarks(fake.api)).cleared).toBe(2);
    expect(fillOf(fake, '市级清单', 'L6')).toBe(l6);
    expect(notesOf(fake.workbook.sheet('市级清单')!).size).toBe(0);
  });

  it('leaves a fill the user changed after marking', async () => {
    const fake = await generated(5);
    const l7 = fillOf(fake, CITY, 'L7');
    await markFindings(fake.api, leadFindings(2), 'zh');
    fake.workbook.sheet(CITY)!.cell(5, LEAD)!.style['fill.color'] = '#00B050';
    await clearMarks(fake.api);
    expect(fillOf(fake, CITY, 'L6')).toBe('#00B050');
    expect(fillOf(fake, CITY, 'L7')).toBe(l7);
  });

  it('uses comments before ExcelApi 1.18 and only fills before 1.10', async () => {
    const withComments = await generated(5, '1.12');
    const l6 = fillOf(withComments, CITY, 'L6');
    const r = await markFindings(withComments.api, leadFindings(2), 'zh');
    expect(r.annotation).toBe('comment');
    expect(commentsOf(withComments.workbook).map((c) => [c.cell, c.content])).toEqual([
      ['L6', 'keytask 审核:\n[错误] 任务没有牵头单位'],
      ['L7', 'keytask 审核:\n[错误] 任务没有牵头单位'],
    ]);
    expect(withComments.syncCount).toBe(MARK_SYNCS);
    await clearMarks(withComments.api);
    expect(commentsOf(withComments.workbook)).toEqual([]);
    expect(fillOf(withComments, CITY, 'L6')).toBe(l6);

    const fillOnly = await generated(5, '1.9');
    const l7 = fillOf(fillOnly, CITY, 'L7');
    expect((await markFindings(fillOnly.api, leadFindings(2), 'zh')).annotation).toBe('fill');
    expect(fillOf(fillOnly, CITY, 'L7')).toBe(MARK_FILL.error);
    await clearMarks(fillOnly.api);
    expect(fillOf(fillOnly, CITY, 'L7')).toBe(l7);
  });
});

describe('the findings sheet in Excel', () => {
  it('adds 审核意见 as a keytask sheet, replaces it next time, and never takes a user’s sheet of that name', async () => {
    const fake = await generated(54);
    fake.workbook.type('审核意见', 'A1', [['my own review notes']]);
    const { findings } = await validateInExcel(fake.api, { scope: 'all', lang: 'zh' });
    fake.resetCounts();
    const first = await writeFindingsSheet(fake.api, findings, 'zh', { date: '2025-07-01' });
    expect(first).toMatchObject({ sheet: '审核意见 (2)', wanted: '审核意见' });
    expect(first.syncs).toBe(fake.syncCount);
    expect(fake.workbook.valuesOf('审核意见')).toEqual([['my own review notes']]);
    const written = fake.workbook.valuesOf('审核意见 (2)');
    expect(written[0][0]).toBe(`审核意见:${CITY}(2025-07-01)`);
    // one row per entry, worst first, each with its kind's name (identical findings as one)
    expect(written.slice(3).map((r) => r[2])).toEqual(triage(findings, 'zh').map(entryTitle));
    expect(fake.selection).toEqual({ sheet: '审核意见 (2)', address: 'A1' });

    const again = await writeFindingsSheet(fake.api, findings.slice(0, 1), 'zh');
    expect(again.sheet).toBe('审核意见 (2)');
    expect(fake.workbook.valuesOf('审核意见 (2)')).toHaveLength(4);
    expect(fake.workbook.sheetNames().filter((n) => n.startsWith('审核意见'))).toHaveLength(2);
    // the findings sheet is keytask's own output: re-validating does not check it
    const r = await validateInExcel(fake.api, { scope: 'all', lang: 'zh' });
    expect(r.checked).toEqual([CITY]);
    expect(fake.workbook.sheet(REGISTRY_SHEET)).toBeDefined();
  });
});
