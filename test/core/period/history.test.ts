import {
  buildHistorySheet,
  parseHistory,
  previousPeriod,
  withPeriod,
  emptyHistory,
  figuresOf,
  samePeriod,
} from '../../../src/core/period/history';

describe('period history', () => {
  it('survives its own sheet and keeps periods in time order whatever order they were added', () => {
    let h = withPeriod(emptyHistory(), '2024年第3季度', ['新密市'], [{ county: '新密市', task: '01', value: 30, status: '滞后' }]);
    h = withPeriod(h, '2024年上半年', ['新密市', '登封市'], [{ county: '登封市', task: '01', value: null, status: '' }]);
    expect(h.periods).toEqual(['2024年上半年', '2024年第3季度']);
    const back = parseHistory(buildHistorySheet(h)!.values);
    expect(back).toEqual(h);
    expect(figuresOf(back, '2024年第3季度', '新密市').get('01')?.value).toBe(30);
    expect(previousPeriod(back, '2024年三季度')).toBe('2024年上半年');
    expect(previousPeriod(back, '2024年第4季度')).toBe('2024年第3季度');
  });
  it('replaces a period rolled up again instead of counting it twice', () => {
    let h = withPeriod(emptyHistory(), '2024Q3', ['新密市'], [{ county: '新密市', task: '1', value: 10, status: '' }]);
    h = withPeriod(h, '2024年第3季度', ['新密市', '登封市'], [{ county: '新密市', task: '1', value: 12, status: '' }]);
    expect(h.periods).toEqual(['2024Q3']);
    expect(h.figures).toHaveLength(1);
    expect(h.reported['2024Q3']).toEqual(['新密市', '登封市']);
    expect(samePeriod('2024年9月', '2024年第3季度')).toBe(true);
  });
  it('refuses a history a newer keytask wrote', () => {
    expect(() => parseHistory([['kind'], ['period', '2024Q1', null, null, null, null, 9]])).toThrow(/newer|更新版本/);
  });
});
