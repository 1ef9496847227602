/**
 * Re-generating a template keeps what was filled. Given the grid of an existing keytask sheet
 * and the plan, this works out the rows of the new sheet: plan-defined columns come from the
 * plan, what clerks fill (county targets and milestones, actual values, notes, status) comes
 * from the old sheet, matched by task id; tasks the plan no longer has are kept at the end,
 * so nothing typed is ever dropped.
 */
import { type ColumnKey, FIXED_COLUMNS, isForeignKey, isYearKey, yearColumn, yearOfKey } from '../layout/columns';
import { readTaskSheet } from '../layout/reader';
import { type DataRow, type HeaderBlock, planRows } from '../layout/taskSheet';
import type { Plan } from '../model';
import { type Grid, isEmpty } from '../sheet/grid';
import type { CellValue } from '../sheet/spec';

export interface Preserved {
  rows: DataRow[];
  headerBlock: HeaderBlock;
  /** task ids whose filled values were carried over */
  kept: string[];
  /** task ids the old sheet had and the plan does not; kept as rows below the plan's tasks */
  orphans: string[];
  /** the old sheet had a 上期完成值 column (its workbook started a period chain): the new one keeps it */
  previousColumn: boolean;
}

function filledBy(key: ColumnKey) {
  if (isForeignKey(key)) return 'plan';
  return isYearKey(key) ? yearColumn(yearOfKey(key)).filledBy : FIXED_COLUMNS[key].filledBy;
}

/**
 * @param sheetKind city sheets take targets and milestones from the plan; county copies keep
 *   the county's own.
 */
export function preserveFilled(plan: Plan, oldGrid: Grid | undefined, sheetKind: 'city' | 'county'): Preserved {
  const fresh = planRows(plan);
  const old = oldGrid ? readTaskSheet(oldGrid) : null;
  if (!old) return { rows: fresh, headerBlock: {}, kept: [], orphans: [], previousColumn: false };

  const oldById = new Map<string, Partial<Record<ColumnKey, CellValue>>>();
  for (const r of old.rows) if (r.type === 'task' && r.id && !oldById.has(r.id)) oldById.set(r.id, r.values);

  // Which old values win over the plan's.
  const keepOld = (key: ColumnKey): boolean => {
    const by = filledBy(key);
    if (by === 'computed') return false;
    if (by === 'plan') return false;
    if (by === 'target') return sheetKind === 'county';
    return true;
  };

  const kept: string[] = [];
  const planIds = new Set<string>();
  const rows: DataRow[] = fresh.map((r) => {
    if (r.type !== 'task') return r;
    planIds.add(r.task.id);
    const prev = oldById.get(r.task.id);
    if (!prev) return r;
    const values: Partial<Record<ColumnKey, CellValue>> = {};
    for (const [key, v] of Object.entries(prev) as Array<[ColumnKey, CellValue]>) {
      if (isEmpty(v)) continue;
      if (keepOld(key) || planValueMissing(r.task, key)) values[key] = v;
    }
    if (Object.keys(values).length > 0) kept.push(r.task.id);
    return { ...r, values };
  });

  const orphans: string[] = [];
  for (const r of old.rows) {
    if (r.type !== 'task') continue;
    if (r.id && planIds.has(r.id)) continue;
    const values: Partial<Record<ColumnKey, CellValue>> = {};
    for (const [key, v] of Object.entries(r.values) as Array<[ColumnKey, CellValue]>) {
      if (key !== 'rate' && !isEmpty(v)) values[key] = v;
    }
    orphans.push(r.id);
    rows.push({ type: 'blank', values });
  }
  return { rows, headerBlock: old.headerBlock, kept, orphans, previousColumn: old.columns.previous !== undefined };
}

/** True when the plan says nothing for this column of the task, so a filled value may stand. */
function planValueMissing(task: Plan['tasks'][number], key: ColumnKey): boolean {
  switch (key) {
    case 'indicator':
      return !task.indicator;
    case 'unit':
      return !task.target?.unit && !task.milestones.some((m) => m.unit);
    case 'deadline':
      return !task.deadline;
    case 'lead':
      return task.lead.length === 0;
    case 'cooperating':
      return task.cooperating.length === 0;
    case 'target':
      return !task.target;
    default:
      if (isYearKey(key)) return !task.milestones.some((m) => m.year === yearOfKey(key) && m.value !== null);
      return false;
  }
}
