/**
 * The self-check a user runs in their own Excel (the pane's 诊断 / Diagnostics): every Office.js
 * capability keytask relies on, tried on a scratch sheet it adds and removes, each check in its
 * own batch so one failure does not hide the others. A failed check carries Excel's error code,
 * which is what a support request needs; a check whose API set this Excel lacks is skipped
 * (keytask then does without it, as the host code does).
 *
 * The checks also pin down what keytask assumes about Excel where the documentation is thin:
 * text written with an apostrophe into a General cell and as it is into a text cell comes back
 * unchanged, a very hidden sheet is deleted once made hidden, a write larger than one request
 * may be goes through in several.
 */
import { type CheckId, type DiagnosticResult, Mismatch, expectEqual } from '../../core/operations/diagnostics';
import { MAX_ROW_HEIGHT } from '../../core/sheet/excelLimits';
import { OPERATION_OVERHEAD, PAYLOAD_BUDGET, type Step, packSteps, send } from './batching';
import { cellInput } from './cellInputs';
import { deleteHiddenSheet } from './sheetSteps';
import { CAPABILITY_API, type ExcelApi, MIN_EXCEL_API } from './runtime';

export const DIAGNOSTICS_SHEET = 'keytask_diagnostics';
const HIDDEN_SHEET = 'keytask_diagnostics_hidden';
const LIST_NAME = 'KT_DIAGNOSTICS_LIST';

export type { CheckId, DiagnosticResult } from '../../core/operations/diagnostics';

/** Which host's checks these are: the WPS build's stand-in says 'wps', and the tab words itself so. */
export const DIAGNOSTICS_HOST: 'excel' | 'wps' = 'excel';

type Run = (context: Excel.RequestContext, ws: Excel.Worksheet) => Promise<void>;

/** The large write: rows of text adding up to more than one 5 MB request. */
const LARGE_ROWS = 4000;
const LARGE_TEXT = '进展情况'.repeat(125);

const CHECKS: ReadonlyArray<{ id: CheckId; api: string; run: Run }> = [
  {
    id: 'writeRead',
    api: '1.1',
    run: async (context, ws) => {
      const r = ws.getRange('A1:C1');
      r.formulas = [['任务', 42, '=B1*2']];
      r.load('values');
      await context.sync();
      expectEqual(r.values, [['任务', 42, 84]], 'values read back');
    },
  },
  {
    id: 'textKept',
    api: '1.1',
    run: async (context, ws) => {
      const texts = ['2023-1', '1/2', '50%', '=1+1', "'x"];
      const general = ws.getRange(`A2:E2`);
      general.formulas = [texts.map((t) => cellInput(t))];
      const text = ws.getRange('A3:E3');
      text.numberFormat = [texts.map(() => '@')];
      text.formulas = [texts.map((t) => cellInput(t, true))];
      general.load('values');
      text.load('values');
      await context.sync();
      expectEqual(general.values, [texts], 'General cells');
      expectEqual(text.values, [texts], 'text cells');
    },
  },
  {
    id: 'veryHidden',
    api: '1.1',
    run: async (context) => {
      const hidden = context.workbook.worksheets.add(HIDDEN_SHEET);
      hidden.visibility = 'VeryHidden';
      await context.sync();
      deleteHiddenSheet(context.workbook.worksheets.getItem(HIDDEN_SHEET));
      const gone = context.workbook.worksheets.getItemOrNullObject(HIDDEN_SHEET);
      gone.load('name');
      await context.sync();
      expectEqual(gone.isNullObject, true, 'sheet deleted');
    },
  },
  {
    id: 'copySheet',
    api: '1.7',
    run: async (context, ws) => {
      const copy = ws.copy('End');
      copy.load('name');
      await context.sync();
      copy.delete();
      await context.sync();
    },
  },
  {
    id: 'copyFrom',
    api: CAPABILITY_API.pasteRanges,
    run: async (context, ws) => {
      const to = ws.getRange('A5:C5');
      to.copyFrom(ws.getRange('A1:C1'), 'All');
      to.load('values');
      await context.sync();
      expectEqual(to.values[0][0], '任务', 'pasted value');
    },
  },
  {
    id: 'listFromName',
    api: MIN_EXCEL_API,
    run: async (context, ws) => {
      ws.getRange('H1:H2').values = [['甲'], ['乙']];
      const old = context.workbook.names.getItemOrNullObject(LIST_NAME);
      await context.sync();
      if (!old.isNullObject) old.delete();
      context.workbook.names.add(LIST_NAME, ws.getRange('H1:H2'));
      ws.getRange('G1:G3').dataValidation.rule = { list: { inCellDropDown: true, source: `=${LIST_NAME}` } };
      await context.sync();
      context.workbook.names.getItem(LIST_NAME).delete();
      await context.sync();
    },
  },
  {
    id: 'conditionalFormat',
    api: '1.6',
    run: async (context, ws) => {
      const cf = ws.getRange('A6:C6').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=$A6=""';
      cf.custom.format.fill.color = '#FFF9E5';
      await context.sync();
    },
  },
  {
    id: 'rangeAreas',
    api: CAPABILITY_API.rangeAreas,
    run: async (context, ws) => {
      ws.getRanges('A7:A8, C7:C8').format.fill.color = '#DDEBF7';
      await context.sync();
    },
  },
  {
    id: 'rowHeight',
    api: '1.1',
    run: async (context, ws) => {
      const row = ws.getRange('A9');
      row.format.rowHeight = MAX_ROW_HEIGHT;
      row.merge(false);
      await context.sync();
    },
  },
  {
    id: 'pageLayout',
    api: CAPABILITY_API.pageLayout,
    run: async (context, ws) => {
      ws.pageLayout.orientation = 'Landscape';
      ws.pageLayout.paperSize = 'A4';
      ws.pageLayout.setPrintTitleRows('$1:$1');
      ws.pageLayout.setPrintArea('A1:C9');
      await context.sync();
    },
  },
  {
    id: 'autoFilter',
    api: CAPABILITY_API.autoFilter,
    run: async (context, ws) => {
      ws.autoFilter.apply(ws.getRange('A1:C5'));
      await context.sync();
      ws.autoFilter.remove();
      await context.sync();
    },
  },
  {
    id: 'chart',
    api: '1.1',
    run: async (context, ws) => {
      const chart = ws.charts.add('BarClustered', ws.getRange('B1:C1'), 'Auto');
      chart.title.text = 'keytask';
      chart.setPosition('E1', 'H8');
      await context.sync();
      chart.delete();
      await context.sync();
    },
  },
  {
    id: 'comments',
    api: CAPABILITY_API.comments,
    run: async (context, ws) => {
      const comment = context.workbook.comments.add(ws.getRange('B2'), 'keytask');
      await context.sync();
      comment.delete();
      await context.sync();
    },
  },
  {
    id: 'mergedAreas',
    api: CAPABILITY_API.mergedAreas,
    run: async (context, ws) => {
      ws.getRange('A10:B10').merge(false);
      const areas = ws.getRange('A10:C11').getMergedAreasOrNullObject();
      areas.load('address');
      await context.sync();
      expectEqual(areas.isNullObject, false, 'merged area found');
    },
  },
  {
    id: 'notes',
    api: CAPABILITY_API.notes,
    run: async (context, ws) => {
      ws.notes.add('C2', 'keytask');
      await context.sync();
      ws.notes.getItem('C2').delete();
      await context.sync();
    },
  },
  {
    id: 'largeWrite',
    api: '1.1',
    run: async (context, ws) => {
      // More than one request may carry on the web: sent in parts by size, as batching.ts does.
      const steps: Step[] = [];
      const rows = 500;
      for (let first = 0; first < LARGE_ROWS; first += rows) {
        const block = Array.from({ length: rows }, () => [LARGE_TEXT]);
        const address = `J${first + 1}:J${first + rows}`;
        steps.push({
          bytes: new TextEncoder().encode(JSON.stringify(block)).length + 2 * OPERATION_OVERHEAD,
          run: () => (ws.getRange(address).values = block),
        });
      }
      const requests = packSteps(steps, PAYLOAD_BUDGET);
      await send(context, requests);
      const last = ws.getRange(`J${LARGE_ROWS}`);
      last.load('values');
      await context.sync();
      expectEqual(last.values[0][0], LARGE_TEXT, 'last row written');
      if (requests.length < 2) throw new Mismatch(`expected the write in parts, got ${requests.length} request`);
    },
  },
];

const minor = (version: string): number => Number(version.split('.')[1]);

/**
 * The ExcelApi sets keytask asks about, oldest first: the manifest's (required) and those of the
 * capabilities keytask uses when they are there (runtime.ts).
 */
export const API_SETS: readonly string[] = [...new Set([MIN_EXCEL_API, ...Object.values(CAPABILITY_API)])].sort(
  (a, b) => minor(a) - minor(b),
);

function codeOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'Error';
}

/** Runs every check on a scratch sheet (added first, removed last) and reports each. */
export async function runDiagnostics(api: ExcelApi): Promise<DiagnosticResult[]> {
  const results: DiagnosticResult[] = API_SETS.map((v) => ({
    id: 'api',
    api: v,
    status: api.isSetSupported('ExcelApi', v) ? 'passed' : 'failed',
    ...(api.isSetSupported('ExcelApi', v) ? {} : { code: 'NotSupported' }),
  }));
  await api.run(async (context) => {
    // A run that was interrupted may have left its sheets behind.
    const left = [DIAGNOSTICS_SHEET, HIDDEN_SHEET].map((name) => context.workbook.worksheets.getItemOrNullObject(name));
    await context.sync();
    for (const sheet of left) if (!sheet.isNullObject) deleteHiddenSheet(sheet);
    context.workbook.worksheets.add(DIAGNOSTICS_SHEET);
    await context.sync();
  });
  try {
    // One after the other: each check is its own batch, and a check may depend on an earlier one's cells.
    results.push(...(await runChecks(api, CHECKS)));
  } finally {
    await api.run(async (context) => {
      deleteHiddenSheet(context.workbook.worksheets.getItem(DIAGNOSTICS_SHEET));
      await context.sync();
    });
  }
  return results;
}

async function runChecks(api: ExcelApi, checks: ReadonlyArray<(typeof CHECKS)[number]>): Promise<DiagnosticResult[]> {
  const [check, ...rest] = checks;
  if (!check) return [];
  const result = await runCheck(api, check);
  return [result, ...(await runChecks(api, rest))];
}

async function runCheck(api: ExcelApi, check: (typeof CHECKS)[number]): Promise<DiagnosticResult> {
  const base = { id: check.id, api: check.api };
  if (!api.isSetSupported('ExcelApi', check.api)) return { ...base, status: 'skipped' };
  try {
    await api.run((context) => check.run(context, context.workbook.worksheets.getItem(DIAGNOSTICS_SHEET)));
    return { ...base, status: 'passed' };
  } catch (e) {
    return { ...base, status: 'failed', code: codeOf(e), message: e instanceof Error ? e.message : String(e) };
  }
}
