/**
 * Notes (ExcelApi 1.18), threaded comments (1.10) and merged areas (1.13). Kept beside the
 * state rather than in it, so the sheet and workbook records stay as they were: a sheet's notes
 * go with the sheet, a comment whose sheet is deleted is gone, as in Excel.
 */
import { type Bounds, contains, formatLocal, parseLocal, referenceSheetName, splitSheet } from './address';
import { FakeClientObject, Lazy, type LoadArg, loadedNames } from './clientObject';
import { FakeOfficeError, invalidArgument, itemNotFound, propertyNotLoaded } from './errors';
import type { ApiVersion, FakeQueue } from './queue';
import { FakeRange, type RangeTarget } from './range';
import type { FakeSheet, FakeWorkbookState } from './state';

export interface FakeComment {
  id: string;
  sheetId: string;
  /** local address of the cell, `B3` */
  cell: string;
  content: string;
  replies: string[];
}

const NOTES = new WeakMap<FakeSheet, Map<string, string>>();
const COMMENTS = new WeakMap<FakeWorkbookState, FakeComment[]>();
let nextCommentId = 1;

/** The notes of a sheet by cell (`B3` → text): for tests to inspect and arrange. */
export function notesOf(sheet: FakeSheet): Map<string, string> {
  let m = NOTES.get(sheet);
  if (!m) {
    m = new Map();
    NOTES.set(sheet, m);
  }
  return m;
}

/** Worksheet.copy takes the notes along. */
export function copyNotes(src: FakeSheet, dst: FakeSheet): void {
  const notes = NOTES.get(src);
  if (notes) NOTES.set(dst, new Map(notes));
}

/** The workbook's comments whose sheet still exists. */
export function commentsOf(state: FakeWorkbookState): FakeComment[] {
  let list = COMMENTS.get(state);
  if (!list) {
    list = [];
    COMMENTS.set(state, list);
  }
  const live = list.filter((c) => state.sheetById(c.sheetId));
  if (live.length !== list.length) {
    list.length = 0;
    list.push(...live);
  }
  return list;
}

/**
 * Range.clear('All') "clears everything in the range" (Excel.ClearApplyTo.all,
 * https://learn.microsoft.com/javascript/api/excel/excel.clearapplyto): notes and comments go
 * with it, as with Clear All in Excel. 'Contents' and 'Formats' leave them.
 */
export function clearAnnotations(state: FakeWorkbookState, sheet: FakeSheet, b: Bounds): void {
  const notes = notesOf(sheet);
  for (const cell of [...notes.keys()]) {
    const at = parseLocal(cell);
    if (at && contains(b, at.row1, at.col1)) notes.delete(cell);
  }
  const list = commentsOf(state);
  const kept = list.filter((c) => {
    const at = parseLocal(c.cell);
    return c.sheetId !== sheet.id || !at || !contains(b, at.row1, at.col1);
  });
  list.length = 0;
  list.push(...kept);
}

/** Comments follow their sheets to the ids a reopened workbook gives them. */
export function moveComments(state: FakeWorkbookState, moved: Map<string, string>): void {
  for (const c of COMMENTS.get(state) ?? []) c.sheetId = moved.get(c.sheetId) ?? c.sheetId;
}

function versionAtLeast(v: string, min: string): boolean {
  const [a1, a2 = 0] = v.split('.').map(Number);
  const [b1, b2 = 0] = min.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}

export function requireApi(q: FakeQueue, min: ApiVersion | string, what: string, path: string): void {
  if (!versionAtLeast(q.apiVersion, min)) {
    throw new FakeOfficeError('ApiNotFound', `The API you are trying to use could not be found (${what} needs ExcelApi ${min}).`, path);
  }
}

function singleCell(address: string, path: string): string {
  const b = parseLocal(address);
  if (!b || b.row1 !== b.row2 || b.col1 !== b.col2) throw new FakeOfficeError('InvalidArgument', `InvalidCellAddress: '${address}'`, path);
  return formatLocal(b);
}

function hasAnnotation(state: FakeWorkbookState, sheet: FakeSheet, cell: string): boolean {
  return notesOf(sheet).has(cell) || commentsOf(state).some((c) => c.sheetId === sheet.id && c.cell === cell);
}

// ---- notes ----

interface NoteTarget {
  sheet: FakeSheet;
  cell: string;
}

export class FakeNote extends FakeClientObject<NoteTarget> {
  constructor(
    q: FakeQueue,
    path: string,
    ref: Lazy<NoteTarget | null>,
    private readonly state: FakeWorkbookState,
  ) {
    super(q, path, ref);
  }
  protected scalarProperties(): string[] {
    return ['content', 'authorName'];
  }
  protected readProperty(t: NoteTarget, name: string): unknown {
    if (name === 'content') return notesOf(t.sheet).get(t.cell) ?? '';
    if (name === 'authorName') return 'Fake';
    throw new Error(`fake Excel: Note.${name} is not implemented`);
  }
  get content(): string {
    return this.loaded('content');
  }
  delete(): void {
    this.change('delete', undefined, (t) => notesOf(t.sheet).delete(t.cell));
  }
  getLocation(): FakeRange {
    const ref = new Lazy<RangeTarget | null>(() => {
      const t = this.ref.get();
      return t ? { sheet: t.sheet, bounds: parseLocal(t.cell)! } : null;
    });
    const r = new FakeRange(this.q, `${this.path}.getLocation()`, ref, this.state);
    r.announce('getLocation', undefined);
    return r;
  }
}

export class FakeNoteCollection {
  constructor(
    private readonly q: FakeQueue,
    private readonly path: string,
    private readonly sheet: Lazy<FakeSheet | null>,
    private readonly state: FakeWorkbookState,
  ) {}

  private note(op: string, key: string, nullable: boolean): FakeNote {
    const path = `${this.path}.${op}(${key})`;
    const ref = new Lazy<NoteTarget | null>(() => {
      const sheet = this.sheet.get();
      const cell = singleCell(key, path);
      if (sheet && notesOf(sheet).has(cell)) return { sheet, cell };
      if (nullable) return null;
      throw itemNotFound(`note at ${key}`, path);
    });
    const n = new FakeNote(this.q, path, ref, this.state);
    n.announce(op, key);
    return n;
  }

  add(cellAddress: string | FakeRange, content: string): FakeNote {
    const path = `${this.path}.add`;
    const ref = new Lazy<NoteTarget | null>(() => {
      let sheet = this.sheet.get();
      let local: string;
      if (typeof cellAddress === 'string') {
        local = cellAddress;
      } else {
        const t = cellAddress.resolveTarget();
        if (!t) throw invalidArgument('null range', path);
        sheet = t.sheet;
        local = formatLocal(t.bounds);
      }
      if (!sheet) return null;
      const cell = singleCell(local, path);
      if (hasAnnotation(this.state, sheet, cell))
        throw new FakeOfficeError('InvalidOperation', `The cell ${cell} already has a note or comment.`, path);
      if (typeof content !== 'string') throw invalidArgument('note content', path);
      notesOf(sheet).set(cell, content);
      return { sheet, cell };
    });
    const n = new FakeNote(this.q, path, ref, this.state);
    n.announce('add', { cellAddress: typeof cellAddress === 'string' ? cellAddress : cellAddress.path, content });
    return n;
  }

  getItem(key: string): FakeNote {
    return this.note('getItem', key, false);
  }

  getItemOrNullObject(key: string): FakeNote {
    return this.note('getItemOrNullObject', key, true);
  }
}

// ---- comments ----

export class FakeCommentProxy extends FakeClientObject<FakeComment> {
  constructor(
    q: FakeQueue,
    path: string,
    ref: Lazy<FakeComment | null>,
    private readonly state: FakeWorkbookState,
  ) {
    super(q, path, ref);
  }
  protected scalarProperties(): string[] {
    return ['id', 'content', 'authorName'];
  }
  protected readProperty(c: FakeComment, name: string): unknown {
    if (name === 'id') return c.id;
    if (name === 'content') return c.content;
    if (name === 'authorName') return 'Fake';
    throw new Error(`fake Excel: Comment.${name} is not implemented`);
  }
  get id(): string {
    return this.loaded('id');
  }
  get content(): string {
    return this.loaded('content');
  }
  delete(): void {
    this.change('delete', undefined, (c) => {
      const list = commentsOf(this.state);
      list.splice(list.indexOf(c), 1);
    });
  }
  getLocation(): FakeRange {
    const ref = new Lazy<RangeTarget | null>(() => {
      const c = this.ref.get();
      const sheet = c ? this.state.sheetById(c.sheetId) : undefined;
      return c && sheet ? { sheet, bounds: parseLocal(c.cell)! } : null;
    });
    const r = new FakeRange(this.q, `${this.path}.getLocation()`, ref, this.state);
    r.announce('getLocation', undefined);
    return r;
  }
}

export class FakeCommentCollection {
  private loadedItems: FakeCommentProxy[] | null = null;

  constructor(
    private readonly q: FakeQueue,
    private readonly state: FakeWorkbookState,
  ) {}

  /** A string address must name its sheet: `'新密市'!B3`. */
  add(cellAddress: string | FakeRange, content: string): FakeCommentProxy {
    const path = 'comments.add';
    const ref = new Lazy<FakeComment | null>(() => {
      let sheet: FakeSheet | undefined;
      let local: string;
      if (typeof cellAddress === 'string') {
        const split = splitSheet(cellAddress);
        if (split.sheet === null) throw invalidArgument(`comment address without a sheet: ${cellAddress}`, path);
        sheet = this.state.sheet(split.sheet);
        local = split.local;
      } else {
        const t = cellAddress.resolveTarget();
        sheet = t?.sheet;
        local = t ? formatLocal(t.bounds) : '';
      }
      if (!sheet) throw itemNotFound(`sheet of ${String(cellAddress)}`, path);
      const cell = singleCell(local, path);
      if (hasAnnotation(this.state, sheet, cell))
        throw new FakeOfficeError('InvalidOperation', `The cell ${cell} already has a note or comment.`, path);
      const c: FakeComment = { id: `{comment-${nextCommentId++}}`, sheetId: sheet.id, cell, content, replies: [] };
      commentsOf(this.state).push(c);
      return c;
    });
    const proxy = new FakeCommentProxy(this.q, path, ref, this.state);
    proxy.announce('add', { cellAddress: typeof cellAddress === 'string' ? cellAddress : cellAddress.path, content });
    return proxy;
  }

  getItem(id: string): FakeCommentProxy {
    const path = `comments.getItem(${id})`;
    const ref = new Lazy<FakeComment | null>(() => {
      const c = commentsOf(this.state).find((x) => x.id === id);
      if (!c) throw itemNotFound(`comment ${id}`, path);
      return c;
    });
    const proxy = new FakeCommentProxy(this.q, path, ref, this.state);
    proxy.announce('getItem', id);
    return proxy;
  }

  load(arg?: LoadArg): this {
    const names = loadedNames(arg, true) ?? ['id', 'content', 'authorName'];
    this.q.enqueue('comments', 'load', names, () => {
      const items = commentsOf(this.state).map((c) => {
        const p = new FakeCommentProxy(this.q, `comments.getItem(${c.id})`, Lazy.of<FakeComment | null>(c), this.state);
        p.prime(names, c);
        return p;
      });
      return { response: items.map((i) => i.toJSON()), commit: () => (this.loadedItems = items) };
    });
    return this;
  }

  get items(): FakeCommentProxy[] {
    if (!this.loadedItems) throw propertyNotLoaded('items', 'comments');
    return this.loadedItems;
  }
}

// ---- merged areas ----

/** What `Range.getMergedAreasOrNullObject()` gives: the merged areas inside the range, or a null object. */
export class FakeMergedAreas extends FakeClientObject<RangeTarget[]> {
  protected scalarProperties(): string[] {
    return ['address', 'areaCount'];
  }
  protected readProperty(areas: RangeTarget[], name: string): unknown {
    if (name === 'address') return areas.map((a) => `${referenceSheetName(a.sheet.name)}!${formatLocal(a.bounds)}`).join(', ');
    if (name === 'areaCount') return areas.length;
    throw new Error(`fake Excel: RangeAreas.${name} is not implemented`);
  }
  get address(): string {
    return this.loaded('address');
  }
  get areaCount(): number {
    return this.loaded('areaCount');
  }
}
