/**
 * Findings shown on the sheet itself, in Excel: each cell a finding points at is filled in its
 * severity's colour and carries the messages as a note (ExcelApi 1.18) or, on older Excel, a
 * comment (1.10); before 1.10 the fill alone has to do. What goes where is decided in the core
 * (operations/mark.ts); this file reads the cells and makes the Office.js calls.
 *
 * Syncs do not grow with the number of findings: 1 to read the sheets and the record, 1 to read
 * the cells' fills and notes, 1 to write (split only when the request would pass the payload
 * budget, as renderSpec does).
 */
import type { Finding } from '../../core/findings/catalogue';
import type { NameConflict } from '../../core/sheet/claims';
import type { Lang } from '../../core/i18n';
import { type CellState, MARKS_SHEET, type MarkMode, cellKeyOf, markTargets, planMarks, upper } from '../../core/operations/mark';
import { findingsSheet } from '../../core/operations/findingsSheet';
import { readWorkbook } from './readWorkbook';
import { gridFromA1 } from './usedRanges';
import { OPERATION_OVERHEAD, PAYLOAD_BUDGET, type Step, packSteps, send } from './batching';
import { renderSpec } from './renderSpec';
import { deleteHiddenSheet } from './sheetSteps';
import { type ExcelApi, capabilitiesOf } from './runtime';

export { MARKS_SHEET, MARK_FILL, type Annotation } from '../../core/operations/mark';

export interface MarkResult {
  /** cells marked */
  marked: number;
  /** how messages were attached: notes, comments, or not at all (fill only) */
  annotation: MarkMode;
  /** cells of an earlier review that were not marked again */
  cleared: number;
  syncs: number;
}

/**
 * Takes off the marks recorded before (unless they are marked again) and puts on `findings`;
 * `findings` empty is clearMarks.
 */
async function applyMarks(api: ExcelApi, findings: Finding[], lang: Lang): Promise<MarkResult> {
  // RangeFill.pattern tells "no fill" from a white fill; without it, white is taken as none.
  const { notes, comments, fillPattern: pattern } = capabilitiesOf(api);
  const mode: MarkMode = notes ? 'note' : comments ? 'comment' : 'fill';
  return api.run(async (context) => {
    // ---- sync 1: sheets, the record, the comments ----
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/id,items/name');
    const names = context.workbook.names;
    names.load('items/name,items/formula');
    const recordSheet = worksheets.getItemOrNullObject(MARKS_SHEET);
    const recordUsed = recordSheet.getUsedRangeOrNullObject(true);
    recordUsed.load('values,address');
    const commentList = comments ? context.workbook.comments : null;
    commentList?.load('items/id,items/content');
    await context.sync();
    let syncs = 1;

    const sheets = worksheets.items.map((ws) => ({ id: ws.id, name: ws.name }));
    const nameRefs = names.items.map((n) => ({ name: n.name, ref: String(n.formula) }));
    const record = recordUsed.isNullObject ? null : gridFromA1(recordUsed.values, recordUsed.address);
    const targets = markTargets(findings, sheets, nameRefs, record);

    // ---- sync 2: the current fill and annotation of every cell involved ----
    const sheetProxies = new Map<string, Excel.Worksheet>();
    const sheetProxy = (id: string): Excel.Worksheet => {
      let ws = sheetProxies.get(id);
      if (!ws) {
        ws = worksheets.getItem(id);
        sheetProxies.set(id, ws);
      }
      return ws;
    };
    // Proxies are made inside the steps: making one queues a request, so it must land in the
    // request its step is packed into.
    const probes = targets.cells.map((c) => ({
      c,
      range: null as Excel.Range | null,
      fill: null as Excel.RangeFill | null,
      note: null as Excel.Note | null,
    }));
    const locations = (commentList?.items ?? []).map((item) => ({ item, at: null as Excel.Range | null }));
    const readSteps: Step[] = [
      ...probes.map((p) => ({
        bytes: 4 * OPERATION_OVERHEAD,
        run: () => {
          p.range = sheetProxy(p.c.sheetId).getRange(p.c.cell);
          p.fill = p.range.format.fill;
          p.fill.load(pattern ? 'color,pattern' : 'color');
          if (notes) {
            p.note = sheetProxy(p.c.sheetId).notes.getItemOrNullObject(p.c.cell);
            p.note.load('content');
          }
        },
      })),
      ...locations.map((l) => ({
        bytes: 2 * OPERATION_OVERHEAD,
        run: () => {
          l.at = l.item.getLocation();
          l.at.load('address');
        },
      })),
    ];
    if (readSteps.length > 0) syncs += await send(context, packSteps(readSteps, PAYLOAD_BUDGET));

    const commentAt = new Map<string, Excel.Comment>();
    for (const { item, at } of locations) {
      const key = at ? cellKeyOf(at.address, sheets) : null;
      if (key) commentAt.set(key, item);
    }
    const ranges = new Map(probes.map((p) => [p.c.key, p.range!]));
    const state = new Map<string, CellState>(
      probes.map((p) => {
        const fill = p.fill!;
        const none = pattern ? fill.pattern === 'None' : upper(fill.color) === '#FFFFFF';
        const note = p.note && !p.note.isNullObject ? p.note.content : null;
        return [p.c.key, { fill: none ? '' : upper(fill.color), note, comment: commentAt.get(p.c.key)?.content ?? null }];
      }),
    );

    // ---- sync 3: take off, record, put on ----
    const plan = planMarks(targets, state, { mode, lang, recordExists: !recordSheet.isNullObject });
    const steps: Step[] = plan.ops.map((o): Step => {
      switch (o.op) {
        case 'restore-fill': {
          const range = ranges.get(o.key)!;
          return { bytes: 2 * OPERATION_OVERHEAD, run: () => (o.fill ? (range.format.fill.color = o.fill) : range.format.fill.clear()) };
        }
        case 'delete-note':
          return { bytes: 2 * OPERATION_OVERHEAD, run: () => sheetProxy(o.sheetId).notes.getItem(o.cell).delete() };
        case 'delete-comment': {
          const item = commentAt.get(o.key)!;
          return { bytes: 2 * OPERATION_OVERHEAD, run: () => item.delete() };
        }
        case 'write-record':
          return {
            bytes: 4 * OPERATION_OVERHEAD + JSON.stringify(o.rows).length * 2,
            run: () => writeRecord(worksheets, recordSheet, o.rows, o.address),
          };
        case 'delete-record':
          return { bytes: 2 * OPERATION_OVERHEAD, run: () => deleteHiddenSheet(recordSheet) };
        case 'mark': {
          const range = ranges.get(o.key)!;
          return {
            bytes: 2 * OPERATION_OVERHEAD + o.text.length * 3,
            run: () => {
              range.format.fill.color = o.fill;
              if (o.annotation === 'note') sheetProxy(o.sheetId).notes.add(o.cell, o.text);
              else if (o.annotation === 'comment') context.workbook.comments.add(range, o.text);
            },
          };
        }
      }
    });
    if (steps.length > 0) syncs += await send(context, packSteps(steps, PAYLOAD_BUDGET));
    return { marked: plan.marked, cleared: plan.cleared, annotation: mode, syncs };
  });
}

function writeRecord(worksheets: Excel.WorksheetCollection, recordSheet: Excel.Worksheet, rows: string[][], address: string): void {
  let ws: Excel.Worksheet;
  if (recordSheet.isNullObject) {
    ws = worksheets.add(MARKS_SHEET);
    ws.visibility = 'VeryHidden';
  } else {
    ws = recordSheet;
    // The old record's cells only: Excel on the web refuses an operation over 33,554,000 cells.
    ws.getUsedRange(false).clear('All');
  }
  const range = ws.getRange(address);
  // Text format first, so a sheet name or colour is never read as a number or formula.
  range.numberFormat = rows.map((r) => r.map(() => '@'));
  range.values = rows;
}

/**
 * Marks the cells of `findings` (those with a cell); marks left from an earlier review are taken
 * off first, except where the same cell is marked again.
 */
export function markFindings(api: ExcelApi, findings: Finding[], lang: Lang): Promise<MarkResult> {
  return applyMarks(api, findings, lang);
}

/** Takes off every mark keytask recorded, restoring each cell's fill; nothing else is touched. */
export async function clearMarks(api: ExcelApi): Promise<{ cleared: number; syncs: number }> {
  const { cleared, syncs } = await applyMarks(api, [], 'zh');
  return { cleared, syncs };
}

export interface FindingsSheetResult {
  sheet: string;
  /** the name keytask wanted, when a sheet of the user's held it */
  wanted?: string;
  /** the user declined the other name: nothing was written (`sheet` is '') */
  cancelled?: boolean;
  syncs: number;
}

/** Renders the 审核意见 sheet (see operations/findingsSheet.ts), asking before taking another name. */
export async function writeFindingsSheet(
  api: ExcelApi,
  findings: Finding[],
  lang: Lang,
  opts: {
    subject?: string;
    date?: string;
    /** asked before taking another name beside a sheet of the user's; false writes nothing */
    confirm?: (conflicts: NameConflict[]) => Promise<boolean>;
  } = {},
): Promise<FindingsSheetResult> {
  const snapshot = await api.run((context) => readWorkbook(context, []));
  const { sheetNames } = snapshot.existing;
  const date = opts.date ?? new Date().toISOString().slice(0, 10);
  const f = findingsSheet(findings, lang, { ...snapshot.existing, registryExists: snapshot.registryExists }, { ...opts, date });
  if (f.conflicts.length > 0 && opts.confirm && !(await opts.confirm(f.conflicts))) {
    return { sheet: '', wanted: f.wanted, cancelled: true, syncs: 1 };
  }
  const capabilities = capabilitiesOf(api);
  const render = await api.run((context) =>
    renderSpec(context, f.spec, {
      updatable: f.updatable,
      existingSheets: sheetNames,
      existingNames: snapshot.names,
      pageLayout: capabilities.pageLayout,
      rangeAreas: capabilities.rangeAreas,
      activate: f.name,
    }),
  );
  return { sheet: f.name, ...(f.renamed ? { wanted: f.wanted } : {}), syncs: 1 + render.syncs };
}
