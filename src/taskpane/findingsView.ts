/**
 * How the pane orders and groups findings: plain functions, so the list component only renders.
 */
import { CATALOGUE, FINDING_CODES, type Finding, type FindingCode, type Severity } from '../core/findings/catalogue';
import type { Lang } from '../core/i18n';

export type GroupBy = 'code' | 'sheet';

export interface FindingGroup {
  key: string;
  title: string;
  /** findings in the group, all of them (the list may show only the first) */
  items: Finding[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const CODE_ORDER = new Map<FindingCode, number>(FINDING_CODES.map((c, i) => [c, i]));

/**
 * By code: the worst kinds first, then the catalogue's order. By sheet: sheets in the order
 * their first finding came (which is the workbook's), each sheet's findings as found (row order).
 */
export function groupFindings(findings: readonly Finding[], by: GroupBy, lang: Lang): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const key = by === 'code' ? f.code : f.sheet;
    let g = groups.get(key);
    if (!g) {
      g = { key, title: by === 'code' ? CATALOGUE[f.code].title[lang] : f.sheet, items: [] };
      groups.set(key, g);
    }
    g.items.push(f);
  }
  const list = [...groups.values()];
  if (by === 'code') {
    const code = (g: FindingGroup): FindingCode => g.items[0].code;
    list.sort((a, b) => RANK[a.items[0].severity] - RANK[b.items[0].severity] || CODE_ORDER.get(code(a))! - CODE_ORDER.get(code(b))!);
  }
  return list;
}

/** The groups cut to their first `limit` findings in all; groups left empty are dropped. */
export function firstOf(groups: readonly FindingGroup[], limit: number): Array<FindingGroup & { shown: Finding[] }> {
  const out: Array<FindingGroup & { shown: Finding[] }> = [];
  let left = limit;
  for (const g of groups) {
    if (left <= 0) break;
    const shown = g.items.slice(0, left);
    left -= shown.length;
    out.push({ ...g, shown });
  }
  return out;
}

/** `新密市!L8`, or the sheet alone for a finding about the whole sheet. */
export function locationOf(f: Pick<Finding, 'sheet' | 'cell'>): string {
  return f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
}
