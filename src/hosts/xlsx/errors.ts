/** Kept apart from the reader so callers can recognise the error without loading ExcelJS. */
export type XlsxReadReason = 'missing' | 'notXlsx';

/** The file could not be opened as a workbook; `reason` lets a caller word it in its own language. */
export class XlsxReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: XlsxReadReason,
    detail: string,
  ) {
    super(reason === 'missing' ? `cannot read ${file}: ${detail}` : `${file} is not a readable .xlsx workbook (${detail})`);
    this.name = 'XlsxReadError';
  }
}
