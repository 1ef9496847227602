/**
 * The one key by which a task id (序号) is compared everywhere — city sheet, county copies,
 * re-generation, roll-up: `７`, ` 7 `, `7.` and `7、` are the same task as `7`. Clerks type ids
 * in full-width, add the list punctuation of the plan document, or leave spaces around them.
 */
import { memoized } from '../text/memo';
import { toHalfWidth } from '../text/normalize';

/** Worked out once per distinct id as written: every county's sheet repeats the city's ids. */
export const taskIdKey: (written: string) => string = memoized(20_000, (written) =>
  toHalfWidth(written)
    .replace(/\s+/g, '')
    .replace(/[.、。,，:：]+$/, ''),
);
