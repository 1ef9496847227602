/**
 * 生成通报 and 催报, the one definition the pane and the CLI call: the host reads the summary
 * workbook's sheets (those `summarySheetsToRead` names, and the period history), and gets back
 * the bulletin as a plain document, or the reminders as text and as a sheet, to render.
 */
import { type BulletinDoc, buildBulletin } from '../bulletin/bulletin';
import { type BulletinData, type SummaryGrids, readSummary } from '../bulletin/readSummary';
import { type Reminder, buildReminderSheet, buildReminders, remindersText } from '../bulletin/reminders';
import type { Lang } from '../i18n';
import type { SheetSpec, WorkbookSpec } from '../sheet/spec';

export interface BulletinOperationOptions {
  lang: Lang;
  /** the period the user names (`--period`); a summary of another period is refused */
  period?: string;
  /** the summary file's name, for the footnote */
  source?: string;
}

export interface BulletinOperation {
  data: BulletinData;
  doc: BulletinDoc;
}

/** Throws a Refusal when the sheets are not a keytask summary (or another period's). */
export function bulletinOperation(input: SummaryGrids, opts: BulletinOperationOptions): BulletinOperation {
  const data = readSummary(input, opts.period ? { period: opts.period } : {});
  return { data, doc: buildBulletin(data, { lang: opts.lang, ...(opts.source ? { source: opts.source } : {}) }) };
}

export interface RemindersOperation {
  data: BulletinData;
  reminders: Reminder[];
  /** the notices to paste, one paragraph per county */
  text: string;
  /** the same as a sheet (催报) */
  sheet: SheetSpec;
}

export function remindersOperation(input: SummaryGrids, opts: BulletinOperationOptions & { deadline?: string }): RemindersOperation {
  const data = readSummary(input, opts.period ? { period: opts.period } : {});
  const reminders = buildReminders(data, { lang: opts.lang, ...(opts.deadline ? { deadline: opts.deadline } : {}) });
  return {
    data,
    reminders,
    text: remindersText(reminders, opts.lang),
    sheet: buildReminderSheet(reminders, { lang: opts.lang, period: data.period }),
  };
}

export interface RemindersSheetPlan {
  spec: WorkbookSpec;
  /** the sheet's name in the workbook */
  name: string;
  /** the sheet of that name already there (the workbook's spelling), which the write replaces: the host asks first */
  replaces: string | null;
}

/**
 * The 催报 sheet written into the summary workbook. It is not registered (a sheet of its own in
 * the CLI's file too): a sheet of the same name, keytask's last one or the user's, is replaced in
 * place once the user agrees, so sending the notices again never piles up 催报 (2), 催报 (3).
 */
export function remindersSheetPlan(sheet: SheetSpec, sheetNames: readonly string[]): RemindersSheetPlan {
  const replaces = sheetNames.find((n) => n.toLowerCase() === sheet.name.toLowerCase()) ?? null;
  const name = replaces ?? sheet.name;
  return { spec: { sheets: [{ ...sheet, name }], names: [] }, name, replaces };
}
