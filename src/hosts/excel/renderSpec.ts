/**
 * Writes a WorkbookSpec into the open workbook: the spec held to Excel's limits (renderableSpec),
 * the plan of which sheets are added, updated, copied or pasted (planRender, in the core), each
 * action turned into steps of Office.js calls (sheetSteps.ts), and the steps sent in as few
 * syncs as the request payload limit allows (batching.ts). The number of syncs does not grow
 * with counties or rows.
 */
import type { WorkbookSpec } from '../../core/sheet/spec';
import { renderableSpec } from '../../core/sheet/renderable';
import { type RenderAction, type RenderPlanOptions, TEMPLATE_SHEET, planRender } from '../../core/sheet/renderPlan';
import { PAYLOAD_BUDGET, type Step, jsonBytes, operationStep, packSteps, send } from './batching';
import { type SheetWriteOptions, copySteps, deleteHiddenSheet, sheetSteps } from './sheetSteps';
import type { Capabilities } from './runtime';

export { TEMPLATE_SHEET };

/**
 * What the render may use of what this Excel can do (a capabilitiesOf(api) spread in, or less):
 * page layout, RangeAreas (ranges that get the same format or check go as one, which keeps a
 * city sheet and twenty county copies inside one request), AutoFilter (without it the sheet goes
 * unfiltered) and pasting a layout (Range.copyFrom) into a sheet being updated.
 */
export type RenderCapabilities = Partial<Pick<Capabilities, 'pageLayout' | 'rangeAreas' | 'autoFilter' | 'pasteRanges'>>;

export interface RenderOptions extends RenderPlanOptions, RenderCapabilities {
  budgetBytes?: number;
  /**
   * What the sheets about to be updated carry that clearing cells does not remove, read by the
   * caller with the rest of its reads: chart names by sheet, and the sheets with an AutoFilter.
   */
  existingCharts?: Record<string, string[]>;
  existingAutoFilters?: string[];
}

export interface RenderResult {
  /** round trips used */
  syncs: number;
  /** estimated bytes of each request */
  requestBytes: number[];
}

/** The steps of one planned action. */
function stepsOf(action: RenderAction, context: Excel.RequestContext, opts: SheetWriteOptions): Step[] {
  const sheets = context.workbook.worksheets;
  switch (action.do) {
    case 'deleteSheet':
      return [operationStep(4, () => deleteHiddenSheet(sheets.getItem(action.name)))];
    case 'writeSheet':
      return sheetSteps(action.sheet, action.update, context, opts, action.paste);
    case 'copySheet':
      return copySteps(action.sheet, action.from, context);
    case 'setName': {
      const { name, replace } = action;
      const step = operationStep(3, () => {
        if (replace) context.workbook.names.getItem(name.name).delete();
        context.workbook.names.add(name.name, `=${name.ref}`);
      });
      return [{ ...step, bytes: step.bytes + jsonBytes(name) }];
    }
    case 'moveSheet':
      return [operationStep(3, () => (sheets.getItem(action.name).position = action.position))];
    case 'activate':
      return [
        operationStep(4, () => {
          const sheet = sheets.getItem(action.name);
          sheet.activate();
          sheet.getRange('A1').select();
        }),
      ];
  }
}

export async function renderSpec(context: Excel.RequestContext, given: WorkbookSpec, opts: RenderOptions): Promise<RenderResult> {
  const spec = renderableSpec(given);
  const pageLayout = opts.pageLayout === true;
  const steps = planRender(spec, opts).flatMap((action) => stepsOf(action, context, { ...opts, pageLayout }));
  const requests = packSteps(steps, opts.budgetBytes ?? PAYLOAD_BUDGET);
  const syncs = await send(context, requests);
  return { syncs, requestBytes: requests.map((r) => r.reduce((n, s) => n + s.bytes, 0)) };
}
