import { columnsFor } from '../../../src/core/layout/columns';
import { MIN_PRINTED_PT, columnPoints, printPlan, printSetup, printableWidth } from '../../../src/core/sheet/printPlan';

const taskWidths = columnsFor([2023, 2024, 2025]).map((c) => c.width);

describe('printPlan', () => {
  it('prints a narrow sheet at full size on one page width', () => {
    const p = printPlan([6, 20, 30], { paper: 'A4', orientation: 'landscape', bodyFontPt: 10 });
    expect(p).toMatchObject({ scale: 100, pagesWide: 1, printedBodyPt: 10, firstPageColumns: 3 });
  });

  it('shrinks a sheet a little wider than the page, to fit it on one width', () => {
    const page = printableWidth('A4', 'landscape');
    // 5 % wider than the page: 95 % fits and keeps 10-pt text at 9.5 pt
    const widths = [(page * 1.05) / columnPoints(1)];
    const p = printPlan(widths, { paper: 'A4', orientation: 'landscape', bodyFontPt: 10 });
    expect(p.scale).toBe(95);
    expect(p.pagesWide).toBe(1);
  });

  it('never prints body text below 9 pt: a wide sheet goes onto more page widths instead', () => {
    for (const paper of ['A4', 'A3'] as const)
      for (const bodyFontPt of [9, 10, 11, 12]) {
        const p = printPlan(taskWidths, { paper, orientation: 'landscape', bodyFontPt });
        expect(p.printedBodyPt).toBeGreaterThanOrEqual(MIN_PRINTED_PT);
        expect(p.scale).toBeLessThanOrEqual(100);
      }
    const a4 = printPlan(taskWidths, { paper: 'A4', orientation: 'landscape', bodyFontPt: 10 });
    const a3 = printPlan(taskWidths, { paper: 'A3', orientation: 'landscape', bodyFontPt: 10 });
    expect(a4.scale).toBe(90);
    expect(a4.pagesWide).toBeGreaterThan(a3.pagesWide);
    expect(a3.pagesWide).toBe(2);
  });

  it('counts repeated title columns on every page width', () => {
    const widths = new Array(12).fill(20);
    const plain = printPlan(widths, { paper: 'A4', orientation: 'landscape', bodyFontPt: 10 });
    const titled = printPlan(widths, { paper: 'A4', orientation: 'landscape', bodyFontPt: 10, titleColumns: 2 });
    expect(titled.pagesWide).toBeGreaterThanOrEqual(plain.pagesWide);
  });

  it('A3 holds more than A4', () => {
    expect(printableWidth('A3', 'landscape')).toBeGreaterThan(printableWidth('A4', 'landscape'));
    expect(printableWidth('A4', 'landscape')).toBeGreaterThan(printableWidth('A4', 'portrait'));
  });
});

describe('printSetup', () => {
  it('repeats the key columns and prints across before down when a sheet takes more than one page width', () => {
    const a3 = printSetup(taskWidths, { paper: 'A3', bodyFontPt: 10, titleColumns: 3, titleRows: '$4:$5' });
    expect(a3).toMatchObject({
      paper: 'A3',
      orientation: 'landscape',
      scale: 90,
      titleColumns: '$A:$C',
      titleRows: '$4:$5',
      overThenDown: true,
    });
    expect(a3.fitToWidth).toBeUndefined();
  });

  it('repeats fewer key columns where all of them would cost a page width more', () => {
    const a4 = printSetup(taskWidths, { paper: 'A4', bodyFontPt: 10, titleColumns: 3 });
    const all = printPlan(taskWidths, { paper: 'A4', orientation: 'landscape', bodyFontPt: 10, titleColumns: 3 });
    const one = printPlan(taskWidths, { paper: 'A4', orientation: 'landscape', bodyFontPt: 10, titleColumns: 1 });
    if (all.pagesWide > one.pagesWide) expect(a4.titleColumns).not.toBe('$A:$C');
    expect(a4.titleColumns).toMatch(/^\$A:\$[AB]$/);
  });

  it('sets no title columns on a sheet that fits one page width', () => {
    const s = printSetup([6, 20, 30], { bodyFontPt: 10, titleColumns: 2 });
    expect(s).toEqual({ orientation: 'landscape', paper: 'A4', scale: 100 });
  });
});
