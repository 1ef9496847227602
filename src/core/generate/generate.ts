/**
 * Generation: a plan (possibly empty) and a list of counties in, a WorkbookSpec out: the city
 * sheet, one copy per county, the unit directory and the registry that marks them as keytask's.
 *
 * When the workbook already exists (the Excel host reads it first), generation updates the
 * keytask sheets it made before — keeping what was filled, under whatever name the user gave
 * them — and never takes a name held by a sheet of the user's: it reports the conflict and
 * proposes a free name, for the host to confirm with the user.
 */
import type { Lang } from '../i18n';
import { UNITS_NAME, buildTaskSheet } from '../layout/taskSheet';
import type { Paper } from '../sheet/printPlan';
import { UNITS_SHEET_NAME, buildUnitDirectory, unitsRange } from '../layout/unitDirectory';
import type { Plan } from '../model';
import { type Grid, cellText } from '../sheet/grid';
import { type NameConflict, SheetClaims } from '../sheet/claims';
import type { KeytaskSheet } from '../sheet/registry';
import { type NameSpec, type SheetSpec, type WorkbookSpec, quoteSheetName } from '../sheet/spec';
import { type Preserved, preserveFilled } from './preserve';
import { legalSheetName } from './sheetNames';

export const CITY_SHEET_NAME = { zh: '重点任务清单', en: 'Key tasks' } as const;

export interface GenerateOptions {
  counties: string[];
  lang: Lang;
  /** name for the city sheet; defaults to 重点任务清单 / Key tasks */
  citySheetName?: string;
  /** the paper the task sheets print on */
  paper?: Paper;
  /** false: no city sheet (a county's own returned file, started on its next period) */
  city?: boolean;
}

/**
 * Changes what is kept of a task sheet before it is built (next-period moves 本期完成值 to
 * 上期完成值 and empties the period's cells), so every way of keeping filled values is this one.
 */
export type KeptRewrite = (sheet: { key: string; kind: 'city' | 'county'; county?: string }, kept: Preserved) => Preserved;

/** What the host found in the workbook before generating (all empty for a new file). */
export interface ExistingWorkbook {
  sheetNames: string[];
  keytaskSheets: KeytaskSheet[];
  /** current values of the keytask sheets generation will update, by sheet name */
  grids: Record<string, Grid>;
}

export const EMPTY_WORKBOOK: ExistingWorkbook = { sheetNames: [], keytaskSheets: [], grids: {} };

export type SheetAction =
  { key: string; sheet: string; action: 'create' } | { key: string; sheet: string; action: 'update'; kept: string[]; orphans: string[] };

export type { NameConflict } from '../sheet/claims';

export interface Generation {
  spec: WorkbookSpec;
  actions: SheetAction[];
  conflicts: NameConflict[];
}

/** The sheets keytask needs for these options, by key, with the name each would get. */
function wantedSheets(opts: GenerateOptions): Array<{ key: string; kind: 'city' | 'county' | 'units'; county?: string; name: string }> {
  const counties = [...new Set(opts.counties.map((c) => c.trim()).filter(Boolean))];
  return [
    ...(opts.city === false
      ? []
      : [{ key: 'city', kind: 'city' as const, name: legalSheetName(opts.citySheetName ?? CITY_SHEET_NAME[opts.lang]) }]),
    ...counties.map((c) => ({ key: `county:${c}`, kind: 'county' as const, county: c, name: legalSheetName(c) })),
    { key: 'units', kind: 'units', name: UNITS_SHEET_NAME[opts.lang] },
  ];
}

/** Keys of the sheets generation makes for these options; hosts read those sheets first. */
export function wantedKeys(opts: GenerateOptions): string[] {
  return wantedSheets(opts).map((w) => w.key);
}

/** Reads the unit names a directory sheet holds (column A below its header). */
function directoryUnits(grid: Grid | undefined): string[] {
  if (!grid) return [];
  return grid
    .slice(1)
    .map((r) => cellText(r[0]))
    .filter(Boolean);
}

export function generateWorkbook(
  plan: Plan,
  opts: GenerateOptions,
  existing: ExistingWorkbook = EMPTY_WORKBOOK,
  rewrite?: KeptRewrite,
): Generation {
  const claims = new SheetClaims(existing);
  const sheets: SheetSpec[] = [];
  const actions: SheetAction[] = [];
  let unitsSheetName = '';
  let unitCount = 0;

  for (const want of wantedSheets(opts)) {
    const { name, prior } = claims.claim(want.key, want.kind, want.name, {
      ...(want.county ? { county: want.county } : {}),
      startYear: plan.startYear,
      endYear: plan.endYear,
      lang: opts.lang,
    });
    const oldGrid = prior?.sheet ? existing.grids[prior.sheet] : undefined;

    if (want.kind === 'units') {
      unitsSheetName = name;
      // Units a clerk added to the directory stay; the plan's are added where missing.
      const kept = directoryUnits(oldGrid);
      const units = [...kept, ...plan.units.filter((u) => !kept.includes(u))];
      unitCount = units.length;
      sheets.push(buildUnitDirectory(units, opts.lang, name));
      actions.push(
        prior?.sheet
          ? { key: want.key, sheet: name, action: 'update', kept, orphans: [] }
          : { key: want.key, sheet: name, action: 'create' },
      );
      continue;
    }
    const preserved = preserveFilled(plan, oldGrid, want.kind);
    const kept = rewrite
      ? rewrite({ key: want.key, kind: want.kind, ...(want.county ? { county: want.county } : {}) }, preserved)
      : preserved;
    sheets.push(
      buildTaskSheet(
        plan,
        {
          kind: want.kind,
          county: want.county,
          lang: opts.lang,
          name,
          key: want.key,
          headerBlock: kept.headerBlock,
          ...(opts.paper ? { paper: opts.paper } : {}),
          ...(kept.previousColumn ? { previousColumn: true } : {}),
        },
        kept.rows,
      ),
    );
    actions.push(
      prior?.sheet
        ? { key: want.key, sheet: name, action: 'update', kept: kept.kept, orphans: kept.orphans }
        : { key: want.key, sheet: name, action: 'create' },
    );
  }

  const names: NameSpec[] = [
    ...claims.names,
    ...claims.untouchedNames(),
    { name: UNITS_NAME, ref: `${quoteSheetName(unitsSheetName)}!${unitsRange(unitCount)}` },
  ];
  sheets.push(claims.registrySheet());
  return { spec: { sheets, names }, actions, conflicts: claims.conflicts };
}
