/** The workbook, its defined names and the request context an `Excel.run` batch receives. */
import { formatLocal, referenceSheetName } from './address';
import { FakeCommentCollection, requireApi } from './annotations';
import { FakeClientObject, Lazy, type LoadArg, loadedNames } from './clientObject';
import { invalidArgument, itemNotFound, propertyNotLoaded } from './errors';
import type { FakeQueue } from './queue';
import type { FakeRange } from './range';
import type { FakeName, FakeWorkbookState } from './state';
import { FakeWorksheetCollection } from './worksheet';

export class FakeNamedItem extends FakeClientObject<FakeName> {
  constructor(
    q: FakeQueue,
    path: string,
    ref: Lazy<FakeName | null>,
    private readonly state: FakeWorkbookState,
  ) {
    super(q, path, ref);
  }

  protected scalarProperties(): string[] {
    return ['name', 'formula', 'type', 'value', 'visible', 'comment'];
  }

  protected readProperty(n: FakeName, name: string): unknown {
    switch (name) {
      case 'name':
        return n.name;
      case 'formula':
        return this.state.nameFormula(n);
      case 'type':
        return n.sheetId !== null ? 'Range' : 'String';
      case 'value':
        return this.state.nameFormula(n).slice(1);
      case 'visible':
        return n.visible;
      case 'comment':
        return n.comment;
      default:
        throw new Error(`fake Excel: NamedItem.${name} is not implemented`);
    }
  }

  get name(): string {
    return this.loaded('name');
  }
  get formula(): string {
    return this.loaded('formula');
  }
  get type(): string {
    return this.loaded('type');
  }
  get value(): string {
    return this.loaded('value');
  }
  get visible(): boolean {
    return this.loaded('visible');
  }

  delete(): void {
    this.change('delete', undefined, (n) => this.state.deleteName(n));
  }
}

export class FakeNamedItemCollection {
  private loadedItems: FakeNamedItem[] | null = null;

  constructor(
    private readonly q: FakeQueue,
    private readonly state: FakeWorkbookState,
  ) {}

  private item(path: string, find: () => FakeName | undefined, nullable: boolean, op: string, args: unknown): FakeNamedItem {
    const ref = new Lazy<FakeName | null>(() => {
      const n = find();
      if (n) return n;
      if (nullable) return null;
      throw itemNotFound(`name ${JSON.stringify(args)}`, path);
    });
    const item = new FakeNamedItem(this.q, path, ref, this.state);
    item.announce(op, args);
    return item;
  }

  getItem(name: string): FakeNamedItem {
    return this.item(`names.getItem(${name})`, () => this.state.name(name), false, 'getItem', name);
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return this.item(`names.getItemOrNullObject(${name})`, () => this.state.name(name), true, 'getItemOrNullObject', name);
  }

  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    const path = `names.add(${name})`;
    const refText = typeof reference === 'string' ? reference : reference.path;
    return this.item(
      path,
      () => {
        let formula: string;
        if (typeof reference === 'string') {
          formula = reference;
        } else {
          const t = reference.resolveTarget();
          if (!t) throw invalidArgument('null range', path);
          const abs = formatLocal(t.bounds).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
          formula = `=${referenceSheetName(t.sheet.name)}!${abs}`;
        }
        return this.state.addName(name, formula, comment);
      },
      false,
      'add',
      { name, reference: refText, comment },
    );
  }

  load(arg?: LoadArg): this {
    const names = loadedNames(arg, true) ?? ['name', 'formula', 'type', 'value', 'visible', 'comment'];
    this.q.enqueue('names', 'load', names, () => {
      const items = this.state.names.map((n) => {
        const item = new FakeNamedItem(this.q, `names.getItem(${n.name})`, Lazy.of<FakeName | null>(n), this.state);
        item.prime(names, n);
        return item;
      });
      return { response: items.map((i) => i.toJSON()), commit: () => (this.loadedItems = items) };
    });
    return this;
  }

  get items(): FakeNamedItem[] {
    if (!this.loadedItems) throw propertyNotLoaded('items', 'names');
    return this.loadedItems;
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;

  constructor(
    private readonly q: FakeQueue,
    private readonly state: FakeWorkbookState,
  ) {
    this.worksheets = new FakeWorksheetCollection(q, state);
    this.names = new FakeNamedItemCollection(q, state);
  }

  private commentsProxy: FakeCommentCollection | null = null;
  /** Threaded comments are ExcelApi 1.10. */
  get comments(): FakeCommentCollection {
    requireApi(this.q, '1.10', 'Workbook.comments', 'comments');
    this.commentsProxy ??= new FakeCommentCollection(this.q, this.state);
    return this.commentsProxy;
  }
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;

  constructor(private readonly q: FakeQueue) {
    this.workbook = new FakeWorkbook(q, q.state);
  }

  sync(): Promise<void> {
    return this.q.sync();
  }
}
