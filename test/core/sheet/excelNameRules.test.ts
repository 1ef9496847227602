import { TRUNCATED_MARK, MAX_CELL_TEXT, capCellText, legalSheetName, sheetNameProblem, xmlSafe } from '../../../src/core/sheet/excelLimits';

describe("Excel's rules for names and text", () => {
  it('names what is wrong with a sheet name', () => {
    expect(sheetNameProblem('新密市')).toBeNull();
    expect(sheetNameProblem('')).toBe('empty');
    expect(sheetNameProblem('x'.repeat(32))).toBe('tooLong');
    expect(sheetNameProblem('a/b')).toBe('forbidden');
    expect(sheetNameProblem('history')).toBe('reserved');
    expect(sheetNameProblem("'a")).toBe('apostrophe');
    expect(sheetNameProblem('a\x1bb')).toBe('control');
    // 16 characters outside the BMP are 32 UTF-16 units: too long for Excel.
    expect(sheetNameProblem('𠀀'.repeat(16))).toBe('tooLong');
  });

  it('makes any wanted name legal', () => {
    for (const wanted of ['History', 'a/b:c', "'x'", 'a\x1b[31mb', '𠀀'.repeat(20), '   ']) {
      expect([wanted, sheetNameProblem(legalSheetName(wanted))]).toEqual([wanted, null]);
    }
    expect(legalSheetName('History')).toBe('History_');
    expect(legalSheetName('𠀀'.repeat(20))).toBe('𠀀'.repeat(15));
  });

  it('keeps text XML can carry and cuts a cell at 32,767 characters, visibly', () => {
    expect(xmlSafe('a\x00b\x1bc\td\ne\uffff')).toBe('abc\td\ne');
    const long = capCellText('字'.repeat(40000));
    expect(long.length).toBe(MAX_CELL_TEXT);
    expect(long.endsWith(TRUNCATED_MARK)).toBe(true);
    expect(capCellText('短')).toBe('短');
  });
});
