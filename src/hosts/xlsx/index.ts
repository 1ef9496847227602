export { renderWorkbook, toBuffer, writeXlsx, listFormula } from './writeWorkbook';
export { readXlsx, keytaskSheetsOf, type ReadWorkbook, type ReadSheetData, type ReadValue } from './readWorkbook';
export { XlsxReadError, type XlsxReadReason } from './errors';
