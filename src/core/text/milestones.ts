/**
 * Reading milestone text (完成时限和目标) as plans write it, one step per year:
 * `2023年达到200亿元 2024年达到240亿元`, `2023年累计达到1.14万家`, `2023年占比8%`, `2025年完成`,
 * `持续推进`. Works on one cell holding several years as well as on one line per year.
 */
import type { Milestone, MilestoneKind } from '../model';
import { toHalfWidth, toSimplified } from './normalize';
import { parseQuantity } from './quantity';

export interface ParsedSchedule {
  milestones: Milestone[];
  /** `持续推进`, `每年`: ongoing work without a final year */
  ongoing: boolean;
  /** kind implied by the wording (累计 → cumulative, 占比/比重 → share), when any */
  kind: MilestoneKind | null;
  /** pieces of text that looked like a step but could not be read */
  unread: string[];
}

// `2024年12月底前` is one date (a deadline), not the year 2024 and a figure of 12 月底前.
const STEP =
  /(\d{4})\s*年(?:\s*\d{1,2}\s*月)?(?:底|末|年底)?(?:前)?\s*([^\d\s]*?)\s*([+-]?\d[\d,.]*\s*[^\s\d,，;；、。]*)?(?=\s*\d{4}\s*年|$|[\s,，;；、。])/g;

export function parseSchedule(raw: string): ParsedSchedule {
  const text = toSimplified(toHalfWidth(raw)).replace(/\s+/g, ' ').trim();
  const result: ParsedSchedule = { milestones: [], ongoing: /持续推进|长期坚持|每年|逐年/.test(text), kind: null, unread: [] };
  if (/累计/.test(text)) result.kind = 'cumulative';
  else if (/占比|比重|%/.test(text)) result.kind = 'share';
  for (const m of text.matchAll(STEP)) {
    const year = Number(m[1]);
    const verb = m[2] ?? '';
    const amount = m[3]?.trim();
    const stepText = m[0].trim();
    if (amount) {
      const q = parseQuantity(amount);
      if (q) {
        result.milestones.push({ year, value: q.value, unit: q.unit || null, text: stepText });
        continue;
      }
      result.unread.push(stepText);
    } else if (/完成|实现|建成|全覆盖/.test(verb) || /完成/.test(stepText) || /月|底|前/.test(stepText.replace(/^\d{4}\s*年/, ''))) {
      result.milestones.push({ year, value: null, unit: null, text: stepText });
    } else {
      result.unread.push(stepText);
    }
  }
  return result;
}
