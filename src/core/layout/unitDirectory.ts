/**
 * The unit directory sheet (单位名录): every office that may lead or cooperate on a task.
 * The lead-unit dropdowns of all task sheets draw from it through the KT_UNITS name, so
 * adding a row here adds a choice everywhere.
 */
import type { Label, Lang } from '../i18n';
import { type CellValue, type SheetSpec, rangeAddress } from '../sheet/spec';

export const UNITS_SHEET_NAME: Label = { zh: '单位名录', en: 'Unit directory' };
export const UNITS_HEADERS: Label[] = [
  { zh: '单位名称', en: 'Unit' },
  { zh: '备注', en: 'Notes' },
];
/** Rows the directory name covers, so clerks can add units below the generated ones. */
export const UNITS_CAPACITY = 500;

/** The range the KT_UNITS name refers to, relative to the directory sheet. */
export function unitsRange(unitCount: number): string {
  return `$A$2:$A$${Math.max(UNITS_CAPACITY, unitCount + 100) + 1}`;
}

export function buildUnitDirectory(
  units: string[],
  lang: Lang,
  name = UNITS_SHEET_NAME[lang],
  notes: Record<string, string> = {},
): SheetSpec {
  const values: CellValue[][] = [UNITS_HEADERS.map((h) => h[lang]), ...units.map((u) => [u, notes[u] ?? null])];
  const lastRow = Math.max(values.length - 1, 1);
  return {
    key: 'units',
    name,
    kind: 'units',
    visibility: 'visible',
    columnWidths: [36, 30],
    values,
    formats: [
      { range: 'A1:B1', style: { bold: true, fill: 'D9E1F2', border: true, hAlign: 'center' } },
      { range: rangeAddress(1, 0, lastRow, 1), style: { numFmt: '@' } },
    ],
    merges: [],
    validations: [],
    conditionalFormats: [],
    freeze: { rows: 1, columns: 0 },
    print: { orientation: 'portrait', paper: 'A4', titleRows: '$1:$1', fitToWidth: true },
    tabColor: 'A5A5A5',
  };
}
