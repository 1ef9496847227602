/**
 * The plan of a render into an open workbook: which sheets are added, updated in place, copied
 * from one written earlier in the same render or pasted from a scratch sheet, and in which order
 * sheets and defined names go. Pure: the Excel host turns each action into Office.js calls.
 *
 * A new sheet laid out like one written earlier in the same render (every county copy after the
 * first) is made by copying that sheet and writing only its differing cells: a county copy then
 * costs a few hundred bytes instead of its whole layout, so 400 counties still fit one request.
 */
import type { NameSpec, SheetSpec, WorkbookSpec } from './spec';
import { sheetNameOfReference } from './spec';

/** Name of the scratch sheet a layout is written to when every sheet of that layout is being updated. */
export const TEMPLATE_SHEET = 'keytask_template';

/** A sheet written in full in this render whose layout another sheet takes by paste. */
export interface PasteSource {
  name: string;
  sheet: SheetSpec;
}

export type RenderAction =
  /** a very hidden sheet deleted: a scratch sheet, or one an earlier render left behind */
  | { do: 'deleteSheet'; name: string }
  /** a sheet written in full: added, or updated in place; `paste`: its layout pasted first, then its own cells */
  | { do: 'writeSheet'; sheet: SheetSpec; update: boolean; paste?: PasteSource }
  /** a new sheet made as a copy of `from` (written earlier in this render), then its differing cells */
  | { do: 'copySheet'; sheet: SheetSpec; from: SheetSpec }
  /** a defined name set; `replace`: the workbook has it already, and it is deleted first */
  | { do: 'setName'; name: NameSpec; replace: boolean }
  /** a new sheet written early put back in its place among the new sheets */
  | { do: 'moveSheet'; name: string; position: number }
  | { do: 'activate'; name: string };

export interface RenderPlanOptions {
  /** sheets keytask may rewrite in place (its own, found by the registry); compared case-insensitively */
  updatable: string[];
  /** every sheet in the workbook now; a spec sheet not among them is added */
  existingSheets: string[];
  /** defined names in the workbook now; those the spec sets are deleted and added again */
  existingNames: string[];
  /** make a new sheet laid out like an earlier one by copying it (default true) */
  copySheets?: boolean;
  /** a sheet being updated that is laid out like others gets its layout pasted from one written in full */
  pasteRanges?: boolean;
  /** very hidden template sheets an earlier render left behind (it failed half-way): deleted first */
  staleTemplates?: string[];
  /** the sheet to show when done */
  activate?: string;
}

/**
 * Everything of a sheet but its identity and values (their size included): two sheets with the
 * same key differ only in cells, so a copy of one plus those cells is the other. Sheets with
 * charts are never copied: a copied chart's ranges are Excel's business, not the spec's.
 */
export function layoutKey(s: SheetSpec): string | null {
  if ((s.charts?.length ?? 0) > 0) return null;
  const { key: _key, name: _name, county: _county, values, tabColor: _tab, visibility: _vis, ...layout } = s;
  return JSON.stringify({ ...layout, rows: values.length, width: values[0]?.length ?? 0 });
}

const lower = (s: string): string => s.toLowerCase();

/** The actions that write `spec` into the workbook, in order. Refuses to touch a sheet of the user's. */
export function planRender(spec: WorkbookSpec, opts: RenderPlanOptions): RenderAction[] {
  const updatable = new Set(opts.updatable.map(lower));
  const existing = new Set(opts.existingSheets.map(lower));
  // Checked before anything is planned: a sheet of the user's is never written to.
  for (const s of spec.sheets) {
    if (existing.has(lower(s.name)) && !updatable.has(lower(s.name))) {
      throw new Error(`keytask will not write to sheet '${s.name}': it is not one keytask made`);
    }
  }

  // Sheets first, names after: a workbook-level name that points into a sheet being copied
  // would be duplicated by Excel as a sheet-level name in every copy. Except the names a
  // validation list takes its words from (`=KT_UNITS`): Excel resolves a list's source when the
  // rule is set, so those are defined first, right after the sheet they point into.
  const actions: RenderAction[] = [];
  for (const stale of opts.staleTemplates ?? []) {
    actions.push({ do: 'deleteSheet', name: stale });
    existing.delete(lower(stale));
  }
  const existingAtStart = existing.size;
  const names = new Set(opts.existingNames.map(lower));
  const setName = (n: NameSpec): RenderAction => ({ do: 'setName', name: n, replace: names.has(lower(n.name)) });
  // Each sheet's layout key once: it is the JSON of the sheet's whole layout.
  const keys = spec.sheets.map((s) => (opts.copySheets === false ? null : layoutKey(s)));
  const perKey = new Map<string, number>();
  for (const k of keys) if (k !== null) perKey.set(k, (perKey.get(k) ?? 0) + 1);
  const listSources = new Set(
    spec.sheets.flatMap((s) => s.validations.flatMap((v) => (v.rule.type === 'listRef' ? [lower(v.rule.ref)] : []))),
  );
  const early = spec.names.filter((n) => {
    if (!listSources.has(lower(n.name))) return false;
    const i = spec.sheets.findIndex((s) => lower(s.name) === lower(sheetNameOfReference(n.ref) ?? ''));
    // a sheet other sheets are copied from keeps its names for the end
    return i < 0 || keys[i] === null || (perKey.get(keys[i]!) ?? 0) <= 1;
  });
  const firstSheets = new Set(early.flatMap((n) => (sheetNameOfReference(n.ref) ? [lower(sheetNameOfReference(n.ref)!)] : [])));
  const order = [...spec.sheets.keys()].sort(
    (a, b) => Number(!firstSheets.has(lower(spec.sheets[a].name))) - Number(!firstSheets.has(lower(spec.sheets[b].name))),
  );
  const earlyAfter = order.filter((i) => firstSheets.has(lower(spec.sheets[i].name))).length;
  // A new sheet written first is put back in its place among the new sheets once all are there.
  const newSheets = spec.sheets.filter((s) => !existing.has(lower(s.name)));
  const moved = newSheets.flatMap((s, k) => (firstSheets.has(lower(s.name)) ? [{ name: s.name, position: existingAtStart + k }] : []));
  const templates = new Map<string, PasteSource & { scratch: boolean }>();
  const scratch: string[] = [];
  const taken = new Set([...existing, ...spec.sheets.map((s) => lower(s.name))]);

  const actionsOfSheet = (i: number): RenderAction[] => {
    const s = spec.sheets[i];
    const update = existing.has(lower(s.name));
    const key = keys[i];
    let template = key === null ? undefined : templates.get(key);
    if (!template && key !== null && (perKey.get(key) ?? 0) > 1) {
      if (!update) {
        // The first new sheet of a layout is written in full; the others copy it.
        templates.set(key, { name: s.name, sheet: s, scratch: false });
        return [{ do: 'writeSheet', sheet: s, update: false }];
      }
      if (opts.pasteRanges) {
        // Every sheet of this layout so far is being updated: the layout goes to a scratch sheet,
        // untouched by clerks, and is pasted from there.
        let name = TEMPLATE_SHEET;
        for (let k = 2; taken.has(lower(name)); k++) name = `${TEMPLATE_SHEET}${k}`;
        taken.add(lower(name));
        scratch.push(name);
        const made = { name, sheet: s, scratch: true };
        templates.set(key, made);
        return [
          { do: 'writeSheet', sheet: { ...s, key: `template:${s.key}`, name, visibility: 'veryHidden' }, update: false },
          { do: 'writeSheet', sheet: s, update: true, paste: { name, sheet: s } },
        ];
      }
    }
    if (!template) return [{ do: 'writeSheet', sheet: s, update }];
    if (update)
      return [
        {
          do: 'writeSheet',
          sheet: s,
          update: true,
          ...(opts.pasteRanges ? { paste: { name: template.name, sheet: template.sheet } } : {}),
        },
      ];
    // A scratch sheet is very hidden: a new sheet is written in full rather than copied from it.
    if (template.scratch) return [{ do: 'writeSheet', sheet: s, update: false }];
    return [{ do: 'copySheet', sheet: s, from: template.sheet }];
  };

  for (const [n, i] of order.entries()) {
    if (n === earlyAfter) actions.push(...early.map(setName));
    actions.push(...actionsOfSheet(i));
  }
  if (earlyAfter === order.length) actions.push(...early.map(setName));
  for (const name of scratch) actions.push({ do: 'deleteSheet', name });
  for (const m of moved) actions.push({ do: 'moveSheet', ...m });
  const earlySet = new Set(early);
  for (const n of spec.names) if (!earlySet.has(n)) actions.push(setName(n));
  if (opts.activate) actions.push({ do: 'activate', name: opts.activate });
  return actions;
}
