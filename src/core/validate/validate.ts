/**
 * Validation of one key-task sheet: the grid in, findings out (data only: the pane, the CLI
 * and the findings sheet render them). Rules run in catalogue order so findings read the way
 * a reviewer works down a sheet.
 */
import { type Finding } from '../findings/catalogue';
import type { Lang } from '../i18n';
import { type ReadSheet, readTaskSheet } from '../layout/reader';
import { cellText, type Grid } from '../sheet/grid';
import { type RuleContext, collector } from './context';
import { UnitDirectory } from './directory';
import { parseReportingPeriod, periodFromTitle } from './period';
import { type TaskRecord, readRecords } from './record';
import { milestoneProgression, milestoneUnits, milestoneYears, shares, targets } from './rules/milestones';
import { numberCells } from './rules/numbers';
import { progress } from './rules/progress';
import { responsibility } from './rules/responsibility';
import { mergedCells, requiredFields, taskIds } from './rules/structure';

export interface ValidateOptions {
  sheet: string;
  lang: Lang;
  /** the unit directory; without one, unit names are not checked */
  units?: string[] | null;
  /** the plan period, when the workbook's registry knows it */
  period?: { start: number; end: number } | null;
  merges?: string[];
  /** cells formatted as percent (A1), as the host read them */
  percentCells?: Iterable<string>;
}

const RULES = [
  taskIds,
  requiredFields,
  numberCells,
  targets,
  milestoneYears,
  milestoneProgression,
  milestoneUnits,
  shares,
  progress,
  responsibility,
  mergedCells,
];

export function validateGrid(grid: Grid, opts: ValidateOptions): Finding[] {
  const sheet = readTaskSheet(grid, { percentCells: opts.percentCells });
  if (!sheet) {
    const { findings, report } = collector(opts.sheet, opts.lang);
    report('header-missing', null, null);
    return findings;
  }
  return validateRead(grid, sheet, readRecords(sheet, opts.lang), opts);
}

/** The rules over a sheet already read (roll-up reads each county once and checks it here). */
export function validateRead(grid: Grid, sheet: ReadSheet, records: TaskRecord[], opts: ValidateOptions): Finding[] {
  const { findings, report } = collector(opts.sheet, opts.lang);
  const years = sheet.years;
  // The title is read only when the registry does not give the period (a roll-up always does).
  const period =
    opts.period ??
    periodFromTitle(titleText(grid, sheet.headerRow)) ??
    (years.length ? { start: years[0], end: years[years.length - 1] } : null);
  const ctx: RuleContext = {
    sheetName: opts.sheet,
    lang: opts.lang,
    sheet,
    records,
    period,
    reporting: sheet.headerBlock.period ? parseReportingPeriod(sheet.headerBlock.period) : null,
    directory: opts.units && opts.units.length ? UnitDirectory.of(opts.units) : null,
    merges: opts.merges ?? [],
    report,
  };
  for (const rule of RULES) rule(ctx);
  if (findings.length === 0) return findings;
  // The task's text travels with each finding: a reviewer reads the task, not its id.
  const texts = new Map<string, string>();
  for (const f of findings) if (f.taskId) texts.set(f.taskId, '');
  for (const r of records) if (texts.has(r.id)) texts.set(r.id, r.text); // the last row of an id, as before
  for (const f of findings) {
    const text = f.taskId ? texts.get(f.taskId) : undefined;
    if (text) f.taskText = text;
  }
  return findings;
}

/** The text above the header row: the title, where a plan period may be written. */
function titleText(grid: Grid, headerRow: number): string {
  return grid
    .slice(0, headerRow)
    .flatMap((r) => r.map(cellText))
    .join(' ');
}
