/** Lead present, units known, no unit in both roles, text that could be read. */
import type { FindingCode, Params } from '../../findings/catalogue';
import { matchKey } from '../../text/normalize';
import type { TaskRecord } from '../record';
import { UnitDirectory } from '../directory';
import type { Rule } from '../context';

/** A "unit" this long is a sentence the splitter could not cut into names. */
const MAX_UNIT_LENGTH = 40;

type Resp = TaskRecord['responsibility'];
type Units = Pick<Resp, 'lead' | 'cooperating' | 'form'>;

/**
 * The units read from the cells, with a group subject of the directory (`各乡镇政府、街道办事处`)
 * that the list splitter cut in two put back as one unit. In a bare list the first unit leads,
 * so the group may straddle the lead and the cooperating units.
 */
function asInDirectory(resp: Units, directory: UnitDirectory | null): Units {
  if (!directory) return resp;
  if (resp.form === 'firstListed') {
    const units = directory.join([...resp.lead, ...resp.cooperating]);
    return { ...resp, lead: units.slice(0, 1), cooperating: units.slice(1) };
  }
  return { ...resp, lead: directory.join(resp.lead), cooperating: directory.join(resp.cooperating) };
}

/** Which cell a finding points at: the responsibility cell, or the lead or cooperating column's. */
type At = 'cell' | 'lead' | 'cooperating';
type Problem = { code: FindingCode; at: At; params?: Params };

/**
 * What is wrong with one set of units against one directory, in the order it is reported. It
 * depends only on the units, their form and the directory, never on the row, so it is worked
 * out once per distinct set (see `problemsOf`) and each row only says where.
 */
function problems(resp: Units & Pick<Resp, 'unparsed'>, directory: UnitDirectory | null): Problem[] {
  const { lead, cooperating, form } = asInDirectory(resp, directory);
  const sentence = lead.find((u) => u.length > MAX_UNIT_LENGTH) ?? cooperating.find((u) => u.length > MAX_UNIT_LENGTH);
  if (resp.unparsed !== null || sentence)
    return [{ code: 'responsibility-unparsed', at: 'cell', params: { text: resp.unparsed ?? sentence! } }];
  const out: Problem[] = [];
  if (lead.length === 0) out.push({ code: 'lead-missing', at: 'lead' });
  else if (form === 'firstListed' && cooperating.length > 0) out.push({ code: 'lead-first-listed', at: 'cell', params: { unit: lead[0] } });
  const leads = new Set(lead.map(matchKey));
  for (const u of cooperating)
    if (leads.has(matchKey(u))) out.push({ code: 'unit-lead-and-cooperating', at: 'cooperating', params: { unit: u } });
  if (!directory) return out;
  for (const [list, at] of [
    [lead, 'lead'],
    [cooperating, 'cooperating'],
  ] as const) {
    for (const u of list) {
      if (directory.has(u)) continue;
      const suggestion = directory.suggest(u);
      out.push({ code: 'unit-unknown', at, params: suggestion ? { unit: u, suggestion } : { unit: u } });
    }
  }
  return out;
}

/** The memo of sheets checked without a directory. */
const NO_DIRECTORY = new UnitDirectory([]);

type Memo = WeakMap<readonly string[], WeakMap<readonly string[], { form: Resp['form']; unparsed: string | null; found: Problem[] }>>;
/**
 * Per directory, then per lead and cooperating lists: `readRecords` hands every row of the same
 * cells the same frozen lists, and across counties too, so a row costs two look-ups. Weak, so
 * the memo is no bigger than the lists and directories still in use (`readRecords` and
 * `UnitDirectory.of` each keep a bounded number).
 */
const memos = new WeakMap<UnitDirectory, Memo>();

/** `problems` once per directory and set of units; lists that could still change are not kept. */
function problemsOf(resp: Resp, directory: UnitDirectory | null): Problem[] {
  const { lead, cooperating, form, unparsed } = resp;
  if (!Object.isFrozen(lead) || !Object.isFrozen(cooperating)) return problems(resp, directory);
  const dir = directory ?? NO_DIRECTORY;
  let memo = memos.get(dir);
  if (!memo) memos.set(dir, (memo = new WeakMap()));
  let byCooperating = memo.get(lead);
  if (!byCooperating) memo.set(lead, (byCooperating = new WeakMap()));
  const hit = byCooperating.get(cooperating);
  // The same lists come with the same form and unparsed text from `readRecords`; checked all the same.
  if (hit && hit.form === form && hit.unparsed === unparsed) return hit.found;
  const found = problems(resp, directory);
  byCooperating.set(cooperating, { form, unparsed, found });
  return found;
}

export const responsibility: Rule = (ctx) => {
  // Problems are built away from their codes (see `problems`), so their params are checked there.
  const report = ctx.report as (code: FindingCode, cell: string | null, taskId: string | null, params?: Params) => void;
  for (const r of ctx.records) {
    const found = problemsOf(r.responsibility, ctx.directory);
    if (found.length === 0) continue;
    const cell = r.responsibility.cell ?? r.cells.task ?? null;
    const id = r.id || null;
    // Each finding gets its own params: findings are handed out, and a memo's must not change.
    for (const p of found) report(p.code, p.at === 'cell' ? cell : (r.cells[p.at] ?? cell), id, p.params && { ...p.params });
  }
};
