/**
 * A table whose cells ran together when it was flattened (file 04: `序号项目名称主要内容区政府分管
 * 领导牵头单位配合单位1增加教育资源供给实施新建…何海平教育局经开区高新园(邹区镇)各街道…2促进…`):
 * no separator is left, so the rows are found by their ids counting up, and each row's
 * responsibility by what follows a sentence's end — a leader's name when the header has that
 * column, then unit names told apart at the endings units have (局, 街道, 公司 …). A run of unit
 * names stops where the text no longer reads as units (`推进大庙弄核心区改造…` is the next content).
 * Document-sharing sites cut the text into numbered chunks (`2、)各街道`); the markers go.
 */
import type { RawReading, RawTask } from './rawTask';
import { type SourceLine, firstSentence, fold } from './text';

const COLUMN =
  '项目名称|项目|工作任务|重点任务|任务|主要内容|工作内容|目标任务|区政府分管领导|分管领导|责任领导|牵头单位|责任单位|配合单位|完成时限';
const HEADER = new RegExp(`序号((?:${COLUMN}){3,})`);
const UNIT_END = /(街道|公司|集团|局|委|办|区|园|镇|乡|中心|院|会|站|所|队)$/;
const COUNT_UNIT = /^[个人家名户项所座台条张万亿%]/;

/** Unit names run together from `at`: each the shortest run of up to 7 characters ending like a unit. */
function unitsAt(s: string, at: number): { names: string[]; end: number } {
  const names: string[] = [];
  let i = at;
  while (i < s.length) {
    let found = -1;
    for (let j = i + 2; j <= Math.min(s.length, i + 7); j++) {
      const piece = s.slice(i, j);
      if (/[^\u4e00-\u9fff]/.test(piece)) break;
      if (UNIT_END.test(piece)) {
        found = j;
        break;
      }
    }
    if (found < 0) break;
    // A name's own parenthesis (`高新园(邹区镇)`) stays with it.
    const paren = /^\([^()]{1,12}\)/.exec(s.slice(found));
    const end = found + (paren ? paren[0].length : 0);
    names.push(s.slice(i, end));
    i = end;
  }
  return { names, end: i };
}

/** Responsibility right after a sentence: [leader,] lead, cooperating units; null when it is content. */
function responsibilityAt(s: string, at: number, leader: boolean, rowEnd: number): { group: string; run: string; end: number } | null {
  // A leader's name is two or three characters; three unless that leaves the lead one character short of a unit (`张菁民政局`).
  for (const skip of leader ? [3, 2] : [0]) {
    const { names, end } = unitsAt(s.slice(0, rowEnd), at + skip);
    if (!names.length || names[0].replace(/\(.*\)$/, '').length < 3) continue;
    if (names.length < 2 && end < rowEnd) return null;
    const [lead, ...coop] = names;
    return { group: `${lead}牵头${coop.length ? `,${coop.join('、')}配合` : ''}`, run: names.join(''), end };
  }
  return null;
}

export function readRunTogether(lines: SourceLine[]): RawReading | null {
  const first = lines.findIndex((l) => HEADER.test(fold(l.text)));
  if (first < 0) return null;
  const header = HEADER.exec(fold(lines[first].text))!;
  const leader = /领导/.test(header[1]);
  // One string, the chunk markers out, every repeat of the header out; where each line starts, for line numbers.
  const starts: Array<{ at: number; line: number }> = [];
  let s = '';
  lines.slice(first).forEach((l, k) => {
    let t = l.text;
    if (k === 0) t = t.slice(fold(t).indexOf(header[0]));
    else t = t.replace(/^\d{1,2}、/, '');
    starts.push({ at: s.length, line: l.line });
    s += t;
  });
  s = s.replace(new RegExp(HEADER.source, 'g'), (m) => '\uE000'.repeat(m.length));
  const lineAt = (at: number) => [...starts].reverse().find((x) => x.at <= at)?.line ?? lines[first].line;

  // Rows: ids counting up from 1, each a number standing alone before a name (`2促进…`, not `12个`).
  const rows: Array<{ id: string; at: number }> = [];
  for (let id = 1, from = 0; ; id++) {
    const re = new RegExp(`(?<![\\d.])${id}(?=[\\u4e00-\\u9fff])`, 'g');
    re.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s)) && COUNT_UNIT.test(s.slice(m.index + String(id).length))) void 0;
    if (!m) break;
    rows.push({ id: String(id), at: m.index });
    from = m.index + 1;
  }
  if (!rows.length) return null;

  const tasks: RawTask[] = rows.map((row, k) => {
    const rowEnd = k + 1 < rows.length ? rows[k + 1].at : s.length;
    const body = s.slice(row.at + row.id.length, rowEnd).replace(/\uE000/g, '');
    const groups: string[] = [];
    const runs: string[] = [];
    let content = '';
    let i = 0;
    while (i < body.length) {
      const stop = body.indexOf('。', i);
      if (stop < 0) {
        content += body.slice(i);
        break;
      }
      content += body.slice(i, stop + 1);
      const r = responsibilityAt(body, stop + 1, leader, body.length);
      if (r) {
        groups.push(r.group);
        if (r.group.includes('、') || r.group.includes(',')) runs.push(r.run);
      }
      i = r ? r.end : stop + 1;
    }
    return {
      id: row.id,
      section: null,
      text: firstSentence(content),
      body: content,
      groups,
      ...(runs.length ? { unclear: runs } : {}),
      line: lineAt(row.at),
      endLine: lineAt(rowEnd - 1),
    };
  });
  return { sections: [], tasks, skipped: [] };
}
