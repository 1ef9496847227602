/**
 * 生成通报 in WPS: the summary sheets a roll-up wrote into the active workbook (found through the
 * registry) and the period history, read through ET and handed to the bulletin operation — the
 * steps of the Excel host's bulletinInExcel. Packing the .docx is the pane's.
 */
import type { SummaryGrids } from '../../core/bulletin/readSummary';
import { summarySheetsToRead } from '../../core/bulletin/sheets';
import type { Lang } from '../../core/i18n';
import { type BulletinOperation, bulletinOperation } from '../../core/operations/bulletin';
import { HISTORY_SHEET } from '../../core/period/history';
import { gridOf, readStructure } from './readGrids';
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
