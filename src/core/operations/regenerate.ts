/**
 * Re-generation: generating over a workbook keytask made before, keeping what was filled (under
 * whatever names the user gave the sheets) and never taking a name one of the user's sheets
 * holds. What the workbook says of itself (its language, its period, its counties) stands in for
 * what the user did not say.
 */
import { type ExistingWorkbook, type KeptRewrite, generateWorkbook } from '../generate/generate';
import type { Lang } from '../i18n';
import { HISTORY_SHEET, buildHistorySheet, parseHistory } from '../period/history';
import type { Grid } from '../sheet/grid';
import { type KeytaskSheet, REGISTRY_SHEET } from '../sheet/registry';
import type { Visibility } from '../sheet/spec';
import type { GenerateInput, GenerateResult } from './generate';
import { reportOf } from './report';

export interface RegenerateContext {
  existing: ExistingWorkbook;
  /** the workbook has a registry sheet (it is then updated in place) */
  registryExists: boolean;
  /**
   * 'file': the host writes the whole file anew (the CLI), so the counties the list leaves out
   * are generated again to be kept; 'in-place': sheets not written stay as they are (Excel).
   */
  write: 'file' | 'in-place';
  /** what next-period changes in each task sheet's kept values (see KeptRewrite) */
  rewrite?: KeptRewrite;
  /** false: the workbook is a county's own file, without a city sheet */
  city?: boolean;
}

/** What a workbook being re-generated says of itself: its language and plan period. */
export function workbookDefaults(existing: ExistingWorkbook): { lang?: Lang; years?: [number, number] } {
  const entry = existing.keytaskSheets.find((k) => k.key === 'city') ?? existing.keytaskSheets.find((k) => k.lang);
  const lang = entry?.lang === 'zh' || entry?.lang === 'en' ? entry.lang : undefined;
  const years: [number, number] | undefined = entry?.startYear && entry.endYear ? [entry.startYear, entry.endYear] : undefined;
  return { ...(lang ? { lang } : {}), ...(years ? { years } : {}) };
}

/** Sheet kinds generation writes; a workbook's other sheets it would not write again. */
const GENERATED_KINDS = new Set(['city', 'county', 'units']);

export type RewriteRefusal = { refused: 'not-keytask' } | { refused: 'would-lose'; sheets: string[] };

/**
 * Whether a file may be written anew as its re-generation, and what of it to keep. Refused: a
 * workbook keytask did not make, and one holding sheets re-generation would not write again
 * (writing the whole file would lose them, where the pane updates the workbook in place).
 */
export function fileToRegenerate(
  sheets: Array<{ name: string; visibility: Visibility; grid: Grid }>,
  keytaskSheets: KeytaskSheet[],
): ExistingWorkbook | RewriteRefusal {
  if (keytaskSheets.length === 0) return { refused: 'not-keytask' };
  const generated = new Set(keytaskSheets.flatMap((k) => (k.sheet && GENERATED_KINDS.has(k.kind) ? [k.sheet] : [])));
  const others = sheets.filter((s) => s.name !== REGISTRY_SHEET && s.visibility !== 'veryHidden' && !generated.has(s.name));
  if (others.length > 0) return { refused: 'would-lose', sheets: others.map((s) => s.name) };
  const grids: Record<string, Grid> = {};
  // the period history is written again with the file (it is very hidden, so no sheet of the user's)
  for (const s of sheets) if (generated.has(s.name) || s.name === HISTORY_SHEET) grids[s.name] = s.grid;
  return { sheetNames: sheets.map((s) => s.name), keytaskSheets, grids };
}

/**
 * The counties to generate when the whole file is written: those whose sheets the workbook has,
 * in the workbook's order (a county the list leaves out is kept, as the pane keeps it), then the
 * list's new ones.
 */
function fileCounties(existing: ExistingWorkbook, listed: string[]): { counties: string[]; unlisted: string[] } {
  const at = (sheet: string) => existing.sheetNames.indexOf(sheet);
  const present = existing.keytaskSheets
    .flatMap((k) => (k.kind === 'county' && k.sheet && k.county ? [{ county: k.county, at: at(k.sheet) }] : []))
    .sort((a, b) => a.at - b.at)
    .map((k) => k.county);
  const names = new Set(listed.map((c) => c.trim()));
  const counties = [...new Set([...present, ...listed.map((c) => c.trim())])];
  return { counties, unlisted: [...new Set(present.filter((c) => !names.has(c)))] };
}

export function regenerate(input: GenerateInput, ctx: RegenerateContext): GenerateResult {
  const { existing } = ctx;
  const lang = input.lang ?? workbookDefaults(existing).lang ?? 'zh';
  const { counties, unlisted } = ctx.write === 'file' ? fileCounties(existing, input.counties) : { counties: input.counties, unlisted: [] };
  const { spec, actions, conflicts } = generateWorkbook(
    input.plan,
    {
      counties,
      lang,
      ...(input.citySheetName ? { citySheetName: input.citySheetName } : {}),
      ...(input.paper ? { paper: input.paper } : {}),
      ...(ctx.city === false ? { city: false } : {}),
    },
    existing,
    ctx.rewrite,
  );
  // Writing the whole file, the period history goes with it; in place it stays where it is.
  const history =
    ctx.write === 'file' && existing.grids[HISTORY_SHEET] ? buildHistorySheet(parseHistory(existing.grids[HISTORY_SHEET])) : null;
  if (history) spec.sheets.push(history);
  const updatable = existing.keytaskSheets.flatMap((s) => (s.sheet ? [s.sheet] : []));
  if (ctx.registryExists) updatable.push(REGISTRY_SHEET);
  return {
    spec,
    conflicts,
    actions,
    activate: (spec.sheets.find((s) => s.key === 'city') ?? spec.sheets.find((s) => s.kind === 'county'))?.name ?? '',
    updatable,
    report: {
      ...reportOf([]),
      tasks: input.plan.tasks.length,
      counties,
      startYear: input.plan.startYear,
      endYear: input.plan.endYear,
      lang,
      sheets: spec.sheets.filter((s) => s.visibility === 'visible').map((s) => s.name),
      renamed: conflicts.map((c) => ({ wanted: c.wanted, used: c.used })),
      regenerated: existing.keytaskSheets.length > 0,
      actions,
      keptCounties: unlisted,
    },
  };
}
