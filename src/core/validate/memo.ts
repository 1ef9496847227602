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
