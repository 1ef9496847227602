/**
 * How the pane orders and groups findings: plain functions, so the list component only renders.
 * The entries themselves (worst first, identical findings as one) come from the core's triage,
 * shared with the CLI and the findings sheet.
 */
import { CATALOGUE, FINDING_CODES, type Finding, type FindingCode } from '../core/findings/catalogue';
import { type FindingEntry, SEVERITY_RANK, triage } from '../core/findings/triage';
import type { Lang } from '../core/i18n';

export type GroupBy = 'code' | 'sheet';

export interface FindingGroup {
  key: string;
  title: string;
  /** the entries of the group, worst first */
  entries: FindingEntry[];
  /** how many findings the entries stand for */
  count: number;
}

const CODE_ORDER = new Map<FindingCode, number>(FINDING_CODES.map((c, i) => [c, i]));

/**
 * By code: the worst kinds first, then the catalogue's order. By sheet: sheets in the order
 * their first finding came (the workbook's), each sheet's entries worst first.
 */
export function groupFindings(findings: readonly Finding[], by: GroupBy, lang: Lang): FindingGroup[] {
  const order = new Map<string, number>();
  for (const f of findings) if (!order.has(f.sheet)) order.set(f.sheet, order.size);
  const groups = new Map<string, FindingGroup>();
  for (const e of triage(findings, lang)) {
    const key = by === 'code' ? e.code : e.sheet;
    let g = groups.get(key);
    if (!g) {
      g = { key, title: by === 'code' ? CATALOGUE[e.code].title[lang] : e.sheet, entries: [], count: 0 };
      groups.set(key, g);
    }
    g.entries.push(e);
    g.count += e.items.length + countFolded(e);
  }
  const list = [...groups.values()];
  if (by === 'code') {
    const code = (g: FindingGroup): FindingCode => g.entries[0].code;
    list.sort(
      (a, b) =>
        SEVERITY_RANK[a.entries[0].severity] - SEVERITY_RANK[b.entries[0].severity] || CODE_ORDER.get(code(a))! - CODE_ORDER.get(code(b))!,
    );
  } else {
    list.sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
  }
  return list;
}

/** Findings of county copies folded into a city entry (counted, as the summary counts them). */
function countFolded(e: FindingEntry): number {
  return e.alsoIn.length * e.items.length;
}

/** The groups cut to their first `limit` entries in all; groups left empty are dropped. */
export function firstOf(groups: readonly FindingGroup[], limit: number): Array<FindingGroup & { shown: FindingEntry[] }> {
  const out: Array<FindingGroup & { shown: FindingEntry[] }> = [];
  let left = limit;
  for (const g of groups) {
    if (left <= 0) break;
    const shown = g.entries.slice(0, left);
    left -= shown.length;
    out.push({ ...g, shown });
  }
  return out;
}

/** All the entries of the groups. */
export function entryCount(groups: readonly FindingGroup[]): number {
  return groups.reduce((n, g) => n + g.entries.length, 0);
}

/** `新密市!L8`, or the sheet alone for a finding about the whole sheet. */
export function locationOf(f: Pick<Finding, 'sheet' | 'cell'>): string {
  return f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
}
