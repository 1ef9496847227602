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
  const cityText = new Map(city.records.filter((r) => r.id).map((r) => [r.id, r.text]));
  const tasks = other.records.filter((r) => r.id);
  if (tasks.length === 0) return null;
  const shared = tasks.filter((r) => cityText.has(r.id));
  if (shared.length === 0) {
    return zh ? '其序号与本清单无一相同' : 'none of its task ids is in this list';
  }
  const differ = shared.filter((r) => r.text && cityText.get(r.id) && textSimilarity(r.text, cityText.get(r.id)!) < SAME_TASK);
  if (differ.length > shared.length * FOREIGN_SHARE) {
    return zh
      ? `${shared.length}个相同序号中有${differ.length}个任务内容与本清单不同`
      : `${differ.length} of its ${shared.length} task ids carry other task texts than this list`;
  }
  return null;
}
