/**
 * 生成通报 in Excel: the summary sheets a roll-up wrote into the open workbook (汇总, 填报情况,
 * 排名, 审核意见 and the city list, found through the registry) and the period history, read in
 * two round trips — the structure with the history sheet, then every sheet's values at once —
 * and handed to the bulletin operation. Packing the .docx is the pane's.
 */
import type { SummaryGrids } from '../../core/bulletin/readSummary';
import { summarySheetsToRead } from '../../core/bulletin/sheets';
import {
  type BulletinOperation,
  type RemindersOperation,
  bulletinOperation,
  remindersOperation,
  remindersSheetPlan,
} from '../../core/operations/bulletin';
import type { Lang } from '../../core/i18n';
import type { SheetSpec } from '../../core/sheet/spec';
import { HISTORY_SHEET } from '../../core/period/history';
import { renderSpec } from './renderSpec';
import { type ExcelApi, capabilitiesOf } from './runtime';
import { loadStructure, structureOf } from './structure';
import { gridFromA1, readUsedRanges } from './usedRanges';

export async function readSummaryInExcel(api: ExcelApi): Promise<SummaryGrids> {
  return api.run(async (context) => {
    const load = loadStructure(context);
    // the history is very hidden, like the registry: asked for in the same round trip
    const history = context.workbook.worksheets.getItemOrNullObject(HISTORY_SHEET).getUsedRangeOrNullObject(true);
    history.load('values,address');
    await context.sync();
    const { keytaskSheets, extents } = structureOf(load);
    const names = summarySheetsToRead(keytaskSheets);
    const wanted = [...new Set(Object.values(names))];
    const read = wanted.length ? (await readUsedRanges(context, wanted, { extents })).sheets : null;
    const gridOf = (name: string | undefined) => (name ? (read?.get(name)?.grid ?? null) : null);
    return {
      grids: {
        summary: gridOf(names.summary),
        status: gridOf(names.status),
        ranking: gridOf(names.ranking),
        findings: gridOf(names.findings),
        city: gridOf(names.city),
      },
      history: history.isNullObject ? null : gridFromA1(history.values, history.address),
    };
  });
}

/** The bulletin of the open workbook's summary; throws a Refusal when it has none. */
export async function bulletinInExcel(api: ExcelApi, opts: { lang: Lang; source?: string }): Promise<BulletinOperation> {
  return bulletinOperation(await readSummaryInExcel(api), opts);
}

/** 催报: the notices of the open workbook's summary, from the same read as the bulletin's. */
export async function remindersInExcel(api: ExcelApi, opts: { lang: Lang; deadline?: string }): Promise<RemindersOperation> {
  return remindersOperation(await readSummaryInExcel(api), opts);
}

export interface RemindersSheetResult {
  /** the sheet written, '' when the user declined to replace one */
  sheet: string;
  /** a sheet of that name was there and has been replaced */
  replaced: boolean;
}

/**
 * The 催报 sheet written into the open workbook; `confirmReplace` is asked, before anything is
 * written, when a sheet of that name is already there.
 */
export async function writeRemindersSheet(
  api: ExcelApi,
  sheet: SheetSpec,
  confirmReplace: (name: string) => Promise<boolean>,
): Promise<RemindersSheetResult> {
  const structure = await api.run(async (context) => {
    const load = loadStructure(context);
    await context.sync();
    return structureOf(load);
  });
  const plan = remindersSheetPlan(
    sheet,
    structure.sheets.map((s) => s.name),
  );
  if (plan.replaces && !(await confirmReplace(plan.replaces))) return { sheet: '', replaced: false };
  const capabilities = capabilitiesOf(api);
  await api.run((context) =>
    renderSpec(context, plan.spec, {
      updatable: plan.replaces ? [plan.replaces] : [],
      existingSheets: structure.sheets.map((s) => s.name),
      existingNames: structure.names.map((n) => n.name),
      pageLayout: capabilities.pageLayout,
      rangeAreas: capabilities.rangeAreas,
      activate: plan.name,
    }),
  );
  return { sheet: plan.name, replaced: plan.replaces !== null };
}
