/**
 * Which sheets of which files a roll-up reads, decided from the files' contents rather than
 * from how they were named or ordered on the command line:
 * - a keytask workbook says through its registry which sheet is the city list and which are
 *   county copies (and for which county), whatever the sheets are called now;
 * - a plain workbook (a county retyped the list, or exported it through WPS) contributes each
 *   visible sheet that reads as a task list; its 填报单位 names the county, else the file does;
 * - the city list comes from the first keytask city sheet found; the counties its registry
 *   lists are the ones expected to submit.
 * Files that cannot be read are findings, so one broken attachment does not stop the roll-up.
 */
import { type Finding, finding } from '../findings/catalogue';
import type { Label, Lang } from '../i18n';
import { type ReadSheet, readTaskSheet } from '../layout/reader';
import { directoryUnits } from '../validate/workbook';
import { type TaskList, foreignReason, readTaskList } from './identity';
import { type Grid, isEmpty } from '../sheet/grid';
import { type KeytaskSheet, REGISTRY_SHEET, liveKeytaskSheets } from '../sheet/registry';
import type { Visibility } from '../sheet/spec';
import type { Submission } from './rollup';

export interface SourceSheet {
  name: string;
  state?: Visibility;
  grid: Grid;
  /** cells formatted as percent (A1), as the host read them */
  percentCells?: string[];
}

/** A workbook as a host read it: every sheet's values from A1 and the workbook-level names. */
export interface SourceFile {
  /** how the file is shown and traced back (`新密市.xlsx`, or the path given) */
  name: string;
  grids: SourceSheet[];
  names?: Array<{ name: string; ref: string }>;
}

export type UnreadableReason = 'missing' | 'notXlsx' | 'noTaskSheet';

export interface UnreadableFile {
  name: string;
  reason: UnreadableReason;
  /** the reader's own words, kept for the person who has to fix the file */
  detail?: string;
}

export interface CitySource {
  grid: Grid;
  /** `file!sheet`, as findings about the city list name it */
  source: string;
  file: string;
  sheet: string;
  /** the counties the city workbook's registry lists, in its order */
  counties: string[];
  /** the city workbook's unit directory (单位名录), to check county copies against */
  units: string[];
  percentCells?: string[];
}

export interface RollupSources {
  city: CitySource | null;
  /** the list every file was checked against (the host's city, else `city`), as read once */
  cityList: TaskList | null;
  submissions: Submission[];
  /** `submission-unreadable`, one per file that gave nothing to roll up */
  findings: Finding[];
}

const REASONS: Record<UnreadableReason, Label> = {
  missing: { zh: '文件不存在或无法打开', en: 'the file is missing or cannot be opened' },
  notXlsx: { zh: '不是可读取的 .xlsx 工作簿', en: 'it is not a readable .xlsx workbook' },
  noTaskSheet: { zh: '文件中没有可识别的重点任务清单(未找到表头)', en: 'no key-task sheet (no recognisable header) in the file' },
};

export function unreadableFinding(u: UnreadableFile, lang: Lang): Finding {
  const reason = REASONS[u.reason][lang] + (u.detail ? (lang === 'zh' ? `(${u.detail})` : ` (${u.detail})`) : '');
  return finding('submission-unreadable', lang, { sheet: u.name, cell: null, taskId: null }, { source: u.name, reason });
}

/** `新密市.xlsx` or `报送/新密市(修改).XLSX` → `新密市` / `新密市(修改)`. */
export function fileStem(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.replace(/\.(xlsx|xlsm|xls|et)$/i, '').trim() || base;
}

/** The keytask sheets of a file that still exist, under their current names. */
export function keytaskSheetsIn(file: SourceFile): Array<KeytaskSheet & { sheet: string }> {
  const registry = file.grids.find((s) => s.name === REGISTRY_SHEET);
  return liveKeytaskSheets(
    registry?.grid,
    file.names ?? [],
    file.grids.map((s) => s.name),
  ).filter((s): s is KeytaskSheet & { sheet: string } => s.sheet !== null);
}

/**
 * Whether a county copy holds anything a county typed: a target, a milestone, an actual value,
 * a note or a status. A blank copy left in the city's own workbook is not a submission. Takes
 * the sheet as read, so the roll-up that follows reads the same reading (one per grid).
 */
export function hasFigures(sheet: ReadSheet | null): boolean {
  if (!sheet) return false;
  const keys = Object.keys(sheet.columns).filter(
    (k) => k === 'target' || k === 'actual' || k === 'progress' || k === 'status' || /^y\d{4}$/.test(k),
  );
  return sheet.rows.some((r) => r.type === 'task' && keys.some((k) => !isEmpty(r.values[k as keyof typeof r.values])));
}

/** A county sheet read once, for `hasFigures` and then for the roll-up. */
export function readCountySheet(sheet: { grid: Grid; percentCells?: string[] }): ReadSheet | null {
  return readTaskSheet(sheet.grid, { percentCells: sheet.percentCells });
}

export interface CollectOptions {
  lang: Lang;
  /** the file that holds the city list; default the first file */
  cityFile?: string;
  /** a city list the host already has (the open workbook's): every file is a submission to it */
  city?: { grid: Grid; source: string; percentCells?: string[] };
}

export function collectSources(files: SourceFile[], unreadable: UnreadableFile[], opts: CollectOptions): RollupSources {
  const findings = unreadable.map((u) => unreadableFinding(u, opts.lang));
  const chosen: Submission[] = [];

  // The city list is named, never guessed: the open workbook's, the file given as the city,
  // or the first file — and only a keytask city sheet is a city list.
  const cityFileName = opts.city ? null : (opts.cityFile ?? files[0]?.name ?? null);
  const cityFile = cityFileName === null ? undefined : files.find((f) => f.name === cityFileName);
  const city = cityFile ? citySourceIn(cityFile) : null;
  const reference = opts.city ?? city;
  const cityList = reference ? readTaskList(reference.grid, reference.percentCells, opts.lang) : null;

  for (const file of files) {
    const of = fileSources(file, { lang: opts.lang, cityList, isCityFile: file === cityFile });
    chosen.push(...of.submissions);
    findings.push(...of.findings);
  }
  return { city, cityList, submissions: inCityOrder(chosen, city), findings };
}

const sheetOf = (file: SourceFile, sheet: string): SourceSheet => file.grids.find((s) => s.name === sheet) ?? { name: sheet, grid: [] };

/** The city list a file holds: its keytask city sheet, the counties its registry lists, its directory. */
export function citySourceIn(cityFile: SourceFile): CitySource | null {
  const keytask = keytaskSheetsIn(cityFile);
  const citySheet = keytask.find((s) => s.kind === 'city');
  if (!citySheet) return null;
  const units = keytask.find((s) => s.kind === 'units');
  const sheet = sheetOf(cityFile, citySheet.sheet);
  return {
    grid: sheet.grid,
    source: `${cityFile.name}!${citySheet.sheet}`,
    file: cityFile.name,
    sheet: citySheet.sheet,
    counties: keytask.filter((s) => s.kind === 'county' && s.county).map((s) => s.county!),
    units: units ? directoryUnits(sheetOf(cityFile, units.sheet).grid) : [],
    ...(sheet.percentCells ? { percentCells: sheet.percentCells } : {}),
  };
}

/**
 * What one file gives a roll-up: its submissions (each sheet read once) and the findings about
 * the file itself. Depends on no other file, so files can be taken one at a time.
 */
export function fileSources(
  file: SourceFile,
  opts: { lang: Lang; cityList: TaskList | null; isCityFile: boolean },
): { submissions: Submission[]; findings: Finding[] } {
  const { cityList } = opts;
  const chosen: Submission[] = [];
  const findings: Finding[] = [];
  const keytask = keytaskSheetsIn(file);
  if (keytask.length > 0) {
    const citySheet = keytask.find((s) => s.kind === 'city');
    const counties = keytask.filter((s) => s.kind === 'county');
    // A second city list is welcome only as the same list (a county sent the whole
    // workbook back); a list of another plan makes the whole file foreign.
    if (citySheet && cityList && !opts.isCityFile) {
      const other = sheetOf(file, citySheet.sheet);
      const list = readTaskList(other.grid, other.percentCells, opts.lang);
      const reason = list ? foreignReason(cityList, list, opts.lang) : null;
      if (reason) {
        findings.push(
          finding('submission-foreign', opts.lang, { sheet: file.name, cell: null, taskId: null }, { source: file.name, reason }),
        );
        return { submissions: chosen, findings };
      }
    }
    // A workbook with the city list or several county copies is the city's master or a whole
    // workbook sent back: only the copies someone typed into are submissions. A file with
    // one county's copy alone is that county's submission, filled or not.
    const alone = !citySheet && counties.length === 1;
    for (const s of counties) {
      const sheet = sheetOf(file, s.sheet);
      const read = alone ? undefined : readCountySheet(sheet);
      if (read !== undefined && !hasFigures(read)) continue;
      chosen.push({
        county: s.county ?? null,
        source: file.name,
        sheet: s.sheet,
        grid: sheet.grid,
        ...(sheet.percentCells ? { percentCells: sheet.percentCells } : {}),
        ...(read !== undefined ? { read } : {}),
      });
    }
    if (!citySheet && counties.length === 0) findings.push(unreadableFinding({ name: file.name, reason: 'noTaskSheet' }, opts.lang));
    return { submissions: chosen, findings };
  }
  const plain = file.grids.flatMap((s) => {
    if (s.name === REGISTRY_SHEET || (s.state && s.state !== 'visible')) return [];
    const read = readCountySheet(s);
    return read ? [{ sheet: s, read, unit: read.headerBlock.reportingUnit?.trim() ?? '' }] : [];
  });
  if (plain.length === 0) {
    findings.push(unreadableFinding({ name: file.name, reason: 'noTaskSheet' }, opts.lang));
    return { submissions: chosen, findings };
  }
  for (const p of plain) {
    const county = p.unit || (plain.length === 1 ? fileStem(file.name) : p.sheet.name);
    chosen.push({
      county,
      source: file.name,
      sheet: p.sheet.name,
      grid: p.sheet.grid,
      ...(p.sheet.percentCells ? { percentCells: p.sheet.percentCells } : {}),
      read: p.read,
    });
  }
  return { submissions: chosen, findings };
}

/** Summary columns follow the city's own order of counties; others keep the order given. */
export function inCityOrder<T extends { county: string | null }>(chosen: T[], city: { counties: string[] } | null): T[] {
  const order = new Map(city?.counties.map((c, i) => [c, i]) ?? []);
  const rank = (s: T): number => order.get(s.county ?? '') ?? order.size;
  return chosen
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i)
    .map((x) => x.s);
}
