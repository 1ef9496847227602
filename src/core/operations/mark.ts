/**
 * Marking findings on the sheet, decided once for every host: which cells get which fill and
 * which note or comment with what text, which marks of an earlier review come off and what each
 * cell gets back, and what the record of the marks holds. A host reads the record and the cells'
 * current fills and annotations, calls these two functions, and makes the calls they list.
 *
 * What was marked is recorded in the workbook (a very hidden sheet), so the marks can be taken
 * off after the pane was closed or the file reopened — and taken off exactly: a fill the user
 * changed since, or a note that is not keytask's, stays.
 */
import { Refusal } from '../refusal';
import { type Finding, SEVERITY_LABELS, type Severity } from '../findings/catalogue';
import type { Lang } from '../i18n';
import { type Grid, cellText } from '../sheet/grid';
import { isRegistryName } from '../sheet/registry';
import { cellAddress, parseRange, sheetNameOfReference } from '../sheet/spec';

export const MARKS_SHEET = 'keytask_marks';

/** Excel's own Bad / Neutral cell-style fills, and a pale blue for notes. */
export const MARK_FILL: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The record's columns. A sheet is known by its keytask name (`KT_S_n`), which survives closing
 * and reopening the workbook and follows a renamed sheet; a host's sheet id may do neither
 * across sessions (office-js-docs #297, office-js #1390), so an older record's `sheetId` column
 * is read as a key and, failing that, the sheet's name is used.
 */
const RECORD_HEADER = ['sheetKey', 'sheet', 'cell', 'previousFill', 'markFill', 'annotation', 'text'];
const OLD_RECORD_HEADER = 'sheetId';

export type Annotation = 'note' | 'comment' | '';
/** How messages are attached where the host can: notes, comments, or not at all (fill only). */
export type MarkMode = 'note' | 'comment' | 'fill';

export interface MarkRecord {
  /** the sheet's keytask name (`KT_S_n`), '' for a sheet without one */
  sheetKey: string;
  /** the host's id of the sheet in this session */
  sheetId: string;
  sheet: string;
  cell: string;
  /** '' when the cell had no fill */
  previousFill: string;
  markFill: string;
  annotation: Annotation;
  /** the annotation text keytask wrote, to know its note from the user's */
  text: string;
}

/** A sheet as the host knows it: its id in this session and its name. */
export interface MarkSheet {
  id: string;
  name: string;
}

/** A cell the host must read (its fill, note and comment) before `planMarks`. */
export interface MarkCell {
  key: string;
  sheetId: string;
  sheet: string;
  cell: string;
}

interface Target extends MarkCell {
  findings: Finding[];
}

export interface MarkTargets {
  /** the record's marks whose sheets are still there */
  live: MarkRecord[];
  targets: Target[];
  /** every cell involved, each once: the recorded ones, then the new ones */
  cells: MarkCell[];
  /** sheet id → its keytask name */
  keyOfSheet: Map<string, string>;
}

/** A cell's current fill (upper-case, '' for none) and annotations (null where there is none). */
export interface CellState {
  fill: string;
  note: string | null;
  comment: string | null;
}

/** One call for the host to make, in order. */
export type MarkOp =
  | { op: 'restore-fill'; key: string; sheetId: string; cell: string; fill: string }
  | { op: 'delete-note'; key: string; sheetId: string; cell: string }
  | { op: 'delete-comment'; key: string; sheetId: string; cell: string }
  | { op: 'write-record'; rows: string[][]; address: string }
  | { op: 'delete-record' }
  | { op: 'mark'; key: string; sheetId: string; cell: string; fill: string; annotation: Annotation; text: string };

export interface MarkPlan {
  ops: MarkOp[];
  /** cells marked */
  marked: number;
  /** cells of an earlier review that were not marked again */
  cleared: number;
}

const TEXT_HEAD: Record<Lang, string> = { zh: 'keytask 审核:', en: 'keytask review:' };

function annotationText(findings: Finding[], lang: Lang): string {
  return [TEXT_HEAD[lang], ...findings.map((f) => `[${SEVERITY_LABELS[f.severity][lang]}] ${f.message}`)].join('\n');
}

function normalize(s: string): string {
  return s.replace(/\r\n?/g, '\n').trim();
}

/** keytask's annotation, perhaps with words the user added; never one the user wrote alone. */
function isOurs(content: string | null, text: string): boolean {
  return content !== null && text !== '' && normalize(content).includes(normalize(text));
}

export function upper(color: string | null | undefined): string {
  return (color ?? '').toUpperCase();
}

export const cellKey = (sheetId: string, cell: string): string => `${sheetId}!${cell}`;

function parseRecord(grid: Grid): MarkRecord[] {
  return grid
    .slice(1)
    .map((r) => r.map(cellText))
    .filter((r) => r[2])
    .map(([sheetKey, sheet, cell, previousFill, markFill, annotation, text]) => ({
      sheetKey,
      sheetId: '',
      sheet,
      cell,
      previousFill,
      markFill,
      annotation: (annotation === 'note' || annotation === 'comment' ? annotation : '') as Annotation,
      text: text ?? '',
    }));
}

/**
 * The key of the cell an address (`'新密市'!$G$9`, say: where a comment is) points at, or null
 * when its sheet is not among `sheets`.
 */
export function cellKeyOf(address: string, sheets: MarkSheet[]): string | null {
  const sheet = sheetNameOfReference(address);
  const ws = sheet ? sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase()) : undefined;
  if (!ws) return null;
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  return cellKey(ws.id, local.split(':')[0].toUpperCase());
}

/**
 * Step one: from the findings, the workbook's sheets and names and the record (its grid from A1,
 * null when there is none), the cells to mark and the cells the host must read. Throws when a
 * sheet of the record's name is not keytask's record: it is the user's.
 */
export function markTargets(
  findings: Finding[],
  sheets: MarkSheet[],
  names: Array<{ name: string; ref: string }>,
  record: Grid | null,
): MarkTargets {
  const byName = new Map(sheets.map((ws) => [ws.name.toLowerCase(), ws]));
  const byId = new Map(sheets.map((ws) => [ws.id, ws]));
  // keytask's name of each sheet, and the sheet of each name
  const keyOfSheet = new Map<string, string>();
  const byKey = new Map<string, MarkSheet>();
  for (const n of names) {
    const sheet = isRegistryName(n.name) && !n.ref.includes('#REF') ? sheetNameOfReference(n.ref) : null;
    const ws = sheet ? byName.get(sheet.toLowerCase()) : undefined;
    if (!ws) continue;
    keyOfSheet.set(ws.id, n.name);
    byKey.set(n.name, ws);
  }
  const header = record ? cellText(record[0]?.[0]) : '';
  if (record && header !== RECORD_HEADER[0] && header !== OLD_RECORD_HEADER) {
    throw new Refusal({
      zh: `工作表“${MARKS_SHEET}”不是 keytask 建的,keytask 不会使用它;请将其改名后再标记`,
      en: `keytask will not use sheet '${MARKS_SHEET}': it is not one keytask made; rename it and mark again`,
    });
  }
  // A record whose sheet was deleted has nothing left to undo.
  const live = (record ? parseRecord(record) : []).flatMap((r) => {
    const ws = byKey.get(r.sheetKey) ?? byId.get(r.sheetKey) ?? byName.get(r.sheet.toLowerCase());
    return ws ? [{ ...r, sheetId: ws.id, sheet: ws.name }] : [];
  });

  const targets = new Map<string, Target>();
  for (const f of findings) {
    const ws = f.cell ? byName.get(f.sheet.toLowerCase()) : undefined;
    if (!ws || !f.cell) continue;
    const b = parseRange(f.cell);
    const cell = cellAddress(b.row1, b.col1);
    const key = cellKey(ws.id, cell);
    const t = targets.get(key) ?? { key, sheetId: ws.id, sheet: ws.name, cell, findings: [] };
    t.findings.push(f);
    targets.set(key, t);
  }
  const cells = new Map<string, MarkCell>();
  for (const r of live)
    cells.set(cellKey(r.sheetId, r.cell), { key: cellKey(r.sheetId, r.cell), sheetId: r.sheetId, sheet: r.sheet, cell: r.cell });
  for (const t of targets.values()) cells.set(t.key, { key: t.key, sheetId: t.sheetId, sheet: t.sheet, cell: t.cell });
  return { live, targets: [...targets.values()], cells: [...cells.values()], keyOfSheet };
}

/**
 * Step two: given what each cell holds now, what to take off, what to record and what to put on.
 * The record goes in before the marks: should a later request fail, a recorded mark that never
 * arrived is skipped on clearing (its fill is not the mark's), while a mark without a record
 * could never be taken off.
 */
export function planMarks(
  t: MarkTargets,
  state: Map<string, CellState>,
  opts: { mode: MarkMode; lang: Lang; recordExists: boolean },
): MarkPlan {
  const ops: MarkOp[] = [];
  const targeted = new Set(t.targets.map((x) => x.key));
  const recorded = new Map(t.live.map((r) => [cellKey(r.sheetId, r.cell), r]));
  const removeAnnotation = (r: MarkRecord, key: string, s: CellState): boolean => {
    if (r.annotation === 'note' && isOurs(s.note, r.text)) {
      ops.push({ op: 'delete-note', key, sheetId: r.sheetId, cell: r.cell });
      return true;
    }
    if (r.annotation === 'comment' && isOurs(s.comment, r.text)) {
      ops.push({ op: 'delete-comment', key, sheetId: r.sheetId, cell: r.cell });
      return true;
    }
    return false;
  };
  let cleared = 0;
  for (const r of t.live) {
    const key = cellKey(r.sheetId, r.cell);
    const s = state.get(key);
    if (!s || targeted.has(key)) continue;
    cleared++;
    // The user recoloured the cell since: their fill stays.
    if (upper(s.fill) === upper(r.markFill)) ops.push({ op: 'restore-fill', key, sheetId: r.sheetId, cell: r.cell, fill: r.previousFill });
    removeAnnotation(r, key, s);
  }

  const records: MarkRecord[] = [];
  const marks: MarkOp[] = [];
  for (const x of t.targets) {
    const s = state.get(x.key)!;
    const worst = x.findings.reduce((a, f) => (RANK[f.severity] < RANK[a] ? f.severity : a), 'info' as Severity);
    const markFill = MARK_FILL[worst];
    const old = recorded.get(x.key);
    const previousFill = old && upper(s.fill) === upper(old.markFill) ? old.previousFill : s.fill;
    const freed = old ? removeAnnotation(old, x.key, s) : false;
    const occupied = !freed && (s.note !== null || s.comment !== null);
    const annotation: Annotation = occupied || opts.mode === 'fill' ? '' : opts.mode;
    const text = annotation ? annotationText(x.findings, opts.lang) : '';
    const sheetKey = t.keyOfSheet.get(x.sheetId) ?? '';
    records.push({ sheetKey, sheetId: x.sheetId, sheet: x.sheet, cell: x.cell, previousFill, markFill, annotation, text });
    marks.push({ op: 'mark', key: x.key, sheetId: x.sheetId, cell: x.cell, fill: markFill, annotation, text });
  }

  const rows = [RECORD_HEADER, ...records.map((r) => [r.sheetKey, r.sheet, r.cell, r.previousFill, r.markFill, r.annotation, r.text])];
  if (records.length > 0) ops.push({ op: 'write-record', rows, address: `A1:G${rows.length}` });
  else if (opts.recordExists) ops.push({ op: 'delete-record' });
  ops.push(...marks);
  return { ops, marked: records.length, cleared };
}
