/**
 * What the fake ET keeps of a sheet beyond cells, merges and names (which live in the fake
 * Excel's FakeSheet and FakeWorkbookState, shared so both fakes store a cell the same way): the
 * records of checks, highlights, links, page setup, panes, sizes and tab, in ET's own terms.
 */
import type { EtChartRecord } from './charts';
import type { EtPageSetup, EtValidation } from '../../../src/hosts/wps/et';
import type { Bounds } from '../fakeExcel/address';
import type { FakeSheet } from '../fakeExcel/state';

/** A check as ET holds it: what Validation.Add took, and the check's properties (et.ts). */
export type EtValidationRecord = {
  bounds: Bounds;
  Type: number;
  AlertStyle: number;
  Operator: number;
  Formula1: string;
  Formula2: string;
} & Pick<
  EtValidation,
  'IgnoreBlank' | 'InCellDropdown' | 'ShowInput' | 'ShowError' | 'InputTitle' | 'InputMessage' | 'ErrorTitle' | 'ErrorMessage'
>;

export interface EtFormatConditionRecord {
  bounds: Bounds;
  Type: number;
  Formula1: string;
  /** Interior.Color, a BGR long; undefined until set */
  interiorColor?: number;
  /** Font.Color, a BGR long; undefined until set */
  fontColor?: number;
}

/** A data bar (FormatConditions.AddDatabar): its bounds once modified, colour and fill type. */
export interface EtDatabarRecord {
  bounds: Bounds;
  min?: { type: number; value: number | string | undefined };
  max?: { type: number; value: number | string | undefined };
  /** BarColor.Color, a BGR long */
  color?: number;
  /** XlDataBarFillType; a new bar is gradient (1), as in Excel 2010 and later */
  fillType: number;
}

export interface EtHyperlinkRecord {
  bounds: Bounds;
  Address: string;
  SubAddress: string;
  TextToDisplay: string;
}

/** PageSetup's properties, as et.ts lists them. */
export type EtPageSetupRecord = EtPageSetup;

export interface EtSheetRecord {
  validations: EtValidationRecord[];
  formatConditions: EtFormatConditionRecord[];
  dataBars: EtDatabarRecord[];
  hyperlinks: EtHyperlinkRecord[];
  /** embedded charts, in the order added */
  charts: EtChartRecord[];
  pageSetup: EtPageSetupRecord;
  /** rows and columns frozen in the sheet's window */
  freeze: { rows: number; columns: number };
  /** the window's split while not frozen yet */
  split: { rows: number; columns: number };
  /** ColumnWidth in characters, by 0-based column */
  columnWidths: Map<number, number>;
  /** RowHeight in points, by 0-based row */
  rowHeights: Map<number, number>;
  /** Tab.Color as a BGR long, or null for none */
  tabColor: number | null;
  autoFilter: Bounds | null;
  /** the selected cell, top-left of the last Select */
  activeCell: { row: number; col: number };
}

const records = new WeakMap<FakeSheet, EtSheetRecord>();

/** A new sheet's defaults: Excel's (PageSetup defaults to portrait, Zoom 100; no tab colour). */
export function recordOf(sheet: FakeSheet): EtSheetRecord {
  let r = records.get(sheet);
  if (!r) {
    r = {
      validations: [],
      formatConditions: [],
      dataBars: [],
      hyperlinks: [],
      charts: [],
      pageSetup: {
        Orientation: 1,
        PaperSize: 1,
        PrintTitleRows: '',
        PrintTitleColumns: '',
        Order: 1,
        PrintArea: '',
        Zoom: 100,
        FitToPagesWide: 1,
        FitToPagesTall: 1,
      },
      freeze: { rows: 0, columns: 0 },
      split: { rows: 0, columns: 0 },
      columnWidths: new Map(),
      rowHeights: new Map(),
      tabColor: null,
      autoFilter: null,
      activeCell: { row: 0, col: 0 },
    };
    records.set(sheet, r);
  }
  return r;
}
