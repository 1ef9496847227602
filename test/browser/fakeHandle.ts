/**
 * The part of `window.__keytaskFake` both browser fakes (fakeOffice.ts for Excel, fakeEt.ts for
 * WPS) give alike: they keep cells in the same FakeWorkbookState. No Node APIs: this is bundled.
 */
import { parseLocal } from '../support/fakeExcel/address';
import type { FakeWorkbookState, Scalar } from '../support/fakeExcel/state';

export interface WorkbookHandle {
  sheetNames(): string[];
  sheetValues(name: string): Scalar[][];
  addSheet(name: string, values: unknown[][]): void;
  /** types `value` into one cell, as a clerk would ('' empties it) */
  setCell(sheet: string, address: string, value: unknown): void;
  /** what `range.values` reports for one cell */
  cellValue(sheet: string, address: string): Scalar;
  /** the cell's fill colour, '' for none */
  fill(sheet: string, address: string): string;
}

export function workbookHandle(book: FakeWorkbookState): WorkbookHandle {
  const sheetOf = (name: string) => {
    const sheet = book.sheet(name);
    if (!sheet) throw new Error(`no sheet '${name}'`);
    return sheet;
  };
  const cellAt = (address: string): { r: number; c: number } => {
    const b = parseLocal(address);
    if (!b || b.row1 !== b.row2 || b.col1 !== b.col2) throw new Error(`not one cell: ${address}`);
    return { r: b.row1, c: b.col1 };
  };
  return {
    sheetNames: () => book.sheetNames(),
    sheetValues: (name) => book.valuesOf(name),
    addSheet: (name, values) => {
      if (!book.sheet(name)) book.addSheet(name);
      if (values.length > 0) book.type(name, 'A1', values);
    },
    setCell: (sheet, address, value) => {
      const { r, c } = cellAt(address);
      sheetOf(sheet).writeInput(r, c, value);
    },
    cellValue: (sheet, address) => {
      const { r, c } = cellAt(address);
      return sheetOf(sheet).value(r, c);
    },
    fill: (sheet, address) => {
      const { r, c } = cellAt(address);
      return String(sheetOf(sheet).cell(r, c)?.style['fill.color'] ?? '');
    },
  };
}
