/**
 * Targets and deadlines inside a task's sentences (`力争新增高新技术企业30家`, `到2023年,…5000家`,
 * `每年新增工业机器人3000台`, `2022年10月底前…`). A figure is a candidate target unless the
 * wording shows it qualifies something else (`投资超10亿元的项目`, `30万吨以下煤矿`, `年产10000吨`)
 * or it stands in a name or a reference (`“30条举措”`, `〔2020〕2号`).
 */
import type { MilestoneKind, TargetBound, TargetDirection } from '../model';
import { quantitiesIn } from '../text/quantity';
import { fold, maskBracketed } from './text';

export interface Candidate {
  value: number;
  /** as written (`萬臺` stays `萬臺`); null when the writer left it out (`培育1“数字领航”企业`) */
  unit: string | null;
  /** the number and unit as written */
  text: string;
  /** the sentence it stands in, as written */
  sentence: string;
  /** where it starts in that sentence */
  at: number;
  /** the sentence says it is a goal (力争, 达到, 新增, a year, 以上 …) */
  strong: boolean;
  /** `以上` atLeast, `以内`/`控制在` atMost, `左右` about */
  bound?: TargetBound;
  /** down for a lower-is-better figure (失业率, 能耗, PM2.5, 涨幅, `下降`) */
  direction?: TargetDirection;
}

/** How the words around a figure bound it. */
export function boundOf(before: string, after: string): TargetBound | undefined {
  if (/^(及以上|以上|及其以上)/.test(after) || /(不低于|不少于|至少|超过|高于)$/.test(before)) return 'atLeast';
  if (/^(以内|以下|及以下)/.test(after) || /(控制在|不超过|不高于|低于|不大于)$/.test(before)) return 'atMost';
  if (/^左右/.test(after) || /(约|大约)$/.test(before)) return 'about';
  return undefined;
}

const LOWER_IS_BETTER = /失业率|能耗|PM2\.?5|涨幅|下降|降低|减少|降幅|压减|死亡率|发生率|事故/;

// Units quantitiesIn does not know, longest first; checked where it found a shorter one.
const MORE_UNITS = [
  '万吨标准煤',
  '万亿元',
  '万名',
  '万对',
  '张',
  '处',
  '亿美元',
  '万美元',
  '个百分点',
  '百分点',
  '万人次',
  '万平方米',
  '万亩',
  '美元',
  '千伏安',
];

const GOAL_WORDS =
  /力争|达到|达|突破|新增|新建|新设|培育|建成|完成|实现|引进|超过|不低于|不少于|提高到|降低到|提升到|下降|增长|累计|每年|全年|年均|控制在|不超过|改造|盘活|安排|开工|提供|扶持|\d{4}年/;

// A figure right after the verb that sets it (`推进5万个行政村通光纤`, `公路投资1.65万亿元`) is the goal.
const VERB_FIRST = /(推进|投资|实施|建设|开展|打造|建立|开设|设立|配备|安装|改造|(?<![针相核面应绝比])对)$/;
// A count closing its clause (`实施新(改、扩)建中小学校5家。`, `建设献血屋1个`) says how many to do:
// Chinese puts the quantity of a verb-object goal at the end.
const COUNTER = /^(个|家|所|座|处|户|名|人|项|条|套|台|张|辆|例|栋|间|支|场|次|人次|万人|万户|万人次|亩|万亩|公里|千米)$/;

/** Sentences of a text with their offsets; brackets do not end a sentence. */
function sentences(text: string): Array<{ text: string; masked: string }> {
  const masked = maskBracketed(fold(text));
  const out: Array<{ text: string; masked: string }> = [];
  let start = 0;
  for (let i = 0; i <= masked.length; i++) {
    if (i === masked.length || /[。;;!?！？]/.test(masked[i])) {
      while (start < i && /\s/.test(masked[start])) start++;
      if (i > start) out.push({ text: text.slice(start, i + 1), masked: masked.slice(start, i + 1) });
      start = i + 1;
    }
  }
  return out;
}

export function candidatesIn(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const s of sentences(text)) {
    const found = quantitiesIn(s.masked);
    let from = 0;
    for (let k = 0; k < found.length; k++) {
      const q = found[k];
      let at = s.masked.indexOf(q.text, from);
      while (at > 0 && /[\d.]/.test(s.masked[at - 1])) at = s.masked.indexOf(q.text, at + 1);
      if (at < 0) continue;
      from = at + q.text.length;
      const numLen = q.text.length - q.unit.length;
      let unit = q.unit;
      const longer = MORE_UNITS.find((u) => u.length > unit.length && s.masked.startsWith(u, at + numLen));
      if (longer) unit = longer;
      const end = at + numLen + unit.length;
      const before = s.masked.slice(Math.max(0, at - 6), at);
      const after = s.masked.slice(end).replace(/^\([□]*\)/, '');
      if (!unit && !/^[“"]/.test(s.masked.slice(end))) continue; // a bare number is no target, `1“数字领航”` is
      if (/[A-Za-z]$/.test(before)) continue; // `IPv6`
      if (qualifies(unit, before, after, s.masked.slice(end), found.length > k + 1)) continue;
      const clauseEnd = s.masked.slice(end).search(/[,，;；。]/);
      const clauseStart = Math.max(0, s.masked.lastIndexOf(',', at) + 1);
      const clause = s.masked.slice(clauseStart, clauseEnd < 0 ? undefined : end + clauseEnd);
      const bound = boundOf(s.masked.slice(clauseStart, at), after);
      const down = LOWER_IS_BETTER.test(s.masked.slice(clauseStart, at));
      out.push({
        value: q.value,
        unit: unit ? s.text.slice(at + numLen, end) : null,
        text: s.text.slice(at, end),
        sentence: s.text,
        at,
        strong:
          GOAL_WORDS.test(s.masked) ||
          /^(以上|左右|以内)/.test(after) ||
          GOAL_WORDS.test(clause) ||
          VERB_FIRST.test(before) ||
          (COUNTER.test(unit) && /^\s*([。;；,，]|$)/.test(s.masked.slice(end))),
        ...(bound ? { bound } : {}),
        ...(down ? { direction: 'down' as const } : {}),
      });
    }
  }
  return out;
}

/**
 * A figure that describes what is counted rather than how many: `超500亿元的开发区`,
 * `3亩(含)以上的企业`, `年产10000吨…`, `30万吨以下煤矿`, and `10亿元以上制造业项目100项` (a size
 * followed by a count in the same clause).
 */
function qualifies(unit: string, before: string, after: string, rawAfter: string, moreFollow: boolean): boolean {
  // `75%以上的确权登记` is how much of it, a share target; `10亿元以上的项目` describes the project.
  if (/^(及以上|以上|以下|以内)(的|级)|^级/.test(after) && !(unit === '%' && /^\D*的/.test(after))) return true;
  // `14个工作日内` is a time limit, not a count.
  if (unit === '个' && /^(工作日|月|小时|自然日)/.test(after)) return true;
  // `100亿元的项目` describes the project; `30%的传统企业` is how many of them, a share target.
  if (/^的/.test(after) && unit !== '%') return true;
  if (/(年产|日产|年产能|总投资|单体投资)$/.test(before)) return true;
  if (/(超|(?<!超)过)$/.test(before)) return true;
  if (/^(以下|以内)[\u4e00-\u9fff]/.test(after)) return true;
  const clauseRest = rawAfter.split(/[,，;；。]/)[0];
  // Only a size (money, area, weight) qualifies this way; `2个以上投资超10亿元的项目` counts projects.
  return /元|亩|吨|平方|千瓦|伏安/.test(unit) && /^(及以上|以上)[\u4e00-\u9fff]/.test(after) && moreFollow && /\d/.test(clauseRest);
}

export interface TargetChoice {
  target: Candidate | null;
  /** every candidate when more than one could be meant (the first one was taken) */
  ambiguous: Candidate[];
  /** figures found that do not read as goals (`重点抓好30家骨干企业…的监测`): not taken, but shown */
  weak: Candidate[];
}

/**
 * The target: the figure the final milestone confirms when there is one (seed 001 task 4:
 * `300亿元`, not `30%`); otherwise the first goal-worded figure. Several distinct goal figures make
 * it ambiguous; figures that are not worded as goals are not taken. The caller reports both.
 */
export function chooseTarget(cands: Candidate[], finalMilestone?: { value: number; unit: string | null }): TargetChoice {
  if (finalMilestone) {
    const hit = cands.find(
      (c) => c.value === finalMilestone.value && (!finalMilestone.unit || fold(c.unit ?? '') === fold(finalMilestone.unit)),
    );
    if (hit) return { target: hit, ambiguous: [], weak: [] };
  }
  const strong = cands.filter((c) => c.strong);
  if (!strong.length) return { target: null, ambiguous: [], weak: cands };
  const distinct = strong.filter((c, i) => strong.findIndex((d) => d.value === c.value && d.unit === c.unit) === i);
  return { target: strong[0], ambiguous: distinct.length > 1 ? distinct : [], weak: [] };
}

/** `到2023年`, `2022年10月底前`, `2018年底前`, `力争2023年` → as written, without 到/力争. */
const DATE = /(\d{4})\s*年(?:\s*\d{1,2}\s*月)?(?:底|末)?(?:前|以前)?/;

/**
 * The first date in the text that reads as a deadline: led by 到/至/力争/于, standing at the head
 * of a clause (`2020年,培育2家…`), or ending in 底/末/前. `分解落实2020年工业发展…目标` names a
 * year's figures, and `2020年4月28日` is a date of issue; neither is a deadline.
 */
export function dateIn(text: string): { text: string; year: number } | null {
  const masked = maskBracketed(fold(text));
  const re = new RegExp(DATE.source, 'g');
  for (const m of masked.matchAll(re)) {
    const year = Number(m[1]);
    if (year < 1990 || year > 2100) continue;
    const at = m.index ?? 0;
    const after = masked.slice(at + m[0].length);
    if (/^\s*\d{1,2}\s*日/.test(after)) continue;
    const before = masked.slice(0, at);
    const led = /(到|至|力争|于|在|截至|截止)$/.test(before) || before === '' || /[,;。:]\s*$/.test(before);
    if (!led && !/[底末前]$/.test(m[0]) && !/^[,]/.test(after)) continue;
    return { text: text.slice(at, at + m[0].length), year };
  }
  return null;
}

/**
 * The latest month-end a task names without a year (`5月底前实现…`, `3月底前…;11月底前竣工交付`):
 * within the plan's one year, the last step is when the task is due.
 */
export function monthDeadlineIn(text: string): string | null {
  const masked = maskBracketed(fold(text));
  let best: { month: number; text: string } | null = null;
  for (const m of masked.matchAll(/(?<![\d年])(\d{1,2})\s*月\s*(底前|末前|底|末|前|以前)(?!\s*\d)/g)) {
    const month = Number(m[1]);
    if (month < 1 || month > 12 || (best && best.month >= month)) continue;
    best = { month, text: text.slice(m.index ?? 0, (m.index ?? 0) + m[0].length) };
  }
  return best?.text ?? null;
}

/**
 * How the figure is measured: each year on its own (每年/年均/全年, or a growth rate
 * `增长20%`), a share (`占比8%`, `比重达到30%`), or a running total (the default).
 */
export function kindOf(
  target: { unit: string | null; text: string } | null,
  context: string,
  scheduleKind: MilestoneKind | null,
): MilestoneKind {
  if (!target) return 'qualitative';
  const c = fold(context);
  if (/每年|年均|全年/.test(c)) return 'annual';
  if (target.unit === '%' || target.unit === '％') {
    const at = fold(context).indexOf(fold(target.text));
    const before = at > 0 ? c.slice(Math.max(0, at - 4), at) : '';
    if (/(增长|增速|下降|降低|降幅|减少|提高)(了|率)?$/.test(before)) return 'annual';
    return 'share';
  }
  return scheduleKind ?? 'cumulative';
}
