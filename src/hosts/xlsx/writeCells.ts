/**
 * A few cells written into an existing .xlsx, everything else kept: what `validate --fill-status`
 * needs, where re-generating the workbook would rewrite what the clerks laid out. ExcelJS loads
 * the package and writes it again; it keeps values, styles, dropdowns, conditional formats,
 * defined names and (very) hidden sheets, but not charts, which it cannot write.
 */
import ExcelJS from 'exceljs';

export interface CellWrite {
  sheet: string;
  /** A1 */
  cell: string;
  value: string;
}

/** `input` with each write's cell set to its text; a sheet the package lacks is an error. */
export async function writeCellsInto(input: Uint8Array, writes: readonly CellWrite[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(input as unknown as ArrayBuffer);
  for (const w of writes) {
    const ws = wb.getWorksheet(w.sheet);
    if (!ws) throw new Error(`no sheet named '${w.sheet}'`);
    ws.getCell(w.cell).value = w.value;
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
