/**
 * The prose form (seeds 000, 004): chapters `三、重点任务`, sections `(一)…`, numbered tasks
 * `1.深入开展…`, and responsibility either on its own line after the task (`责任单位:…`) or
 * inline, once or several times, as `(責任單位:…)`.
 *
 * Which items are tasks: the numbered items of the task chapters (titles with 任务, 工程, 行动 or
 * 清单; not 目标, 保障, 要求 …), so goals and the closing 组织保障 duties are not listed as tasks
 * even when they name units; a `(一)` item of a task chapter with no numbered items under it is
 * itself a task (seeds 002, 003), with `(一)` as its id. Without any task chapter, every chapter
 * but the preamble-like ones is read.
 */
import type { RawReading, RawSection, RawTask } from './rawTask';
import { CHAPTER, NUMBERED, SECTION, type SourceLine, firstSentence, fold } from './text';

const TASK_CHAPTER = /任务|工程|行动|清单|重点工作|主要工作|工作举措|牵头(的)?(工作|事项)/;
// `一、市发改委牵头工作(8项)`: the chapter names who leads every item under it.
const CHAPTER_LEAD = /^(.{2,20}?)牵头(的)?(工作|事项|任务)\s*([(（]\s*\d+\s*项\s*[)）])?$/;
const NOT_TASK_CHAPTER = /保障|组织|要求|目标|思路|原则|背景|意见|措施|时间|联系|说明/;
const PREAMBLE_CHAPTER = /思路|原则|背景|要求|意见建议|联系|时间/;
const RESP_LINE =
  /^(责任单位|牵头单位|责任部门|牵头部门|配合单位|配合部门|参与单位|牵头责任单位|协同责任单位|牵头领导|牵头负责领导|分管领导|分管省领导|分管市领导|部门分工)\s*[:：]/;
/** An unlabelled responsibility at the end of a paragraph: `(A牵头,B配合)`, `(国务院各部门分别负责,年内持续推进)`. */
const BARE_RESP = /牵头|负责|配合/;

interface Item {
  kind: 'section' | 'task';
  id: string;
  lines: string[];
  groups: string[];
  line: number;
  end: number;
  chapter: number;
  children: Item[];
  /** a `一、` item of a 实事 list, read as a task whatever the chapters */
  listed?: boolean;
}

const COUNTED = /\d+(\.\d+)?\s*(万|亿)?\s*(个|台|所|张|座|处|公里|户|家|名|人|项|条|套|对|例|亩|千米|平方米|辆)/;

interface Chapter {
  title: string;
}

/** Pulls every `(责任单位:…)` out of a body: the groups, and the body without them. */
export function inlineGroups(body: string): { groups: string[]; rest: string } {
  const f = fold(body);
  const groups: string[] = [];
  let rest = '';
  let last = 0;
  const re = /[(（[]\s*(责任单位|牵头单位|责任部门|牵头领导|牵头部门)\s*[:：]/g;
  const closeOf = (at: number): number => {
    let depth = 0;
    for (let i = at; i < f.length; i++) {
      if ('(（〔【['.includes(f[i])) depth++;
      else if (')）〕】]'.includes(f[i]) && --depth === 0) return i;
    }
    return f.length;
  };
  for (const m of f.matchAll(re)) {
    const at = m.index ?? 0;
    if (at < last) continue;
    const end = closeOf(at);
    groups.push(body.slice(at + 1, end).trim());
    rest += body.slice(last, at);
    last = end + 1;
  }
  rest += body.slice(last);
  if (!groups.length) {
    // Unlabelled: the last top-level parenthesis of each sentence, when it names who leads or does the work.
    const out: string[] = [];
    let kept = '';
    let from = 0;
    const ff = fold(rest);
    for (let i = 0; i < ff.length; i++) {
      if (!'(（['.includes(ff[i])) continue;
      const end = closeOf2(ff, i);
      const inner = ff.slice(i + 1, end);
      const after = ff.slice(end + 1, end + 2);
      if (
        end < ff.length &&
        BARE_RESP.test(inner) &&
        /^($|[。;\s])/.test(after) &&
        /(牵头|负责|配合)/.test(inner.replace(/[(][^()]*[)]/g, ''))
      ) {
        out.push(rest.slice(i + 1, end).trim());
        kept += rest.slice(from, i);
        from = end + 1;
      }
      i = end;
    }
    if (out.length) return { groups: out, rest: kept + rest.slice(from) };
  }
  return { groups, rest };
}

function closeOf2(f: string, at: number): number {
  let depth = 0;
  for (let i = at; i < f.length; i++) {
    if ('(（〔【['.includes(f[i])) depth++;
    else if (')）〕】]'.includes(f[i]) && --depth === 0) return i;
  }
  return f.length;
}

export function readProse(lines: SourceLine[]): RawReading {
  const chapters: Chapter[] = [];
  const top: Item[] = [];
  let section: Item | null = null;
  let task: Item | null = null;
  const newItem = (kind: Item['kind'], id: string, text: string, line: number): Item => ({
    kind,
    id,
    lines: text ? [text] : [],
    groups: [],
    line,
    end: line,
    chapter: chapters.length - 1,
    children: [],
  });

  for (const l of lines) {
    const f = fold(l.text);
    const ch = CHAPTER.exec(f);
    // `一、完成1167台…;推进…。` (实事 lists): a numbered item of several sentences, not a chapter.
    const listedBefore = top.length > 0 && top[top.length - 1].listed === true;
    // A notice's requirement (`一、责任到人,闭环管理。…明确133项具体任务`) opens with a slogan: the
    // count of a 实事 item stands in its first clause.
    const listedItem = !!ch && ch[2].length > 40 && /[。;]/.test(ch[2]) && COUNTED.test(ch[2].split(/[。;；]/)[0]);
    if (ch && !section && (listedBefore || listedItem)) {
      task = newItem('task', ch[1], l.text.slice(l.text.length - ch[2].length), l.line);
      task.listed = true;
      top.push(task);
      continue;
    }
    if (ch && fold(firstSentence(ch[2])).length <= 30) {
      chapters.push({ title: firstSentence(l.text.slice(l.text.length - ch[2].length)) });
      section = task = null;
      continue;
    }
    const sec = SECTION.exec(l.text);
    if (sec) {
      section = newItem('section', sec[1], sec[2], l.line);
      top.push(section);
      task = null;
      continue;
    }
    // Matched on the folded line so `１．` reads like `1.`; the id is kept in ASCII digits.
    const num = NUMBERED.exec(f);
    if (num) {
      task = newItem('task', num[1], l.text.slice(l.text.length - num[2].length), l.line);
      if (section) section.children.push(task);
      else top.push(task);
      continue;
    }
    const owner = task ?? section;
    if (!owner) continue;
    owner.end = l.line;
    if (RESP_LINE.test(f)) owner.groups.push(l.text);
    else owner.lines.push(l.text);
  }

  const taskChapters = new Set<number>();
  chapters.forEach((c, i) => {
    const t = fold(c.title);
    if (TASK_CHAPTER.test(t) && !NOT_TASK_CHAPTER.test(t)) taskChapters.add(i);
  });
  if (!taskChapters.size) chapters.forEach((c, i) => !PREAMBLE_CHAPTER.test(fold(c.title)) && taskChapters.add(i));
  const anyChapter = chapters.length > 0;

  const out: RawReading = { sections: [], tasks: [], skipped: [] };
  const toTask = (item: Item, sectionId: string | null): RawTask => {
    const { groups, rest } = inlineGroups(item.lines.join(''));
    const own = [...groups, ...item.groups];
    const lead = item.chapter >= 0 ? CHAPTER_LEAD.exec(chapters[item.chapter].title) : null;
    return {
      id: item.id,
      section: sectionId,
      text: firstSentence(rest),
      body: rest,
      groups: own.length || !lead ? own : [`${lead[1]}牵头`],
      line: item.line,
      endLine: Math.max(item.end, ...item.children.map((c) => c.end)),
    };
  };
  // Goal chapters (`一、主要预期目标`): items with their own responsibility are tasks too.
  const ownUnits = (item: Item) => item.groups.length > 0 || inlineGroups(item.lines.join('')).groups.length > 0;
  for (const item of top) {
    const goal = item.chapter >= 0 && /目标/.test(fold(chapters[item.chapter].title)) && ownUnits(item);
    if (anyChapter && !taskChapters.has(item.chapter) && !goal && !item.listed) continue;
    if (item.kind === 'task') {
      out.tasks.push(toTask(item, null));
    } else if (item.children.length) {
      const s: RawSection = { id: item.id, title: firstSentence(inlineGroups(item.lines.join('')).rest) };
      out.sections.push(s);
      for (const c of item.children) out.tasks.push(toTask(c, s.id));
    } else {
      out.tasks.push(toTask(item, null));
    }
  }
  return out;
}
