/**
 * Work done once per distinct string rather than once per cell: a county sheet repeats its unit
 * names, deadlines and task texts row after row, and a roll-up reads the same plan's strings in
 * every county. Bounded, since a long-lived pane validates sheet after sheet: past `limit`
 * entries the memo starts again empty, which costs a re-computation and never a wrong answer.
 */
export function memoized<V>(limit: number, make: (key: string) => V): (key: string) => V {
  const memo = new Map<string, V>();
  return (key) => {
    let v = memo.get(key);
    if (v === undefined && !memo.has(key)) {
      v = make(key);
      if (memo.size >= limit) memo.clear();
      memo.set(key, v);
    }
    return v as V;
  };
}

/**
 * `memoized` for a pair of strings, without joining them into a key: the strings a grid holds
 * keep their hash once computed, and a key made per row would be hashed anew each time.
 */
export function memoizedPair<V>(limit: number, make: (a: string, b: string) => V): (a: string, b: string) => V {
  const memo = new Map<string, Map<string, V>>();
  let size = 0;
  return (a, b) => {
    let byB = memo.get(a);
    let v = byB?.get(b);
    if (v === undefined && !byB?.has(b)) {
      v = make(a, b);
      if (size >= limit) {
        memo.clear();
        size = 0;
      }
      byB = memo.get(a);
      if (byB === undefined) memo.set(a, (byB = new Map()));
      byB.set(b, v);
      size++;
    }
    return v as V;
  };
}
