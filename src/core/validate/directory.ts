/** Matching unit names against the unit directory, with a suggestion for near misses. */
import { matchKey } from '../text/normalize';

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

export class UnitDirectory {
  private readonly keys: Map<string, string>;

  constructor(readonly units: string[]) {
    this.keys = new Map(units.map((u) => [matchKey(u), u]));
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
