/**
 * Importing a plan document, one function for every host: its text in, the task list read from
 * it and the report of what could not be read cleanly out. Options (the findings' language, the
 * file name, the period, the clock) go through to the reader as they are.
 */
import { type ImportOptions, type ImportResult, importPlan } from '../import';
import { type Report, reportOf } from './report';

export { ImportError, type ImportOptions, type ImportResult } from '../import';

export interface ImportReport extends Report {
  tasks: number;
  units: number;
}

export interface Imported {
  imported: ImportResult;
  report: ImportReport;
}

/** Throws ImportError when the text is empty or not a plan document. */
export function importDocument(text: string, opts: ImportOptions = {}): Imported {
  const imported = importPlan(text, opts);
  return { imported, report: { ...reportOf(imported.findings), tasks: imported.tasks.length, units: imported.units.length } };
}
