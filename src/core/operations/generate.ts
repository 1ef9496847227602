/**
 * Generation, one function for every host: a plan and a county list in, the workbook to write
 * (city sheet, county copies, unit directory, registry) and what to tell the user out. Over a
 * workbook keytask made before it is re-generation (regenerate.ts), keeping what was filled.
 */
import { EMPTY_WORKBOOK, type NameConflict, type SheetAction, wantedKeys } from '../generate/generate';
import type { Lang } from '../i18n';
import { type Plan, emptyPlan } from '../model';
import type { Paper } from '../sheet/printPlan';
import type { WorkbookSpec } from '../sheet/spec';
import type { Report } from './report';
import { regenerate } from './regenerate';

export type { NameConflict, SheetAction } from '../generate/generate';

export interface GenerateInput {
  plan: Plan;
  counties: string[];
  /** the headers' language; by default the workbook's when re-generating, else Chinese */
  lang?: Lang;
  /** name for the city sheet; defaults to 重点任务清单 / Key tasks */
  citySheetName?: string;
  /** the paper the task sheets print on (landscape); A4 unless given */
  paper?: Paper;
}

export interface GenerateReport extends Report {
  tasks: number;
  /** the counties generated, in sheet order */
  counties: string[];
  startYear: number;
  endYear: number;
  lang: Lang;
  /** the visible sheets written */
  sheets: string[];
  /** sheets that could not take the name they wanted (a county called 单位名录, say) */
  renamed: Array<{ wanted: string; used: string }>;
  /** the workbook was keytask's, re-generated keeping what was filled */
  regenerated: boolean;
  actions: SheetAction[];
  /** counties whose sheets were kept though the county list left them out */
  keptCounties: string[];
}

export interface GenerateResult {
  spec: WorkbookSpec;
  /** names a sheet of the user's held: the host asks the user before writing anything */
  conflicts: NameConflict[];
  actions: SheetAction[];
  /** the sheet to show when done: the city list */
  activate: string;
  /** sheets already in the workbook that the write replaces in place (keytask's and the registry) */
  updatable: string[];
  report: GenerateReport;
}

/** The keys of the keytask sheets a host reads before re-generating (their filled values are kept). */
export function sheetsToRead(input: Pick<GenerateInput, 'counties' | 'lang' | 'citySheetName'>): string[] {
  return wantedKeys({
    counties: input.counties,
    lang: input.lang ?? 'zh',
    ...(input.citySheetName ? { citySheetName: input.citySheetName } : {}),
  });
}

/** A new workbook (nothing to keep). */
export function generate(input: GenerateInput): GenerateResult {
  return regenerate(input, { existing: EMPTY_WORKBOOK, registryExists: false, write: 'in-place' });
}

/**
 * The plan to generate from: the one given (its period replaced by `years` when given), or the
 * blank template for `years`, the workbook's period, or this year and the next two.
 */
export function planToGenerate(
  plan: Plan | null,
  opts: { years?: [number, number] | null; workbookYears?: [number, number]; thisYear: number },
): Plan {
  const years = opts.years ?? null;
  const base = plan ?? emptyPlan(...(years ?? opts.workbookYears ?? [opts.thisYear, opts.thisYear + 2]));
  return years ? { ...base, startYear: years[0], endYear: years[1] } : base;
}
