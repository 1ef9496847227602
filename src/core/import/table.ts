/**
 * The table form: a 重点任务清单 (序号 · 重点任务 · 完成时限和目标 · 责任单位) flattened one cell per
 * line, as seed 001's appendix reads when copied out of a web page or a .docx, or one row per
 * line with tab-separated cells, as it reads when copied out of Excel or Word.
 */
import type { RawReading, RawSection, RawTask } from './rawTask';
import { CN_NUM, type SourceLine, fold } from './text';

interface Cell {
  line: number;
  text: string;
}

const HEADER = {
  id: /^(序号|编号)$/,
  task: /任务|工作内容|事项/,
  schedule: /时限|时间|目标|进度/,
  resp: /责任单位|牵头单位|责任部门|配合单位/,
};
const SECTION_ONLY = new RegExp(`^[(（]${CN_NUM}[)）]$`);
const SECTION_TITLED = new RegExp(`^([(（]${CN_NUM}[)）])\\s*(.+)$`);
const TASK = /^(\d{1,3})\s*[.．、]\s*(?!\d)(.+)$/;
const BARE_ID = /^\d{1,3}$/;
// A 完成时限和目标 cell: a year step, or an ongoing / quarterly mark.
const SCHEDULE = /^(\d{4}\s*年|持续推进|长期坚持|长期|持续|每年|逐年|常态化|[一二三四]季度|年底前|年内)/;
const UNIT_LIKE = /(局|委|办|厅|府|中心|公司|院|会|部|行|所|站|处|队|单位|分局)[、,，]?$/;
// Page furniture after a table pasted from a web page.
const END = new RegExp(`^(分享到|【?打印|【?关闭|附件|扫一扫|${CN_NUM}、)`);

function cellsOf(lines: SourceLine[]): Cell[] {
  return lines.flatMap((l) =>
    l.text
      .split('\t')
      .map((t) => t.trim())
      .filter(Boolean)
      .map((text) => ({ line: l.line, text })),
  );
}

/** Where the rows begin: just past a 序号 cell followed by a task column and a responsibility column. */
function findHeader(cells: Cell[]): { start: number; separateCoop: boolean } | null {
  for (let i = 0; i < cells.length; i++) {
    if (!HEADER.id.test(fold(cells[i].text))) continue;
    const next = cells.slice(i + 1, i + 6).map((c) => fold(c.text));
    const taskAt = next.findIndex((t) => HEADER.task.test(t) && t.length <= 12);
    const respAt = next.findIndex((t) => HEADER.resp.test(t) && t.length <= 12);
    if (taskAt < 0 || respAt < 0) continue;
    let end = i + 1;
    while (
      end < cells.length &&
      end <= i + 6 &&
      Object.values(HEADER).some((h) => h.test(fold(cells[end].text))) &&
      cells[end].text.length <= 12
    )
      end++;
    const header = cells.slice(i, end).map((c) => fold(c.text));
    return { start: end, separateCoop: header.some((h) => /牵头单位/.test(h)) && header.some((h) => /配合单位/.test(h)) };
  }
  return null;
}

export function hasTable(lines: SourceLine[]): boolean {
  return findHeader(cellsOf(lines)) !== null;
}

export function readTable(lines: SourceLine[]): RawReading {
  const cells = cellsOf(lines);
  const header = findHeader(cells);
  const out: RawReading = { sections: [], tasks: [], skipped: [] };
  if (!header) return out;
  let section: RawSection | null = null;
  let i = header.start;
  const isBoundary = (k: number): boolean => {
    const t = fold(cells[k].text);
    return SECTION_ONLY.test(t) || SECTION_TITLED.test(t) || TASK.test(t) || (BARE_ID.test(t) && k + 1 < cells.length) || END.test(t);
  };
  while (i < cells.length) {
    const c = cells[i];
    const t = fold(c.text);
    if (END.test(t)) break;
    if (SECTION_ONLY.test(t) && i + 1 < cells.length) {
      section = { id: c.text, title: cells[i + 1].text };
      out.sections.push(section);
      i += 2;
      continue;
    }
    const titled = SECTION_TITLED.exec(c.text);
    if (titled && !TASK.test(t)) {
      section = { id: titled[1], title: titled[2].trim() };
      out.sections.push(section);
      i++;
      continue;
    }
    let id: string;
    let text: string;
    const m = TASK.exec(t);
    if (m) {
      id = m[1];
      text = c.text.slice(c.text.length - m[2].length).trim();
      i++;
    } else if (BARE_ID.test(t) && i + 1 < cells.length) {
      id = t;
      text = cells[i + 1].text;
      i += 2;
    } else {
      out.skipped.push(c);
      i++;
      continue;
    }
    // The task's remaining cells run to the next row; schedule cells come first, then units.
    const rest: Cell[] = [];
    while (i < cells.length && !isBoundary(i)) rest.push(cells[i++]);
    const schedule = rest.filter((r) => SCHEDULE.test(fold(r.text)));
    const lastSchedule = schedule.length ? rest.indexOf(schedule[schedule.length - 1]) : -1;
    const before = rest.slice(0, Math.max(0, lastSchedule)).filter((r) => !schedule.includes(r));
    const after = rest.slice(lastSchedule + 1);
    const resp: string[] = [];
    for (const r of after) {
      // Beyond the first responsibility cell only what still reads as units belongs to it.
      if (resp.length && !(UNIT_LIKE.test(fold(r.text)) || /(牵头|配合|负责)[。.]?$/.test(fold(r.text)))) {
        out.skipped.push(r);
        continue;
      }
      resp.push(r.text);
    }
    const groups = header.separateCoop && resp.length === 2 ? [`${resp[0]}牵头,${resp[1]}配合`] : resp.length ? [resp.join(',')] : [];
    const fullText = [text, ...before.map((b) => b.text)].join('');
    const task: RawTask = {
      id,
      section: section?.id ?? null,
      text: fullText,
      body: fullText,
      scheduleText: schedule.map((s) => s.text).join(' ') || undefined,
      groups,
      line: c.line,
      endLine: Math.max(c.line, ...rest.map((r) => r.line)),
    };
    if (task.scheduleText === undefined) delete task.scheduleText;
    out.tasks.push(task);
  }
  return out;
}
