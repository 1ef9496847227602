import { parseSchedule } from '../../src/core/text/milestones';
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
