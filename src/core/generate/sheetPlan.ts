/**
 * The plan a keytask task sheet holds, for re-writing the sheet without the plan file it was
 * made from (next-period works on the workbook alone). Only what the plan columns need to come
 * out the same is taken — ids, sections, task texts, target types; everything else the plan
 * leaves empty, so re-generation keeps the sheet's own cells for it (preserve.ts).
 */
import type { Lang } from '../i18n';
import type { ReadSheet } from '../layout/reader';
import { TITLE_SUFFIX } from '../layout/taskSheet';
import { kindFromLabel } from '../layout/vocabulary';
import type { Plan, Section, Task } from '../model';
import { type Grid, cellText } from '../sheet/grid';

/** The plan name in a sheet title keytask wrote (`商丘市…(2023—2025年)重点任务清单`). */
function planName(grid: Grid): string {
  const title = cellText(grid[0]?.[0]);
  for (const lang of ['zh', 'en'] as Lang[]) {
    const suffix = `${lang === 'en' ? ' — ' : ''}${TITLE_SUFFIX[lang]}`;
    if (title === TITLE_SUFFIX[lang]) return '';
    if (title.endsWith(suffix)) return title.slice(0, -suffix.length);
  }
  return title;
}

const split = (v: unknown): string[] =>
  cellText(v as never)
    .split(/[、,,;;\s]+/)
    .map((u) => u.trim())
    .filter(Boolean);

export function planOfSheet(grid: Grid, read: ReadSheet, years: [number, number]): Plan {
  const sections: Section[] = [];
  const tasks: Task[] = [];
  const units = new Set<string>();
  let section: string | null = null;
  const seen = new Set<string>();
  for (const r of read.rows) {
    if (r.type === 'section') {
      section = r.id;
      sections.push({ id: r.id, title: r.title });
      continue;
    }
    // A row without an id, or a repeated one, is kept as the sheet's own row (preserve.ts).
    if (!r.id || seen.has(r.id)) continue;
    seen.add(r.id);
    for (const u of [...split(r.values.lead), ...split(r.values.cooperating)]) units.add(u);
    tasks.push({
      id: r.id,
      section,
      text: cellText(r.values.task),
      target: null,
      kind: kindFromLabel(cellText(r.values.kind)) ?? 'cumulative',
      deadline: null,
      milestones: [],
      lead: [],
      cooperating: [],
    });
  }
  return { name: planName(grid), startYear: years[0], endYear: years[1], sections, tasks, units: [...units] };
}
