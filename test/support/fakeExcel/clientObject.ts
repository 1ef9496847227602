/**
 * What every fake proxy shares with Office.js's ClientObject: a path, a queue, `load` that only
 * delivers at sync, reads that throw PropertyNotLoaded until then, and `*OrNullObject` targets
 * whose `isNullObject` is known only after a sync.
 */
import { propertyNotLoaded } from './errors';
import type { FakeQueue } from './queue';

/** A target resolved once, when the first queued operation that needs it is applied. */
export class Lazy<T> {
  private resolved: { value: T } | null = null;
  constructor(private readonly resolve: () => T) {}
  get(): T {
    if (!this.resolved) this.resolved = { value: this.resolve() };
    return this.resolved.value;
  }
  static of<T>(value: T): Lazy<T> {
    const l = new Lazy(() => value);
    l.get();
    return l;
  }
}

export type LoadArg = string | string[] | { select?: string; expand?: string } | undefined;

/** Property names a load asks for; null means "all scalar properties". */
export function loadedNames(arg: LoadArg, collection: boolean): string[] | null {
  let raw: string[];
  if (arg === undefined) return null;
  if (typeof arg === 'string') raw = arg.split(',');
  else if (Array.isArray(arg)) raw = arg;
  else raw = (arg.select ?? '').split(',');
  const names = raw
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (collection ? s.replace(/^items\//, '') : s));
  return names.length === 0 ? null : names;
}

export abstract class FakeClientObject<T> {
  private readonly loadedProps = new Map<string, unknown>();
  private nullKnown: boolean | null = null;

  constructor(
    protected readonly q: FakeQueue,
    readonly path: string,
    protected readonly ref: Lazy<T | null>,
  ) {}

  /** The properties `load()` without arguments delivers. */
  protected abstract scalarProperties(): string[];
  /** Reads a property from the workbook state, at sync. */
  protected abstract readProperty(target: T, name: string): unknown;

  /** Registers the object's own request (getItem…), which resolves it and may fail with ItemNotFound. */
  announce(op: string, args: unknown): void {
    this.q.enqueue(this.path, op, args, () => {
      this.nullKnown = this.ref.get() === null;
    });
  }

  get isNullObject(): boolean {
    if (this.nullKnown === null) throw propertyNotLoaded('isNullObject', this.path);
    return this.nullKnown;
  }

  load(arg?: LoadArg): this {
    const names = loadedNames(arg, false) ?? this.scalarProperties();
    this.q.enqueue(this.path, 'load', names, () => {
      const target = this.ref.get();
      const values = names.map((n) => [n, target === null ? null : this.readProperty(target, n)] as const);
      return {
        response: Object.fromEntries(values),
        commit: () => {
          this.nullKnown = target === null;
          for (const [n, v] of values) this.loadedProps.set(n, v);
        },
      };
    });
    return this;
  }

  /** For items of a loaded collection, whose properties arrive with the collection. */
  prime(names: string[], target: T): void {
    this.nullKnown = false;
    for (const n of names) this.loadedProps.set(n, this.readProperty(target, n));
  }

  protected loaded<V>(name: string): V {
    if (!this.loadedProps.has(name)) throw propertyNotLoaded(name, this.path);
    return this.loadedProps.get(name) as V;
  }

  /** Queues a change; on a null object it does nothing, as Excel ignores it. */
  protected change(op: string, args: unknown, apply: (target: T) => void): void {
    this.q.enqueue(this.path, op, args, () => {
      const target = this.ref.get();
      if (target !== null) apply(target);
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedProps);
  }
}
