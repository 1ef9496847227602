/**
 * Reading a responsibility cell (责任单位) into lead and cooperating units, in the forms plans
 * use: `A牵头,B、C配合`, `A、B牵头,C配合`, `A负责`, `A、B按职责分工负责`, and a bare list whose
 * first unit leads. Group subjects keep their parentheses: `各县(市、区)人民政府` is one unit.
 * Traditional characters read the same (`牽頭`, `責任單位`).
 */
import { toSimplified } from './normalize';

export interface Responsibility {
  lead: string[];
  cooperating: string[];
  /** how the lead was decided, so a reviewer can see when it was a guess */
  form: 'explicit' | 'responsible' | 'firstListed' | 'empty';
}

/** Splits a list on 、 , ， ; ； outside parentheses. */
export function splitUnits(text: string): string[] {
  const out: string[] = [];
  let buf = '';
  let depth = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '（') depth++;
    if (ch === ')' || ch === '）') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、,，;；]/.test(ch)) {
      if (buf.trim()) out.push(buf.trim());
      buf = '';
    } else {
      buf += ch;
    }
  }
  if (buf.trim()) out.push(buf.trim());
  return out;
}

const LEAD = /牵头/;
const COOP_TAIL = /(配合|协助|参与)$/;
const RESPONSIBLE_TAIL = /(按职责分工负责|分别负责|负责)$/;

const TITLE = /^(责任单位|牵头单位)[:：]/;
/** `列第一位的为牵头单位` and the like: a convention about the list, not a unit. */
const CONVENTION = /[,，;；]?\s*(列|排)?(在)?第一位的?(为|是)牵头单位[^,，;；)）]*/g;

/**
 * Strips the `(责任单位:…)` wrapper, the label and any stated convention. Matching runs on the
 * simplified text; slicing on the original keeps names as written (the conversion is 1:1).
 */
function clean(raw: string): string {
  let text = raw.trim().replace(/[。.;；]+$/, '');
  const simp = () => toSimplified(text);
  const wrapped = /^[（(](.*)[)）]$/.exec(simp());
  if (wrapped && TITLE.test(wrapped[1])) text = text.slice(1, -1);
  const title = TITLE.exec(simp());
  if (title) text = text.slice(title[0].length);
  let out = '';
  let last = 0;
  for (const m of simp().matchAll(CONVENTION)) {
    out += text.slice(last, m.index);
    last = (m.index ?? 0) + m[0].length;
  }
  text = out + text.slice(last);
  return text.replace(/[。.;；,，]+$/, '').trim();
}

export function parseResponsibility(raw: string): Responsibility {
  const text = clean(raw);
  if (!text) return { lead: [], cooperating: [], form: 'empty' };
  const simp = toSimplified(text);
  const leadAt = simp.search(LEAD);
  if (leadAt >= 0) {
    const lead = splitUnits(text.slice(0, leadAt));
    const rest = text.slice(leadAt + 2).replace(/^[,，、;；\s]+/, '');
    const cooperating = splitUnits(toSimplified(rest).match(COOP_TAIL) ? rest.slice(0, rest.length - 2) : rest);
    return { lead, cooperating, form: 'explicit' };
  }
  const responsible = RESPONSIBLE_TAIL.exec(simp);
  if (responsible) {
    return { lead: splitUnits(text.slice(0, text.length - responsible[0].length)), cooperating: [], form: 'responsible' };
  }
  const units = splitUnits(text);
  return { lead: units.slice(0, 1), cooperating: units.slice(1), form: 'firstListed' };
}
