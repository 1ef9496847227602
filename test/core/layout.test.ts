import { rowHeightFor, wrappedLines } from '../../src/core/sheet/textFit';
import { columnsFor, headerText } from '../../src/core/layout/columns';
import { LAYOUT_ROWS, buildTaskSheet, planRows, EMPTY_TEMPLATE_ROWS, SPARE_ROWS } from '../../src/core/layout/taskSheet';
import { locateColumns, readTaskSheet } from '../../src/core/layout/reader';
import { emptyPlan } from '../../src/core/model';
import { cellText } from '../../src/core/sheet/grid';
import { isFormula, parseRange } from '../../src/core/sheet/spec';
import { samplePlan } from './sample';

describe('standard sheet layout', () => {
  const plan = samplePlan();
  const sheet = buildTaskSheet(plan, { kind: 'city', lang: 'zh', name: '重点任务清单', key: 'city' });
  const header = sheet.values[LAYOUT_ROWS.groupHeader].map(cellText);
  const years = sheet.values[LAYOUT_ROWS.columnHeader].map(cellText);

  it('has one column per plan year between the deadline and the lead unit', () => {
    const cols = columnsFor([2023, 2024, 2025]).map((c) => c.key);
    expect(cols).toEqual([
      'id',
      'section',
      'task',
      'indicator',
      'unit',
      'kind',
      'target',
      'deadline',
      'y2023',
      'y2024',
      'y2025',
      'lead',
      'cooperating',
      'actual',
      'rate',
      'progress',
      'status',
      'remarks',
    ]);
    expect(years.slice(8, 11)).toEqual(['2023年', '2024年', '2025年']);
    expect(header[0]).toBe('*序号');
    expect(header[2]).toBe('*重点任务');
    expect(header[8]).toBe('*年度目标(里程碑)');
    expect(header[11]).toBe('*牵头单位');
    expect(header[12]).toBe('配合单位');
  });

  it('titles the sheet with the plan name and carries the header block', () => {
    expect(sheet.values[0][0]).toBe('商丘市建设制造强市三年行动计划(2023—2025年)重点任务清单');
    expect(sheet.values[1].map(cellText).filter(Boolean)).toEqual(['填报单位:', '报送期:', '联系人:', '联系电话:']);
  });

  it('writes section rows as in seed 001 and every task by id', () => {
    const rows = sheet.values.slice(LAYOUT_ROWS.firstData);
    expect(rows[0].slice(0, 2)).toEqual(['(一)', '加快制造业高端化发展']);
    expect(rows[1].slice(0, 3)).toEqual(['1', '加快制造业高端化发展', '力争30%的传统企业转型为战略性新兴企业。']);
    const ids = rows.map((r) => cellText(r[0])).filter((t) => /^\d+$/.test(t));
    expect(ids).toHaveLength(54);
    expect(planRows(plan).filter((r) => r.type === 'section')).toHaveLength(13);
  });

  it('keeps milestones under their year and the completion rate live', () => {
    const row = sheet.values.find((r) => r[0] === '10')!;
    expect(row.slice(4, 11)).toEqual(['万家', '累计', 1.6, '2025年', 1.14, 1.31, 1.6]);
    expect(row[11]).toBe('市工业和信息化局');
    const rate = row[14];
    expect(isFormula(rate) && rate.formula).toMatch(/^=IF\(AND\(ISNUMBER\(N\d+\),ISNUMBER\(G\d+\),G\d+>0\),N\d+\/G\d+,""\)$/);
  });

  it('leaves room below the tasks, and an empty plan gets blank rows', () => {
    const dataRows = 54 + 13 + SPARE_ROWS;
    expect(sheet.values).toHaveLength(LAYOUT_ROWS.firstData + dataRows);
    const empty = buildTaskSheet(emptyPlan(2024, 2026), { kind: 'city', lang: 'zh', name: 'x', key: 'city' });
    expect(empty.values).toHaveLength(LAYOUT_ROWS.firstData + EMPTY_TEMPLATE_ROWS);
    expect(empty.values[LAYOUT_ROWS.columnHeader].map(cellText).filter((t) => /年$/.test(t))).toEqual(['2024年', '2025年', '2026年']);
  });

  it('every row has the same width and every range lies inside the sheet', () => {
    const width = sheet.values[0].length;
    expect(sheet.values.every((r) => r.length === width)).toBe(true);
    expect(sheet.columnWidths).toHaveLength(width);
    const ranges = [
      ...sheet.formats.map((f) => f.range),
      ...sheet.merges,
      ...sheet.validations.map((v) => v.range),
      ...sheet.conditionalFormats.map((c) => c.range),
    ];
    for (const r of ranges) {
      const b = parseRange(r);
      expect(b.col2).toBeLessThan(width);
      expect(b.row2).toBeLessThan(sheet.values.length);
    }
  });

  it('offers dropdowns for unit, target type, status and lead unit, and checks numbers', () => {
    const byCol = (letter: string) => sheet.validations.filter((v) => v.range.startsWith(letter));
    expect(byCol('E')[0].rule).toMatchObject({ type: 'list' });
    expect(byCol('F')[0].rule).toEqual({ type: 'list', values: ['累计', '年度', '占比', '定性'] });
    expect(byCol('Q')[0].rule).toEqual({ type: 'list', values: ['已完成', '超序时', '序时', '滞后', '未开展'] });
    expect(byCol('L')[0].rule).toEqual({ type: 'listRef', ref: 'KT_UNITS' });
    expect(byCol('G').map((v) => v.rule.type)).toContain('decimal');
    // Task 17 is a share: its number cells accept 0–100 only.
    const row17 = sheet.values.findIndex((r) => r[0] === '17') + 1;
    const share = sheet.validations.find(
      (v) =>
        v.range.startsWith('I') &&
        v.rule.type === 'decimal' &&
        v.rule.operator === 'between' &&
        parseRange(v.range).row1 <= row17 - 1 &&
        parseRange(v.range).row2 >= row17 - 1,
    );
    expect(share).toBeDefined();
    // No validation spans a section row.
    const sectionRows = new Set(sheet.values.map((r, i) => (r[0] === '(一)' || r[0] === '(二)' ? i : -1)).filter((i) => i >= 0));
    for (const v of sheet.validations) {
      const b = parseRange(v.range);
      for (const s of sectionRows) expect(s >= b.row1 && s <= b.row2).toBe(false);
    }
  });

  it('freezes the header and the task column, prints A4 landscape with repeated headers', () => {
    expect(sheet.freeze).toEqual({ rows: 5, columns: 3 });
    // at 90 %: 10-pt text prints at 9 pt, on more than one page width with 序号 (and 类别) repeated
    expect(sheet.print).toMatchObject({ orientation: 'landscape', paper: 'A4', titleRows: '$4:$5', scale: 90, overThenDown: true });
    expect(sheet.print!.titleColumns).toMatch(/^\$A:\$[A-C]$/);
  });

  it('sizes rows for wrapped text, since spreadsheet programs do not on opening a file', () => {
    // Each task row is at least as tall as its wrapped 类别 (12 wide) and task text; blank rows keep the least height.
    const section = sheet.values.findIndex((r) => r[0] === '(一)');
    const tasks = sheet.values.flatMap((r, i) => (/^\d+$/.test(String(r[0])) ? [i] : []));
    for (const i of tasks) {
      const lines = Math.max(wrappedLines(String(sheet.values[i][1]), 12), wrappedLines(String(sheet.values[i][2]), 40));
      expect(sheet.rowHeights![i]).toBeGreaterThanOrEqual(rowHeightFor(lines, 10));
    }
    expect(Math.max(...tasks.map((i) => sheet.rowHeights![i]))).toBeGreaterThan(18);
    expect(sheet.rowHeights![sheet.values.length - 1]).toBe(18);
    expect(sheet.rowHeights![section]).toBe(18);
  });

  it('marks empty required cells, and period fields only once a reporting period is named', () => {
    const status = sheet.conditionalFormats.find((c) => c.range.startsWith('Q6:'))!;
    expect(status.formula).toContain('LEN($E$2)>0');
    const lead = sheet.conditionalFormats.find((c) => c.range.startsWith('L6:'))!;
    expect(lead.formula).not.toContain('$E$2');
    const target = sheet.conditionalFormats.find((c) => c.range.startsWith('G6:'))!;
    expect(target.formula).toContain('$F6<>"定性"');
  });

  it('formats text columns as text so typed text never becomes a formula', () => {
    const taskCol = sheet.formats.find((f) => f.range.startsWith('C6:'));
    expect(taskCol?.style.numFmt).toBe('@');
  });

  it('has English headers too, and the reader knows both', () => {
    const en = buildTaskSheet(plan, { kind: 'city', lang: 'en', name: 'Key tasks', key: 'city' });
    expect(en.values[LAYOUT_ROWS.groupHeader].map(cellText).slice(0, 3)).toEqual(['*No.', 'Section', '*Key task']);
    const read = readTaskSheet(en.values.map((r) => r.map((v) => (isFormula(v) ? null : v))));
    expect(read?.years).toEqual([2023, 2024, 2025]);
    expect(read?.rows.filter((r) => r.type === 'task')).toHaveLength(54);
    expect(headerText(columnsFor([2023])[0], 'en')).toBe('*No.');
  });

  it('county copies name the county as reporting unit and leave targets to the county', () => {
    const county = buildTaskSheet(plan, { kind: 'county', county: '新密市', lang: 'zh', name: '新密市', key: 'county:新密市' });
    expect(county.values[1][2]).toBe('新密市');
    const row = county.values.find((r) => r[0] === '10')!;
    expect(row.slice(6, 11)).toEqual([null, '2025年', null, null, null]);
    expect(row[2]).toBe('累计推动1.6万家左右企业上云、上平台。');
  });
});

describe('which grids are task lists', () => {
  const rows = (header: string[], ...data: Array<Array<string | number | null>>): Array<Array<string | number | null>> => [
    ['某市重点任务清单'],
    header,
    ...data,
  ];

  it('reads a plan document’s own table (序号 · 重点任务 · 完成时限和目标 · 责任单位)', () => {
    const read = readTaskSheet(rows(['序号', '重点任务', '完成时限和目标', '责任单位'], ['1', '培育企业', '2025年完成', '市工信局负责']));
    expect(read?.rows).toHaveLength(1);
  });

  it('needs an id column, a task column and a figure, deadline or responsibility column', () => {
    // three known words, but no task text: an order list, a price table
    expect(locateColumns(rows(['序号', '计量单位', '目标值', '备注'], ['1', '个', 3, null]))).toBeNull();
    expect(locateColumns(rows(['重点任务', '完成时限', '牵头单位'], ['培育企业', '2025年', '市工信局']))).toBeNull();
    expect(locateColumns(rows(['序号', '重点任务', '备注', '状态'], ['1', '培育企业', null, null]))).toBeNull();
    expect(locateColumns(rows(['序号', '任务', '牵头单位'], ['1', '培育企业', '市工信局']))?.columns).toEqual({ id: 0, task: 1, lead: 2 });
  });

  it('takes English header words only as keytask writes them', () => {
    // a data sheet in English: ID, Status, Unit, Target, Progress are everyday words
    expect(locateColumns(rows(['ID', 'Status', 'Unit', 'Target', 'Progress', 'Remarks'], [1, 'open', 'pcs', 4, 'ok', null]))).toBeNull();
    expect(
      locateColumns(rows(['*No.', '*Key task', '*Deadline', '*Lead unit'], ['1', 'Grow firms', 'by 2025', 'Bureau']))?.columns,
    ).toEqual({
      id: 0,
      task: 1,
      deadline: 2,
      lead: 3,
    });
  });

  it('takes year columns only from plausible plan years', () => {
    // a model's output: column heads that are measurements, not years
    expect(locateColumns(rows(['序号', '重点任务', '1349', '1777', '4807年'], ['1', 'x', 1, 2, 3]))).toBeNull();
    expect(locateColumns(rows(['序号', '重点任务', '2023年', '2024年'], ['1', 'x', 1, 2]))?.years).toEqual([2023, 2024]);
  });
});
