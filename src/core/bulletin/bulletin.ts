/**
 * The 通报 (bulletin) a lead office sends after a roll-up, as a plain document: a title with the
 * period, the salutation, an overview, the ranking, the tasks behind 序时进度, who has not
 * reported, a closing request, and a footnote on where the figures came from. It is written in
 * the register of a government bulletin, and every number in it is taken from BulletinData —
 * none is typed here. Hosts render it (Markdown here, .docx in src/hosts/docx).
 */
import type { Lang } from '../i18n';
import type { BulletinData, SummaryTask } from './readSummary';
import { type TaskProgress, type TaskState, taskProgress } from './progress';

export type Block =
  | { type: 'heading'; text: string }
  /** a note under a table (the ranking rule): smaller, not indented */
  | { type: 'note'; text: string }
  | { type: 'paragraph'; text: string; /** where the footnote mark goes */ footnote?: boolean }
  | { type: 'table'; header: string[]; rows: string[][]; /** relative widths */ widths: number[] };

export interface BulletinDoc {
  lang: Lang;
  title: string;
  /** the title as it is set, broken where a long title reads best (before 重点任务) */
  titleLines: string[];
  /** 各县(市、区)… */
  salutation: string;
  blocks: Block[];
  footnote: string;
  /** counts behind the overview, for whoever wants them as data (tests, the pane's status line) */
  counts: Record<TaskState, number>;
}

export interface BulletinOptions {
  lang: Lang;
  /** the summary file's name, for the footnote */
  source?: string;
}

/** Figures as a bulletin writes them: at most two decimals, no trailing zeros. */
export function figure(n: number): string {
  return String(Math.round(n * 100) / 100);
}
const percent = (fraction: number): string => `${(Math.round(fraction * 1000) / 10).toFixed(1)}%`;

interface Judged {
  task: SummaryTask;
  progress: TaskProgress;
}

/** `商丘市…行动计划(2023—2025年)汇总` → the plan's name, for the opening sentence. */
function planName(title: string, lang: Lang): string {
  // `…重点任务清单汇总`: the sentence goes on with 重点任务, so the list's own name is left out
  return title.replace(lang === 'zh' ? /(重点任务清单)?汇总$/ : /\s*—\s*roll-up$/, '').trim();
}

function shortText(text: string, max = 28): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

/** Counties that reported but whose actual for the task is blank or did not count. */
function countiesBehind(t: SummaryTask, submitted: ReadonlySet<string>): string[] {
  return Object.entries(t.counties)
    .filter(([c, v]) => v === null && submitted.has(c))
    .map(([c]) => c);
}

export function buildBulletin(data: BulletinData, opts: BulletinOptions): BulletinDoc {
  const { lang } = opts;
  const zh = lang === 'zh';
  const period = data.period ?? (zh ? '本期' : 'this period');
  const judged: Judged[] = data.tasks.map((task) => ({ task, progress: taskProgress(task, data.years, data.reporting) }));
  const counts: Record<TaskState, number> = { done: 0, ahead: 0, onTrack: 0, lagging: 0, noFigure: 0, notJudged: 0 };
  for (const j of judged) counts[j.progress.state]++;
  const rates = data.tasks.filter((t) => t.way === 'summed' && t.rate !== null).map((t) => t.rate!);
  const meanRate = rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null;
  const submitted = new Set(data.status.filter((s) => s.submitted).map((s) => s.county));
  const expected = data.status.length;
  const plan = planName(data.title, lang);

  const title = zh
    ? `关于${data.period ?? ''}重点任务推进情况的通报`
    : `Bulletin on the progress of key tasks${data.period ? `, ${data.period}` : ''}`;
  const blocks: Block[] = [];
  blocks.push({
    type: 'paragraph',
    text: zh
      ? `根据各县(市、区)报送的${period}${plan ? `《${plan}》` : ''}重点任务进展情况,经汇总审核,现将有关情况通报如下:`
      : `From the ${period} progress reports of the counties${plan ? ` on ${plan}` : ''}, rolled up and reviewed, the position is as follows.`,
  });

  // 一、总体情况
  blocks.push({ type: 'heading', text: zh ? '一、总体情况' : '1. Overview' });
  const onOrAhead = counts.ahead + counts.onTrack;
  const overview = zh
    ? [
        `${period},全市共调度重点任务${data.tasks.length}项。`,
        `其中,已完成本年度目标${counts.done}项,达到或超过序时进度${onOrAhead}项,滞后于序时进度${counts.lagging}项`,
        counts.noFigure ? `,本期无可汇总数值${counts.noFigure}项` : '',
        counts.notJudged ? `,定性或不合计指标等未作序时判断${counts.notJudged}项` : '',
        '。',
        meanRate !== null ? `可合计任务平均完成率为${percent(meanRate)}(按${rates.length}项任务计)。` : '',
        expected ? `应报送县(市、区)${expected}个,已报送${submitted.size}个` : '',
        expected ? (data.missing.length ? `,未报送${data.missing.length}个。` : ',均已按时报送。') : '',
      ].join('')
    : [
        `In ${period}, ${data.tasks.length} key tasks were followed up. `,
        `${counts.done} have reached this year's milestone, ${onOrAhead} are on or ahead of time-proportional progress, ${counts.lagging} are behind it`,
        counts.noFigure ? `, ${counts.noFigure} have no figure to sum this period` : '',
        counts.notJudged ? `, and ${counts.notJudged} (qualitative or not summed) were not judged against it` : '',
        '. ',
        meanRate !== null ? `Average completion of the summed tasks: ${percent(meanRate)} (over ${rates.length} tasks). ` : '',
        expected ? `${submitted.size} of ${expected} counties reported` : '',
        expected ? (data.missing.length ? `; ${data.missing.length} did not.` : ', all of them on time.') : '',
      ].join('');
  blocks.push({ type: 'paragraph', text: overview, footnote: true });
  const cross = crossPeriodText(data, lang);
  if (cross) blocks.push({ type: 'paragraph', text: cross });

  // 二、排名
  blocks.push({ type: 'heading', text: zh ? '二、县(市、区)进度排名' : '2. County ranking' });
  if (data.ranking.length) {
    const withPrev = data.ranking.some((r) => r.previousRank !== null || r.rankChange !== null);
    const header = zh ? ['名次', '县(市、区)', '得分(%)', '计分任务数'] : ['Rank', 'County', 'Score (%)', 'Tasks scored'];
    if (withPrev) header.push(...(zh ? ['上期名次', '名次变化'] : ['Previous rank', 'Change']));
    blocks.push({
      type: 'table',
      header,
      widths: withPrev ? [1, 2, 1.4, 1.4, 1.2, 1.2] : [1, 2.4, 1.6, 1.6],
      rows: data.ranking.map((r) => [
        r.rank === null ? (zh ? '未排名' : 'unranked') : String(r.rank),
        r.county,
        r.score === null ? '—' : figure(r.score),
        r.tasks === null ? '—' : String(r.tasks),
        ...(withPrev
          ? [r.previousRank === null ? '—' : String(r.previousRank), r.rankChange === null ? '—' : signed(r.rankChange, lang)]
          : []),
      ]),
    });
    if (data.rankingRule) blocks.push({ type: 'note', text: (zh ? '注:' : 'Note: ') + data.rankingRule });
  } else blocks.push({ type: 'paragraph', text: zh ? '本期无可排名的县(市、区)。' : 'No county could be ranked this period.' });

  // 三、滞后任务
  blocks.push({ type: 'heading', text: zh ? '三、滞后于序时进度的任务' : '3. Tasks behind time-proportional progress' });
  const lagging = judged.filter((j) => j.progress.state === 'lagging');
  if (lagging.length) {
    blocks.push({
      type: 'paragraph',
      text: zh
        ? `以下${lagging.length}项任务本期完成率低于序时进度,请牵头单位会同有关县(市、区)分析原因、加快推进:`
        : `The ${lagging.length} tasks below are behind time-proportional progress; their lead units should find out why with the counties concerned and catch up:`,
    });
    blocks.push({
      type: 'table',
      header: zh
        ? ['序号', '重点任务', '牵头单位', '完成合计', '完成率', '序时进度', '完成值未计入的县(市、区)']
        : ['No.', 'Key task', 'Lead unit', 'Actual', 'Completion', 'Due by now', 'Counties without a counted actual'],
      // widths that keep a figure with its unit, and a percentage, on one line at 五号
      widths: [1, 3.2, 2, 1.6, 1.2, 1.3, 1.8],
      rows: lagging.map(({ task: t, progress: p }) => [
        t.id,
        shortText(t.text, 40),
        t.lead.join('、') || '—',
        `${figure(t.actual!)}${t.unit ?? ''}`,
        t.rate === null ? '—' : percent(t.rate),
        percent(p.due!),
        countiesBehind(t, submitted).join('、') || '—',
      ]),
    });
  } else
    blocks.push({
      type: 'paragraph',
      text: zh ? '本期无滞后于序时进度的任务。' : 'No task is behind time-proportional progress this period.',
    });

  // 四、报送情况
  blocks.push({ type: 'heading', text: zh ? '四、报送情况' : '4. Submissions' });
  blocks.push({ type: 'paragraph', text: submissionsText(data, lang) });

  // 五、工作要求
  blocks.push({ type: 'heading', text: zh ? '五、有关要求' : '5. What is asked' });
  blocks.push({
    type: 'paragraph',
    text: zh
      ? '请各县(市、区)、各牵头单位对照本通报,认真分析滞后原因,细化推进措施,确保完成年度目标任务;未报送或报送不完整的,请尽快补报,数值有误的请核实更正后重新报送。'
      : 'Each county and lead unit is asked to study this bulletin, find the causes of any delay and set out how it will catch up, so that this year’s milestones are met. Counties that have not reported, or reported in part, are asked to do so at once; figures found in error should be checked, corrected and sent again.',
  });

  const doc: BulletinDoc = {
    lang,
    title,
    titleLines: zh && [...title].length > TITLE_LINE ? title.replace(/(重点任务)/, '\n$1').split('\n') : [title],
    salutation: zh ? '各县(市、区)人民政府,市直有关单位:' : 'To the county governments and the city departments concerned:',
    blocks,
    footnote: footnoteText(data, opts),
    counts,
  };
  return zh ? inZhPunctuation(doc) : doc;
}

/** Characters of 二号 type a line of the title holds on A4 with the document's margins. */
const TITLE_LINE = 18;

const FULL_WIDTH: Record<string, string> = {
  ',': '\uff0c',
  ':': '\uff1a',
  ';': '\uff1b',
  '(': '\uff08',
  ')': '\uff09',
  '?': '\uff1f',
  '!': '\uff01',
};

/**
 * Chinese text set with full-width punctuation (comma, colon, semicolon, brackets), as a document
 * sent out must be (GB/T 15834); keytask's sheets and messages use the ASCII forms. A decimal point or a file name's
 * dot is not punctuation and stays.
 */
export function zhPunctuation(text: string): string {
  return text.replace(/[,:;()?!]/g, (c) => FULL_WIDTH[c]);
}

function inZhPunctuation(doc: BulletinDoc): BulletinDoc {
  const p = zhPunctuation;
  return {
    ...doc,
    title: p(doc.title),
    titleLines: doc.titleLines.map(p),
    salutation: p(doc.salutation),
    footnote: p(doc.footnote),
    blocks: doc.blocks.map((b) =>
      b.type === 'table' ? { ...b, header: b.header.map(p), rows: b.rows.map((r) => r.map(p)) } : { ...b, text: p(b.text) },
    ),
  };
}

function signed(n: number, lang: Lang): string {
  if (n === 0) return lang === 'zh' ? '持平' : 'same';
  return n > 0 ? `↑${n}` : `↓${-n}`;
}

function crossPeriodText(data: BulletinData, lang: Lang): string | null {
  const zh = lang === 'zh';
  const parts: string[] = [];
  const changed = data.tasks.filter((t) => t.change !== null);
  if (changed.length) {
    const up = changed.filter((t) => t.change! > 0).length;
    const flat = changed.filter((t) => t.change === 0).length;
    const down = changed.filter((t) => t.change! < 0).length;
    parts.push(
      zh
        ? `与上期相比,有环比数据的${changed.length}项任务中,完成合计增加${up}项、持平${flat}项、减少${down}项。`
        : `Against the previous period, of the ${changed.length} tasks with figures for both, ${up} rose, ${flat} stayed level and ${down} fell.`,
    );
  }
  const moved = data.ranking.filter((r) => r.rankChange !== null && r.rankChange !== 0);
  if (moved.length) {
    const best = [...moved].sort((a, b) => b.rankChange! - a.rankChange!)[0];
    parts.push(
      zh
        ? `名次较上期变化的县(市、区)${moved.length}个,其中${best.county}${best.rankChange! > 0 ? `上升${best.rankChange}位` : `下降${-best.rankChange!}位`}。`
        : `${moved.length} counties changed rank since the previous period; ${best.county} ${best.rankChange! > 0 ? `rose ${best.rankChange}` : `fell ${-best.rankChange!}`} places.`,
    );
  }
  if (data.stoppedReporting.length) {
    parts.push(
      zh
        ? `${data.stoppedReporting.join('、')}上期(${data.previousPeriod})已报送,本期未报送。`
        : `${data.stoppedReporting.join(', ')} reported in ${data.previousPeriod} but not this period.`,
    );
  }
  return parts.length ? parts.join(zh ? '' : ' ') : null;
}

function submissionsText(data: BulletinData, lang: Lang): string {
  const zh = lang === 'zh';
  const incomplete = data.status.filter((s) => s.submitted && s.gaps.length);
  const parts: string[] = [];
  if (data.missing.length)
    parts.push(zh ? `截至汇总时,${data.missing.join('、')}未报送。` : `At roll-up, ${data.missing.join(', ')} had not reported.`);
  else if (data.status.length) parts.push(zh ? '各县(市、区)均已报送。' : 'Every county reported.');
  if (incomplete.length) {
    const list = incomplete.map((s) =>
      zh ? `${s.county}(${s.gaps.length}项任务有缺项)` : `${s.county} (${s.gaps.length} tasks with gaps)`,
    );
    parts.push(zh ? `${list.join('、')}报送内容不完整。` : `Incomplete: ${list.join(', ')}.`);
  }
  if (data.excludedFigures) {
    parts.push(
      zh
        ? `各县(市、区)报送数值中有${data.excludedFigures}项有误或必填未填,未计入合计和排名,详见汇总表“未计入合计”列。`
        : `${data.excludedFigures} county figures were in error or left blank and are not in the totals or the ranking (see the summary's "not in the totals" column).`,
    );
  }
  return parts.join(zh ? '' : ' ') || (zh ? '报送情况见汇总表。' : 'See the summary for submissions.');
}

function footnoteText(data: BulletinData, opts: BulletinOptions): string {
  const zh = opts.lang === 'zh';
  const from = opts.source ? (zh ? `《${opts.source}》` : `“${opts.source}”`) : zh ? '汇总表' : 'the summary workbook';
  const findings = data.findings;
  if (zh) {
    return [
      `本通报数据均取自keytask汇总表${from}(${data.title || '汇总'}${data.period ? `,报送期${data.period}` : ''}),未经手工录入。`,
      '完成合计为各县(市、区)本期完成值之和,完成率为完成合计与县区目标合计之比;',
      '序时进度按报送期占全年的比例计算,累计型任务自上年目标起按比例递进;',
      `有错误的县区数值不计入合计、完成率和排名${data.excludedFigures ? `(本期${data.excludedFigures}项)` : ''}。`,
      findings ? `审核意见共列错误${findings.error}项、警告${findings.warning}项、提示${findings.info}项。` : '',
    ].join('');
  }
  return [
    `Every figure is taken from the keytask summary ${from} (${data.title || 'summary'}${data.period ? `, period ${data.period}` : ''}); none was typed by hand. `,
    'Totals add up the counties’ actuals for the period; completion is the total over the counties’ targets. ',
    'Time-proportional progress is the share of the year the period covers; for cumulative tasks it runs from last year’s milestone. ',
    `County figures with errors are left out of totals, completion and ranking${data.excludedFigures ? ` (${data.excludedFigures} this period)` : ''}. `,
    findings ? `Review findings: ${findings.error} errors, ${findings.warning} warnings, ${findings.info} notes.` : '',
  ].join('');
}
