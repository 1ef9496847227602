/**
 * How a sheet prints: the scale that keeps body text readable on paper, and whether the sheet
 * then needs more than one page width. Fitting every column onto one page width (Excel's "fit
 * to 1 page wide") shrank an 18-column task list to about 5 pt on A4; the scale here never goes
 * below what keeps body text at MIN_PRINTED_PT, and a sheet wider than that prints on further
 * page widths with its key columns repeated on each (print-title columns), as an auditor would
 * lay out a wide 清单 by hand. Hiding columns from print is not an option: Excel has no
 * print-only hiding, and a hidden column is hidden from the clerk on screen too.
 */
import { type PrintSpec, columnLetter } from './spec';

export type Paper = 'A4' | 'A3';
export const PAPERS: readonly Paper[] = ['A4', 'A3'];

/** Paper size in points, portrait (ISO 216). */
export const PAPER_POINTS: Record<Paper, { width: number; height: number }> = {
  A4: { width: 595.28, height: 841.89 },
  A3: { width: 841.89, height: 1190.55 },
};

/** The smallest body text a person reads comfortably on paper, in points. */
export const MIN_PRINTED_PT = 9;

/** Left + right margins both hosts use by default (Excel's "Normal": 0.7 inch each side). */
const SIDE_MARGINS_PT = 2 * 0.7 * 72;

/** Excel's scale is a whole percentage between 10 and 400. */
const MAX_SCALE = 100;

/**
 * The printed width in points of a column `width` Excel character units wide, at 100 %. Excel
 * with Calibri 11 takes 7 px a unit (5.25 pt); LibreOffice with the CJK fonts a Chinese desk has
 * takes 7 pt (measured in its PDFs). The wider measure is used, so a sheet is never under-measured
 * into spilling onto a page width nobody planned for.
 */
export function columnPoints(width: number): number {
  return width * 7;
}

/** The width across the page the paper leaves for cells, in points. */
export function printableWidth(paper: Paper, orientation: PrintSpec['orientation']): number {
  const p = PAPER_POINTS[paper];
  return (orientation === 'landscape' ? p.height : p.width) - SIDE_MARGINS_PT;
}

export interface PrintPlan {
  /** whole percent */
  scale: number;
  /** page widths the sheet takes at that scale (counting the repeated title columns on each) */
  pagesWide: number;
  /** the body text's size on paper, points */
  printedBodyPt: number;
  /** how many leading columns the first page width holds */
  firstPageColumns: number;
}

/**
 * The largest scale up to 100 % at which the columns fit one page width, unless that would
 * print `bodyFontPt` text below MIN_PRINTED_PT: then the least scale that keeps it readable,
 * across as many page widths as it takes. `titleColumns` (leading columns repeated on every
 * page width) count once per page.
 */
export function printPlan(
  columnWidths: readonly number[],
  opts: { paper: Paper; orientation: PrintSpec['orientation']; bodyFontPt: number; titleColumns?: number },
): PrintPlan {
  const page = printableWidth(opts.paper, opts.orientation);
  const points = columnWidths.map(columnPoints);
  const total = points.reduce((a, b) => a + b, 0);
  const least = Math.min(MAX_SCALE, Math.ceil((100 * MIN_PRINTED_PT) / opts.bodyFontPt));
  const fit = Math.floor((100 * page) / Math.max(1, total));
  const scale = Math.max(least, Math.min(MAX_SCALE, fit));
  const room = (page * 100) / scale;
  let firstPageColumns = 0;
  for (let used = 0; firstPageColumns < points.length && used + points[firstPageColumns] <= room; firstPageColumns++)
    used += points[firstPageColumns];
  return {
    scale,
    pagesWide: pagesAcross(points, room, opts.titleColumns ?? 0),
    printedBodyPt: (opts.bodyFontPt * scale) / 100,
    firstPageColumns: Math.max(1, firstPageColumns),
  };
}

/** Page widths the columns take when each page holds `room` points and repeats the first `titles` columns. */
function pagesAcross(points: number[], room: number, titles: number): number {
  const repeated = points.slice(0, titles).reduce((a, b) => a + b, 0);
  let pages = 1;
  let used = repeated;
  for (const w of points.slice(titles)) {
    if (used + w > room + 0.01 && used > repeated) {
      pages++;
      used = repeated;
    }
    used += w;
  }
  return pages;
}

/**
 * The print setup of a sheet of these columns: landscape on `paper`, at the plan's scale, with
 * `titleColumns` leading columns repeated when the sheet needs more than one page width.
 */
export function printSetup(
  columnWidths: readonly number[],
  opts: {
    paper?: Paper;
    bodyFontPt: number;
    titleColumns?: number;
    titleRows?: string;
    area?: string;
    orientation?: PrintSpec['orientation'];
  },
): PrintSpec {
  const paper = opts.paper ?? 'A4';
  const orientation = opts.orientation ?? 'landscape';
  const plan = (titleColumns: number) => printPlan(columnWidths, { paper, orientation, bodyFontPt: opts.bodyFontPt, titleColumns });
  // As many of the key columns as repeat without costing a page width more than the first
  // alone would (on A4 the task list's 序号 alone; on A3 序号, 类别 and 重点任务).
  let titles = opts.titleColumns ?? 0;
  while (titles > 1 && plan(titles).pagesWide > plan(1).pagesWide) titles--;
  const pagesWide = plan(titles).pagesWide;
  const scale = plan(titles).scale;
  return {
    orientation,
    paper,
    scale,
    ...(opts.titleRows ? { titleRows: opts.titleRows } : {}),
    ...(pagesWide > 1 && titles > 0 ? { titleColumns: `$A:$${columnLetter(titles - 1)}` } : {}),
    // A wide sheet's page widths print one after the other, so each task's halves lie together.
    ...(pagesWide > 1 ? { overThenDown: true } : {}),
    ...(opts.area ? { area: opts.area } : {}),
  };
}
