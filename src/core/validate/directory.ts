/** Matching unit names against the unit directory, with a suggestion for near misses. */
import { matchKey } from '../text/normalize';
import { splitUnits } from '../text/responsibility';

function distance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[n];
}

/** The key of a run of list items: each item's match key, in order. */
const runKey = (parts: string[]) => parts.map(matchKey).join('\n');

export class UnitDirectory {
  private readonly keys: Map<string, string>;
  /** entries a list splitter cuts into parts (`各乡镇政府、街道办事处`), by `runKey` of their parts */
  private readonly groups = new Set<string>();
  private readonly mostParts: number = 1;

  constructor(readonly units: string[]) {
    this.keys = new Map(units.map((u) => [matchKey(u), u]));
    for (const u of units) {
      const parts = splitUnits(u);
      if (parts.length < 2) continue;
      this.groups.add(runKey(parts));
      this.mostParts = Math.max(this.mostParts, parts.length);
    }
  }

  /**
   * Puts back together consecutive names that make up one entry holding 、 (a group subject
   * such as `各乡镇政府、街道办事处`, which a responsibility cell lists as written), longest run
   * first; every other name is left as it is.
   */
  join(names: string[]): string[] {
    if (this.groups.size === 0) return names;
    const out: string[] = [];
    for (let i = 0; i < names.length;) {
      let k = Math.min(this.mostParts, names.length - i);
      while (k > 1 && !this.groups.has(runKey(names.slice(i, i + k)))) k--;
      out.push(names.slice(i, i + k).join('、'));
      i += k;
    }
    return out;
  }

  has(unit: string): boolean {
    return this.keys.has(matchKey(unit));
  }

  /** The closest entry, when one is close enough to be a slip (`市发展改革委员` → `市发展改革委`). */
  suggest(unit: string): string | null {
    const key = matchKey(unit);
    let best: string | null = null;
    let bestD = Infinity;
    for (const [k, name] of this.keys) {
      const d = distance(key, k);
      if (d < bestD) {
        best = name;
        bestD = d;
      }
    }
    const limit = Math.max(1, Math.floor(key.length / 4));
    return best !== null && bestD <= limit ? best : null;
  }
}
