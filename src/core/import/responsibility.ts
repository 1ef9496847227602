/**
 * Responsibility as plans write it, on top of the core reader (`parseResponsibility`): the
 * conventions a document states once (`列第一位的为牵头单位`, `X为责任主体,下同`), several groups
 * in one task (`(责任单位:A、B)…(责任单位:C)`), `分别牵头`, `〔〕` brackets, and group subjects
 * written as two list items (`各乡镇政府、街道办事处`) kept as one.
 */
import { parseResponsibility, type Responsibility } from '../text/responsibility';
import { fold, splitTopLevel } from './text';

/** What the document has said so far about reading responsibility lists. */
export interface Conventions {
  /** `列第一位的为牵头单位` was stated: a bare list's first unit leads, as the document says. */
  firstListedStated: boolean;
  /** `各县〔市、区〕政府…为责任主体,下同`: subjects that share every task from there on. */
  subjects: string[];
}

export function newConventions(): Conventions {
  return { firstListedStated: false, subjects: [] };
}

export interface GroupReading extends Responsibility {
  /** subjects this group named (`…为责任主体`) */
  subjects: string[];
  /** names that could not be read as one unit each */
  unclear: string[];
}

const LABEL = /^\s*[(（]?\s*(责任单位|牵头单位|责任部门)\s*[:：]\s*/;
const FIRST_LISTED = /第一位(的|者)?(为|是)(工作)?牵头/;
const SUBJECTS = /^(.+?)(为|是|作为)责任主体$/;
// Collective nouns that carry the 各 of the unit before them: `各乡镇政府、街道办事处`.
const SHARES_GE = /^(街道办事处|街道|办事处|乡镇|社区|园区|开发区|管委会|有关部门|相关部门|部门|单位)/;
// A name holding a verb or a joined pair cannot be told apart into units.
const UNCLEAR = /(为|是|负责|牵头|配合|下同|责任主体|分工|[和及与](市|县|区|省|各))/;

/** `〔〕【】` read as `()` so the core splitter keeps `各縣〔市、區〕政府` whole; same length. */
function bracketsAsParens(s: string): string {
  return s.replace(/[〔【]/g, '(').replace(/[〕】]/g, ')');
}

/**
 * Reads one responsibility text. The core reader works on a copy with `〔〕` as `()` and
 * `分别` blanked; each name it returns is a slice of that copy, so it is cut back out of the
 * original at the same place and stays exactly as written.
 */
export function readGroup(raw: string, conv: Conventions): GroupReading {
  let original = raw.trim().replace(/[。;；]+$/, '');
  // A convention in a parenthesis glued to the last unit (`…市税务局(列第一位者为工作牵头单位,下同)`).
  original = original.replace(/[(（][^()（）]*第一位[^()（）]*[)）]/g, (m) => {
    if (FIRST_LISTED.test(fold(m))) conv.firstListedStated = true;
    return ' '.repeat(m.length);
  });
  const fielded = labelledFields(original);
  if (fielded !== null) original = fielded;
  let text = original;
  const label = LABEL.exec(fold(text));
  if (label) text = text.slice(label[0].length);
  let subjects: string[] = [];
  let keepSubjects = false;
  const kept: string[] = [];
  for (const piece of splitTopLevel(text, /[,，;；]/)) {
    const f = fold(piece.text).trim();
    if (!f) continue;
    if (FIRST_LISTED.test(f)) {
      conv.firstListedStated = true;
      continue;
    }
    if (/^下同$/.test(f)) {
      keepSubjects = true;
      continue;
    }
    const subj = SUBJECTS.exec(f);
    if (subj) {
      subjects = splitNames(piece.text.trim().slice(0, subj[1].length));
      continue;
    }
    kept.push(piece.text.trim());
  }
  // `下同` after a subjects clause: they take part in every task that follows.
  if (keepSubjects && subjects.length) conv.subjects = subjects;
  // Names run together (`区发改局区统计局`) are listed apart before reading, and shown for checking.
  const runTogether: string[] = [];
  const body = kept.join(',').replace(/[^、,，;；()（）\s]+?(?=牵头|牽頭|配合|负责|負責|$|[、,，;；()（）\s])/g, (seg) => {
    const parts = splitRunTogether(seg);
    if (parts.length > 1) runTogether.push(seg);
    return parts.join('、');
  });
  const copy = bracketsAsParens(body)
    .replace(/分别(?=牵头|牽頭)/g, '  ')
    .replace(/(牵头|牽頭)(落实|落實|负责|負責)(?=$|[,，;；])/g, '$1  ');
  const r = parseResponsibility(copy);
  const back = (names: string[]) =>
    mergeCollectives(names.flatMap((n) => joinedPair(withoutDuty(withoutEtc(restore(n, copy, body))))).filter(Boolean));
  const lead = back(r.lead);
  const cooperating = back(r.cooperating);
  // Names split at a unit's ending are shown for checking: the split is read, not written.
  const unclear = [...runTogether, ...[...lead, ...cooperating].filter((n) => UNCLEAR.test(fold(n)) || n.length > 30)];
  return { lead, cooperating, form: r.form, subjects, unclear };
}

// Where one unit's name ends and the next begins without a separator: `区发改局区统计局`, `市委办市政府办`.
const RUN_TOGETHER =
  /(?<=[\u4e00-\u9fff]{2}(?:局|委|办|厅))(?=(?:区|市|县|省|镇|乡)[\u4e00-\u9fff]+(?:局|委|办|厅)$|(?:区|市|县|省|镇|乡)[\u4e00-\u9fff]{1,8}(?:局|委|办|厅)(?:区|市|县|省|镇|乡))/g;

/** `区发改局区统计局` → `区发改局`, `区统计局`: names run together, split where one ends like a unit and the next starts like one. */
function splitRunTogether(name: string): string[] {
  const f = fold(name);
  if (f.length < 6 || /[()（）、,，]/.test(f)) return [name];
  const cuts = [...f.matchAll(RUN_TOGETHER)].map((m) => m.index ?? 0);
  if (!cuts.length) return [name];
  const out: string[] = [];
  let from = 0;
  for (const c of [...cuts, name.length]) {
    out.push(name.slice(from, c));
    from = c;
  }
  return out.every((p) => p.length >= 3) ? out : [name];
}

/** `…区水务局等部门` → `区水务局`: `等` closes a list, it is not part of a unit. */
function withoutEtc(name: string): string {
  return name
    .replace(/\s+$/, '')
    .replace(/等(部门|单位|部門|單位)?$/, '')
    .trim();
}

/** `…各有关部门按职责分工负责` after a lead: the duty words close the cooperating list, they name no unit. */
function withoutDuty(name: string): string {
  const m = /(按职责分工负责|按职责负责|分别负责|负责)$/.exec(fold(name));
  return m && m.index > 0 ? name.slice(0, m.index).trim() : name;
}

/** `市级各有关部门及各县市区政府`: two units joined by 及/和 before a 各 subject. */
function joinedPair(name: string): string[] {
  const at = fold(name).search(/(?<=[\u4e00-\u9fff)）])[及和与](?=各)/);
  return at > 0 ? [name.slice(0, at), name.slice(at + 1)] : [name];
}

// Labelled fields inside one responsibility text (`牵头单位:A;责任单位:B、C`, `牽頭單位:A,參與單位:B`),
// read on the folded copy. People (牵头领导, 分管省领导) are not units.
const LEAD_LABEL = /^(牵头单位|牵头部门|牵头责任单位|牵头科室)$/;
const COOP_LABEL = /^(配合单位|配合部门|参与单位|参与部门|协同责任单位|协同单位|协办单位|数据提供单位)$/;
const RESP_LABEL = /^(责任单位|责任部门|责任科室|主办单位)$/;
const PERSON_LABEL = /^(牵头领导|牵头负责领导|责任领导|分管领导|分管省领导|分管市领导|分管区领导|区政府分管领导)$/;
const PLAIN_LABEL = /^(部门分工|分工)$/;
const NAMED_FIELD =
  /^\s*[(（[]?\s*(牵头单位|牵头部门|牵头责任单位|配合单位|配合部门|参与单位|协同责任单位|协同单位|数据提供单位|牵头领导|牵头负责领导|分管领导|分管省领导|部门分工)\s*[:：]/;
const FIELD = /^\s*([\u4e00-\u9fff]{2,8})\s*[:：]\s*/;
// A deadline written in the same parenthesis (`国务院各部门分别负责,年内持续推进`).
const TIMING = /^(年内|全年|年底前|持续推进|长期坚持|长期|常态化|\d{4}年|\d{1,2}月)/;

/**
 * Rewrites a text of labelled fields as the core reader's `A牵头,B配合`, or returns null when it
 * holds none. A 责任单位 beside a 牵头单位 cooperates; alone it is a plain list.
 */
function labelledFields(text: string): string | null {
  const lead: string[] = [];
  const coop: string[] = [];
  const resp: string[] = [];
  const plain: string[] = [];
  const extras: string[] = [];
  let current: string[] | null = null;
  let any = false;
  let labels = 0;
  for (const piece of splitTopLevel(text, /[,，;；]/)) {
    const raw = piece.text.trim();
    if (!raw) continue;
    const f = fold(raw);
    const m = FIELD.exec(f);
    const label = m?.[1] ?? '';
    const body = m ? raw.slice(m[0].length).trim() : raw;
    if (
      m &&
      (LEAD_LABEL.test(label) || COOP_LABEL.test(label) || RESP_LABEL.test(label) || PERSON_LABEL.test(label) || PLAIN_LABEL.test(label))
    ) {
      any = true;
      labels += RESP_LABEL.test(label) ? 1 : 2;
      current = LEAD_LABEL.test(label)
        ? lead
        : COOP_LABEL.test(label)
          ? coop
          : RESP_LABEL.test(label)
            ? resp
            : PLAIN_LABEL.test(label)
              ? plain
              : null;
      if (current && body) current.push(body);
      continue;
    }
    if (TIMING.test(f)) continue;
    if (FIRST_LISTED.test(f) || /^下同$/.test(f) || SUBJECTS.test(f)) extras.push(raw);
    else if (current) current.push(raw);
    else plain.push(raw);
  }
  if (!any) {
    const kept = splitTopLevel(text, /[,，;；]/).filter((p) => !TIMING.test(fold(p.text.trim())));
    return kept.length < splitTopLevel(text, /[,，;；]/).length ? kept.map((p) => p.text.trim()).join(',') : null;
  }
  // A lone 责任单位 label is the plain form the rest of readGroup reads.
  if (labels < 2) return null;
  const list = (xs: string[]) => xs.join('、').replace(/[。.]+/g, '');
  const tail = extras.length ? `,${extras.join(',')}` : '';
  if (lead.length) {
    const others = [...resp, ...coop];
    return `${list(lead)}牵头${others.length ? `,${list(others)}配合` : ''}${tail}`;
  }
  if (plain.length) return plain.join(',') + tail;
  if (resp.length) return list(resp) + (coop.length ? `,${list(coop)}` : '') + tail;
  return coop.length ? `,${list(coop)}配合${tail}` : tail;
}

/** A deadline written inside the responsibility (`(国务院各部门分别负责,年内持续推进)`), as written. */
export function timingIn(groups: string[]): string | null {
  for (const g of groups)
    for (const piece of splitTopLevel(g, /[,，;；]/))
      if (TIMING.test(fold(piece.text.trim()))) return piece.text.trim().replace(/[。.]$/, '');
  return null;
}

function restore(name: string, copy: string, original: string): string {
  const at = copy.indexOf(name);
  return at < 0 ? name : original.slice(at, at + name.length);
}

function splitNames(s: string): string[] {
  const copy = bracketsAsParens(s);
  return mergeCollectives(
    splitTopLevel(copy, /[、,，]/)
      .map((p) => p.text.trim())
      .filter(Boolean)
      .map((n) => restore(n, copy, s)),
  );
}

/** `各乡镇政府` + `街道办事处` → `各乡镇政府、街道办事处`: one subject, as the document means it. */
function mergeCollectives(names: string[]): string[] {
  const out: string[] = [];
  for (const n of names) {
    const prev = out[out.length - 1];
    if (prev !== undefined && fold(prev).startsWith('各') && SHARES_GE.test(fold(n))) out[out.length - 1] = `${prev}、${n}`;
    else out.push(n);
  }
  return out;
}

export interface TaskResponsibility {
  lead: string[];
  cooperating: string[];
  /** the lead was taken as the first listed unit without the document saying so */
  firstListedGuess: boolean;
  /** several groups named different leads; the first group's was taken */
  otherLeads: string[];
  unclear: string[];
}

/**
 * Several groups in one task (seed 004 task 2: `(責任單位:市經信局、…)…(責任單位:市經信局)`).
 * Rule: the lead is the first group's lead, unless that one was only a first-listed guess and
 * a later group names its lead outright (`A牵头`), which then wins; every unit of every group
 * that does not lead cooperates, in order of appearance. Leads of other groups that differ are
 * reported, since the task then has more than one natural owner.
 */
export function readTask(groups: string[], conv: Conventions): TaskResponsibility {
  // Labelled lines of one task (`牵头责任单位:A。` `协同责任单位:B、C等。`) are fields of one group.
  const fieldLines = groups.filter((g) => NAMED_FIELD.test(fold(g)));
  if (fieldLines.length > 1 || (fieldLines.length === 1 && groups.length > 1 && groups.every((g) => FIELD.test(fold(g)))))
    groups = [groups.map((g) => g.trim().replace(/[。;；]+$/, '')).join(';')];
  const readings = groups.map((g) => readGroup(g, conv));
  const named = readings.filter((r) => r.lead.length);
  const first = named[0];
  const chosen =
    first && first.form === 'firstListed' && !conv.firstListedStated ? (named.find((r) => r.form === 'explicit') ?? first) : first;
  const lead = chosen ? [...chosen.lead] : [];
  const cooperating: string[] = [];
  // Subjects (`…为责任主体`, and with `下同` those of earlier tasks) come last: they carry out
  // every task but are named once for all.
  const subjects = [...readings.flatMap((r) => r.subjects), ...conv.subjects];
  for (const u of [...readings.flatMap((r) => [...r.lead, ...r.cooperating]), ...subjects])
    if (!lead.includes(u) && !cooperating.includes(u)) cooperating.push(u);
  const otherLeads: string[] = [];
  for (const r of named) for (const u of r.lead) if (!lead.includes(u) && !otherLeads.includes(u) && r !== chosen) otherLeads.push(u);
  return {
    lead,
    cooperating,
    firstListedGuess:
      !!chosen && chosen.form === 'firstListed' && !conv.firstListedStated && chosen.lead.length + chosen.cooperating.length > 1,
    otherLeads,
    unclear: [...new Set(readings.flatMap((r) => r.unclear))],
  };
}
