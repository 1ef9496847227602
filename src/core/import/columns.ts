/**
 * Tables read by their header's columns, in whatever order the document has them: pipe rows
 * (`1 | 地区生产总值 | 增长5.5% | 区发改经信局 | … |`), one cell per line ending in ` |` or with a
 * `|` line between cells, or one cell per line between blank lines; header names spaced out
 * (`牵 头 部 门`); a group cell (工作任务) written only on a group's first row; a table with no
 * 序号 column, whose ids stand at the head of the text cell (`3.及时反馈…`). Two tables one after
 * the other each get their own header. Seed 001's form (序号 · 重点任务 · 完成时限和目标 · 责任单位)
 * stays with table.ts.
 */
import type { RawReading, RawTask } from './rawTask';
import { type SourceLine, endsWhole, fold } from './text';
import { readUnnumbered } from './unnumbered';

type Role = 'id' | 'text' | 'lead' | 'coop' | 'resp' | 'deadline' | 'skip';

interface Item {
  cells: string[];
  line: number;
  row: boolean;
}

const ROLE: Array<[Role, RegExp]> = [
  ['id', /^(序号|编号)$/],
  ['lead', /牵头/],
  ['coop', /配合|参与|协同|协办/],
  ['resp', /责任(单位|部门|科室|处室)|负责(单位|部门)|实施单位|承办单位/],
  ['skip', /领导|类型|分类|备注|分值/],
  ['deadline', /时限|完成时间|时间要求|时间节点/],
  ['text', /任务|工作|项目|内容|要求|目标|举措|计划|事项|名称|指标|实事/],
];
const REPORT = /进展|完成情况|完成比例|进度|完成值/;
const ID_CELL = /^\d{1,3}$/;
const ID_HEAD = /^(\d{1,3})\s*[.．、](?!\d)\s*/;

function roleOf(cell: string): Role | null {
  const t = fold(cell).replace(/\s+/g, '');
  if (!t || t.length > 12) return null;
  for (const [role, re] of ROLE) if (re.test(t)) return role;
  return null;
}

function itemsOf(lines: SourceLine[]): Item[] {
  const out: Item[] = [];
  let spaced = false;
  for (const l of lines) {
    // Columns separated by single spaces (`序号 工 作 任 务 牵头负责部门`, `1 居民消费价格涨幅3%左右 发展改革委`).
    if (/^序号\s/.test(l.text) && !l.text.includes('|')) {
      spaced = true;
      out.push({ cells: l.text.replace(/(?<=^|\s)(\S)\s(?=\S(\s|$))/g, '$1').split(/\s+/), line: l.line, row: true });
      continue;
    }
    const sp = spaced ? /^(\d{1,3})\s+(\S.*\S)\s+(\S+)$/.exec(l.text) : null;
    if (sp) {
      out.push({ cells: [sp[1], sp[2], sp[3]], line: l.line, row: true });
      continue;
    }
    if (l.text.includes('|')) {
      const pieces = l.text.split('|').map((p) => p.trim());
      if (/\|\s*$/.test(l.text)) pieces.pop();
      const filled = pieces.filter(Boolean);
      if (filled.length >= 2) out.push({ cells: pieces, line: l.line, row: true });
      else if (filled.length === 1) out.push({ cells: filled, line: l.line, row: false });
    } else out.push({ cells: [l.text], line: l.line, row: false });
  }
  return out;
}

interface Header {
  roles: Role[];
  /** index of the first item after the header */
  next: number;
}

/** A header: a row of column names, or a run of one-cell lines that are all column names. */
function headerAt(items: Item[], i: number): Header | null {
  const ok = (cells: string[]) => {
    const roles = cells.map(roleOf);
    if (roles.some((r) => r === null) || cells.some((c) => REPORT.test(fold(c)))) return null;
    const rs = roles as Role[];
    if (!rs.some((r) => r === 'lead' || r === 'resp') || !rs.includes('text')) return null;
    if (cells.some((c) => /时限和目标|时限及目标/.test(fold(c)))) return null;
    return rs;
  };
  const it = items[i];
  if (it.row) {
    const roles = ok(it.cells.filter(Boolean));
    return roles && roles.length >= 3 ? { roles, next: i + 1 } : null;
  }
  let j = i;
  while (j < items.length && !items[j].row && roleOf(items[j].cells[0]) !== null) j++;
  if (j - i < 3) return null;
  const roles = ok(items.slice(i, j).map((x) => x.cells[0]));
  return roles ? { roles, next: j } : null;
}

export function readColumns(lines: SourceLine[]): RawReading | null {
  const items = itemsOf(lines);
  const out: RawReading = { sections: [], tasks: [], skipped: [] };
  let header: Header | null = null;
  // A one-cell-per-line header without 序号: its rows may have no ids at all (file 13).
  let unnumberedFrom: number | null = null;
  let pending: Array<{ text: string; line: number }> = [];
  const rows: Array<{ cells: Array<{ text: string; line: number }>; roles: Role[]; pipe: boolean }> = [];

  // A row's room: its id and the columns after the id (a group column before it is not counted).
  const roomOf = (roles: Role[]) => (roles.includes('id') ? roles.length - roles.indexOf('id') : roles.length);
  // With 序号 first no group cell stands before an id, so a row runs to the next id: a units cell
  // written one unit a line (`区教体局` `东孝街道` `孝顺镇` …) keeps all its lines.
  const idFirst = () => header?.roles[0] === 'id';
  const flush = () => {
    const idCell = pending.findIndex((c) => ID_CELL.test(fold(c.text).trim()));
    const end = idFirst() ? pending.length : idCell + roomOf(header?.roles ?? []);
    if (header && idCell >= 0) rows.push({ cells: pending.slice(0, end), roles: header.roles, pipe: false });
    pending = [];
  };
  for (let i = 0; i < items.length; i++) {
    const h = headerAt(items, i);
    if (h) {
      flush();
      header = h;
      if (unnumberedFrom === null && !items[i].row && !h.roles.includes('id')) unnumberedFrom = items[h.next - 1].line + 1;
      i = h.next - 1;
      continue;
    }
    if (!header) continue;
    const it = items[i];
    if (it.row) {
      flush();
      rows.push({ cells: it.cells.map((text) => ({ text, line: it.line })), roles: header.roles, pipe: true });
      continue;
    }
    // Pipe rows, then the document stops inside the next row's first cell (`11.提前做好…助力政策`).
    const prev = rows[rows.length - 1];
    if (prev?.pipe && i === items.length - 1 && ID_HEAD.test(fold(it.cells[0])) && !endsWhole(fold(it.cells[0]))) {
      rows.push({ cells: [{ text: it.cells[0], line: it.line }], roles: header.roles, pipe: true });
      continue;
    }
    const text = it.cells[0];
    const idCell = pending.findIndex((c) => ID_CELL.test(fold(c.text).trim()));
    if (ID_CELL.test(fold(text).trim()) && idCell >= 0) {
      // A new row: what the last one holds beyond its columns is the group cell of this one.
      const room = roomOf(header.roles);
      const carry = !idFirst() && pending.length - idCell > room ? pending.splice(idCell + room) : [];
      flush();
      pending = [...carry];
    }
    pending.push({ text, line: it.line });
  }
  flush();
  if (!rows.length && unnumberedFrom !== null) {
    const from = unnumberedFrom;
    const reading = readUnnumbered(lines.filter((l) => l.line >= from));
    return reading.tasks.length ? reading : null;
  }
  if (!rows.length) return null;

  const end = lines[lines.length - 1];
  for (const row of rows) {
    const last = row === rows[rows.length - 1];
    const cells = [...row.cells];
    while (cells.length > 1 && !cells[cells.length - 1].text) cells.pop();
    const tail = cells[cells.length - 1];
    // The document stops in this cell: its unfinished last name is no unit.
    const cut = last && !!tail && tail.line === end.line && !endsWhole(fold(tail.text).trim());
    // A lone short name cut off (`发展改革`) goes whole; a text cell keeps what it says.
    const lone = !/[、,，]/.test(tail?.text ?? '') && readsAsUnits(tail?.text ?? '') && (tail?.text.length ?? 0) <= 12;
    if (cut) cells[cells.length - 1] = { ...tail, text: lone ? '' : tail.text.replace(/[、,，][^、,，]*$/, '') };
    const task = rowTask(cells, row.roles, row.pipe, cut);
    if (task) out.tasks.push(task);
    else if (row.pipe && out.tasks.length) continuation(out.tasks[out.tasks.length - 1], cells);
  }
  return out.tasks.length ? out : null;
}

const NOT_UNITS = /[。\d]/;
const UNIT_NAME = /(局|委|办|厅|府|中心|公司|集团|院|会|部|所|站|处|队|单位|科|室|组|街道|镇|乡|区|园)$/;

/**
 * A pipe row without an id under a task row: a further line of the same project, its cell merged
 * over several rows (`对七星路…; | 2021.12 | 城投集团 |`). Its text joins the task's body, and the
 * unit it names takes part (the task's own lead stays first; readTask lists the others as cooperating).
 */
function continuation(task: RawTask, cells: Array<{ text: string }>): void {
  for (const { text } of cells) {
    const f = fold(text).trim();
    if (!f) continue;
    if (readsAsUnits(text) && f.split(/[、,，]/).every((n) => UNIT_NAME.test(n.trim())) && !TIMING_CELL.test(f))
      task.groups.push(text.trim());
    else if (/[。;；]$/.test(f)) task.body += text.trim();
  }
}

/** A units cell, however long its list (`区财政局、区住房和城建局、…、各街道办事处`): no sentence, no figure, short names. */
function readsAsUnits(value: string): boolean {
  const f = fold(value);
  return !NOT_UNITS.test(f) && f.split(/[、,，;；]/).every((n) => n.trim().length <= 24);
}

const UNIT_ROLES = new Set<Role>(['lead', 'resp', 'coop']);
/** `/`, `—`, `无`: a units cell left empty on purpose. */
const NO_UNIT = /^([/／—–\-－]+|无)$/;
// A deadline cell (`12月底前`, `全年`, `持续推进`) is no unit, though it may hold no figure.
const TIMING_CELL = /年|月|底前|持续|长期|常态/;

/**
 * One cell per line, read by what the cells hold rather than by counting: the unit columns take
 * the run of cells that read as units (however many lines a units cell was written on), the text
 * columns before them the cells before (from the right, so a group cell given only on a group's
 * first row may be missing), the columns after (完成时限) the cells after; what is left over
 * (a second content line sharing the row's units) is body text. Null when no unit is in sight.
 */
function byUnits(cs: string[], cols: Role[]): Array<[Role, string]> | null {
  const from = cols.findIndex((r) => UNIT_ROLES.has(r));
  if (from < 0) return null;
  let to = from;
  while (to + 1 < cols.length && UNIT_ROLES.has(cols[to + 1])) to++;
  const pre = cols.slice(0, from);
  const units = cols.slice(from, to + 1);
  const post = cols.slice(to + 1);
  const isUnit = (c: string) => {
    const f = fold(c).trim();
    return NO_UNIT.test(f) || (!!f && readsAsUnits(c) && f.length <= 24 && !(post.length && TIMING_CELL.test(f)));
  };
  // Every column before the units has its cell (a 责任领导 name is no unit), but a group column
  // first (事项分类, or the first of two text columns) whose cell is given on a group's first row only.
  const groupFirst = pre.length > 1 && (pre[0] === 'skip' || pre.filter((r) => r === 'text').length > 1);
  let s = Math.max(1, pre.length - (groupFirst ? 1 : 0));
  while (s < cs.length && !isUnit(cs[s])) s++;
  if (s >= cs.length) return null;
  let e = s;
  while (e < cs.length && isUnit(cs[e])) e++;
  const out: Array<[Role, string]> = [];
  cs.slice(0, s).forEach((c, i) => out.push([pre[pre.length - s + i] ?? 'skip', c]));
  cs.slice(s, e).forEach((c, i) => out.push([i === 0 ? units[0] : units[units.length - 1], c]));
  cs.slice(e).forEach((c, i) => out.push([post[i] ?? 'text', c]));
  return out;
}

function rowTask(cells: Array<{ text: string; line: number }>, roles: Role[], pipe: boolean, last: boolean): RawTask | null {
  let cs = [...cells];
  if (pipe) while (cs.length && !cs[cs.length - 1].text) cs.pop();
  if (!cs.length) return null;
  // The id: a cell of its own, or at the head of a text cell.
  let id: string | null = null;
  const bare = cs.findIndex((c) => ID_CELL.test(fold(c.text).trim()));
  if (bare >= 0 && bare <= 1) {
    id = fold(cs[bare].text).trim();
    cs.splice(bare, 1);
  } else {
    const k = cs.findIndex((c) => ID_HEAD.test(fold(c.text)));
    if (k < 0 || k > 1) return null;
    const m = ID_HEAD.exec(fold(cs[k].text))!;
    id = m[1];
    cs[k] = { ...cs[k], text: cs[k].text.slice(m[0].length) };
  }
  // Without a 序号 column the first column groups rows (工作任务); a row without it is one short.
  const cols = roles.filter((r) => r !== 'id');
  const byRole = new Map<Role, string[]>();
  const body: string[] = [];
  let text = '';
  // Cut rows keep their cells from the left; whole rows are read from the right, where groups are not.
  const byContent =
    !pipe && roles[0] === 'id'
      ? byUnits(
          cs.map((c) => c.text),
          cols,
        )
      : null;
  const aligned: Array<[Role, string]> =
    byContent ??
    (last && cs.length < cols.length
      ? cs.map((c, i) => [cols[i], c.text] as [Role, string])
      : cs.map((c, i) => [cols[cols.length - cs.length + i] ?? 'skip', c.text] as [Role, string]));
  const groupCol = !roles.includes('id') && roles[0] === 'text' && roles.filter((r) => r === 'text').length > 1;
  aligned.forEach(([role, value], i) => {
    if (!value || (UNIT_ROLES.has(role) && NO_UNIT.test(fold(value).trim()))) return;
    if (role === 'text' || ((role === 'lead' || role === 'resp' || role === 'coop') && !readsAsUnits(value))) {
      const colIndex = cols.length - cs.length + i;
      if (groupCol && colIndex === 0 && cs.length === cols.length) return;
      if (!text) text = value;
      body.push(value);
      return;
    }
    byRole.set(role, [...(byRole.get(role) ?? []), value]);
  });
  const lead = byRole.get('lead') ?? [];
  const resp = byRole.get('resp') ?? [];
  const coop = byRole.get('coop') ?? [];
  const groups: string[] = [];
  const first = lead.length ? lead : coop.length ? resp : [];
  if (first.length) {
    const rest = lead.length ? [...resp, ...coop] : coop;
    groups.push(`${first.join('、')}牵头${rest.length ? `,${rest.join('、')}配合` : ''}`);
  } else if (resp.length) groups.push(resp.join(','));
  const deadline = byRole.get('deadline')?.join(' ');
  const task: RawTask = {
    id: id ?? '',
    section: null,
    text: text.replace(/[。]$/, '').trim(),
    body: body.join(''),
    groups,
    line: cells[0].line,
    endLine: cells[cells.length - 1].line,
    ...(deadline ? { deadlineText: deadline } : {}),
  };
  return id ? task : null;
}
