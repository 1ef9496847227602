/**
 * Findings shown on the sheet itself: each cell a finding points at is filled in its severity's
 * colour and carries the messages as a note (ExcelApi 1.18) or, on older Excel, a comment
 * (1.10); before 1.10 the fill alone has to do.
 *
 * What was marked is recorded in the workbook (a very hidden sheet), in the same write as the
 * marks, so the marks can be taken off after the pane was closed or the file reopened — and
 * taken off exactly: a fill the user changed since, or a note that is not keytask's, stays.
 *
 * Syncs do not grow with the number of findings: 1 to read the sheets and the record, 1 to read
 * the cells' fills and notes, 1 to write (split only when the request would pass the payload
 * budget, as renderSpec does).
 */
import { type Finding, SEVERITY_LABELS, type Severity } from '../../core/findings/catalogue';
import { type NameConflict, SheetClaims } from '../../core/sheet/claims';
import type { Lang } from '../../core/i18n';
import { FINDINGS_SHEET_NAME, buildFindingsSheet } from '../../core/report/findingsSheet';
import { cellText } from '../../core/sheet/grid';
import { REGISTRY_SHEET, isRegistryName } from '../../core/sheet/registry';
import { cellAddress, parseRange, sheetNameOfReference } from '../../core/sheet/spec';
import { readWorkbook } from './readWorkbook';
import { gridFromA1 } from './usedRanges';
import { OPERATION_OVERHEAD, PAYLOAD_BUDGET, type Step, packSteps, send } from './batching';
import { renderSpec } from './renderSpec';
import { deleteHiddenSheet } from './sheetSteps';
import { type ExcelApi, capabilitiesOf } from './runtime';

export const MARKS_SHEET = 'keytask_marks';

/** Excel's own Bad / Neutral cell-style fills, and a pale blue for notes. */
export const MARK_FILL: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The record's columns. A sheet is known by its keytask name (`KT_S_n`), which survives closing
 * and reopening the workbook and follows a renamed sheet; Worksheet.id does neither across
 * sessions (office-js-docs #297, office-js #1390), so an older record's `sheetId` column is
 * read as a key and, failing that, the sheet's name is used.
 */
const RECORD_HEADER = ['sheetKey', 'sheet', 'cell', 'previousFill', 'markFill', 'annotation', 'text'];
const OLD_RECORD_HEADER = 'sheetId';

export type Annotation = 'note' | 'comment' | '';

interface MarkRecord {
  /** the sheet's keytask name (`KT_S_n`), '' for a sheet without one */
  sheetKey: string;
  /** the sheet's Worksheet.id in this session */
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

export interface MarkResult {
  /** cells marked */
  marked: number;
  /** how messages were attached: notes, comments, or not at all (fill only) */
  annotation: 'note' | 'comment' | 'fill';
  /** cells of an earlier review that were not marked again */
  cleared: number;
  syncs: number;
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

function upper(color: string | null | undefined): string {
  return (color ?? '').toUpperCase();
}

function parseRecord(values: unknown[][], address: string): MarkRecord[] {
  return gridFromA1(values, address)
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

interface Target {
  key: string;
  sheetId: string;
  sheet: string;
  cell: string;
  findings: Finding[];
}

/**
 * Takes off the marks recorded before (unless they are marked again) and puts on `findings`;
 * `findings` empty is clearMarks.
 */
async function applyMarks(api: ExcelApi, findings: Finding[], lang: Lang): Promise<MarkResult> {
  // RangeFill.pattern tells "no fill" from a white fill; without it, white is taken as none.
  const { notes, comments, fillPattern: pattern } = capabilitiesOf(api);
  const mode: MarkResult['annotation'] = notes ? 'note' : comments ? 'comment' : 'fill';
  return api.run(async (context) => {
    // ---- sync 1: sheets, the record, the comments ----
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/id,items/name');
    const names = context.workbook.names;
    names.load('items/name,items/formula');
    const recordSheet = worksheets.getItemOrNullObject(MARKS_SHEET);
    const recordUsed = recordSheet.getUsedRangeOrNullObject(true);
    recordUsed.load('values,address');
    const commentList = comments ? context.workbook.comments : null;
    commentList?.load('items/id,items/content');
    await context.sync();
    let syncs = 1;

    const byName = new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), { id: ws.id, name: ws.name }]));
    const byId = new Map(worksheets.items.map((ws) => [ws.id, { id: ws.id, name: ws.name }]));
    // keytask's name of each sheet, and the sheet of each name
    const keyOfSheet = new Map<string, string>();
    const byKey = new Map<string, { id: string; name: string }>();
    for (const n of names.items) {
      const formula = String(n.formula);
      const sheet = isRegistryName(n.name) && !formula.includes('#REF') ? sheetNameOfReference(formula) : null;
      const ws = sheet ? byName.get(sheet.toLowerCase()) : undefined;
      if (!ws) continue;
      keyOfSheet.set(ws.id, n.name);
      byKey.set(n.name, ws);
    }
    const header = recordUsed.isNullObject ? '' : cellText(recordUsed.values[0]?.[0] as string);
    if (!recordUsed.isNullObject && header !== RECORD_HEADER[0] && header !== OLD_RECORD_HEADER) {
      // A sheet of that name that does not hold keytask's record is the user's.
      throw new Error(`keytask will not use sheet '${MARKS_SHEET}': it is not one keytask made`);
    }
    const records = recordUsed.isNullObject ? [] : parseRecord(recordUsed.values, recordUsed.address);
    // A record whose sheet was deleted has nothing left to undo.
    const live = records.flatMap((r) => {
      const ws = byKey.get(r.sheetKey) ?? byId.get(r.sheetKey) ?? byName.get(r.sheet.toLowerCase());
      return ws ? [{ ...r, sheetId: ws.id, sheet: ws.name }] : [];
    });
    const keyOf = (sheetId: string, cell: string): string => `${sheetId}!${cell}`;
    const recorded = new Map(live.map((r) => [keyOf(r.sheetId, r.cell), r]));

    const targets = new Map<string, Target>();
    for (const f of findings) {
      const ws = f.cell ? byName.get(f.sheet.toLowerCase()) : undefined;
      if (!ws || !f.cell) continue;
      const b = parseRange(f.cell);
      const cell = cellAddress(b.row1, b.col1);
      const key = keyOf(ws.id, cell);
      const t = targets.get(key) ?? { key, sheetId: ws.id, sheet: ws.name, cell, findings: [] };
      t.findings.push(f);
      targets.set(key, t);
    }

    // ---- sync 2: the current fill and annotation of every cell involved ----
    const cells = new Map<string, { sheetId: string; sheet: string; cell: string }>();
    for (const r of live) cells.set(keyOf(r.sheetId, r.cell), r);
    for (const t of targets.values()) cells.set(t.key, t);
    const sheetProxies = new Map<string, Excel.Worksheet>();
    const sheetProxy = (id: string): Excel.Worksheet => {
      let ws = sheetProxies.get(id);
      if (!ws) {
        ws = worksheets.getItem(id);
        sheetProxies.set(id, ws);
      }
      return ws;
    };
    // Proxies are made inside the steps: making one queues a request, so it must land in the
    // request its step is packed into.
    const probes = [...cells.entries()].map(([key, c]) => ({
      key,
      c,
      range: null as Excel.Range | null,
      fill: null as Excel.RangeFill | null,
      note: null as Excel.Note | null,
    }));
    const locations = (commentList?.items ?? []).map((item) => ({ item, at: null as Excel.Range | null }));
    const readSteps: Step[] = [
      ...probes.map((p) => ({
        bytes: 4 * OPERATION_OVERHEAD,
        run: () => {
          p.range = sheetProxy(p.c.sheetId).getRange(p.c.cell);
          p.fill = p.range.format.fill;
          p.fill.load(pattern ? 'color,pattern' : 'color');
          if (notes) {
            p.note = sheetProxy(p.c.sheetId).notes.getItemOrNullObject(p.c.cell);
            p.note.load('content');
          }
        },
      })),
      ...locations.map((l) => ({
        bytes: 2 * OPERATION_OVERHEAD,
        run: () => {
          l.at = l.item.getLocation();
          l.at.load('address');
        },
      })),
    ];
    if (readSteps.length > 0) syncs += await send(context, packSteps(readSteps, PAYLOAD_BUDGET));

    const commentAt = new Map<string, { id: string; content: string; item: Excel.Comment }>();
    for (const { item, at } of locations) {
      if (!at) continue;
      const address = at.address;
      const sheet = sheetNameOfReference(address);
      const ws = sheet ? byName.get(sheet.toLowerCase()) : undefined;
      if (!ws) continue;
      const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
      commentAt.set(keyOf(ws.id, local.split(':')[0].toUpperCase()), { id: item.id, content: item.content, item });
    }
    const state = new Map(
      probes.map((p) => {
        const fill = p.fill!;
        const none = pattern ? fill.pattern === 'None' : upper(fill.color) === '#FFFFFF';
        const note = p.note && !p.note.isNullObject ? p.note.content : null;
        const comment = commentAt.get(p.key) ?? null;
        return [p.key, { fill: none ? '' : upper(fill.color), note, comment, range: p.range! }] as const;
      }),
    );

    // ---- sync 3: take off, record, put on ----
    const steps: Step[] = [];
    const removeAnnotation = (r: MarkRecord, s: NonNullable<ReturnType<typeof state.get>>): boolean => {
      if (r.annotation === 'note' && notes && isOurs(s.note, r.text)) {
        steps.push({ bytes: 2 * OPERATION_OVERHEAD, run: () => sheetProxy(r.sheetId).notes.getItem(r.cell).delete() });
        return true;
      }
      if (r.annotation === 'comment' && s.comment && isOurs(s.comment.content, r.text)) {
        const item = s.comment.item;
        steps.push({ bytes: 2 * OPERATION_OVERHEAD, run: () => item.delete() });
        return true;
      }
      return false;
    };
    let cleared = 0;
    for (const r of live) {
      const key = keyOf(r.sheetId, r.cell);
      const s = state.get(key);
      if (!s || targets.has(key)) continue;
      cleared++;
      // The user recoloured the cell since: their fill stays.
      if (upper(s.fill) === upper(r.markFill)) {
        steps.push({
          bytes: 2 * OPERATION_OVERHEAD,
          run: () => (r.previousFill ? (s.range.format.fill.color = r.previousFill) : s.range.format.fill.clear()),
        });
      }
      removeAnnotation(r, s);
    }

    const newRecords: MarkRecord[] = [];
    const marking: Step[] = [];
    for (const t of targets.values()) {
      const s = state.get(t.key)!;
      const worst = t.findings.reduce((a, f) => (RANK[f.severity] < RANK[a] ? f.severity : a), 'info' as Severity);
      const markFill = MARK_FILL[worst];
      const old = recorded.get(t.key);
      const previousFill = old && upper(s.fill) === upper(old.markFill) ? old.previousFill : s.fill;
      const freed = old ? removeAnnotation(old, s) : false;
      const occupied = !freed && (s.note !== null || s.comment !== null);
      const annotation: Annotation = occupied || mode === 'fill' ? '' : mode;
      const text = annotation ? annotationText(t.findings, lang) : '';
      const sheetKey = keyOfSheet.get(t.sheetId) ?? '';
      newRecords.push({ sheetKey, sheetId: t.sheetId, sheet: t.sheet, cell: t.cell, previousFill, markFill, annotation, text });
      marking.push({
        bytes: 2 * OPERATION_OVERHEAD + text.length * 3,
        run: () => {
          s.range.format.fill.color = markFill;
          if (annotation === 'note') sheetProxy(t.sheetId).notes.add(t.cell, text);
          else if (annotation === 'comment') context.workbook.comments.add(s.range, text);
        },
      });
    }

    // The record goes in before the marks: should a later request fail, a recorded mark that
    // never arrived is skipped on clearing (its fill is not the mark's), while a mark without a
    // record could never be taken off.
    const rows = [RECORD_HEADER, ...newRecords.map((r) => [r.sheetKey, r.sheet, r.cell, r.previousFill, r.markFill, r.annotation, r.text])];
    if (newRecords.length > 0) {
      const address = `A1:G${rows.length}`;
      steps.push({
        bytes: 4 * OPERATION_OVERHEAD + JSON.stringify(rows).length * 2,
        run: () => {
          let ws: Excel.Worksheet;
          if (recordSheet.isNullObject) {
            ws = worksheets.add(MARKS_SHEET);
            ws.visibility = 'VeryHidden';
          } else {
            ws = recordSheet;
            // The old record's cells only: Excel on the web refuses an operation over 33,554,000 cells.
            ws.getUsedRange(false).clear('All');
          }
          const range = ws.getRange(address);
          // Text format first, so a sheet name or colour is never read as a number or formula.
          range.numberFormat = rows.map((r) => r.map(() => '@'));
          range.values = rows;
        },
      });
    } else if (!recordSheet.isNullObject) {
      steps.push({ bytes: 2 * OPERATION_OVERHEAD, run: () => deleteHiddenSheet(recordSheet) });
    }
    steps.push(...marking);
    if (steps.length > 0) syncs += await send(context, packSteps(steps, PAYLOAD_BUDGET));
    return { marked: newRecords.length, cleared, annotation: mode, syncs };
  });
}

/**
 * Marks the cells of `findings` (those with a cell); marks left from an earlier review are taken
 * off first, except where the same cell is marked again.
 */
export function markFindings(api: ExcelApi, findings: Finding[], lang: Lang): Promise<MarkResult> {
  return applyMarks(api, findings, lang);
}

/** Takes off every mark keytask recorded, restoring each cell's fill; nothing else is touched. */
export async function clearMarks(api: ExcelApi): Promise<{ cleared: number; syncs: number }> {
  const { cleared, syncs } = await applyMarks(api, [], 'zh');
  return { cleared, syncs };
}

export interface FindingsSheetResult {
  sheet: string;
  /** the name keytask wanted, when a sheet of the user's held it */
  wanted?: string;
  /** the user declined the other name: nothing was written (`sheet` is '') */
  cancelled?: boolean;
  syncs: number;
}

/**
 * Renders the 审核意见 sheet: keytask's own findings sheet is rewritten in place (under whatever
 * name the user gave it); a sheet of the user's with the same name is left alone and the new
 * one takes a free name, as generation does.
 */
export async function writeFindingsSheet(
  api: ExcelApi,
  findings: Finding[],
  lang: Lang,
  opts: {
    subject?: string;
    date?: string;
    /** asked before taking another name beside a sheet of the user's; false writes nothing */
    confirm?: (conflicts: NameConflict[]) => Promise<boolean>;
  } = {},
): Promise<FindingsSheetResult> {
  const snapshot = await api.run((context) => readWorkbook(context, []));
  const { keytaskSheets, sheetNames } = snapshot.existing;
  // The marks record is keytask's too: its name is not free for the findings sheet.
  const claims = new SheetClaims({ sheetNames: [...sheetNames, MARKS_SHEET], keytaskSheets });
  const wanted = FINDINGS_SHEET_NAME[lang];
  const { name, prior } = claims.claim('findings', 'findings', wanted, { lang });
  if (claims.conflicts.length > 0 && opts.confirm && !(await opts.confirm(claims.conflicts))) {
    return { sheet: '', wanted, cancelled: true, syncs: 1 };
  }
  const subject = opts.subject ?? ([...new Set(findings.map((f) => f.sheet))].join('、') || '-');
  const date = opts.date ?? new Date().toISOString().slice(0, 10);
  const sheet = { ...buildFindingsSheet(findings, { lang, subject, date }), name };
  const updatable = [...(prior?.sheet ? [prior.sheet] : []), ...(snapshot.registryExists ? [REGISTRY_SHEET] : [])];
  const capabilities = capabilitiesOf(api);
  const render = await api.run((context) =>
    renderSpec(
      context,
      { sheets: [sheet, claims.registrySheet()], names: claims.names },
      {
        updatable,
        existingSheets: sheetNames,
        existingNames: snapshot.names,
        pageLayout: capabilities.pageLayout,
        rangeAreas: capabilities.rangeAreas,
        activate: name,
      },
    ),
  );
  return { sheet: name, ...(name !== wanted && !prior?.sheet ? { wanted } : {}), syncs: 1 + render.syncs };
}
