/**
 * The summary reader and the bulletin over summary grids laid out from the report layouts, with
 * and without the cross-period columns (上期合计, 环比增量, 上期名次, 名次变化) and the period
 * history, in both languages; the 序时进度 judgement on cumulative and annual tasks.
 */
import { buildBulletin } from '../../../src/core/bulletin/bulletin';
import { renderMarkdown } from '../../../src/core/bulletin/markdown';
import { taskProgress } from '../../../src/core/bulletin/progress';
import { readSummary } from '../../../src/core/bulletin/readSummary';
import { buildReminders } from '../../../src/core/bulletin/reminders';
import type { Lang } from '../../../src/core/i18n';
import { buildHistorySheet, emptyHistory, withPeriod } from '../../../src/core/period/history';
import { Refusal } from '../../../src/core/refusal';
import { RANKING_LAYOUT, STATUS_LAYOUT, SUMMARY_LAYOUT, placeColumns } from '../../../src/core/report/columns';
import { STATUS_FIELDS } from '../../../src/core/rollup/rollup';
import type { CellValue } from '../../../src/core/sheet/spec';
import { toHalfWidth } from '../../../src/core/text/normalize';

const YEARS = ['2023', '2024', '2025'];
const COUNTIES = ['甲县', '乙县'];

function summaryGrid(lang: Lang, cross: boolean): CellValue[][] {
  const layout = placeColumns(SUMMARY_LAYOUT, { years: YEARS, counties: COUNTIES });
  const extra = (prev: number | null, change: number | null): CellValue[] => (cross ? [prev, change] : []);
  const how = lang === 'zh' ? { sum: '合计', share: '不合计(占比)' } : { sum: 'Summed', share: 'Not summed (Share)' };
  return [
    [lang === 'zh' ? '某市行动计划重点任务清单汇总' : 'Plan — roll-up'],
    [lang === 'zh' ? '报送期:2024年第3季度;点击县区数值可跳转到来源单元格' : 'Period: 2024年第3季度; click a county figure'],
    [...layout.headers(lang), ...(cross ? ['上期合计', '环比增量'] : [])],
    // cumulative 10/20/30: due by Q3 (10 + 10 × 0.75) / 30 = 58.3 %, at 53.3 %: behind
    [
      ...layout.row({
        id: '1',
        task: '累计建成充电桩30个',
        unit: '个',
        how: how.sum,
        countyTargets: 30,
        years: [10, 20, 30],
        actual: 16,
        rate: 16 / 30,
        counties: [10, 6],
      }),
      ...extra(12, 4),
    ],
    // annual 10 a year (target 30): due 10 × 0.75 / 30 = 25 %, at 30 %: ahead
    [
      ...layout.row({
        id: '2',
        task: '每年新增规上企业10家',
        unit: '家',
        how: how.sum,
        countyTargets: 30,
        years: [10, 10, 10],
        actual: 9,
        rate: 0.3,
        counties: [5, 4],
      }),
      ...extra(9, 0),
    ],
    [
      ...layout.row({
        id: '3',
        task: '新建5G基站',
        unit: '个',
        how: how.sum,
        countyTargets: 30,
        years: [10, 20, 30],
        actual: 20,
        rate: 20 / 30,
        counties: [12, 8],
      }),
      ...extra(25, -5),
    ],
    [...layout.row({ id: '4', task: '研发投入占比', unit: '%', how: how.share }), ...extra(null, null)],
    [
      ...layout.row({
        id: '5',
        task: '培育示范园区',
        unit: '个',
        how: how.sum,
        countyTargets: 4,
        years: [1, 2, 4],
        excluded: '乙县本期完成值“约2个”:数值不确切',
      }),
      ...extra(null, null),
    ],
  ];
}

function rankingGrid(lang: Lang, cross: boolean): CellValue[][] {
  const layout = placeColumns(RANKING_LAYOUT);
  return [
    [lang === 'zh' ? '县(市、区)进度排名' : 'County progress ranking'],
    [lang === 'zh' ? '排名规则:得分=平均完成度' : 'Rule: average completion'],
    ['报送期:2024年第3季度'],
    [...layout.headers(lang), ...(cross ? ['上期名次', '名次变化'] : [])],
    [...layout.row({ rank: 1, county: '乙县', score: 88.5, tasks: 3 }), ...(cross ? [2, 1] : [])],
    [...layout.row({ rank: 2, county: '甲县', score: 80, tasks: 3 }), ...(cross ? [1, -1] : [])],
  ];
}

function statusGrid(lang: Lang): CellValue[][] {
  const layout = placeColumns(STATUS_LAYOUT, { fields: STATUS_FIELDS });
  const yes = lang === 'zh' ? '是' : 'Yes';
  return [
    ['填报情况'],
    [''],
    layout.headers(lang),
    layout.row({ county: '甲县', submitted: yes, source: '甲县.xlsx', fields: ['5/5', '14/15', '4/5', '5/5'], gaps: '5' }),
    layout.row({ county: '乙县', submitted: yes, source: '乙县.xlsx', fields: ['5/5', '15/15', '5/5', '5/5'], gaps: '' }),
    layout.row({ county: '丙县', submitted: lang === 'zh' ? '否' : 'No', fields: ['0/5', '0/15', '0/5', '0/5'], gaps: '全部' }),
  ];
}

const history = buildHistorySheet(
  withPeriod(withPeriod(emptyHistory(), '2024年第2季度', ['甲县', '乙县', '丙县'], []), '2024年第3季度', ['甲县', '乙县'], []),
)!.values;

const input = (lang: Lang, cross: boolean) => ({
  grids: { summary: summaryGrid(lang, cross), status: statusGrid(lang), ranking: rankingGrid(lang, cross) },
  ...(cross ? { history } : {}),
});

describe('reading a summary back', () => {
  it.each<Lang>(['zh', 'en'])('finds the columns by their header texts (%s), without the cross-period ones', (lang) => {
    const d = readSummary(input(lang, false));
    expect(d.period).toBe('2024年第3季度');
    expect(d.reporting).toMatchObject({ year: 2024, fraction: 0.75 });
    expect(d.years).toEqual([2023, 2024, 2025]);
    expect(d.tasks.map((t) => [t.id, t.way, t.actual])).toEqual([
      ['1', 'summed', 16],
      ['2', 'summed', 9],
      ['3', 'summed', 20],
      ['4', 'notSummed', null],
      ['5', 'summed', null],
    ]);
    expect(d.tasks[0]).toMatchObject({
      countyTargets: 30,
      years: { 2023: 10, 2024: 20, 2025: 30 },
      counties: { 甲县: 10, 乙县: 6 },
      previous: null,
      change: null,
    });
    expect(d.ranking).toEqual([
      { county: '乙县', rank: 1, score: 88.5, tasks: 3, previousRank: null, rankChange: null },
      { county: '甲县', rank: 2, score: 80, tasks: 3, previousRank: null, rankChange: null },
    ]);
    expect(d.missing).toEqual(['丙县']);
    expect(d.status[0].fields[1]).toEqual({ label: lang === 'zh' ? '年度目标' : 'Milestones', filled: 14, required: 15 });
    expect(d.crossPeriod).toBe(false);
    expect(d.excludedFigures).toBe(1);
  });

  it('picks up 上期合计, 环比增量, 上期名次, 名次变化 and the history when present', () => {
    const d = readSummary(input('zh', true));
    expect(d.crossPeriod).toBe(true);
    expect(d.tasks.map((t) => [t.previous, t.change])).toEqual([
      [12, 4],
      [9, 0],
      [25, -5],
      [null, null],
      [null, null],
    ]);
    expect(d.ranking.map((r) => [r.county, r.previousRank, r.rankChange])).toEqual([
      ['乙县', 2, 1],
      ['甲县', 1, -1],
    ]);
    expect(d.previousPeriod).toBe('2024年第2季度');
    expect(d.stoppedReporting).toEqual(['丙县']);
  });

  it('refuses a workbook without a summary, a summary without its header, and another period', () => {
    expect(() => readSummary({ grids: {} })).toThrow(Refusal);
    expect(() => readSummary({ grids: { summary: [['x'], ['y']] } })).toThrow(/表头无法识别/);
    expect(() => readSummary(input('zh', false), { period: '2024年第2季度' })).toThrow(/报送期是“2024年第3季度”/);
    expect(readSummary(input('zh', false), { period: '2024年三季度' }).period).toBe('2024年第3季度');
  });
});

describe('the bulletin', () => {
  it('judges each task against 序时进度 by the status rule: cumulative from last year’s milestone, annual from zero', () => {
    const d = readSummary(input('zh', false));
    expect(d.tasks.map((t) => taskProgress(t, d.years, d.reporting))).toEqual([
      { state: 'lagging', due: 0.583333, yearTarget: 20 },
      { state: 'ahead', due: 0.25, yearTarget: 10 },
      // due is 序时进度 even for a task already past it
      { state: 'done', due: 0.583333, yearTarget: 20 },
      { state: 'notJudged', due: null, yearTarget: null },
      { state: 'noFigure', due: null, yearTarget: 2 },
    ]);
  });

  it('writes the overview, ranking, lagging tasks and submissions from the data alone', () => {
    const doc = buildBulletin(readSummary(input('zh', true)), { lang: 'zh', source: '汇总.xlsx' });
    expect(doc.counts).toEqual({ done: 1, ahead: 1, onTrack: 0, lagging: 1, noFigure: 1, notJudged: 1 });
    expect(doc.titleLines).toEqual(['关于2024年第3季度', '重点任务推进情况的通报']);
    const md = toHalfWidth(renderMarkdown(doc));
    expect(md).toContain('全市共调度重点任务5项。其中,已完成本年度目标1项,达到或超过序时进度1项,滞后于序时进度1项');
    expect(md).toContain('《某市行动计划》重点任务进展情况');
    expect(md).toContain('| 名次 | 县(市、区) | 得分(%) | 计分任务数 | 上期名次 | 名次变化 |');
    expect(md).toContain('| 1 | 乙县 | 88.5 | 3 | 2 | ↑1 |');
    expect(md).toContain('| 1 | 累计建成充电桩30个 | — | 16个 | 53.3% | 58.3% | — |');
    expect(md).toContain('有环比数据的3项任务中,完成合计增加1项、持平1项、减少1项');
    expect(md).toContain('丙县上期(2024年第2季度)已报送,本期未报送');
    expect(md).toContain('截至汇总时,丙县未报送。甲县(1项任务有缺项)报送内容不完整');
    expect(md).toContain('[^1]: 本通报数据均取自keytask汇总表《汇总.xlsx》');
  });

  it('leaves the 环比 sentences out without previous-period data, and speaks English', () => {
    const zh = toHalfWidth(renderMarkdown(buildBulletin(readSummary(input('zh', false)), { lang: 'zh' })));
    expect(zh).not.toContain('环比');
    expect(zh).not.toContain('上期名次');
    const en = renderMarkdown(buildBulletin(readSummary(input('en', false)), { lang: 'en' }));
    expect(en).toContain('# Bulletin on the progress of key tasks, 2024年第3季度');
    expect(en).toContain("1 have reached this year's milestone, 1 are on or ahead of time-proportional progress, 1 are behind it");
    expect(en).toContain('| 1 | 乙县 | 88.5 | 3 |');
  });

  it('reminds the county that sent nothing, the one with gaps, and names figures in error', () => {
    const d = readSummary(input('zh', false));
    const r = buildReminders(d, { lang: 'zh', deadline: '10月10日' }).map((x) => ({ ...x, text: toHalfWidth(x.text) }));
    expect(r.map((x) => [x.county, x.reason])).toEqual([
      ['甲县', 'incomplete'],
      ['乙县', 'errors'],
      ['丙县', 'missing'],
    ]);
    expect(r[0].text).toBe(
      '甲县:你单位报送的2024年第3季度重点任务进展情况需补充完善:年度目标已填14项、应填15项;本期完成值已填4项、应填5项;缺项任务为第5项(培育示范园区)。请于10月10日前补齐、更正后重新报送。',
    );
    expect(r[1].text).toContain('以下数值有误、未计入汇总:第5项(培育示范园区)本期完成值“约2个”:数值不确切');
    expect(r[2].text).toContain('尚未报送2024年第3季度重点任务进展情况(共5项任务),请于10月10日前');
  });
});
