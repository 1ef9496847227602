/**
 * County copies filled the way clerks fill them, written as real .xlsx files from the real
 * template (seed 001's task list), with the totals worked out by hand in the test that reads them:
 * - 新密市: units and scales typed into number cells (`0.23万` under 万个, `2700家` under 万家,
 *   `0.4万个`), a share typed as `8%` into a percent-formatted cell (stored 0.08), a full-width
 *   actual (`７０`), and task 7's id typed full-width (`７`);
 * - 登封市: a cumulative milestone that goes down (2024: 70 after 2023: 80), an approximate
 *   figure (`约0.1万`), a figure in another unit (`300户` under 万家), a blank 2024 milestone;
 * - 荥阳市: renumbered (its row 7 holds the city's task 8), otherwise clean;
 * - 巩义市: sends nothing;
 * - another plan's workbooks: the same tasks for 2026–2028, and 2023–2025 with other tasks.
 * All three report 2024年第2季度.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import type { Plan } from '../../src/core/model';
import { cellAddress, type WorkbookSpec } from '../../src/core/sheet/spec';
import { toBuffer } from '../../src/hosts/xlsx/writeWorkbook';
import { samplePlan } from '../core/sample';
import { cityWorkbook, countyCopy, fill, gridOf } from './rollupFixtures';

export const CLERK_COUNTIES = ['新密市', '登封市', '荥阳市', '巩义市'];
const PERIOD = '2024年第2季度';
const ACTUAL_COL = 13;

export interface ClerkFixtures {
  city: string;
  counties: Record<'新密市' | '登封市' | '荥阳市', string>;
  /** the same tasks for another period (2026–2028) */
  otherPeriod: string;
  /** the same period, other tasks under the same numbers */
  otherTasks: string;
}

function otherPlan(kind: 'period' | 'tasks'): Plan {
  const plan = samplePlan();
  if (kind === 'period') {
    return {
      ...plan,
      startYear: 2026,
      endYear: 2028,
      tasks: plan.tasks.map((t) => ({ ...t, milestones: t.milestones.map((m) => ({ ...m, year: m.year + 3 })) })),
    };
  }
  return {
    ...plan,
    name: '某市数字经济发展行动方案',
    tasks: plan.tasks.map((t, i) => ({ ...t, text: `推进数字经济重点项目第${i + 1}批建设` })),
  };
}

/** An other plan's county copy, filled: nothing of it may reach the city's totals. */
function foreignCopy(kind: 'period' | 'tasks'): WorkbookSpec {
  const spec = cityWorkbook(otherPlan(kind), ['新郑市']);
  const g = gridOf(spec, '新郑市');
  g[1][4] = PERIOD;
  fill(g, '4', { target: 1000, y2023: 900, y2024: 950, y2025: 1000, actual: 999 });
  return countyCopy(spec, '新郑市', g);
}

export async function writeClerkFixtures(dir: string): Promise<ClerkFixtures> {
  const spec = cityWorkbook(samplePlan(), CLERK_COUNTIES);

  const xm = gridOf(spec, '新密市');
  xm[1][4] = PERIOD;
  fill(xm, '4', { target: 100, y2023: 60, y2024: 80, y2025: 100, actual: '７０' });
  fill(xm, '11', { target: 0.5, y2023: 0.3, y2024: '0.4万个', y2025: 0.5, actual: '0.23万' });
  fill(xm, '10', { target: 0.6, y2023: 0.2, y2024: 0.4, y2025: 0.6, actual: '2700家' });
  fill(xm, '17', { target: 10, y2023: 8, y2024: 9, y2025: 10, actual: 0.08 });
  fill(xm, '22', { target: 50, y2023: 40, y2024: 45, y2025: 50, actual: 45 });
  fill(xm, '7', { target: 4, y2023: 1, y2024: 2, y2025: 4, actual: 2 });
  const r7 = xm.findIndex((r) => r[0] === '7');
  xm[r7][0] = '７';
  const share = xm.findIndex((r) => r[0] === '17');

  const df = gridOf(spec, '登封市');
  df[1][4] = PERIOD;
  fill(df, '4', { target: 80, y2023: 80, y2024: 70, y2025: 80, actual: 75 });
  fill(df, '11', { target: 0.3, y2023: 0.1, y2024: 0.2, y2025: 0.3, actual: '约0.1万' });
  fill(df, '10', { target: 0.5, y2023: 0.1, y2024: 0.3, y2025: 0.5, actual: '300户' });
  fill(df, '17', { target: 10, y2023: 8, y2024: 9, y2025: 10, actual: 9 });
  fill(df, '22', { target: 40, y2023: 30, y2024: null, y2025: 40, actual: 35 });
  fill(df, '7', { target: 3, y2023: 1, y2024: 2, y2025: 3, actual: 1 });

  const ys = gridOf(spec, '荥阳市');
  ys[1][4] = PERIOD;
  fill(ys, '4', { target: 60, y2023: 30, y2024: 45, y2025: 60, actual: 45 });
  fill(ys, '11', { target: 0.4, y2023: 0.2, y2024: 0.3, y2025: 0.4, actual: 0.3 });
  fill(ys, '10', { target: 0.4, y2023: 0.1, y2024: 0.2, y2025: 0.4, actual: 0.15 });
  fill(ys, '17', { target: 10, y2023: 8, y2024: 9, y2025: 10, actual: 9.5 });
  fill(ys, '22', { target: 30, y2023: 20, y2024: 25, y2025: 30, actual: 20 });
  fill(ys, '8', { target: 2, y2023: 1, y2024: 1, y2025: 2, actual: 2 });
  // Renumbered: the clerk deleted task 7, and task 8 moved up under id 7 (its old row left
  // empty, so the sheet's merged section rows stay where they were).
  const y7 = ys.findIndex((r) => r[0] === '7');
  const y8 = ys.findIndex((r) => r[0] === '8');
  ys[y7] = [...ys[y8]];
  ys[y7][0] = '7';
  ys[y8] = ys[y8].map(() => null);

  const xmFile = countyCopy(spec, '新密市', xm);
  // The share cell is formatted as percent, as Excel formats it when a clerk types `8%`.
  xmFile.sheets[0] = {
    ...xmFile.sheets[0],
    formats: [...xmFile.sheets[0].formats, { range: cellAddress(share, ACTUAL_COL), style: { numFmt: '0%' } }],
  };

  const files: Array<[string, WorkbookSpec]> = [
    ['city.xlsx', spec],
    ['新密市.xlsx', xmFile],
    ['登封市.xlsx', countyCopy(spec, '登封市', df)],
    ['荥阳市.xlsx', countyCopy(spec, '荥阳市', ys)],
    ['新郑市-2026.xlsx', foreignCopy('period')],
    ['新郑市-数字经济.xlsx', foreignCopy('tasks')],
  ];
  for (const [name, content] of files) writeFileSync(join(dir, name), await toBuffer(content));
  const at = (name: string): string => join(dir, name);
  return {
    city: at('city.xlsx'),
    counties: { 新密市: at('新密市.xlsx'), 登封市: at('登封市.xlsx'), 荥阳市: at('荥阳市.xlsx') },
    otherPeriod: at('新郑市-2026.xlsx'),
    otherTasks: at('新郑市-数字经济.xlsx'),
  };
}
