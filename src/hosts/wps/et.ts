/**
 * The members of WPS 表格's JavaScript object model (ET, reached as `window.Application` in a WPS
 * add-in) that keytask uses, and nothing more. WPS mirrors Excel's VBA object model: "对象树…
 * 各对象的方法属性的名称和含义均与微软Office保持一致", the constants keep Excel's values under an
 * `et` prefix instead of `xl` ("WPS Office2009的二次开发开发和MS Office二次开发有什么异同",
 * https://dotblogs.com.tw/SkyWorker/2018/03/14/150755). So each member is documented by its Excel
 * VBA page (https://learn.microsoft.com/office/vba/api/overview/excel/object-model).
 *
 * Written by hand because `et-jsapi-declare` (WPS's generated declarations) is not installed; once
 * it is, these interfaces should be checked against it (or replaced by Pick<> of it). Keep the list
 * short: every member here must exist in the fake ET (test/support/fakeEt), which refuses others.
 */

/** XlSheetVisibility: xlSheetVisible -1, xlSheetHidden 0, xlSheetVeryHidden 2 (learn.microsoft.com …/excel.xlsheetvisibility). */
export const XL_SHEET = { visible: -1, hidden: 0, veryHidden: 2 } as const;
/** XlDVType: xlValidateDecimal 2, xlValidateList 3 (…/excel.xldvtype). */
export const XL_VALIDATE = { decimal: 2, list: 3 } as const;
/** XlDVAlertStyle: xlValidAlertStop 1, xlValidAlertWarning 2, xlValidAlertInformation 3 (…/excel.xldvalertstyle). */
export const XL_ALERT = { stop: 1, warning: 2, information: 3 } as const;
/** XlFormatConditionOperator: xlBetween 1, xlGreaterEqual 7 (…/excel.xlformatconditionoperator). */
export const XL_OPERATOR = { between: 1, greaterThanOrEqual: 7 } as const;
/** XlFormatConditionType: xlExpression 2 (…/excel.xlformatconditiontype). */
export const XL_EXPRESSION = 2;
/** XlHAlign: xlLeft -4131, xlCenter -4108, xlRight -4152 (…/excel.xlhalign). */
export const XL_HALIGN = { left: -4131, center: -4108, right: -4152 } as const;
/** XlVAlign: xlTop -4160, xlCenter -4108, xlBottom -4107 (…/excel.xlvalign). */
export const XL_VALIGN = { top: -4160, middle: -4108, bottom: -4107 } as const;
/** XlLineStyle xlContinuous 1, XlBorderWeight xlThin 2 (…/excel.xllinestyle, …/excel.xlborderweight). */
export const XL_CONTINUOUS = 1;
export const XL_THIN = 2;
/** XlPageOrientation: xlPortrait 1, xlLandscape 2; XlPaperSize xlPaperA3 8, xlPaperA4 9 (…/excel.xlpageorientation, …/excel.xlpapersize). */
export const XL_ORIENTATION = { portrait: 1, landscape: 2 } as const;
export const XL_PAPER = { A3: 8, A4: 9 } as const;
/** XlOrder: xlDownThenOver 1, xlOverThenDown 2 (https://learn.microsoft.com/office/vba/api/excel.xlorder). */
export const XL_OVER_THEN_DOWN = 2;
/** XlConditionValueTypes: xlConditionValueNumber 0 (https://learn.microsoft.com/office/vba/api/excel.xlconditionvaluetypes). */
export const XL_CONDITION_VALUE_NUMBER = 0;
/** XlDataBarFillType: xlDataBarFillSolid 0 (https://learn.microsoft.com/office/vba/api/excel.xldatabarfilltype). */
export const XL_DATABAR_FILL_SOLID = 0;
/** XlColorIndex xlColorIndexNone -4142 (…/excel.xlcolorindex): a tab without colour. */
export const XL_COLOR_INDEX_NONE = -4142;

/** A cell value as Value2 gives it: no dates or currency, just numbers, text and booleans. */
export type EtScalar = string | number | boolean | null | undefined;

export interface EtFont {
  Bold: boolean;
  Italic: boolean;
  Size: number;
  /** a BGR long, as VBA's RGB() makes */
  Color: number;
}

export interface EtInterior {
  Color: number;
}

export interface EtBorders {
  LineStyle: number;
  Weight: number;
}

export interface EtValidation {
  Add(Type: number, AlertStyle?: number, Operator?: number, Formula1?: string, Formula2?: string): void;
  Delete(): void;
  IgnoreBlank: boolean;
  InCellDropdown: boolean;
  ShowInput: boolean;
  ShowError: boolean;
  InputTitle: string;
  InputMessage: string;
  ErrorTitle: string;
  ErrorMessage: string;
}

export interface EtFormatCondition {
  Interior: EtInterior;
  readonly Font: { Color: number };
}

/** ConditionValue (https://learn.microsoft.com/office/vba/api/excel.conditionvalue). */
export interface EtConditionValue {
  Modify(NewType: number, NewValue?: number | string): void;
}

/** Databar (https://learn.microsoft.com/office/vba/api/excel.databar). */
export interface EtDatabar {
  readonly MinPoint: EtConditionValue;
  readonly MaxPoint: EtConditionValue;
  readonly BarColor: { Color: number };
  BarFillType: number;
}

export interface EtFormatConditions {
  Add(Type: number, Operator?: number, Formula1?: string): EtFormatCondition;
  /** FormatConditions.AddDatabar (https://learn.microsoft.com/office/vba/api/excel.formatconditions.adddatabar) */
  AddDatabar(): EtDatabar;
  Delete(): void;
  readonly Count: number;
}

export interface EtRange {
  /** values as stored (a formula's result), a 2-D array — or a bare value for one cell */
  Value2: unknown;
  /** what is typed in: a 2-D array of the same shape as the range, or one value for all cells */
  Formula: unknown;
  /** one format for every cell; reading a range of mixed formats gives null */
  NumberFormat: string | null;
  readonly Address: string;
  /** 1-based first row and column */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  /** true, false, or null when the range is partly merged */
  readonly MergeCells: boolean | null;
  readonly MergeArea: EtRange;
  Merge(Across?: boolean): void;
  UnMerge(): void;
  ClearContents(): void;
  ClearFormats(): void;
  Select(): void;
  ColumnWidth: number;
  RowHeight: number;
  UseStandardHeight: boolean;
  UseStandardWidth: boolean;
  HorizontalAlignment: number;
  VerticalAlignment: number;
  WrapText: boolean;
  readonly Font: EtFont;
  readonly Interior: EtInterior;
  readonly Borders: EtBorders;
  readonly Validation: EtValidation;
  readonly FormatConditions: EtFormatConditions;
  AutoFilter(): void;
}

export interface EtPageSetup {
  Orientation: number;
  PaperSize: number;
  PrintTitleRows: string;
  PrintTitleColumns: string;
  /** XlOrder: the order pages are numbered and printed in */
  Order: number;
  PrintArea: string;
  Zoom: number | false;
  FitToPagesWide: number | false;
  FitToPagesTall: number | false;
}

export interface EtWorksheet {
  Name: string;
  Visible: number;
  readonly Index: number;
  readonly Tab: { Color: number; ColorIndex: number };
  readonly UsedRange: EtRange;
  readonly PageSetup: EtPageSetup;
  /** true while the sheet shows a filter; set to false to take it off */
  AutoFilterMode: boolean;
  Range(address: string): EtRange;
  Activate(): void;
  Delete(): boolean;
  Move(Before?: EtWorksheet, After?: EtWorksheet): void;
}

export interface EtWorksheets {
  readonly Count: number;
  /** 1-based index, or a sheet's name */
  Item(index: number | string): EtWorksheet;
  Add(Before?: EtWorksheet, After?: EtWorksheet): EtWorksheet;
}

export interface EtName {
  readonly Name: string;
  /** `='Sheet'!$A$1:$A$9` */
  readonly RefersTo: string;
  Delete(): void;
}

export interface EtNames {
  readonly Count: number;
  Item(index: number | string): EtName;
  Add(Name: string, RefersTo: string): EtName;
}

export interface EtWindow {
  FreezePanes: boolean;
  SplitRow: number;
  SplitColumn: number;
  ScrollRow: number;
  ScrollColumn: number;
}

export interface EtWorkbook {
  readonly Worksheets: EtWorksheets;
  readonly Names: EtNames;
  readonly ActiveSheet: EtWorksheet;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook;
  readonly ActiveWindow: EtWindow;
  DisplayAlerts: boolean;
  ScreenUpdating: boolean;
}

/** RRGGBB → the BGR long VBA's colour properties take (RGB(r, g, b) = r + g·256 + b·65536). */
export function bgr(rgb: string): number {
  const n = parseInt(rgb.replace(/^#/, ''), 16);
  return ((n >> 16) & 0xff) + (n & 0xff00) + ((n & 0xff) << 16);
}
