import { XlsxReadError } from '../../src/hosts/xlsx/errors';
import { readXlsxBuffer } from '../../src/hosts/xlsx/readXlsxBuffer';
import { readSubmissionFiles } from '../../src/hosts/xlsx/submissionFiles';

describe('readSubmissionFiles: one county-file reader for the CLI and the pane', () => {
  const workbook = { sheets: [{ name: 'Sheet1', state: 'visible' as const, grid: [['1']] }], names: [{ name: 'n', ref: 'Sheet1!$A$1' }] };

  it('reads what it can, names what it cannot in the user’s words, and reports each file', async () => {
    const seen: string[] = [];
    const bytes = new TextEncoder().encode('just text');
    for (const lang of ['zh', 'en'] as const) {
      const out = await readSubmissionFiles(
        [
          { name: 'a.xlsx', read: async () => workbook },
          { name: 'notes.xlsx', read: () => readXlsxBuffer(bytes, 'notes.xlsx') },
          { name: 'gone.xlsx', read: () => Promise.reject(new XlsxReadError('gone.xlsx', 'missing', 'no such file')) },
        ],
        { lang, onFile: (name) => seen.push(name) },
      );
      expect(out.read).toEqual([{ name: 'a.xlsx', grids: workbook.sheets, names: workbook.names }]);
      expect(out.unreadable.map((u) => [u.name, u.reason])).toEqual([
        ['notes.xlsx', 'notXlsx'],
        ['gone.xlsx', 'missing'],
      ]);
      expect(out.unreadable[0].detail).toMatch(lang === 'zh' ? /^该文件不是 Excel 工作簿/ : /^the file is not an Excel workbook/);
    }
    expect(seen).toEqual(['a.xlsx', 'notes.xlsx', 'gone.xlsx', 'a.xlsx', 'notes.xlsx', 'gone.xlsx']);
  });

  it('throws anything but an XlsxReadError: that is a bug, not a county’s file', async () => {
    const bug = new TypeError('x is undefined');
    await expect(readSubmissionFiles([{ name: 'a.xlsx', read: () => Promise.reject(bug) }], { lang: 'zh' })).rejects.toBe(bug);
  });
});
