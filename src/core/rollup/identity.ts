/**
 * Whether a submission belongs to the city's list at all. A workbook of another plan (another
 * period, other tasks under the same numbers) sent in by mistake must not be summed, and must
 * not be taken for the city list either: it is named as foreign, and nothing of it is used.
 */
import type { Lang } from '../i18n';
import { type ReadSheet, readTaskSheet } from '../layout/reader';
import { type Grid, titleOf } from '../sheet/grid';
import { type TaskRecord, readRecords } from '../validate/record';
import { matchKey } from '../text/normalize';
import { SAME_TASK, textSimilarity } from './textMatch';

/** More than this share of the shared ids with other task texts: another plan. */
const FOREIGN_SHARE = 0.5;

/** A task list as read once: the sheet, its records, and its title row when it has one. */
export interface TaskList {
  sheet: ReadSheet;
  records: TaskRecord[];
  title?: string;
}

/** The task list of a grid, read once (null when no header is found). */
export function readTaskList(grid: Grid, percentCells: string[] | undefined, lang: Lang): TaskList | null {
  const sheet = readTaskSheet(grid, { percentCells });
  return sheet ? { sheet, records: readRecords(sheet, lang), title: titleOf(grid) } : null;
}

/** Each id's task text in a list (the last, where it repeats one): the city's, made once for every county held against it. */
const TEXTS = new WeakMap<TaskRecord[], Map<string, string>>();
function textsById(records: TaskRecord[]): Map<string, string> {
  let texts = TEXTS.get(records);
  if (!texts) TEXTS.set(records, (texts = new Map(records.filter((r) => r.id).map((r) => [r.id, r.text]))));
  return texts;
}

/** Why `other` is not a copy of the city's list, in the user's language; null when it is. */
export function foreignReason(city: TaskList, other: TaskList, lang: Lang): string | null {
  const zh = lang === 'zh';
  const span = (ys: number[]): string => (ys.length ? `${ys[0]}—${ys[ys.length - 1]}` : '—');
  const cy = city.sheet.years;
  const oy = other.sheet.years;
  if (cy.length && oy.length && (cy.length !== oy.length || cy.some((y, i) => y !== oy[i]))) {
    return zh ? `其规划期为${span(oy)}年,本清单为${span(cy)}年` : `its plan period is ${span(oy)}, this list's is ${span(cy)}`;
  }
  if (city.title && other.title && matchKey(city.title) !== matchKey(other.title)) {
    return zh ? `其标题为“${other.title}”,本清单为“${city.title}”` : `its title is "${other.title}", this list's is "${city.title}"`;
  }
  const cityText = textsById(city.records);
  let tasks = 0;
  let shared = 0;
  let differ = 0;
  for (const r of other.records) {
    if (!r.id) continue;
    tasks++;
    const text = cityText.get(r.id);
    if (text === undefined) continue;
    shared++;
    if (r.text && text && textSimilarity(r.text, text) < SAME_TASK) differ++;
  }
  if (tasks === 0) return null;
  if (shared === 0) {
    return zh ? '其序号与本清单无一相同' : 'none of its task ids is in this list';
  }
  if (differ > shared * FOREIGN_SHARE) {
    return zh
      ? `${shared}个相同序号中有${differ}个任务内容与本清单不同`
      : `${differ} of its ${shared} task ids carry other task texts than this list`;
  }
  return null;
}
