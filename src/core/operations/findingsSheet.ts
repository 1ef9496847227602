/**
 * The 审核意见 sheet written into the reviewed workbook: keytask's own findings sheet is rewritten
 * in place (under whatever name the user gave it); a sheet of the user's with the same name is
 * left alone and the new one takes a free name, as generation does — the host asks the user first.
 */
import type { Finding } from '../findings/catalogue';
import type { Lang } from '../i18n';
import { FINDINGS_SHEET_NAME, buildFindingsSheet } from '../report/findingsSheet';
import { type NameConflict, SheetClaims } from '../sheet/claims';
import { type KeytaskSheet, REGISTRY_SHEET } from '../sheet/registry';
import type { WorkbookSpec } from '../sheet/spec';
import { MARKS_SHEET } from './mark';

export interface FindingsSheetPlan {
  spec: WorkbookSpec;
  /** the sheet's name in the workbook */
  name: string;
  /** the name keytask wanted */
  wanted: string;
  /** the name was taken because a sheet of the user's held the wanted one */
  renamed: boolean;
  conflicts: NameConflict[];
  /** sheets already in the workbook that the write replaces in place */
  updatable: string[];
}

export function findingsSheet(
  findings: Finding[],
  lang: Lang,
  existing: { sheetNames: string[]; keytaskSheets: KeytaskSheet[]; registryExists: boolean },
  opts: { subject?: string; date: string },
): FindingsSheetPlan {
  // The marks record is keytask's too: its name is not free for the findings sheet.
  const claims = new SheetClaims({ sheetNames: [...existing.sheetNames, MARKS_SHEET], keytaskSheets: existing.keytaskSheets });
  const wanted = FINDINGS_SHEET_NAME[lang];
  const { name, prior } = claims.claim('findings', 'findings', wanted, { lang });
  const subject = opts.subject ?? ([...new Set(findings.map((f) => f.sheet))].join('、') || '-');
  const sheet = { ...buildFindingsSheet(findings, { lang, subject, date: opts.date }), name };
  return {
    spec: { sheets: [sheet, claims.registrySheet()], names: claims.names },
    name,
    wanted,
    renamed: name !== wanted && !prior?.sheet,
    conflicts: claims.conflicts,
    updatable: [...(prior?.sheet ? [prior.sheet] : []), ...(existing.registryExists ? [REGISTRY_SHEET] : [])],
  };
}
