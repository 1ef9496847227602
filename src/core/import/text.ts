/**
 * Shared reading helpers for the plan importer: the document as numbered lines, the heading
 * patterns plans use, and a "folded" copy of a string for matching. Folding (half-width,
 * simplified) keeps every character in place, so a match found in the folded copy can be cut
 * from the original and names stay as written (traditional stays traditional).
 */
import { toHalfWidth, toSimplified } from '../text/normalize';

export interface SourceLine {
  /** 1-based line number in the text as given */
  line: number;
  text: string;
}

// Traditional characters the importer's patterns meet beyond the core table (units such as 噸 畝
// 條, words such as 過 持續 組織 開發區); one to one, so positions still line up.
const MORE_TRAD = '噸準畝條戶過開園門續堅動組織則見減輛車陽網聯';
const MORE_SIMP = '吨准亩条户过开园门续坚动组织则见减辆车阳网联';
const MORE = new Map([...MORE_TRAD].map((ch, i) => [ch, MORE_SIMP[i]]));

/** Half-width and simplified, same length as the input. */
export function fold(s: string): string {
  let out = '';
  for (const ch of toSimplified(toHalfWidth(s))) out += MORE.get(ch) ?? ch;
  return out;
}

/** Chinese numerals as plans write them in headings: 一 … 十, 十一 … 九十九. */
export const CN_NUM = '[一二三四五六七八九十]{1,3}';

/** `一、总体要求` */
export const CHAPTER = new RegExp(`^(${CN_NUM})、\\s*(.*)$`);
/** `(一)加快…` or `（一）…`, with the title on the same line or none */
export const SECTION = new RegExp(`^([(（]${CN_NUM}[)）])\\s*(.*)$`);
/** `1.深入开展…`, `1. 抓清單編制`, `1、…`; not `2.5萬臺` nor `2020年` */
export const NUMBERED = /^(\d{1,3})\s*[.．、﹒](?!\d)\s*(.*)$/;

// Pinyin glosses a mirror put after characters (`大(dà)`, `藍(lán)谷`): not the document's text.
const PINYIN = /(?<=[\u4e00-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)/g;

const GLUED_CHAPTER = new RegExp(`^(.*[。;；])\\s+(${CN_NUM}、[^。,，;；]{2,16})$`);

// Web pages saved as text carry bullets, non-breaking spaces and full-width blanks around lines.
const EDGE = /^[\s\u00a0\u3000•·●▪◆◇■□※]+|[\s\u00a0\u3000]+$/g;

/**
 * The text as trimmed, non-empty lines. A chapter heading run onto the end of a paragraph
 * (`…明显提高。 三、重点任务`, seed 003) is put back on its own line, or the chapter would be lost.
 */
export function sourceLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => {
      const t = raw.replace(PINYIN, '').replace(EDGE, '');
      if (!t) return;
      const glued = GLUED_CHAPTER.exec(t);
      if (glued) {
        out.push({ line: i + 1, text: glued[1].trim() });
        out.push({ line: i + 1, text: glued[2].trim() });
      } else out.push({ line: i + 1, text: t });
    });
  return out;
}

const OPENERS = '“《〈(（〔【「『‘';
const CLOSERS = '”》〉)）〕】」』’';

/**
 * Blanks out (with □) what stands inside quotes, titles and brackets, keeping positions: the
 * figures there name things (`“30条举措”`, `〔2020〕19号`, `(2020—2022年)`) rather than set targets.
 */
export function maskBracketed(s: string): string {
  let depth = 0;
  let out = '';
  for (const ch of s) {
    if (OPENERS.includes(ch)) {
      depth++;
      out += ch;
    } else if (CLOSERS.includes(ch) && depth > 0) {
      depth--;
      out += ch;
    } else out += depth > 0 ? '□'.repeat(ch.length) : ch;
  }
  return out;
}

/**
 * Splits on top-level separators (brackets of every kind plans use protect what they hold:
 * `各县(市、区)人民政府`, `各縣〔市、區〕政府`), returning each piece with its offset.
 */
export function splitTopLevel(s: string, separators: RegExp): Array<{ text: string; at: number }> {
  const out: Array<{ text: string; at: number }> = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && separators.test(ch)) {
      out.push({ text: s.slice(start, i), at: start });
      start = i + 1;
    }
  }
  out.push({ text: s.slice(start), at: start });
  return out;
}

/** First sentence, without its full stop: a task's title (`深入开展“三送一强”活动`). */
export function firstSentence(s: string): string {
  const masked = maskBracketed(s);
  const end = masked.search(/[。;；]/);
  return (end < 0 ? s : s.slice(0, end)).trim();
}

const ENDS_WHOLE = /[。.!?！？;；)）\]】」”》|]$/;
const UNIT_END = /(局|委|办|厅|府|中心|公司|院|会|部|行|所|站|处|队|单位|科|室|组|街道|镇|乡|集团|分队|支队|牵头|配合|负责)$/;
const SCHEDULE_END = /(持续推进|长期坚持|全年|年底前|年内|\d{4}年|完成|前)$/;

/** A (folded) last line that ends a sentence, a unit name of three characters or more, or a schedule. */
export function endsWhole(line: string): boolean {
  if (ENDS_WHOLE.test(line) || SCHEDULE_END.test(line)) return true;
  const name = line.split(/[、,，;；:：。\t ]/).pop() ?? '';
  return name.length >= 3 && UNIT_END.test(name);
}
