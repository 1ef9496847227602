/**
 * The workbook a roll-up writes: 汇总 / 填报情况 / 排名 (and 审核意见 when asked), registered
 * as keytask's own so that the next roll-up replaces them rather than piling up copies.
 *
 * Like generation, it never takes a name a sheet of the user's holds: the summary sheets
 * keytask made before are updated under whatever name they have now, and a wanted name that
 * belongs to someone else is reported as a conflict with the free name used instead.
 */
import type { Lang } from '../i18n';
import { FINDINGS_SHEET_NAME, buildFindingsSheet } from '../report/findingsSheet';
import { ROLLUP_SHEET_NAMES, buildRankingSheet, buildStatusSheet, buildSummarySheet } from '../report/rollupSheets';
import { type Grid, titleOf } from '../sheet/grid';
import { type NameConflict, SheetClaims } from '../sheet/claims';
import type { KeytaskSheet, RegistryEntry } from '../sheet/registry';
import type { SheetSpec, WorkbookSpec } from '../sheet/spec';
import type { RollupResult } from './rollup';
import { type PeriodHistory, buildHistorySheet } from '../period/history';

/** Registry kinds a roll-up owns and may replace. */
export const REPORT_KINDS = ['summary', 'status', 'ranking'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface ReportOptions {
  lang: Lang;
  title: string;
  /** add the findings sheet (审核意见); its subject and date */
  findings?: { subject: string; date: string };
  /** what the target workbook holds now (nothing for a new file) */
  existing?: { sheetNames: string[]; keytaskSheets: KeytaskSheet[] };
  /** links into the county files, when the report is a file of its own beside them */
  fileLinks?: FileLinks;
  /** the period history with this period in, kept (very hidden) for the next roll-up and next-period */
  history?: PeriodHistory;
}

export interface FileLinks {
  /** the county files as the result names them (its `file!sheet` and `origin.file`) */
  files: string[];
  /** each one's link target from the report's folder (`../新密市.xlsx`) */
  target: (file: string) => string;
}

/** A finding's `file!sheet` as the file to link to and the sheet in it; null for a sheet of this workbook. */
function locator(links: FileLinks): (sheet: string) => { file: string; sheet: string } | null {
  return (sheet) => {
    const file = links.files.find((name) => sheet.startsWith(`${name}!`));
    return file === undefined ? null : { file: links.target(file), sheet: sheet.slice(file.length + 1) };
  };
}

export interface ReportAction {
  key: string;
  sheet: string;
  action: 'create' | 'update';
}

export interface ReportWorkbook {
  spec: WorkbookSpec;
  actions: ReportAction[];
  conflicts: NameConflict[];
  /** the summary sheet's name, to show when done */
  summarySheet: string;
}

/** `<city title>汇总` from the city sheet's title row, or a plain title when it has none. */
export function summaryTitle(cityGrid: Grid, lang: Lang): string {
  const title = titleOf(cityGrid);
  if (lang === 'zh') return title ? `${title}汇总` : '重点任务汇总';
  return title ? `${title} — roll-up` : 'Key tasks — roll-up';
}

export function rollupReport(result: RollupResult, opts: ReportOptions): ReportWorkbook {
  const existing = opts.existing ?? { sheetNames: [], keytaskSheets: [] };
  const wanted: Array<{ key: string; kind: RegistryEntry['kind']; name: string; build: (name: string) => SheetSpec }> = [
    {
      key: 'summary',
      kind: 'summary',
      name: ROLLUP_SHEET_NAMES.summary[opts.lang],
      build: (name) =>
        buildSummarySheet(result, {
          lang: opts.lang,
          title: opts.title,
          name,
          ...(opts.fileLinks ? { linkTarget: opts.fileLinks.target } : {}),
        }),
    },
    {
      key: 'status',
      kind: 'status',
      name: ROLLUP_SHEET_NAMES.status[opts.lang],
      build: (name) => buildStatusSheet(result, { lang: opts.lang, name }),
    },
    {
      key: 'ranking',
      kind: 'ranking',
      name: ROLLUP_SHEET_NAMES.ranking[opts.lang],
      build: (name) => buildRankingSheet(result, { lang: opts.lang, name }),
    },
  ];
  const findings = opts.findings;
  if (findings) {
    wanted.push({
      key: 'findings',
      kind: 'findings',
      name: FINDINGS_SHEET_NAME[opts.lang],
      build: (name) =>
        buildFindingsSheet(result.findings, {
          lang: opts.lang,
          name,
          subject: findings.subject,
          date: findings.date,
          ...(opts.fileLinks ? { locate: locator(opts.fileLinks) } : {}),
        }),
    });
  }

  const claims = new SheetClaims(existing);
  const sheets: SheetSpec[] = [];
  const actions: ReportAction[] = [];
  for (const w of wanted) {
    const { name, prior } = claims.claim(w.key, w.kind, w.name, { lang: opts.lang });
    sheets.push(w.build(name));
    actions.push({ key: w.key, sheet: name, action: prior ? 'update' : 'create' });
  }
  sheets.push(claims.registrySheet());
  const history = opts.history ? buildHistorySheet(opts.history) : null;
  if (history) sheets.push(history);
  return { spec: { sheets, names: claims.names }, actions, conflicts: claims.conflicts, summarySheet: sheets[0].name };
}
