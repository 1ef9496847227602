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
 * against the sets below.
 */
export const MIN_EXCEL_API = '1.8';

/**
 * What keytask uses beyond ExcelApi 1.8, and the set each arrived in. Each is looked up in the
 * API reference, where every member names its set, and the sets in "Excel JavaScript API
 * requirement sets",
 * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets
 */
export const CAPABILITY_API = {
  /** Worksheet.pageLayout (orientation, paper, print titles, print area): "ExcelApi 1.9",
   * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-9-requirement-set */
  pageLayout: '1.9',
  /** Worksheet.getRanges / RangeAreas: one format or check for many ranges (same page, 1.9) */
  rangeAreas: '1.9',
  /** Worksheet.autoFilter (same page, 1.9) */
  autoFilter: '1.9',
  /** Range.copyFrom: a sheet's layout pasted from another (same page, 1.9) */
  pasteRanges: '1.9',
  /** RangeFill.pattern, which tells "no fill" from a white fill (same page, 1.9) */
  fillPattern: '1.9',
  /** Workbook.comments: "ExcelApi 1.10",
   * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-10-requirement-set */
  comments: '1.10',
  /** Range.getMergedAreasOrNullObject: "ExcelApi 1.13",
   * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-13-requirement-set */
  mergedAreas: '1.13',
  /** Worksheet.notes: "ExcelApi 1.18",
   * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-18-requirement-set */
  notes: '1.18',
} as const;

export type Capability = keyof typeof CAPABILITY_API;

/** What this Excel can do of what keytask uses beyond ExcelApi 1.8; without one, keytask does without it. */
export type Capabilities = Record<Capability, boolean>;

export function capabilitiesOf(api: Pick<ExcelApi, 'isSetSupported'>): Capabilities {
  const entries = Object.entries(CAPABILITY_API) as Array<[Capability, string]>;
  return Object.fromEntries(entries.map(([c, version]) => [c, api.isSetSupported('ExcelApi', version)])) as Capabilities;
}

export function officeExcelApi(): ExcelApi {
  return {
    run: <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => Excel.run(batch),
    isSetSupported: (set: string, version: string): boolean => Office.context.requirements.isSetSupported(set, version),
  };
}
