/**
 * Is a county's task text the same task as the city's? Counties shorten, retype and
 * re-punctuate; a renumbered sheet puts a different task under the id. Bigram overlap on the
 * normalised text tells those apart without being fooled by punctuation or 繁/简.
 */
import { memoized } from '../text/memo';
import { matchKey } from '../text/normalize';

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const b = s.slice(i, i + 2);
    m.set(b, (m.get(b) ?? 0) + 1);
  }
  return m;
}

/**
 * A roll-up compares the city's text of each task with every county's, mostly the same few
 * hundred texts over and over: their stripped forms are kept (up to a bound) rather than
 * normalised again for each county.
 */
const strip = memoized(20_000, (s) => matchKey(s).replace(/[\p{P}\p{S}\d.]/gu, ''));

/** Dice coefficient of character bigrams, 0…1. */
export function textSimilarity(a: string, b: string): number {
  const x = strip(a);
  const y = strip(b);
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  if (x.includes(y) || y.includes(x)) return 0.9;
  const bx = bigrams(x);
  const by = bigrams(y);
  let common = 0;
  for (const [k, n] of bx) common += Math.min(n, by.get(k) ?? 0);
  return (2 * common) / (x.length - 1 + (y.length - 1));
}

/** Below this, two texts under one id are different tasks. */
export const SAME_TASK = 0.7;
