/**
 * The only door to Office.js. Everything else in the Excel host takes an `ExcelApi`, so tests
 * and the browser harness can hand in a fake Excel instead of the real one.
 */

export interface ExcelApi {
  run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(set: string, version: string): boolean;
}

/**
 * The manifest asks for ExcelApi 1.8 (data validation); newer features are checked at run time
 * against this set.
 */
export const MIN_EXCEL_API = '1.8';
/** Page layout (orientation, paper, print titles, print area) and RangeAreas arrived in ExcelApi 1.9. */
export const PAGE_LAYOUT_API = '1.9';

export function officeExcelApi(): ExcelApi {
  return {
    run: <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => Excel.run(batch),
    isSetSupported: (set: string, version: string): boolean => Office.context.requirements.isSetSupported(set, version),
  };
}
