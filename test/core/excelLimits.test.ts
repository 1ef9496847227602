/** Excel's limits and input rules, shared by both hosts. */
import {
  MAX_CELL_TEXT,
  TRUNCATED_MARK,
  capCellText,
  clampRowHeight,
  excelWouldConvert,
  illegalSheetName,
} from '../../src/core/sheet/excelLimits';

describe('Excel limits', () => {
  it('finds the strings a General cell would not keep as typed', () => {
    for (const s of ['2023-1', '1/2', '50%', '1,000', 'TRUE', 'false', '(5)', '123456789012345678', '1-Jan', 'Jan-23', '12:30 PM']) {
      expect([s, excelWouldConvert(s)]).toEqual([s, true]);
    }
    for (const s of ['2023年1月', '=1+1', '-2025年', '@x', '+86', ' 42 ', '¥5', '1e3'])
      expect([s, excelWouldConvert(s)]).toEqual([s, true]);
    for (const s of ['已完成', '2025年完成', '10家', '1.2万亿元', 'A1', '市工信局', '', '持续推进']) {
      expect([s, excelWouldConvert(s)]).toEqual([s, false]);
    }
  });

  it('caps a cell’s text at 32,767 characters with a visible mark, never halving a surrogate pair', () => {
    expect(capCellText('短')).toBe('短');
    const long = capCellText('字'.repeat(40000));
    expect(long).toHaveLength(MAX_CELL_TEXT);
    expect(long.endsWith(TRUNCATED_MARK)).toBe(true);
    const wide = capCellText('𠀀'.repeat(20000));
    expect(wide.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(wide.slice(0, -TRUNCATED_MARK.length)).toBe('𠀀'.repeat((wide.length - TRUNCATED_MARK.length) / 2));
  });

  it('caps row heights and knows the sheet names Excel refuses', () => {
    expect(clampRowHeight(612)).toBe(409);
    expect(clampRowHeight(20)).toBe(20);
    for (const n of ['History', 'HISTORY', 'a/b', "'x", 'x'.repeat(32), '𠀀'.repeat(16), ' '])
      expect([n, illegalSheetName(n)]).toEqual([n, true]);
    for (const n of ['新密市', 'x'.repeat(31), '𠀀'.repeat(15), 'Histories']) expect([n, illegalSheetName(n)]).toEqual([n, false]);
  });
});
