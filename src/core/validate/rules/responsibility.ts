/** Lead present, units known, no unit in both roles, text that could be read. */
import { matchKey } from '../../text/normalize';
import type { TaskRecord } from '../record';
import type { UnitDirectory } from '../directory';
import type { Rule } from '../context';

/** A "unit" this long is a sentence the splitter could not cut into names. */
const MAX_UNIT_LENGTH = 40;

type Resp = TaskRecord['responsibility'];

/**
 * The units read from the cells, with a group subject of the directory (`各乡镇政府、街道办事处`)
 * that the list splitter cut in two put back as one unit. In a bare list the first unit leads,
 * so the group may straddle the lead and the cooperating units.
 */
function asInDirectory(resp: Resp, directory: UnitDirectory | null): Resp {
  if (!directory) return resp;
  if (resp.form === 'firstListed') {
    const units = directory.join([...resp.lead, ...resp.cooperating]);
    return { ...resp, lead: units.slice(0, 1), cooperating: units.slice(1) };
  }
  return { ...resp, lead: directory.join(resp.lead), cooperating: directory.join(resp.cooperating) };
}

export const responsibility: Rule = (ctx) => {
  for (const r of ctx.records) {
    const resp = asInDirectory(r.responsibility, ctx.directory);
    const cell = resp.cell ?? r.cells.task ?? null;
    const id = r.id || null;
    const units = [...resp.lead, ...resp.cooperating];
    const sentence = units.find((u) => u.length > MAX_UNIT_LENGTH);
    if (resp.unparsed !== null || sentence) {
      ctx.report('responsibility-unparsed', cell, id, { text: resp.unparsed ?? sentence ?? resp.text });
      continue;
    }
    if (resp.lead.length === 0) {
      ctx.report('lead-missing', r.cells.lead ?? cell, id);
    } else if (resp.form === 'firstListed' && resp.cooperating.length > 0) {
      ctx.report('lead-first-listed', cell, id, { unit: resp.lead[0] });
    }
    const leads = new Set(resp.lead.map(matchKey));
    for (const u of resp.cooperating) {
      if (leads.has(matchKey(u))) ctx.report('unit-lead-and-cooperating', r.cells.cooperating ?? cell, id, { unit: u });
    }
    if (!ctx.directory) continue;
    for (const [list, at] of [
      [resp.lead, r.cells.lead ?? cell],
      [resp.cooperating, r.cells.cooperating ?? cell],
    ] as const) {
      for (const u of list) {
        if (ctx.directory.has(u)) continue;
        const suggestion = ctx.directory.suggest(u);
        ctx.report('unit-unknown', at, id, suggestion ? { unit: u, suggestion } : { unit: u });
      }
    }
  }
};
