/**
 * The sheets a roll-up writes, as data: the city summary (汇总), the submission status
 * (填报情况) and the ranking (排名, with its rule and a bar chart). Every county figure in the
 * summary is a link to the cell it came from; text from counties is only ever a value.
 */
import type { Label, Lang } from '../i18n';
import { KIND_LABELS } from '../layout/vocabulary';
import { RANKING_RULE, type RollupResult, STATUS_FIELDS, type StatusField } from '../rollup/rollup';
import { type CellValue, type FormatSpec, type SheetSpec, cellAddress, rangeAddress } from '../sheet/spec';
import { fieldName } from '../validate/record';
import { linkFormula } from './links';

export const ROLLUP_SHEET_NAMES: Record<'summary' | 'status' | 'ranking', Label> = {
  summary: { zh: '汇总', en: 'Summary' },
  status: { zh: '填报情况', en: 'Submissions' },
  ranking: { zh: '排名', en: 'Ranking' },
};

const HEADER_FILL = 'D9E1F2';
const MISSING_FILL = 'FFD7D7';
const TOTAL_FILL = 'E2EFDA';
const round = (n: number | null): number | null => (n === null ? null : Math.round(n * 1e6) / 1e6);

function base(
  kind: 'summary' | 'status' | 'ranking',
  lang: Lang,
  name: string | undefined,
  values: CellValue[][],
  widths: number[],
  formats: FormatSpec[],
): SheetSpec {
  return {
    key: kind,
    name: name ?? ROLLUP_SHEET_NAMES[kind][lang],
    kind,
    visibility: 'visible',
    columnWidths: widths,
    values,
    formats,
    merges: [],
    validations: [],
    conditionalFormats: [],
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true },
    tabColor: '7030A0',
  };
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
  const head: CellValue[] = [
    zh ? '序号' : 'No.',
    zh ? '重点任务' : 'Key task',
    zh ? '计量单位' : 'Unit',
    zh ? '汇总方式' : 'Roll-up',
    zh ? '市级目标' : 'City target',
    zh ? '县区目标合计' : 'County targets',
    ...years.map((y) => (zh ? `${y}年目标合计` : `${y} milestones`)),
    zh ? '本期完成合计' : 'Actual (total)',
    zh ? '完成率' : 'Completion',
    zh ? '最小/最大(不合计项)' : 'Min / max (not summed)',
    zh ? '各县区进展' : 'County progress notes',
    zh ? '未计入合计(有错误或未填的县区数值)' : 'Not in the totals (county figures with errors, or blank)',
    ...result.counties.map((c) => (zh ? `${c}完成值` : `${c} actual`)),
  ];
  const firstCounty = 11 + years.length;
  const excludedNote = result.excluded.length
    ? zh
      ? `;${result.excluded.length}项县区数值有错误,未计入合计和排名,见“未计入合计”列`
      : `; ${result.excluded.length} county figures with errors are left out of totals and ranking (see "Left out of totals")`
    : '';
  const rows: CellValue[][] = [
    [opts.title],
    [
      zh
        ? `报送期:${result.reporting?.text ?? '—'};点击县区数值可跳转到来源单元格${excludedNote}`
        : `Period: ${result.reporting?.text ?? '—'}; click a county figure to open its source cell${excludedNote}`,
    ],
    head,
  ];
  const formats: FormatSpec[] = [
    { range: 'A1', style: { bold: true, fontSize: 14 } },
    {
      range: rangeAddress(2, 0, 2, head.length - 1),
      style: { bold: true, fill: HEADER_FILL, wrap: true, border: true, hAlign: 'center', vAlign: 'middle' },
    },
  ];
  for (const t of result.tasks) {
    const how =
      t.kind === 'qualitative'
        ? zh
          ? '定性'
          : 'Qualitative'
        : t.additive
          ? zh
            ? '合计'
            : 'Summed'
          : zh
            ? `不合计(${KIND_LABELS[t.kind].zh})`
            : `Not summed (${KIND_LABELS[t.kind].en})`;
    const range = t.range ? `${t.range.min.value}(${t.range.min.county}) / ${t.range.max.value}(${t.range.max.county})` : null;
    const row: CellValue[] = [
      t.id,
      t.text,
      t.unit,
      how,
      round(t.city.target),
      round(t.total?.target ?? null),
      ...years.map((y) => round(t.total?.milestones[y] ?? null)),
      round(t.total?.actual ?? null),
      t.rate === null ? null : round(t.rate),
      range,
      // County text is a value, never formula code: hosts write strings as text.
      result.counties.flatMap((c) => (t.counties[c]?.note ? [`${c}:${t.counties[c].note}`] : [])).join('\n') || null,
      result.counties
        .flatMap((c) => {
          const f = t.counties[c];
          if (!f) return [];
          // A blank figure matters where the others make a total that now falls short.
          const totalOf = (k: string): number | null | undefined => (k === 'target' ? t.total?.target : t.total?.milestones[k.slice(1)]);
          const blank = f.blank.filter((k) => totalOf(k) != null).map((k) => fieldName(k, lang));
          return [
            ...f.excluded.map((x) => `${c}${x.label}${x.typed ? `“${x.typed}”` : ''}:${x.reason}`),
            ...(blank.length ? [`${c}${blank.join('、')}:${zh ? '未填' : 'blank'}`] : []),
          ];
        })
        .join('\n') || null,
      ...result.counties.map((c): CellValue => {
        const f = t.counties[c];
        if (!f || f.actual === null) return null;
        const cell = f.cells.actual;
        const file = f.origin.file && opts.linkTarget ? opts.linkTarget(f.origin.file) : f.origin.file;
        return cell ? { formula: linkFormula(f.origin.sheet, cell, round(f.actual)!, file) } : round(f.actual);
      }),
    ];
    rows.push(row);
    // A county actual that does not count is still shown, marked.
    result.counties.forEach((c, i) => {
      if (t.counties[c]?.excluded.some((x) => x.field === 'actual'))
        formats.push({ range: cellAddress(rows.length - 1, firstCounty + i), style: { fill: MISSING_FILL } });
    });
  }
  const last = rows.length - 1;
  if (last >= 3) {
    formats.push({ range: rangeAddress(3, 0, last, head.length - 1), style: { border: true, vAlign: 'top' } });
    formats.push({ range: rangeAddress(3, 0, last, 3), style: { numFmt: '@', wrap: true } });
    formats.push({ range: rangeAddress(3, 5, last, 6 + years.length), style: { fill: TOTAL_FILL } });
    formats.push({ range: rangeAddress(3, 7 + years.length, last, 7 + years.length), style: { numFmt: '0.0%', fill: TOTAL_FILL } });
    formats.push({ range: rangeAddress(3, 8 + years.length, last, 10 + years.length), style: { numFmt: '@', wrap: true } });
    if (result.counties.length)
      formats.push({ range: rangeAddress(3, firstCounty, last, head.length - 1), style: { fontColor: '0563C1' } });
  }
  const spec = base(
    'summary',
    lang,
    opts.name,
    pad(rows),
    [6, 40, 9, 14, 10, 12, ...years.map(() => 11), 12, 9, 22, 30, 30, ...result.counties.map(() => 12)],
    formats,
  );
  return {
    ...spec,
    freeze: { rows: 3, columns: 2 },
    autoFilter: rangeAddress(2, 0, Math.max(last, 2), head.length - 1),
    print: { ...spec.print!, titleRows: '$3:$3' },
  };
}

const FIELD_LABELS: Record<StatusField, Label> = {
  target: { zh: '目标值', en: 'Targets' },
  milestones: { zh: '年度目标', en: 'Milestones' },
  actual: { zh: '本期完成值', en: 'Actuals' },
  status: { zh: '状态', en: 'Status' },
};

export function buildStatusSheet(result: RollupResult, opts: { lang: Lang; name?: string }): SheetSpec {
  const { lang } = opts;
  const zh = lang === 'zh';
  const head: CellValue[] = [
    zh ? '县(市、区)' : 'County',
    zh ? '是否报送' : 'Submitted',
    zh ? '来源' : 'Source',
    ...STATUS_FIELDS.map((f) => `${FIELD_LABELS[f][lang]}${zh ? '(已填/应填)' : ' (filled/required)'}`),
    zh ? '缺项任务序号' : 'Tasks with gaps',
  ];
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
    head,
  ];
  const formats: FormatSpec[] = [
    { range: 'A1', style: { bold: true, fontSize: 14 } },
    { range: rangeAddress(2, 0, 2, head.length - 1), style: { bold: true, fill: HEADER_FILL, wrap: true, border: true, hAlign: 'center' } },
  ];
  for (const s of result.status) {
    const r = rows.length;
    const gaps = [...new Set(STATUS_FIELDS.flatMap((f) => s.fields[f].missing))];
    rows.push([
      s.county,
      s.submitted ? (zh ? '是' : 'Yes') : zh ? '否' : 'No',
      s.source,
      ...STATUS_FIELDS.map((f) => `${s.fields[f].filled}/${s.fields[f].required}`),
      s.submitted ? gaps.slice(0, 200).join('、') : zh ? '全部' : 'all',
    ]);
    if (!s.submitted) formats.push({ range: rangeAddress(r, 0, r, head.length - 1), style: { fill: MISSING_FILL } });
    STATUS_FIELDS.forEach((f, i) => {
      if (s.submitted && s.fields[f].filled < s.fields[f].required)
        formats.push({ range: cellAddress(r, 3 + i), style: { fill: 'FFF2CC' } });
    });
  }
  const last = rows.length - 1;
  if (last >= 3)
    formats.push({ range: rangeAddress(3, 0, last, head.length - 1), style: { border: true, numFmt: '@', vAlign: 'top', wrap: true } });
  return { ...base('status', lang, opts.name, pad(rows), [14, 9, 24, 14, 14, 14, 14, 40], formats), freeze: { rows: 3, columns: 1 } };
}

export function buildRankingSheet(result: RollupResult, opts: { lang: Lang; name?: string }): SheetSpec {
  const { lang } = opts;
  const zh = lang === 'zh';
  const head: CellValue[] = [
    zh ? '名次' : 'Rank',
    zh ? '县(市、区)' : 'County',
    zh ? '得分(%)' : 'Score (%)',
    zh ? '计分任务数' : 'Tasks scored',
  ];
  const rows: CellValue[][] = [
    [zh ? '县(市、区)进度排名' : 'County progress ranking'],
    [(zh ? '排名规则:' : 'Rule: ') + RANKING_RULE[lang]],
    [zh ? `报送期:${result.reporting?.text ?? '—'}` : `Period: ${result.reporting?.text ?? '—'}`],
    head,
  ];
  for (const e of result.ranking) rows.push([e.rank ?? (zh ? '未排名' : 'unranked'), e.county, e.score, e.tasks]);
  const first = 4;
  const last = rows.length - 1;
  const formats: FormatSpec[] = [
    { range: 'A1', style: { bold: true, fontSize: 14 } },
    { range: 'A2', style: { wrap: true, vAlign: 'top', fontSize: 10 } },
    { range: rangeAddress(3, 0, 3, 3), style: { bold: true, fill: HEADER_FILL, border: true, hAlign: 'center' } },
  ];
  if (last >= first) {
    formats.push({ range: rangeAddress(first, 0, last, 3), style: { border: true } });
    formats.push({ range: rangeAddress(first, 1, last, 1), style: { numFmt: '@' } });
    formats.push({ range: rangeAddress(first, 2, last, 2), style: { numFmt: '0.0' } });
  }
  const scored = result.ranking.filter((e) => e.score !== null).length;
  const spec = base('ranking', lang, opts.name, pad(rows), [8, 16, 10, 12], formats);
  return {
    ...spec,
    merges: [rangeAddress(1, 0, 1, 3)],
    rowHeights: { 1: 60 },
    freeze: { rows: 4, columns: 0 },
    charts:
      scored > 0
        ? [
            {
              type: 'bar',
              title: zh ? '各县(市、区)完成度(%)' : 'Completion by county (%)',
              categories: rangeAddress(first, 1, first + scored - 1, 1),
              values: rangeAddress(first, 2, first + scored - 1, 2),
              seriesName: zh ? '得分' : 'Score',
              from: 'F2',
              to: cellAddress(Math.max(20, first + scored + 2), 13),
            },
          ]
        : [],
  };
}
