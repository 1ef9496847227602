import { parseSchedule } from '../../src/core/text/milestones';
import { type CellQuantity, percentText, readCellQuantity } from '../../src/core/text/quantity';
import { taskIdKey } from '../../src/core/layout/taskId';
import { matchKey, toHalfWidth, toSimplified } from '../../src/core/text/normalize';
import { parseQuantity, readNumber, splitScale, unitFactor } from '../../src/core/text/quantity';
import { parseResponsibility, splitUnits } from '../../src/core/text/responsibility';
import { samplePlan } from './sample';

describe('normalising text', () => {
  it('folds full-width characters and traditional characters for matching only', () => {
    expect(toHalfWidth('１２３：（一）')).toBe('123:(一)');
    expect(toSimplified('責任單位:市經信局、市發改委,列第一位的為牽頭單位')).toBe('责任单位:市经信局、市发改委,列第一位的为牵头单位');
    expect(matchKey(' *牽頭單位 ')).toBe('*牵头单位');
  });
});

describe('quantities', () => {
  it.each([
    ['200亿元', { value: 200, unit: '亿元' }],
    ['1.14万家', { value: 1.14, unit: '万家' }],
    ['８％', { value: 8, unit: '%' }],
    ['3家以上', { value: 3, unit: '家' }],
    ['1,200', { value: 1200, unit: '' }],
    ['1.2万', { value: 12000, unit: '' }],
    ['2.5萬臺', { value: 2.5, unit: '万台' }],
    ['１２３', { value: 123, unit: '' }],
  ])('%s', (text, expected) => {
    expect(parseQuantity(text)).toEqual(expected);
  });

  it('reads number cells and refuses what is not a number', () => {
    expect(readNumber(' １２３ ')).toBe(123);
    expect(readNumber('1.2万')).toBe(12000);
    expect(readNumber('#REF!')).toBeNull();
    expect(readNumber('约100')).toBeNull();
    expect(readNumber('100家')).toBeNull();
    expect(readNumber(Number.NaN)).toBeNull();
  });

  it('compares units after scaling', () => {
    expect(splitScale('万家')).toEqual({ scale: 1e4, base: '家' });
    expect(unitFactor('万家', '家')).toBe(1e4);
    expect(unitFactor('亿元', '万元')).toBe(1e4);
    expect(unitFactor('家', '个')).toBeNull();
    expect(unitFactor('萬臺', '台')).toBe(1e4);
  });
});

describe('responsibility text', () => {
  it('reads every responsibility cell of seed 001 as the transcription has it', () => {
    for (const task of samplePlan().tasks) {
      const r = parseResponsibility(task.responsibilityText!);
      expect({ id: task.id, lead: r.lead, cooperating: r.cooperating }).toEqual({
        id: task.id,
        lead: task.lead,
        cooperating: task.cooperating,
      });
    }
  });

  it.each([
    ['市工业和信息化局牵头,市发展改革委、市科技局配合', ['市工业和信息化局'], ['市发展改革委', '市科技局'], 'explicit'],
    [
      '市科技局、市人力资源社会保障局牵头,市工业和信息化局、市财政局配合',
      ['市科技局', '市人力资源社会保障局'],
      ['市工业和信息化局', '市财政局'],
      'explicit',
    ],
    ['市工业和信息化局负责', ['市工业和信息化局'], [], 'responsible'],
    ['市发展改革委、市交通运输局、市商务局按职责分工负责', ['市发展改革委', '市交通运输局', '市商务局'], [], 'responsible'],
    ['市工信局、各乡镇政府、街道办事处', ['市工信局'], ['各乡镇政府', '街道办事处'], 'firstListed'],
    [
      '(責任單位:市經信局、市發改委、各縣(市、區)人民政府,列第一位的為牽頭單位)',
      ['市經信局'],
      ['市發改委', '各縣(市、區)人民政府'],
      'firstListed',
    ],
    ['市商務局牽頭,市財政局配合', ['市商務局'], ['市財政局'], 'explicit'],
    ['', [], [], 'empty'],
  ])('%s', (text, lead, cooperating, form) => {
    expect(parseResponsibility(text)).toEqual({ lead, cooperating, form });
  });

  it('keeps group subjects whole', () => {
    expect(splitUnits('各县(市、区)人民政府、市城乡一体化示范区管委会')).toEqual(['各县(市、区)人民政府', '市城乡一体化示范区管委会']);
    expect(splitUnits('各县（市、区）人民政府，市直各单位')).toEqual(['各县（市、区）人民政府', '市直各单位']);
  });
});

describe('milestone text', () => {
  it('reads every schedule of seed 001 as the transcription has it', () => {
    for (const task of samplePlan().tasks) {
      const s = parseSchedule(task.scheduleText!);
      expect({ id: task.id, ms: s.milestones.map((m) => [m.year, m.value, m.unit]) }).toEqual({
        id: task.id,
        ms: task.milestones.map((m) => [m.year, m.value, m.unit]),
      });
      expect(s.unread).toEqual([]);
    }
  });

  it('reads several years in one cell, kinds and ongoing work', () => {
    const s = parseSchedule('2023年累计达到1.14万家 2024年累计达到1.31万家 2025年累计达到1.6万家');
    expect(s.kind).toBe('cumulative');
    expect(s.milestones.map((m) => [m.year, m.value, m.unit])).toEqual([
      [2023, 1.14, '万家'],
      [2024, 1.31, '万家'],
      [2025, 1.6, '万家'],
    ]);
    expect(parseSchedule('2023年占比8%').kind).toBe('share');
    expect(parseSchedule('持续推进')).toMatchObject({ ongoing: true, milestones: [] });
    expect(parseSchedule('２０２４年达到３').milestones[0]).toMatchObject({ year: 2024, value: 3, unit: null });
  });
});

describe('number cells read as clerks fill them (readCellQuantity)', () => {
  const cases: Array<[unknown, string | null, CellQuantity]> = [
    [45, '家', { kind: 'number', value: 45 }],
    ['４５', '家', { kind: 'number', value: 45 }],
    ['3,000', '人次', { kind: 'number', value: 3000 }],
    ['3家', '家', { kind: 'number', value: 3 }],
    ['0.23万', '万个', { kind: 'converted', value: 0.23, typed: '0.23万' }],
    ['2700家', '万家', { kind: 'converted', value: 0.27, typed: '2700家' }],
    ['1.2亿元', '万元', { kind: 'converted', value: 12000, typed: '1.2亿元' }],
    ['1.2億', '亿元', { kind: 'converted', value: 1.2, typed: '1.2億' }],
    ['1.2万', '个', { kind: 'converted', value: 12000, typed: '1.2万' }],
    ['1.2万', null, { kind: 'converted', value: 12000, typed: '1.2万' }],
    ['8%', '%', { kind: 'number', value: 8 }],
    ['８％', '%', { kind: 'number', value: 8 }],
    ['累计4家', '家', { kind: 'number', value: 4 }],
    ['3家', null, { kind: 'withUnit', value: 3, unit: '家' }],
    ['5个', '家', { kind: 'unitMismatch', typed: '5个', unit: '个' }],
    ['8%', '亿元', { kind: 'unitMismatch', typed: '8%', unit: '%' }],
    ['2万吨', '万吨标准煤', { kind: 'unitMismatch', typed: '2万吨', unit: '万吨' }],
    ['约4家', '家', { kind: 'approximate', typed: '约4家' }],
    ['4家以上', '家', { kind: 'approximate', typed: '4家以上' }],
    ['近0.1万', '万个', { kind: 'approximate', typed: '近0.1万' }],
    ['3-5家', '家', { kind: 'invalid', typed: '3-5家' }],
    ['已完成', '家', { kind: 'invalid', typed: '已完成' }],
    ['', '家', { kind: 'empty' }],
    [null, '家', { kind: 'empty' }],
  ];
  it.each(cases)('%p under %p', (v, unit, want) => {
    expect(readCellQuantity(v, unit)).toEqual(want);
  });

  it('shows a percent-formatted number as the clerk typed it', () => {
    expect(percentText(0.08)).toBe('8%');
    expect(percentText(0.075)).toBe('7.5%');
    expect(percentText(0.07)).toBe('7%');
  });
});

describe('task ids compared by one key', () => {
  it.each([
    ['7', '7'],
    ['７', '7'],
    [' 7 ', '7'],
    ['7.', '7'],
    ['7、', '7'],
    ['１２．', '12'],
  ])('%p → %p', (written, key) => expect(taskIdKey(written)).toBe(key));
});
