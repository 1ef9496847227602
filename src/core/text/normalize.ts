/**
 * Text normalisation shared by every reader: full-width ASCII to half-width, the traditional
 * characters that occur in plan documents and sheet headers to simplified, spaces removed.
 * Used for matching only; values are always kept as written.
 */

import { memoized } from './memo';

// Traditional → simplified for the characters found in task lists (headers, units, verbs).
// A full converter is far larger than what matching needs; extend as documents show more.
const TRADITIONAL =
  '責單牽頭務點號編標計類別項萬億臺檯個間時達實際現進況狀態備註稱業發經濟資縣區鄉鎮辦處會員長統財廳衛環農與體優總營產設據監審協調劃規費質幣貿廠築網絡電訊學職專導創數額積淨當內應歲級覽爭範遞較為並於後將滯畢嚴關聯場參負佔報繫話說';
const SIMPLIFIED =
  '责单牵头务点号编标计类别项万亿台台个间时达实际现进况状态备注称业发经济资县区乡镇办处会员长统财厅卫环农与体优总营产设据监审协调划规费质币贸厂筑网络电讯学职专导创数额积净当内应岁级览争范递较为并于后将滞毕严关联场参负占报系话说';
const TRAD_TO_SIMP = new Map<string, string>([...TRADITIONAL].map((ch, i) => [ch, SIMPLIFIED[i]]));

/** Whether a text has anything to convert: most have not, and a test allocates nothing. */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

export function toHalfWidth(s: string): string {
  if (!FULL_WIDTH.test(s)) return s;
  return s.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Every traditional character above, found in one native scan (they are all single UTF-16 units). */
const TRADITIONAL_CHAR = new RegExp(`[${TRADITIONAL}]`, 'g');
const HAS_TRADITIONAL = new RegExp(`[${TRADITIONAL}]`);

export function toSimplified(s: string): string {
  if (!HAS_TRADITIONAL.test(s)) return s;
  return s.replace(TRADITIONAL_CHAR, (ch) => TRAD_TO_SIMP.get(ch) ?? ch);
}

/**
 * For comparing labels: half-width, simplified, lower-case, no white space. Made once per
 * distinct text: the same labels, units and task texts come back in every county's sheet, and
 * five passes over each were a tenth of a roll-up's time.
 */
export const matchKey: (s: string) => string = memoized(20_000, (s) => toSimplified(toHalfWidth(s)).replace(/\s+/g, '').toLowerCase());
