import { readTaskSheet } from '../../../src/core/layout/reader';
import { nextPeriod, type NextPeriodInput } from '../../../src/core/operations/nextPeriod';
import { HISTORY_SHEET, emptyHistory, figuresOf, parseHistory, withPeriod } from '../../../src/core/period/history';
import { nextPeriodLabel } from '../../../src/core/period/nextLabel';
import { Refusal } from '../../../src/core/refusal';
import { generate } from '../../../src/core/operations/generate';
import { fileToRegenerate, regenerate } from '../../../src/core/operations/regenerate';
import { CLOSING, COUNTIES, cellOf, filledWorkbook } from './nextPeriodFixture';
import { samplePlan } from '../sample';
import { REGISTRY_SHEET, liveKeytaskSheets } from '../../../src/core/sheet/registry';
import { columnLetter } from '../../../src/core/sheet/spec';

function input(over: Partial<NextPeriodInput> = {}, opts: { blankCounty?: string } = {}): NextPeriodInput {
  const wb = filledWorkbook(opts);
  return {
    sheets: wb.sheets,
    keytaskSheets: wb.keytaskSheets,
    registryExists: true,
    history: emptyHistory(),
    historyExists: false,
    period: '2024年第3季度',
    write: 'file',
    ...over,
  };
}

const sheetOf = (r: ReturnType<typeof nextPeriod>, name: string) => r.spec.sheets.find((s) => s.name === name)!.values;

describe('next-period', () => {
  it('moves each county figure to 上期完成值, empties the period cells, sets 报送期 and keeps the rest', () => {
    const r = nextPeriod(input());
    expect(r.report).toMatchObject({ period: '2024年第3季度', closed: CLOSING, moved: 6, fromHistory: 0 });
    expect(r.report.sheets).toEqual(['重点任务清单', ...COUNTIES]);
    const xinmi = sheetOf(r, '新密市');
    const read = readTaskSheet(xinmi)!;
    expect(read.columns.previous).toBe(read.columns.actual! - 1);
    expect(read.headerBlock).toMatchObject({ period: '2024年第3季度', reportingUnit: '新密市' });
    expect(cellOf(xinmi, '1', 'previous')).toBe(12);
    expect(cellOf(xinmi, '2', 'previous')).toBe(2);
    for (const k of ['actual', 'progress', 'status']) expect(cellOf(xinmi, '1', k)).toBeNull();
    // the county's own target, the plan's columns and its units stay
    expect(cellOf(xinmi, '2', 'target')).toBe(4);
    expect(cellOf(xinmi, '2', 'task')).toBe(samplePlan().tasks[1].text);
    expect(cellOf(xinmi, '2', 'kind')).toBe('累计');
    expect(cellOf(sheetOf(r, '荥阳市'), '1', 'previous')).toBe(5);
    // the city list keeps the plan's targets, and the same columns
    const city = sheetOf(r, '重点任务清单');
    expect(cellOf(city, '3', 'target')).toBe(100);
    expect(readTaskSheet(city)!.columns.previous).toBeDefined();
    // grey, like the computed 完成率, and no typed figure passes its check
    const letter = columnLetter(read.columns.previous!);
    const checks = r.spec.sheets.find((s) => s.name === '新密市')!.validations.filter((v) => v.range.startsWith(letter));
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.every((v) => v.errorStyle === 'stop' && v.rule.type === 'decimal' && 'value' in v.rule && v.rule.value >= 1e15)).toBe(
      true,
    );
    expect(
      r.spec.sheets
        .find((s) => s.name === '新密市')!
        .formats.some((f) => f.style.fill === 'F2F2F2' && f.range.startsWith(`${letter}6:${letter}`)),
    ).toBe(true);
  });

  it("keeps the closing period's figures and who reported in the history sheet", () => {
    const r = nextPeriod(input({}, { blankCounty: '荥阳市' }));
    const sheet = r.spec.sheets.find((s) => s.name === HISTORY_SHEET)!;
    expect(sheet.visibility).toBe('veryHidden');
    const h = parseHistory(sheet.values);
    expect(h.periods).toEqual([CLOSING]);
    expect(h.reported[CLOSING]).toEqual(['新密市', '登封市']);
    expect(figuresOf(h, CLOSING, '新密市').get('1')).toMatchObject({ value: 12, status: '正常推进' });
    expect(figuresOf(h, CLOSING, '登封市').get('2')).toMatchObject({ value: 2, status: '滞后' });
    expect(figuresOf(h, CLOSING, '荥阳市').size).toBe(0);
    expect(r.report.periods).toEqual([CLOSING]);
  });

  it('runs period after period: the new period closes next time, the history grows', () => {
    const first = nextPeriod(input());
    const sheets = first.spec.sheets.map((s) => ({ name: s.name, visibility: s.visibility, grid: s.values.map((row) => [...row]) }));
    const names = first.spec.names.map((n) => ({ name: n.name, ref: `=${n.ref}` }));
    const keytaskSheets = liveKeytaskSheets(
      sheets.find((s) => s.name === REGISTRY_SHEET)!.grid,
      names,
      sheets.map((s) => s.name),
    );
    const history = parseHistory(sheets.find((s) => s.name === HISTORY_SHEET)!.grid);
    const second = nextPeriod({
      sheets,
      keytaskSheets,
      registryExists: true,
      history,
      historyExists: true,
      period: '2024年第4季度',
      write: 'file',
    });
    expect(second.report.closed).toBe('2024年第3季度');
    expect(second.spec.sheets.filter((s) => s.name === HISTORY_SHEET)).toHaveLength(1);
    // nothing was filled in the third quarter: its blank copies leave the history as it was
    expect(second.report.periods).toEqual([CLOSING]);
    expect(second.updatable).toContain(HISTORY_SHEET);
    expect(cellOf(sheetOf(second, '新密市'), '1', 'previous')).toBeNull();
  });

  it("fills 上期完成值 of blank county copies from a summary's history (--from)", () => {
    const blank = generate({ plan: samplePlan(), counties: COUNTIES }).spec;
    const wb = filledWorkbook();
    const sheets = blank.sheets.map((s) => ({ name: s.name, visibility: s.visibility, grid: s.values }));
    const from = withPeriod(emptyHistory(), CLOSING, ['新密市'], [{ county: '新密市', task: '1', value: 21, status: '正常推进' }]);
    const r = nextPeriod({ ...input(), sheets, keytaskSheets: wb.keytaskSheets, from });
    expect(r.report).toMatchObject({ closed: CLOSING, moved: 1, fromHistory: 1, periods: [CLOSING] });
    expect(cellOf(sheetOf(r, '新密市'), '1', 'previous')).toBe(21);
    expect(cellOf(sheetOf(r, '登封市'), '1', 'previous')).toBeNull();
  });

  it('works on a plain sheet a clerk returned: it becomes that county copy, registered', () => {
    const wb = filledWorkbook();
    const grid = wb.sheets.find((s) => s.name === '登封市')!.grid;
    const r = nextPeriod({
      ...input(),
      sheets: [{ name: 'Sheet1', visibility: 'visible', grid }],
      keytaskSheets: [],
      registryExists: false,
    });
    expect(r.report.sheets).toEqual(['Sheet1']);
    expect(r.spec.sheets.some((s) => s.kind === 'city')).toBe(false);
    expect(r.spec.sheets.find((s) => s.name === 'Sheet1')!.county).toBe('登封市');
    expect(cellOf(sheetOf(r, 'Sheet1'), '1', 'previous')).toBe(8);
    expect(parseHistory(r.spec.sheets.find((s) => s.name === HISTORY_SHEET)!.values).reported[CLOSING]).toEqual(['登封市']);
    expect(r.spec.sheets.some((s) => s.name === 'keytask')).toBe(true);
  });

  it('refuses a label it cannot read, the current period and an earlier one', () => {
    const refusal = (period: string) => {
      try {
        nextPeriod(input({ period }));
      } catch (e) {
        return e instanceof Refusal ? e.describe('zh') : String(e);
      }
      return 'not refused';
    };
    expect(refusal('下一期')).toMatch(/不是可识别的报送期/);
    expect(refusal('2024年二季度')).toMatch(/与当前报送期“2024年第2季度”相同/);
    expect(refusal('2024年第1季度')).toMatch(/早于当前报送期/);
    expect(() => nextPeriod(input({ period: '2024Q1' }))).toThrow(/earlier than the current one/);
  });

  it('re-generating a workbook in a period chain keeps 上期完成值 (generate --force, the pane)', () => {
    const r = nextPeriod(input());
    const sheets = r.spec.sheets.map((s) => ({ name: s.name, visibility: s.visibility, grid: s.values }));
    const names = r.spec.names.map((n) => ({ name: n.name, ref: `=${n.ref}` }));
    const keytaskSheets = liveKeytaskSheets(
      sheets.find((s) => s.name === REGISTRY_SHEET)!.grid,
      names,
      sheets.map((s) => s.name),
    );
    const existing = fileToRegenerate(sheets, keytaskSheets);
    if ('refused' in existing) throw new Error('refused');
    const g = regenerate({ plan: samplePlan(), counties: COUNTIES }, { existing, registryExists: true, write: 'file' });
    const xinmi = g.spec.sheets.find((s) => s.name === '新密市')!.values;
    expect(cellOf(xinmi, '1', 'previous')).toBe(12);
    expect(readTaskSheet(xinmi)!.headerBlock.period).toBe('2024年第3季度');
    // and its history, which the whole file written anew would otherwise lose
    const history = g.spec.sheets.filter((s) => s.name === HISTORY_SHEET);
    expect(history).toHaveLength(1);
    expect(parseHistory(history[0].values).periods).toEqual([CLOSING]);
  });

  it('refuses to write a file that would lose a sheet of the user', () => {
    const i = input();
    i.sheets.push({ name: '我的表', visibility: 'visible', grid: [['x']] });
    expect(() => nextPeriod(i)).toThrow(/我的表/);
    expect(() => nextPeriod({ ...i, write: 'in-place' })).not.toThrow();
  });
});

describe('nextPeriodLabel', () => {
  it.each([
    ['2024年第2季度', '2024年第3季度'],
    ['2024年四季度', '2025年第1季度'],
    ['2024Q4', '2025Q1'],
    ['2024年9月', '2024年10月'],
    ['2024年12月', '2025年1月'],
    ['2024-06', '2024-07'],
    ['2024年上半年', '2024年'],
    ['2024年', '2025年'],
    ['下一期', null],
  ])('%s → %s', (label, next) => expect(nextPeriodLabel(label)).toBe(next));
});

describe('上期完成值 header', () => {
  it('is found by its header, never taken for 本期完成值, and absent from a fresh sheet', () => {
    const header = ['序号', '重点任务', '目标值', '上期完成值', '完成值', '進展情況'];
    const read = readTaskSheet([header, ['1', '任务', 3, 2, 4, '']])!;
    expect(read.columns).toMatchObject({ previous: 3, actual: 4 });
    expect(
      readTaskSheet([
        ['序号', '重点任务', '目标值', '*上期完成', '本期完成值'],
        ['1', 'x', 1, 1, 2],
      ])!.columns,
    ).toMatchObject({ previous: 3, actual: 4 });
    expect(
      readTaskSheet([
        ['No.', 'Key task', 'Target', 'Actual (last period)', 'Actual (period)'],
        ['1', 'x', 1, 1, 2],
      ])!.columns,
    ).toMatchObject({
      previous: 3,
      actual: 4,
    });
    const fresh = generate({ plan: samplePlan(), counties: ['新密市'] }).spec.sheets[0].values;
    expect(readTaskSheet(fresh)!.columns.previous).toBeUndefined();
  });
});
