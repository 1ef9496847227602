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
import { UNITS_SHEET_NAME, buildUnitDirectory, unitsRange } from '../layout/unitDirectory';
import type { Plan } from '../model';
import { type Grid, cellText } from '../sheet/grid';
import {
  type KeytaskSheet,
  type RegistryEntry,
  REGISTRY_SHEET,
  buildRegistrySheet,
  nextRegistryName,
  registryName,
} from '../sheet/registry';
import { type NameSpec, type SheetSpec, type WorkbookSpec, quoteSheetName } from '../sheet/spec';
import { preserveFilled } from './preserve';
import { freeSheetName, legalSheetName } from './sheetNames';

export const CITY_SHEET_NAME = { zh: '重点任务清单', en: 'Key tasks' } as const;

export interface GenerateOptions {
  counties: string[];
  lang: Lang;
  /** name for the city sheet; defaults to 重点任务清单 / Key tasks */
  citySheetName?: string;
}

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

/** A sheet of the user's holds the name keytask wanted; it is left alone and `used` is taken instead. */
export interface NameConflict {
  key: string;
  wanted: string;
  used: string;
}

export interface Generation {
  spec: WorkbookSpec;
  actions: SheetAction[];
  conflicts: NameConflict[];
}

/** The sheets keytask needs for these options, by key, with the name each would get. */
function wantedSheets(opts: GenerateOptions): Array<{ key: string; kind: 'city' | 'county' | 'units'; county?: string; name: string }> {
  const counties = [...new Set(opts.counties.map((c) => c.trim()).filter(Boolean))];
  return [
    { key: 'city', kind: 'city', name: legalSheetName(opts.citySheetName ?? CITY_SHEET_NAME[opts.lang]) },
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

export function generateWorkbook(plan: Plan, opts: GenerateOptions, existing: ExistingWorkbook = EMPTY_WORKBOOK): Generation {
  const byKey = new Map(existing.keytaskSheets.filter((s) => s.sheet).map((s) => [s.key, s]));
  const taken = new Set(existing.sheetNames);
  taken.add(REGISTRY_SHEET);
  const registry: RegistryEntry[] = existing.keytaskSheets.map(({ sheet: _sheet, ...e }) => e);
  const usedNames = new Set(registry.map((e) => e.name));

  const sheets: SheetSpec[] = [];
  const actions: SheetAction[] = [];
  const conflicts: NameConflict[] = [];
  const names: NameSpec[] = [];
  let unitsSheetName = '';
  let unitCount = 0;

  for (const want of wantedSheets(opts)) {
    const prior = byKey.get(want.key);
    let name: string;
    let entry: RegistryEntry;
    if (prior?.sheet) {
      name = prior.sheet; // the user may have renamed it; keep their name
      entry = { ...prior, startYear: plan.startYear, endYear: plan.endYear, lang: opts.lang };
      const idx = registry.findIndex((e) => e.name === prior.name);
      registry[idx] = entry;
    } else {
      name = freeSheetName(want.name, taken);
      if (name !== want.name) conflicts.push({ key: want.key, wanted: want.name, used: name });
      entry = {
        name: nextRegistryName(usedNames),
        key: want.key,
        kind: want.kind,
        ...(want.county ? { county: want.county } : {}),
        startYear: plan.startYear,
        endYear: plan.endYear,
        lang: opts.lang,
      };
      // A registry row whose sheet was deleted is replaced by the new one.
      const stale = registry.findIndex((e) => e.key === want.key);
      if (stale >= 0) registry.splice(stale, 1);
      registry.push(entry);
    }
    taken.add(name);
    usedNames.add(entry.name);
    names.push(registryName(entry, name));
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
    const kept = preserveFilled(plan, oldGrid, want.kind);
    sheets.push(
      buildTaskSheet(
        plan,
        { kind: want.kind, county: want.county, lang: opts.lang, name, key: want.key, headerBlock: kept.headerBlock },
        kept.rows,
      ),
    );
    actions.push(
      prior?.sheet
        ? { key: want.key, sheet: name, action: 'update', kept: kept.kept, orphans: kept.orphans }
        : { key: want.key, sheet: name, action: 'create' },
    );
  }

  // Registry names of keytask sheets this run did not touch (summaries, other counties) stay.
  for (const s of existing.keytaskSheets) {
    if (s.sheet && !names.some((n) => n.name === s.name)) names.push(registryName(s, s.sheet));
  }
  names.push({ name: UNITS_NAME, ref: `${quoteSheetName(unitsSheetName)}!${unitsRange(unitCount)}` });
  sheets.push(buildRegistrySheet(registry));
  return { spec: { sheets, names }, actions, conflicts };
}
