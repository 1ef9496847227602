/**
 * 填写状态 in the open workbook: the review's read (readForReview: three syncs whatever the size),
 * the core's fillStatus, and one write of only the 状态 cells — more only when the cells are more
 * than one request may carry. A clerk's 状态 that differs from the rule is written over only when
 * `ask` (the pane asks the user) answers 'overwrite'.
 */
import type { Lang } from '../../core/i18n';
import { type StatusConflict, type StatusFill, fillStatus } from '../../core/operations/fillStatus';
import { PAYLOAD_BUDGET, jsonBytes, OPERATION_OVERHEAD, packSteps, send, type Step } from './batching';
import type { ExcelApi } from './runtime';
import { readForReview } from './validate';

export type ConflictAnswer = 'keep' | 'overwrite';

export interface FillStatusInExcelOptions {
  /** the active sheet only, or every task sheet of the workbook */
  scope: 'active' | 'all';
  lang: Lang;
  /** asked only when clerk choices differ from the rule: keep theirs, or write the rule's over them */
  ask: (conflicts: StatusConflict[]) => Promise<ConflictAnswer>;
}

export interface ExcelStatusFill extends StatusFill {
  /** round trips used */
  syncs: number;
}

export async function fillStatusInExcel(api: ExcelApi, opts: FillStatusInExcelOptions): Promise<ExcelStatusFill> {
  return api.run(async (context) => {
    const read = await readForReview(api, context, opts.scope);
    const fillOpts = { lang: opts.lang, ...(read.only !== undefined ? { sheet: read.only } : {}) };
    let fill = fillStatus(read.sheets, read.names, fillOpts);
    // Deciding again from the grids already read: the answer costs no round trip.
    if (fill.conflicts.length > 0 && (await opts.ask(fill.conflicts)) === 'overwrite') {
      fill = fillStatus(read.sheets, read.names, { ...fillOpts, overwrite: true });
    }
    const steps: Step[] = fill.writes.map((w) => ({
      bytes: OPERATION_OVERHEAD + jsonBytes(w),
      // A worksheet proxy per write: one made in a request Excel refuses for its size does not exist after it.
      run: () => {
        context.workbook.worksheets.getItem(w.sheet).getRange(w.cell).values = [[w.value]];
      },
    }));
    const written = steps.length > 0 ? await send(context, packSteps(steps, PAYLOAD_BUDGET)) : 0;
    return { ...fill, syncs: read.syncs + written };
  });
}
