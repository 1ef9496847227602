/**
 * The one key by which a task id (序号) is compared everywhere — city sheet, county copies,
 * re-generation, roll-up: `７`, ` 7 `, `7.` and `7、` are the same task as `7`. Clerks type ids
 * in full-width, add the list punctuation of the plan document, or leave spaces around them.
 */
import { toHalfWidth } from '../text/normalize';

export function taskIdKey(written: string): string {
  return toHalfWidth(written)
    .replace(/\s+/g, '')
    .replace(/[.、。,，:：]+$/, '');
}
