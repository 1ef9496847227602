/** Ids, required fields, required columns and merged cells. */
import { type ColumnKey, FIXED_COLUMNS, type FixedColumnKey, yearKey } from '../../layout/columns';
import { isEmpty } from '../../sheet/grid';
import { cellAddress, parseRange } from '../../sheet/spec';
import type { Rule } from '../context';
import { type TaskRecord, fieldName } from '../record';

export const taskIds: Rule = (ctx) => {
  const seen = new Map<string, string>();
  for (const r of ctx.records) {
    const at = r.cells.id ?? cellAddress(r.row, 0);
    if (!r.id) {
      ctx.report('task-id-missing', at, null);
      continue;
    }
    const other = seen.get(r.id);
    if (other) ctx.report('task-id-duplicate', at, r.id, { id: r.id, other });
    else seen.set(r.id, at);
  }
};

/**
 * One finding per empty required cell. The lead unit and the target have rules of their own
 * (lead-missing, target-missing); what is reported each period is required once a reporting
 * period is named in the header block.
 */
export const requiredFields: Rule = (ctx) => {
  const { columns } = ctx.sheet;
  const standard = columns.lead !== undefined || columns.kind !== undefined;
  if (!standard) {
    // A plan's own table: the task text is all that is required of it here.
    for (const r of ctx.records)
      if (!r.text && r.cells.task) ctx.report('required-missing', r.cells.task, r.id || null, { field: fieldName('task', ctx.lang) });
    return;
  }
  // What a sheet checks is the same for every row: worked out once, not per cell.
  const checked = (['task', 'kind', 'deadline', 'unit', 'actual', 'status'] as FixedColumnKey[])
    .map((key) => ({ key, def: FIXED_COLUMNS[key] }))
    .filter(({ def }) => def.filledBy !== 'period' || ctx.reporting);
  const yearKeys = new Map(ctx.sheet.years.map((y) => [y, yearKey(y)]));
  for (const key of ['task', 'deadline'] as FixedColumnKey[]) {
    if (columns[key] === undefined && columns.schedule === undefined)
      ctx.report('column-missing', null, null, { field: fieldName(key, ctx.lang) });
  }
  const missing = (r: TaskRecord, key: ColumnKey): void => {
    // A cell's address is made only for a blank cell: most are filled.
    const cell = isEmpty(r.values[key]) ? r.cells[key] : undefined;
    if (cell) ctx.report('required-missing', cell, r.id || null, { field: fieldName(key, ctx.lang) });
  };
  for (const r of ctx.records) {
    for (const { key, def } of checked) {
      if (def.required === 'measured' && r.kind === 'qualitative') continue;
      missing(r, key);
    }
    // Every plan year of a measured task needs its milestone: the template marks these cells
    // required, and 填报情况 counts a blank one as missing.
    if (r.kind === 'qualitative') continue;
    for (const y of r.yearFields) missing(r, yearKeys.get(y.year) ?? yearKey(y.year));
  }
};

/** A merge spanning several task rows hides values from every row but the first. */
export const mergedCells: Rule = (ctx) => {
  if (ctx.merges.length === 0) return; // most sheets, and every grid a roll-up reads from a file
  const taskRows = new Set(ctx.records.map((r) => r.row));
  for (const m of ctx.merges) {
    const b = parseRange(m);
    if (b.row2 === b.row1) continue;
    let rows = 0;
    for (let r = b.row1; r <= b.row2; r++) if (taskRows.has(r) || r >= ctx.sheet.firstDataRow) rows++;
    if (b.row1 >= ctx.sheet.firstDataRow && rows > 1) {
      const first = ctx.records.find((r) => r.row === b.row1);
      ctx.report('merged-cells', m.split(':')[0], first?.id || null, { range: m });
    }
  }
};
