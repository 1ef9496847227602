/**
 * A table with no 序号 column flattened one cell per line (file 13: `目标\n任务\n主要内容\n责任单位`,
 * then `一、…` and `(一)…` group cells on lines of their own, then content cell, units cell,
 * content cell, units cell …). Rows are told apart by what their cells hold, not by an id, so
 * the tasks are numbered in order (1, 2, …) as a reader counting the rows would.
 */
import type { RawReading, RawSection } from './rawTask';
import { CHAPTER, SECTION, type SourceLine, firstSentence, fold } from './text';

// Page furniture after a table pasted from a web page.
const END = /^(分享到|【?打印|【?关闭|扫一扫|上一篇|下一篇)/;
// A units cell: no sentence, ending in a unit or in how the units act (`市发改委牵头落实`).
const UNITS_CELL = /(局|委|办|厅|府|中心|公司|院|会|部|行|所|站|处|队|单位|分局|街道|镇|乡|科|室|牵头落实|牵头|负责|配合)$/;

function readsAsUnitsCell(text: string, last: boolean): boolean {
  const f = fold(text).trim();
  if (/[。;]/.test(f) || f.length > 80) return false;
  // The document's last line may stop inside a name (`…市金融办、人民银`).
  return last ? /[、,]/.test(f) || UNITS_CELL.test(f) : UNITS_CELL.test(f);
}

export function readUnnumbered(lines: SourceLine[]): RawReading {
  const out: RawReading = { sections: [], tasks: [], skipped: [] };
  let section: RawSection | null = null;
  let content: SourceLine[] = [];
  const lastLine = lines[lines.length - 1]?.line;
  const push = (units: SourceLine | null) => {
    const body = content.map((c) => c.text).join('');
    out.tasks.push({
      id: String(out.tasks.length + 1),
      section: section?.id ?? null,
      text: firstSentence(body),
      body,
      groups: units ? [units.text] : [],
      line: content[0].line,
      endLine: (units ?? content[content.length - 1]).line,
    });
    content = [];
  };
  for (const l of lines) {
    const f = fold(l.text);
    if (END.test(f)) break;
    const sec = SECTION.exec(f);
    if (!content.length && (CHAPTER.test(f) || sec)) {
      if (sec) {
        section = { id: l.text.slice(0, sec[1].length), title: l.text.slice(l.text.length - sec[2].length).trim() };
        out.sections.push(section);
      }
      continue;
    }
    if (content.length && readsAsUnitsCell(l.text, l.line === lastLine)) push(l);
    else content.push(l);
  }
  if (content.length) push(null);
  return out;
}
