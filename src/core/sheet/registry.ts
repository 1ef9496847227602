/**
 * How a workbook remembers which sheets keytask made, and what each is, in a form that survives
 * a user renaming the sheet and a save through ExcelJS, LibreOffice and Excel alike:
 * - one workbook-level defined name per sheet (`KT_S_3` → `'新密市'!$A$1`); spreadsheet programs
 *   rewrite the reference when the sheet is renamed, so the name always finds the sheet;
 * - a very hidden registry sheet (`keytask`) with one row per name: kind, county, plan period.
 * Custom XML parts would be tidier but not every program keeps them.
 */
import type { Lang } from '../i18n';
import { Refusal } from '../refusal';
import type { SheetKind } from '../model';
import { type CellValue, type NameSpec, type SheetSpec, quoteSheetName, sheetNameOfReference } from './spec';

export const REGISTRY_SHEET = 'keytask';
export const REGISTRY_VERSION = 1;
const NAME_PREFIX = 'KT_S_';
const HEADER = ['name', 'key', 'kind', 'county', 'startYear', 'endYear', 'lang', 'version'];

export interface RegistryEntry {
  /** the defined name that points at the sheet */
  name: string;
  /** stable identity inside keytask: `city`, `county:新密市`, `units` */
  key: string;
  kind: SheetKind;
  county?: string;
  startYear?: number;
  endYear?: number;
  lang?: string;
}

/** A registry entry joined with the sheet its name points at now (null: the sheet was deleted). */
export interface KeytaskSheet extends RegistryEntry {
  sheet: string | null;
}

export function isRegistryName(name: string): boolean {
  return name.startsWith(NAME_PREFIX);
}

/** The next free defined name, given those in use. */
export function nextRegistryName(used: Iterable<string>): string {
  let max = 0;
  for (const n of used) {
    if (isRegistryName(n)) max = Math.max(max, Number(n.slice(NAME_PREFIX.length)) || 0);
  }
  return `${NAME_PREFIX}${max + 1}`;
}

const NEWER: Record<Lang, (version: number) => string> = {
  zh: (v) => `此工作簿由更新版本的 keytask 生成(登记表版本 ${v}),请升级 keytask 后再操作`,
  en: (v) => `This workbook was made by a newer keytask (registry version ${v}); upgrade keytask before working on it`,
};

/**
 * A registry written by a newer keytask: its rows may mean what this version cannot know, and
 * re-writing it would lose what it added, so every operation refuses the workbook.
 */
export class NewerRegistryError extends Refusal {
  constructor(readonly version: number) {
    super({ zh: NEWER.zh(version), en: NEWER.en(version) });
    this.name = 'NewerRegistryError';
  }
}

function text(v: CellValue | undefined): string {
  return v === null || v === undefined || typeof v === 'object' ? '' : String(v).trim();
}

/**
 * Reads registry rows from the registry sheet's values. Unknown or broken rows are skipped; a
 * row without a version is from before versions were written (version 1). Throws
 * NewerRegistryError for a row a newer keytask wrote.
 */
export function parseRegistry(values: CellValue[][]): RegistryEntry[] {
  const out: RegistryEntry[] = [];
  const at = (values[0] ?? []).map(text).indexOf('version');
  const versionAt = at >= 0 ? at : HEADER.indexOf('version');
  for (const row of values.slice(1)) {
    const version = Number(text(row[versionAt]));
    if (Number.isFinite(version) && version > REGISTRY_VERSION) throw new NewerRegistryError(version);
    const [name, key, kind, county, startYear, endYear, lang] = row.map(text);
    if (!isRegistryName(name) || !key || !kind) continue;
    out.push({
      name,
      key,
      kind: kind as SheetKind,
      ...(county ? { county } : {}),
      ...(startYear ? { startYear: Number(startYear) } : {}),
      ...(endYear ? { endYear: Number(endYear) } : {}),
      ...(lang ? { lang } : {}),
    });
  }
  return out;
}

/**
 * Joins registry rows with the defined names read from the workbook (name → reference such as
 * `='新密市'!$A$1` or `='新密市'!#REF!`), giving each keytask sheet's current name.
 */
export function resolveRegistry(entries: RegistryEntry[], names: Array<{ name: string; ref: string }>): KeytaskSheet[] {
  const refs = new Map(names.map((n) => [n.name, n.ref]));
  return entries.map((e) => {
    const ref = refs.get(e.name);
    return { ...e, sheet: ref && !ref.includes('#REF') ? sheetNameOfReference(ref) : null };
  });
}

/**
 * The keytask sheets of a workbook as it is now: registry rows joined with the defined names,
 * each under the name the sheet list spells it with (a name may still point at a sheet that is
 * gone, or differ in case: the sheet list is trusted). `sheet` is null for a deleted sheet.
 */
export function liveKeytaskSheets(
  registryGrid: CellValue[][] | null | undefined,
  names: Array<{ name: string; ref: string }>,
  sheetNames: string[],
): KeytaskSheet[] {
  if (!registryGrid) return [];
  const present = new Map(sheetNames.map((n) => [n.toLowerCase(), n]));
  return resolveRegistry(parseRegistry(registryGrid), names).map((s) => ({
    ...s,
    sheet: s.sheet === null ? null : (present.get(s.sheet.toLowerCase()) ?? null),
  }));
}

export function registryName(entry: RegistryEntry, sheetName: string): NameSpec {
  return { name: entry.name, ref: `${quoteSheetName(sheetName)}!$A$1` };
}

export function buildRegistrySheet(entries: RegistryEntry[]): SheetSpec {
  const values: CellValue[][] = [
    HEADER,
    ...entries.map((e) => [
      e.name,
      e.key,
      e.kind,
      e.county ?? null,
      e.startYear ?? null,
      e.endYear ?? null,
      e.lang ?? null,
      REGISTRY_VERSION,
    ]),
  ];
  return {
    key: 'registry',
    name: REGISTRY_SHEET,
    kind: 'registry',
    visibility: 'veryHidden',
    columnWidths: HEADER.map(() => 14),
    values,
    formats: [{ range: `A1:H${values.length}`, style: { numFmt: '@' } }],
    merges: [],
    validations: [],
    conditionalFormats: [],
  };
}
