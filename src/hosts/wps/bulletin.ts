/**
 * 生成通报 in WPS: the summary sheets a roll-up wrote into the active workbook (found through the
 * registry) and the period history, read through ET and handed to the bulletin operation — the
 * steps of the Excel host's bulletinInExcel. Packing the .docx is the pane's.
 */
import type { SummaryGrids } from '../../core/bulletin/readSummary';
import { summarySheetsToRead } from '../../core/bulletin/sheets';
import type { Lang } from '../../core/i18n';
import type { SheetSpec } from '../../core/sheet/spec';
import {
  type BulletinOperation,
  type RemindersOperation,
  bulletinOperation,
  remindersOperation,
  remindersSheetPlan,
} from '../../core/operations/bulletin';
import { HISTORY_SHEET } from '../../core/period/history';
import { gridOf, readStructure } from './readGrids';
import { renderSpec } from './renderSpec';
import type { WpsApi } from './runtime';

export async function readSummaryInWps(api: WpsApi): Promise<SummaryGrids> {
  return api.run((app) => {
    const structure = readStructure(app);
    const present = new Map(structure.sheets.map((s) => [s.name.toLowerCase(), s.name]));
    const read = (name: string | undefined) => {
      const sheet = name ? present.get(name.toLowerCase()) : undefined;
      return sheet ? gridOf(app.ActiveWorkbook.Worksheets.Item(sheet)) : null;
    };
    const names = summarySheetsToRead(structure.keytaskSheets);
    return {
      grids: {
        summary: read(names.summary),
        status: read(names.status),
        ranking: read(names.ranking),
        findings: read(names.findings),
        city: read(names.city),
      },
      history: read(HISTORY_SHEET),
    };
  });
}

/** The bulletin of the active workbook's summary; throws a Refusal when it has none. */
export async function bulletinInWps(api: WpsApi, opts: { lang: Lang; source?: string }): Promise<BulletinOperation> {
  return bulletinOperation(await readSummaryInWps(api), opts);
}

/** 催报: the notices of the active workbook's summary, from the same read as the bulletin's. */
export async function remindersInWps(api: WpsApi, opts: { lang: Lang; deadline?: string }): Promise<RemindersOperation> {
  return remindersOperation(await readSummaryInWps(api), opts);
}

/** The 催报 sheet through ET: the steps of the Excel host's writeRemindersSheet. */
export async function writeRemindersSheetInWps(
  api: WpsApi,
  sheet: SheetSpec,
  confirmReplace: (name: string) => Promise<boolean>,
): Promise<{ sheet: string; replaced: boolean }> {
  const structure = await api.run(readStructure);
  const sheetNames = structure.sheets.map((s) => s.name);
  const plan = remindersSheetPlan(sheet, sheetNames);
  if (plan.replaces && !(await confirmReplace(plan.replaces))) return { sheet: '', replaced: false };
  await api.run((app) =>
    renderSpec(app, plan.spec, {
      updatable: plan.replaces ? [plan.replaces] : [],
      existingSheets: sheetNames,
      existingNames: structure.names.map((n) => n.name),
      activate: plan.name,
    }),
  );
  return { sheet: plan.name, replaced: plan.replaces !== null };
}
