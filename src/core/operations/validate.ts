/**
 * The review of a workbook, one function for every host: which sheets to read (so the Excel host
 * reads only those), which language the findings speak when the user did not say, and the check
 * itself. Hosts read, call these, and show the report.
 */
import type { Lang } from '../i18n';
import type { Grid } from '../sheet/grid';
import { REGISTRY_SHEET, liveKeytaskSheets } from '../sheet/registry';
import {
  type SheetInfo,
  type ValidationPlan,
  type WorkbookSheet,
  planValidation,
  validateWorkbook,
  workbookPlan,
} from '../validate/workbook';
import { type Report, reportOf } from './report';

export { SheetNotFoundError, type SheetInfo, type WorkbookSheet } from '../validate/workbook';

type NameRefs = Array<{ name: string; ref: string }>;

export interface ValidationReport extends Report {
  /** the sheets checked, in workbook order */
  checked: string[];
  /** the sheets looked at and not checked: nothing in them is a task list's header */
  skipped: string[];
}

export interface ValidateOptions {
  /** the findings' language; by default the workbook's (its registry says), else Chinese */
  lang?: Lang;
  /** check only this sheet (throws SheetNotFoundError when there is none) */
  sheet?: string;
}

export interface Validation {
  report: ValidationReport;
  /** the language the findings were written in */
  lang: Lang;
}

/**
 * The sheets a host must read before `validate`: the sheets to check and the unit directory (the
 * registry the host has read already, to know them). Throws SheetNotFoundError for a missing `only`.
 */
export function sheetsToValidate(
  sheets: SheetInfo[],
  registry: Grid | null,
  names: NameRefs,
  only?: string,
): { plan: ValidationPlan; read: string[] } {
  const keytask = liveKeytaskSheets(
    registry,
    names,
    sheets.map((s) => s.name),
  );
  const plan = planValidation(sheets, keytask, only);
  const read = [...new Set([...plan.targets.map((t) => t.sheet), ...(plan.directory ? [plan.directory] : [])])];
  return { plan, read };
}

/**
 * Checks the workbook. `sheets` is every sheet, with the grids the host read (the registry's
 * among them, when it has one); a sheet without a grid is not checked.
 */
export function validate(sheets: WorkbookSheet[], names: NameRefs, opts: ValidateOptions = {}): Validation {
  const lang = opts.lang ?? workbookPlan(sheets, names, opts.sheet).lang ?? 'zh';
  const { findings, checked, skipped } = validateWorkbook(sheets, names, {
    lang,
    ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
  });
  return { report: { ...reportOf(findings), checked, skipped }, lang };
}

/** Every sheet with the grids read, the registry's joined in: what `validate` takes. */
export function withGrids(
  sheets: SheetInfo[],
  registry: Grid | null,
  read: (name: string) => Omit<WorkbookSheet, keyof SheetInfo> | undefined,
): WorkbookSheet[] {
  return sheets.map((s) => {
    if (s.name === REGISTRY_SHEET && registry) return { ...s, grid: registry };
    const r = read(s.name);
    return r ? { ...s, ...r } : s;
  });
}
