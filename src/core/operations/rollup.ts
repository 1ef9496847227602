/**
 * Roll up (汇总), the one definition every host calls: the pane with the open workbook's sheets
 * and the files a clerk picked, the CLI with the files named on its command line. The host
 * reads and writes; everything else is decided here — which list is the city's, who is expected
 * to report, which county copies are submissions, the order of the findings, and where the
 * report's links point.
 */
import type { Finding } from '../findings/catalogue';
import type { Lang } from '../i18n';
import { type ReportWorkbook, rollupReport, summaryTitle } from '../rollup/report';
import {
  type PreparedSubmission,
  type RollupResult,
  type Submission,
  headerlessRollup,
  prepareSubmission,
  rollup,
  rollupCity,
  rollupPrepared,
} from '../rollup/rollup';
import { readTaskList } from '../rollup/identity';
import {
  type CitySource,
  type SourceFile,
  type UnreadableFile,
  citySourceIn,
  collectSources,
  fileSources,
  hasFigures,
  inCityOrder,
  readCountySheet,
  unreadableFinding,
} from '../rollup/sources';
import type { Grid } from '../sheet/grid';
import type { KeytaskSheet } from '../sheet/registry';
import { directoryUnits } from '../validate/workbook';
import { type Report, reportOf } from './report';
import { HISTORY_SHEET, type PeriodHistory, emptyHistory, mergeHistories, parseHistory } from '../period/history';

/** A sheet as the host read it: its values from A1 and the cells it formats as percent. */
export interface ReadGrid {
  sheet: string;
  grid: Grid;
  percentCells?: string[];
}

/** What a host read of the open workbook (the pane): its city list and its county sheets. */
export interface WorkbookSheets {
  /** keytask's city sheet; null when the workbook has none */
  city: ReadGrid | null;
  /** the unit directory's values (单位名录), when the workbook has one */
  units?: Grid;
  /** the period history's values (the very hidden keytask_periods), when the workbook has one */
  history?: Grid;
  /** the counties the registry has copies for, in its order: who is expected by default */
  counties: string[];
  /** the county sheets read: the ones picked, else every county copy */
  countySheets: Array<ReadGrid & { county: string | null }>;
  /**
   * Whether the clerk picked the sheets. A picked blank copy is a submission (its blanks are
   * reported); unpicked, a blank copy is a county that has not reported yet.
   */
  picked: boolean;
  /** picked sheets the workbook no longer has */
  missing: string[];
}

export interface RollupInput {
  workbook?: WorkbookSheets;
  /** county files read (and the city's, on the CLI) */
  files?: SourceFile[];
  /** files that could not be read; each becomes a `submission-unreadable` finding */
  unreadable?: UnreadableFile[];
}

export interface RollupOperationOptions {
  lang: Lang;
  /** counties expected to submit; default the registry's counties, unless sheets were picked */
  counties?: string[];
  /** the file holding the city list when the workbook has none; default the first file */
  cityFile?: string;
  /** title of the summary sheet; default from the city sheet's title */
  title?: string;
  /** add the findings sheet (审核意见) when there are findings, dated (the host's clock) */
  findingsSheet?: { date: string };
  /** what the target workbook holds now, so no sheet of the user's is taken (nothing: a new file) */
  existing?: { sheetNames: string[]; keytaskSheets: KeytaskSheet[] };
  /**
   * A county file's link target, when the report is a file of its own beside the county files
   * (the CLI computes it from the output's folder); absent, links name the files as read.
   */
  linkTarget?: (file: string) => string;
  /** false when the host only shows the result: no sheets are built */
  build?: boolean;
  /** a previous roll-up's history (the CLI's --previous), put over the city workbook's */
  previous?: PeriodHistory;
}

/**
 * - `no-city`: no city list anywhere (nothing else is done);
 * - `no-submissions`: nothing to roll up — the result says so (`rollup-empty`); a host that
 *   writes only on request (the CLI's -o) may still write it, the pane writes nothing;
 * - `done`.
 */
export type RollupStatus = 'done' | 'no-city' | 'no-submissions';

export interface RollupReport extends Report {
  /** counties rolled up, counties expected (0: none named), and those expected that did not report */
  counties: { submitted: number; expected: number; missing: string[] };
  /** files that could not be read, and picked sheets that are gone */
  unreadable: number;
  /** county figures left out of totals and ranking */
  excluded: number;
}

export interface RollupOperation {
  status: RollupStatus;
  /** null when there is no city list; its findings: the sources' first, then the roll-up's */
  result: RollupResult | null;
  /** what the host writes; null with no result or when `build` is false */
  workbook: ReportWorkbook | null;
  report: RollupReport;
}

type City = Pick<CitySource, 'grid' | 'source' | 'counties' | 'units' | 'percentCells'>;

export function rollupOperation(input: RollupInput, opts: RollupOperationOptions): RollupOperation {
  const { lang } = opts;
  const wb = input.workbook;
  const unreadable = (wb?.missing.length ?? 0) + (input.unreadable?.length ?? 0);

  // The open workbook's city list, when it has one, is the list every file is checked against;
  // else the city file's (named, or the first file).
  const sources = collectSources(input.files ?? [], input.unreadable ?? [], {
    lang,
    ...(opts.cityFile !== undefined ? { cityFile: opts.cityFile } : {}),
    ...(wb?.city ? { city: { grid: wb.city.grid, source: wb.city.sheet, percentCells: wb.city.percentCells } } : {}),
  });
  const sourceFindings: Finding[] = [
    ...(wb?.missing ?? []).map((name) => unreadableFinding({ name, reason: 'missing' }, lang)),
    ...sources.findings,
  ];
  const city: City | null = wb?.city
    ? {
        grid: wb.city.grid,
        source: wb.city.sheet,
        counties: wb.counties,
        units: directoryUnits(wb.units),
        percentCells: wb.city.percentCells,
      }
    : sources.city;
  if (!city) return { status: 'no-city', result: null, workbook: null, report: rollupReportOf(sourceFindings, null, unreadable, []) };

  // Each county sheet is read once: for whether it holds figures, then for the roll-up.
  const inWorkbook: Submission[] = (wb?.countySheets ?? []).flatMap((s) => {
    const read = readCountySheet(s);
    if (!wb?.picked && !hasFigures(read)) return [];
    return [{ county: s.county, source: s.sheet, grid: s.grid, ...(s.percentCells ? { percentCells: s.percentCells } : {}), read }];
  });
  const submissions = [...inWorkbook, ...sources.submissions];

  const counties = opts.counties ?? (wb?.picked ? undefined : city.counties);
  // The periods before: the history of the workbook the city list is in, then --previous's.
  const history = historyOf(wb?.city ? wb.history : sources.city ? historyGrid(input.files ?? [], sources.city.file) : undefined, opts);
  const core = rollup({ grid: city.grid, source: city.source, percentCells: city.percentCells, list: sources.cityList }, submissions, {
    lang,
    citySource: city.source,
    units: city.units,
    ...(counties?.length ? { counties } : {}),
    ...(history ? { history } : {}),
  });
  const files = (input.files ?? []).map((f) => f.name);
  return finishRollup(core, { sourceFindings, city, submitted: submissions.length, files, unreadable, counties }, opts);
}

/** The roll-up's findings after the sources', the report's sheets, the counts: the same for both paths. */
function finishRollup(
  core: RollupResult,
  done: { sourceFindings: Finding[]; city: City; submitted: number; files: string[]; unreadable: number; counties: string[] | undefined },
  opts: RollupOperationOptions,
): RollupOperation {
  const { lang } = opts;
  const result: RollupResult = { ...core, findings: [...done.sourceFindings, ...core.findings] };
  const title = opts.title ?? summaryTitle(done.city.grid, lang);
  const linkTarget = opts.linkTarget;
  const workbook =
    opts.build === false
      ? null
      : rollupReport(result, {
          lang,
          title,
          ...(opts.findingsSheet && result.findings.length ? { findings: { subject: title, date: opts.findingsSheet.date } } : {}),
          ...(opts.existing ? { existing: opts.existing } : {}),
          ...(linkTarget ? { fileLinks: { files: done.files, target: linkTarget } } : {}),
          ...(result.history ? { history: result.history } : {}),
        });
  return {
    status: done.submitted === 0 ? 'no-submissions' : 'done',
    result,
    workbook,
    report: rollupReportOf(result.findings, result, done.unreadable, done.counties ?? []),
  };
}

/**
 * The roll-up of files taken one at a time, as the CLI reads them: each file is turned into
 * what the roll-up keeps of it (its records, findings and header, its name and sheet names)
 * when it is added, so the host can drop its grids before reading the next — memory follows
 * the tasks, not the number of counties. Files may be added in any order: `at` is the file's
 * place among those given, and the result is the one `rollupOperation` gives for the files in
 * that order (the city file first is how a host gets the list every file is checked against).
 */
export interface FileRollup {
  add(file: SourceFile, at: number): void;
  unreadable(file: UnreadableFile, at: number): void;
  finish(): RollupOperation;
}

/** Null when the city file holds no city list: there is nothing to roll up against. */
export function fileRollup(cityFile: { file: SourceFile; at: number }, opts: RollupOperationOptions): FileRollup | null {
  const { lang } = opts;
  const city = citySourceIn(cityFile.file);
  if (!city) return null;
  const cityList = readTaskList(city.grid, city.percentCells, lang);
  const ctx = cityList ? rollupCity(cityList, city.source) : null;
  const history = historyOf(historyGrid([cityFile.file], cityFile.file.name), opts);
  const options = { lang, citySource: city.source, units: city.units, ...(history ? { history } : {}) };
  const unreadable: Array<{ at: number; file: UnreadableFile }> = [];
  const read: Array<{
    at: number;
    name: string;
    findings: Finding[];
    submissions: Array<{ county: string | null; prepared: PreparedSubmission | null }>;
  }> = [];
  const add = (file: SourceFile, at: number): void => {
    const of = fileSources(file, { lang, cityList, isCityFile: file === cityFile.file });
    read.push({
      at,
      name: file.name,
      findings: of.findings,
      // Prepared now, while the grid is here: after this, nothing holds on to it.
      submissions: of.submissions.map((s) => ({ county: s.county, prepared: ctx ? prepareSubmission(s, ctx, options) : null })),
    });
  };
  add(cityFile.file, cityFile.at);
  return {
    add,
    unreadable: (file, at) => unreadable.push({ at, file }),
    finish: () => {
      const byPlace = <T extends { at: number }>(xs: T[]): T[] => [...xs].sort((a, b) => a.at - b.at);
      const files = byPlace(read);
      const sourceFindings = [...byPlace(unreadable).map((u) => unreadableFinding(u.file, lang)), ...files.flatMap((f) => f.findings)];
      const submissions = inCityOrder(
        files.flatMap((f) => f.submissions),
        city,
      );
      const counties = opts.counties ?? city.counties;
      const core = ctx
        ? rollupPrepared(
            ctx,
            submissions.map((s) => s.prepared!),
            { ...options, ...(counties.length ? { counties } : {}) },
          )
        : headerlessRollup(city.source, lang);
      return finishRollup(
        core,
        { sourceFindings, city, submitted: submissions.length, files: files.map((f) => f.name), unreadable: unreadable.length, counties },
        opts,
      );
    },
  };
}

/** The history sheet of the city's file, read by name: the sources readers skip hidden sheets. */
function historyGrid(files: SourceFile[], cityFile: string): Grid | undefined {
  return files.find((f) => f.name === cityFile)?.grids.find((s) => s.name === HISTORY_SHEET)?.grid;
}

/** The city workbook's history with a previous summary's put over it; undefined when there is neither. */
function historyOf(grid: Grid | undefined, opts: RollupOperationOptions): PeriodHistory | undefined {
  if (!grid && !opts.previous) return undefined;
  return mergeHistories(grid ? parseHistory(grid) : emptyHistory(), opts.previous ?? emptyHistory());
}

function rollupReportOf(findings: Finding[], result: RollupResult | null, unreadable: number, expected: string[]): RollupReport {
  const submitted = result?.counties ?? [];
  return {
    ...reportOf(findings),
    counties: { submitted: submitted.length, expected: expected.length, missing: expected.filter((c) => !submitted.includes(c)) },
    unreadable,
    excluded: result?.excluded.length ?? 0,
  };
}
