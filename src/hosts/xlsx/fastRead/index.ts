/**
 * The values-only .xlsx reader: unzips the package and scans the few parts that hold values
 * (workbook, its relationships, shared strings, the number formats of styles.xml, each sheet's
 * cells and merged ranges) without building ExcelJS's model of styles, columns, views and the
 * rest. Several times faster than ExcelJS's full load, which is what a roll-up of hundreds of
 * county files spends its time on.
 *
 * It gives exactly what excelJsRead.ts gives for the same file: each rule below follows what
 * ExcelJS 4.4 does (its SAX decoding, its second decoding of some strings, its date formats,
 * which duplicate wins), and the tests compare the two readers on many workbooks. Where ExcelJS
 * does something this reader does not follow (a strict-OOXML file, `t="d"` cells, a 1904 date
 * system written `true`, odd names or sheet ids, markup in unexpected places) it throws
 * `Unsupported` and readXlsxBuffer reads the file with ExcelJS instead. Where ExcelJS would fail
 * or give a meaningless value, this reader gives the plain one (see the notes at `cellValue`
 * and `parseRows` in sheet.ts). It does not parse what it does not need (drawings, comments, validations,
 * the sheet after its merged ranges), so a file ExcelJS fails on there reads here.
 *
 * Browser-safe: the package is opened through an `OpenZip` (jszip unless the caller has a
 * faster one).
 */
import { type ReadSheetData, type ReadWorkbook } from '../readTypes';
import { type OpenZip, type ZipPackage, bounded, openWithJsZip } from '../zipPackage';
import { Unsupported } from '../xmlScan';
import { parseSharedStrings } from './sharedStrings';
import { type Context, parseSheet, sheetXml, utf8 } from './sheet';
import { parseStyles } from './styles';
import { type SheetDef, checkSheetName, parseRels, parseWorkbook } from './workbook';

export { Unsupported } from '../xmlScan';
export { BUILTIN_FORMATS, isDateFormat } from './styles';
export { columnLetters } from './sheet';

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';
/** Which package files ExcelJS parses as worksheets (not anchored, as in ExcelJS). */
const WORKSHEET_FILE = /xl\/worksheets\/sheet(\d+)[.]xml/;
const WORKSHEET_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

async function optionalText(pkg: ZipPackage, name: string): Promise<string | undefined> {
  return pkg.names.includes(name) ? utf8.decode(await pkg.bytes(name)) : undefined;
}

/**
 * Reads a workbook's values, sheet states, merged ranges and workbook-level defined names.
 * Throws (`Unsupported` or the zip reader's error) where the file is better left to ExcelJS,
 * and LimitExceeded where it is too large to read at all.
 */
export async function fastReadXlsx(bytes: Uint8Array, openZip: OpenZip = openWithJsZip): Promise<ReadWorkbook> {
  return fastReadPackage(bounded(await openZip(bytes)));
}

/** fastReadXlsx on a package already opened (and bounded: see zipPackage.ts). */
export async function fastReadPackage(pkg: ZipPackage): Promise<ReadWorkbook> {
  const workbookXml = await optionalText(pkg, WORKBOOK);
  const relsXml = await optionalText(pkg, WORKBOOK_RELS);
  if (workbookXml === undefined || relsXml === undefined) throw new Unsupported('no workbook part');
  const workbook = parseWorkbook(workbookXml);
  const rels = parseRels(relsXml);
  const stringsXml = await optionalText(pkg, SHARED_STRINGS);
  const stylesXml = await optionalText(pkg, STYLES);
  const styles = stylesXml === undefined ? undefined : parseStyles(stylesXml);
  const ctx: Context = {
    sheet: '',
    strings: stringsXml === undefined ? undefined : parseSharedStrings(stringsXml),
    dateStyles: styles === undefined ? undefined : (styles?.date ?? null),
    percentStyles: styles?.percent,
    date1904: workbook.date1904,
    rowNumber: 0,
    percentCells: [],
  };

  // ExcelJS keeps the sheets whose relationship leads to a file it parsed as a worksheet
  // (chart sheets drop out), in the workbook's order. Where that leaves none (a package whose
  // sheets are not named sheetN.xml, which ExcelJS reads as empty), the worksheet relationships
  // say which parts are sheets.
  const worksheetFiles = new Set(pkg.names.filter((n) => WORKSHEET_FILE.test(n)));
  const partOf = (def: SheetDef): string | null => {
    const rel = def.rId === undefined ? undefined : rels.get(def.rId);
    if (rel === undefined) return null;
    if (rel.target === undefined) throw new Unsupported('relationship without target');
    return `xl/${rel.target.replace(/^(\s|\/xl\/)+/, '')}`;
  };
  const byExcelJs = workbook.sheets.some((def) => worksheetFiles.has(partOf(def) ?? ''));
  const isSheet = (def: SheetDef, part: string): boolean =>
    byExcelJs ? worksheetFiles.has(part) : rels.get(def.rId ?? '')?.type === WORKSHEET_REL && pkg.names.includes(part);
  const ids = new Set<number>();
  const names = new Set<string>();
  const sheets: ReadSheetData[] = [];
  for (const def of workbook.sheets) {
    const part = partOf(def);
    if (part === null || !isSheet(def, part)) continue;
    // ExcelJS files sheets by id and checks their names.
    if (!(def.id >= 1) || ids.has(def.id)) throw new Unsupported(`sheet id ${def.id}`);
    ids.add(def.id);
    checkSheetName(def.name, names);
    const { grid, merges, percentCells } = parseSheet(sheetXml(await pkg.bytes(part)), { ...ctx, sheet: def.name });
    sheets.push({ name: def.name, state: def.state, grid, merges, ...(percentCells.length ? { percentCells } : {}) });
  }
  if (sheets.length === 0) throw new Unsupported('no worksheets');
  return { sheets, names: workbook.names };
}
