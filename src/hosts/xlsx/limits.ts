/**
 * What reading a file may cost. A workbook within these limits reads in bounded time and memory;
 * one beyond them is refused with the limit named (XlsxReadError, reason `tooLarge`), never
 * half-read. The sizes are checked while unzipping, against what each part really inflates to
 * (a zip's declared sizes are a ceiling the inflater is held to, not taken on trust).
 */
export const LIMITS = {
  /** one part (a sheet's XML, the shared strings …) unzipped */
  partBytes: 256 * 1024 * 1024,
  /** all the parts read from one package, unzipped */
  packageBytes: 512 * 1024 * 1024,
  /** a sheet's cells, each row counted from column A to its last filled cell */
  sheetCells: 10_000_000,
  /**
   * all the parts of a workbook the values-only reader leaves to ExcelJS, unzipped: ExcelJS
   * builds a model of everything, at many times the file's size
   */
  fallbackBytes: 64 * 1024 * 1024,
  /** the body of a .docx (`word/document.xml`) unzipped */
  docxBodyBytes: 64 * 1024 * 1024,
} as const;

export type LimitName = keyof typeof LIMITS;

/** A limit as people read it: `256 MB`, `10,000,000 cells`. */
export function limitText(name: LimitName): string {
  const v = LIMITS[name];
  return name === 'sheetCells' ? v.toLocaleString('en-US') : `${Math.round(v / (1024 * 1024))} MB`;
}

/** Thrown where reading would pass a limit; readXlsxBuffer turns it into a refusal. */
export class LimitExceeded extends Error {
  constructor(
    readonly limit: LimitName,
    readonly where: string,
  ) {
    super(`${where}: over the ${limit} limit (${limitText(limit)})`);
    this.name = 'LimitExceeded';
  }
}
