/**
 * The sheets a roll-up writes, as data: the city summary (汇总), the submission status
 * (填报情况) and the ranking (排名, with its rule and a bar chart). Every county figure in the
 * summary is a link to the cell it came from; text from counties is only ever a value.
 */
import type { Label, Lang } from '../i18n';
import { KIND_LABELS } from '../layout/vocabulary';
import { type CountyFigures, RANKING_RULE, type RollupResult, STATUS_FIELDS } from '../rollup/rollup';
import { type CellValue, type FormatSpec, type SheetSpec, cellAddress, rangeAddress } from '../sheet/spec';
import { fieldName } from '../validate/record';
import { printSetup } from '../sheet/printPlan';
import {
  DEFAULT_FONT_PT,
  HEADER_FILL,
  type PlacedLayout,
  RANKING_LAYOUT,
  STATUS_LAYOUT,
  SUMMARY_LAYOUT,
  WITH_PREVIOUS,
  placeColumns,
} from './columns';
import type { ChartSpec } from '../sheet/spec';
import type { PeriodComparison, RankChange } from '../rollup/periods';
import { linkFormula } from './links';

export const ROLLUP_SHEET_NAMES: Record<'summary' | 'status' | 'ranking', Label> = {
  summary: { zh: '汇总', en: 'Summary' },
  status: { zh: '填报情况', en: 'Submissions' },
  ranking: { zh: '排名', en: 'Ranking' },
};

const MISSING_FILL = 'FFD7D7';
/** The 完成率 data bar, as in the task sheet: full at 100 %. */
const RATE_BAR = '5B9BD5';
const round = (n: number | null): number | null => (n === null ? null : Math.round(n * 1e6) / 1e6);

function base(
  kind: 'summary' | 'status' | 'ranking',
  lang: Lang,
  name: string | undefined,
  values: CellValue[][],
  layout: PlacedLayout<string>,
  formats: FormatSpec[],
  print: { titleRow: number; titleColumns: number },
): SheetSpec {
  const rows = pad(values);
  return {
    key: kind,
    name: name ?? ROLLUP_SHEET_NAMES[kind][lang],
    kind,
    visibility: 'visible',
    columnWidths: layout.widths,
    values: rows,
    // every row as tall as its wrapped text: 各县区进展 lists one county a line
    rowHeights: rowHeights(rows, print.titleRow, layout),
    formats,
    merges: [],
    validations: [],
    conditionalFormats: [],
    print: printSetup(layout.widths, {
      bodyFontPt: DEFAULT_FONT_PT,
      titleColumns: print.titleColumns,
      titleRows: `$${print.titleRow + 1}:$${print.titleRow + 1}`,
    }),
    tabColor: '7030A0',
  };
}

/** Heights of the header row and the body rows below it, for their wrapped text. */
function rowHeights(rows: CellValue[][], head: number, layout: PlacedLayout<string>): Record<number, number> {
  const heights: Record<number, number> = {};
  rows.forEach((r, i) => {
    if (i >= head) heights[i] = layout.heightOf(r, i === head ? 'head' : 'body');
  });
  return heights;
}

function pad(rows: CellValue[][]): CellValue[][] {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
}

export interface SummaryOptions {
  lang: Lang;
  title: string;
  name?: string;
  /** a county file's link target, when the summary is a file of its own beside them (the CLI's -o) */
  linkTarget?: (file: string) => string;
}

export function buildSummarySheet(result: RollupResult, opts: SummaryOptions): SheetSpec {
  const { lang } = opts;
  const zh = lang === 'zh';
  const years = result.years.map(String);
  const periods = result.periods;
  const previous = periods ? WITH_PREVIOUS : [];
  const layout = placeColumns(SUMMARY_LAYOUT, { years, counties: result.counties, prevTotal: previous, delta: previous });
  const excludedNote = result.excluded.length
    ? zh
      ? `;${result.excluded.length}项县区数值有错误,未计入合计和排名,见“未计入合计”列`
      : `; ${result.excluded.length} county figures with errors are left out of totals and ranking (see "Left out of totals")`
    : '';
  const rows: CellValue[][] = [
    [opts.title],
    [
      zh
        ? `报送期:${result.reporting?.text ?? '—'};点击县区数值可跳转到来源单元格${excludedNote}${previousNote(periods, lang)}`
        : `Period: ${result.reporting?.text ?? '—'}; click a county figure to open its source cell${excludedNote}${previousNote(periods, lang)}`,
    ],
    layout.headers(lang),
  ];
  const formats: FormatSpec[] = [{ range: 'A1', style: { bold: true, fontSize: 14 } }, layout.headFormat()];
  for (const t of result.tasks) {
    const how: Label =
      t.kind === 'qualitative'
        ? { zh: '定性', en: 'Qualitative' }
        : t.additive
          ? { zh: '合计', en: 'Summed' }
          : { zh: `不合计(${KIND_LABELS[t.kind].zh})`, en: `Not summed (${KIND_LABELS[t.kind].en})` };
    const range = t.range ? `${t.range.min.value}(${t.range.min.county}) / ${t.range.max.value}(${t.range.max.county})` : null;
    rows.push(
      layout.row({
        id: t.id,
        task: t.text,
        unit: t.unit,
        how: how[lang],
        cityTarget: round(t.city.target),
        countyTargets: round(t.total?.target ?? null),
        years: years.map((y) => round(t.total?.milestones[y] ?? null)),
        actual: round(t.total?.actual ?? null),
        prevTotal: [round(periods?.tasks[t.id]?.previous ?? null)],
        delta: [round(periods?.tasks[t.id]?.delta ?? null)],
        rate: t.rate === null ? null : round(t.rate),
        range,
        // County text is a value, never formula code: hosts write strings as text.
        notes: result.counties.flatMap((c) => (t.counties[c]?.note ? [`${c}:${t.counties[c].note}`] : [])).join('\n') || null,
        excluded:
          result.counties
            .flatMap((c) => {
              const f = t.counties[c];
              if (!f) return [];
              // A blank figure matters where the others make a total that now falls short.
              const totalOf = (k: string): number | null | undefined =>
                k === 'target' ? t.total?.target : t.total?.milestones[k.slice(1)];
              const blank = f.blank.filter((k) => totalOf(k) != null).map((k) => fieldName(k, lang));
              return [
                ...f.excluded.map((x) => `${c}${x.label}${x.typed ? `“${x.typed}”` : ''}:${x.reason}`),
                ...(blank.length ? [`${c}${blank.join('、')}:${zh ? '未填' : 'blank'}`] : []),
              ];
            })
            .join('\n') || null,
        counties: result.counties.map((c) => actualLink(t.counties[c], opts.linkTarget)),
      }),
    );
    // A county actual that does not count is still shown, marked.
    result.counties.forEach((c, i) => {
      if (t.counties[c]?.excluded.some((x) => x.field === 'actual'))
        formats.push({ range: cellAddress(rows.length - 1, layout.at('counties') + i), style: { fill: MISSING_FILL } });
    });
  }
  const head = SUMMARY_LAYOUT.headerRow;
  const last = rows.length - 1;
  if (last > head) formats.push(...layout.bodyFormats(head + 1, last));
  // 序号 and 重点任务 repeat on each page width, as in the task sheet.
  const spec = base('summary', lang, opts.name, rows, layout, formats, { titleRow: head, titleColumns: 2 });
  return {
    ...spec,
    dataBars:
      last > head ? [{ range: rangeAddress(head + 1, layout.at('rate'), last, layout.at('rate')), color: RATE_BAR, min: 0, max: 1 }] : [],
    freeze: { rows: head + 1, columns: 2 },
    autoFilter: rangeAddress(head, 0, Math.max(last, head), layout.width - 1),
  };
}

/** What 上期合计 and 环比增量 are, when the summary has them. */
function previousNote(periods: PeriodComparison | undefined, lang: Lang): string {
  if (!periods) return '';
  return lang === 'zh'
    ? `;上期:${periods.previous};环比增量为两期均有数值的县区增量之和`
    : `; previous period: ${periods.previous}; the change adds up the counties with a figure in both periods`;
}

/** A county's actual in the summary: a link to the cell it came from, or the bare figure. */
function actualLink(f: CountyFigures | undefined, linkTarget: ((file: string) => string) | undefined): CellValue {
  if (!f || f.actual === null) return null;
  const cell = f.cells.actual;
  const file = f.origin.file && linkTarget ? linkTarget(f.origin.file) : f.origin.file;
  return cell ? { formula: linkFormula(f.origin.sheet, cell, round(f.actual)!, file) } : round(f.actual);
}

export function buildStatusSheet(result: RollupResult, opts: { lang: Lang; name?: string }): SheetSpec {
  const { lang } = opts;
  const zh = lang === 'zh';
  const layout = placeColumns(STATUS_LAYOUT, { fields: STATUS_FIELDS });
  const notSent = result.status.filter((s) => !s.submitted).map((s) => s.county);
  const rows: CellValue[][] = [
    [zh ? '填报情况' : 'Submissions'],
    [
      notSent.length
        ? zh
          ? `未报送:${notSent.join('、')}`
          : `Sent nothing: ${notSent.join(', ')}`
        : zh
          ? '各县(市、区)均已报送'
          : 'Every county has sent its sheet',
    ],
    layout.headers(lang),
  ];
  const formats: FormatSpec[] = [{ range: 'A1', style: { bold: true, fontSize: 14 } }, layout.headFormat()];
  for (const s of result.status) {
    const r = rows.length;
    const gaps = [...new Set(STATUS_FIELDS.flatMap((f) => s.fields[f].missing))];
    rows.push(
      layout.row({
        county: s.county,
        submitted: s.submitted ? (zh ? '是' : 'Yes') : zh ? '否' : 'No',
        source: s.source,
        fields: STATUS_FIELDS.map((f) => `${s.fields[f].filled}/${s.fields[f].required}`),
        gaps: s.submitted ? gaps.slice(0, 200).join('、') : zh ? '全部' : 'all',
      }),
    );
    if (!s.submitted) formats.push({ range: rangeAddress(r, 0, r, layout.width - 1), style: { fill: MISSING_FILL } });
    STATUS_FIELDS.forEach((f, i) => {
      if (s.submitted && s.fields[f].filled < s.fields[f].required)
        formats.push({ range: cellAddress(r, layout.at('fields') + i), style: { fill: 'FFF2CC' } });
    });
  }
  const head = STATUS_LAYOUT.headerRow;
  const last = rows.length - 1;
  if (last > head) formats.push(...layout.bodyFormats(head + 1, last));
  return {
    ...base('status', lang, opts.name, rows, layout, formats, { titleRow: head, titleColumns: 1 }),
    freeze: { rows: head + 1, columns: 1 },
  };
}

export function buildRankingSheet(result: RollupResult, opts: { lang: Lang; name?: string }): SheetSpec {
  const { lang } = opts;
  const zh = lang === 'zh';
  const periods = result.periods;
  const previous = periods ? WITH_PREVIOUS : [];
  const layout = placeColumns(RANKING_LAYOUT, { prevRank: previous, rankChange: previous });
  const rows: CellValue[][] = [
    [zh ? '县(市、区)进度排名' : 'County progress ranking'],
    [(zh ? '排名规则:' : 'Rule: ') + RANKING_RULE[lang]],
    [zh ? `报送期:${result.reporting?.text ?? '—'}` : `Period: ${result.reporting?.text ?? '—'}`],
    layout.headers(lang),
  ];
  for (const e of result.ranking) {
    const change = periods?.ranks[e.county];
    rows.push(
      layout.row({
        rank: e.rank ?? (zh ? '未排名' : 'unranked'),
        county: e.county,
        score: e.score,
        tasks: e.tasks,
        prevRank: [change?.previous ?? null],
        rankChange: [change && e.rank !== null ? rankChangeText(change, lang) : null],
      }),
    );
  }
  const first = RANKING_LAYOUT.headerRow + 1;
  const last = rows.length - 1;
  const formats: FormatSpec[] = [
    { range: 'A1', style: { bold: true, fontSize: 14 } },
    { range: 'A2', style: { wrap: true, vAlign: 'top', fontSize: 10 } },
    layout.headFormat(),
  ];
  if (last >= first) formats.push(...layout.bodyFormats(first, last));
  const scored = result.ranking.filter((e) => e.score !== null).length;
  // The bar chart beside the table, ending where it always did (column J), so table and chart
  // still print on one A4 width: F–J one column after the table; with the two columns of a
  // previous period, G–J right after it.
  const chartTo = Math.max(20, first + scored + 2);
  const chartCol = periods ? layout.width : layout.width + 1;
  const trend = periods ? trendTable(periods, rows, formats, Math.max(chartTo, last) + 2, lang) : null;
  const spec = base('ranking', lang, opts.name, rows, layout, formats, { titleRow: RANKING_LAYOUT.headerRow, titleColumns: 0 });
  // The table's columns keep their widths (the bar chart stays on the page beside it); the
  // periods' labels wrap onto two lines instead, and periods past the table get a width of their own.
  const widths = [...spec.columnWidths];
  while (trend && widths.length <= trend.lastColumn) widths.push(10);
  return {
    ...spec,
    columnWidths: widths,
    // the rule is one long line: across the table, three lines high
    merges: [rangeAddress(1, 0, 1, layout.width - 1)],
    rowHeights: { ...spec.rowHeights, 1: 60, ...(trend ? { [trend.headRow]: 32 } : {}) },
    freeze: { rows: first, columns: 0 },
    charts:
      scored > 0
        ? [
            {
              type: 'bar',
              title: zh ? '各县(市、区)完成度(%)' : 'Completion by county (%)',
              categories: rangeAddress(first, layout.at('county'), first + scored - 1, layout.at('county')),
              values: rangeAddress(first, layout.at('score'), first + scored - 1, layout.at('score')),
              seriesName: zh ? '得分' : 'Score',
              from: cellAddress(1, chartCol),
              to: cellAddress(chartTo, 9),
            } satisfies ChartSpec,
            ...(trend ? [trend.chart] : []),
          ]
        : trend
          ? [trend.chart]
          : [],
  };
}

/** ↑2 / ↓1 / — / 新: how the county moved since last period. */
export function rankChangeText(change: RankChange, lang: Lang): string {
  if (change.isNew || change.change === null) return lang === 'zh' ? '新' : 'new';
  if (change.change > 0) return `↑${change.change}`;
  if (change.change < 0) return `↓${-change.change}`;
  return '—';
}

/**
 * The trend under the ranking: a small table, one row per county and one column per period
 * kept (each its 排名 score), and a line chart of it below. Rows are added to `rows` (padded
 * later) and their formats to `formats`.
 */
function trendTable(
  periods: PeriodComparison,
  rows: CellValue[][],
  formats: FormatSpec[],
  at: number,
  lang: Lang,
): { chart: ChartSpec; lastColumn: number; headRow: number } | null {
  const { trend } = periods;
  if (trend.periods.length < 2 || trend.counties.length === 0) return null;
  const zh = lang === 'zh';
  const title = zh ? '各县(市、区)完成度趋势(得分,%)' : 'Completion by county over the periods (score, %)';
  while (rows.length < at) rows.push([]);
  const head = at + 1;
  rows.push([null, title]);
  rows.push([null, zh ? '县(市、区)' : 'County', ...trend.periods]);
  for (const c of trend.counties) rows.push([null, c.county, ...c.scores]);
  const last = rows.length - 1;
  const lastColumn = 1 + trend.periods.length;
  formats.push(
    { range: cellAddress(at, 1), style: { bold: true } },
    {
      range: rangeAddress(head, 1, head, lastColumn),
      style: { bold: true, fill: HEADER_FILL, border: true, hAlign: 'center', wrap: true },
    },
    { range: rangeAddress(head + 1, 1, last, lastColumn), style: { border: true } },
    { range: rangeAddress(head + 1, 1, last, 1), style: { numFmt: '@' } },
    { range: rangeAddress(head + 1, 2, last, lastColumn), style: { numFmt: '0.0' } },
  );
  return {
    lastColumn,
    headRow: head,
    chart: {
      type: 'line',
      title,
      categories: rangeAddress(head, 2, head, lastColumn),
      values: rangeAddress(head + 1, 2, last, lastColumn),
      seriesNames: rangeAddress(head + 1, 1, last, 1),
      // below the table, as wide as the ranking and its bar chart
      from: cellAddress(last + 2, 1),
      to: cellAddress(last + 20, Math.max(lastColumn, 9)),
    },
  };
}
