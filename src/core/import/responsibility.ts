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
const FIRST_LISTED = /第一位的?(为|是)牵头/;
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
  const original = raw.trim().replace(/[。;；]+$/, '');
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
  const body = kept.join(',');
  const copy = bracketsAsParens(body).replace(/分别(?=牵头|牽頭)/g, '  ');
  const r = parseResponsibility(copy);
  const back = (names: string[]) => mergeCollectives(names.map((n) => restore(n, copy, body)));
  const lead = back(r.lead);
  const cooperating = back(r.cooperating);
  const unclear = [...lead, ...cooperating].filter((n) => UNCLEAR.test(fold(n)) || n.length > 30);
  return { lead, cooperating, form: r.form, subjects, unclear };
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
