/**
 * 填写状态 in the active WPS workbook: the review's read, the core's fillStatus, and only the 状态
 * cells written — the steps of the Excel host's fillStatusInExcel, through ET. A clerk's 状态
 * that differs from the rule is written over only when `ask` answers 'overwrite'.
 */
import type { Lang } from '../../core/i18n';
import { type StatusConflict, type StatusFill, fillStatus } from '../../core/operations/fillStatus';
import type { WpsApi } from './runtime';
import { readForReviewInWps } from './validate';

export interface FillStatusInWpsOptions {
  scope: 'active' | 'all';
  lang: Lang;
  ask: (conflicts: StatusConflict[]) => Promise<'keep' | 'overwrite'>;
}

export async function fillStatusInWps(api: WpsApi, opts: FillStatusInWpsOptions): Promise<StatusFill> {
  const read = await api.run((app) => readForReviewInWps(app, opts.scope));
  const fillOpts = { lang: opts.lang, ...(read.only !== undefined ? { sheet: read.only } : {}) };
  let fill = fillStatus(read.sheets, read.names, fillOpts);
  if (fill.conflicts.length > 0 && (await opts.ask(fill.conflicts)) === 'overwrite') {
    fill = fillStatus(read.sheets, read.names, { ...fillOpts, overwrite: true });
  }
  const writes = fill.writes;
  if (writes.length > 0) {
    // Value2 of one cell takes the label as text: 状态 is a dropdown of words, never a number.
    await api.run((app) => {
      for (const w of writes) app.ActiveWorkbook.Worksheets.Item(w.sheet).Range(w.cell).Value2 = w.value;
    });
  }
  return fill;
}
