/**
 * The fake ET's members are its PascalCase properties and methods, as WPS's are (its object model
 * is Excel's VBA one: "各对象的方法属性的名称和含义均与微软Office保持一致",
 * https://dotblogs.com.tw/SkyWorker/2018/03/14/150755). Real WPS ignores a misspelt member: a
 * misspelt property reads as undefined and a write to it is dropped, so a host bug goes unseen.
 * The fake is stricter: every object it hands out refuses a member it does not have, and a write
 * to a read-only one.
 */

export class FakeEtError extends Error {
  constructor(message: string) {
    super(`fake ET: ${message}`);
    this.name = 'FakeEtError';
  }
}

/** Members some runtimes probe on any object (Promise resolution, jest printing, JSON). */
const PROBED = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'constructor',
  'tagName',
  '@@__IMMUTABLE_ITERABLE__@@',
]);

function isMember(target: object, prop: string): boolean {
  return /^[A-Z]/.test(prop) && prop in target;
}

/**
 * `obj` as WPS shows it: its PascalCase members only. The fake's own state (camelCase fields) is
 * out of reach of the host; methods run on the object itself, so they still reach it.
 */
export function strict<T extends object>(obj: T, what: string): T {
  const proxy = new Proxy(obj, {
    get(target, prop) {
      if (typeof prop === 'symbol') return Reflect.get(target, prop, target) as unknown;
      if (!isMember(target, prop)) {
        if (PROBED.has(prop)) return undefined;
        throw new FakeEtError(`${what} has no member '${prop}'`);
      }
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
    set(target, prop, value) {
      if (typeof prop === 'symbol' || !isMember(target, prop)) throw new FakeEtError(`${what} has no member '${String(prop)}'`);
      if (!Reflect.set(target, prop, value, target)) throw new FakeEtError(`${what}.${prop} is read-only`);
      return true;
    },
    has(target, prop) {
      return typeof prop === 'string' && isMember(target, prop);
    },
  });
  targets.set(proxy, obj);
  return proxy;
}

const targets = new WeakMap<object, object>();

/** The fake's own object behind what it handed out (for the fake's internals, never the host's). */
export function unwrap<T extends object>(v: unknown, type: abstract new (...args: never[]) => T): T | undefined {
  const t = typeof v === 'object' && v !== null ? (targets.get(v) ?? v) : undefined;
  return t instanceof type ? t : undefined;
}

/** An argument one of `allowed` (ET takes its enumerations as numbers). */
export function oneOf<T>(value: unknown, allowed: readonly T[], what: string): T {
  if (!allowed.includes(value as T)) throw new FakeEtError(`${what}: ${JSON.stringify(value)} is not one of ${JSON.stringify(allowed)}`);
  return value as T;
}

/**
 * A collection's Item(index): by 1-based position or by name (case-insensitive), as every VBA
 * collection takes it (e.g. Worksheets.Item, https://learn.microsoft.com/office/vba/api/excel.worksheets.item);
 * anything else is "subscript out of range".
 */
export function itemOf<T>(items: readonly T[], index: unknown, byName: (name: string) => T | undefined, what: string): T {
  if (typeof index === 'number') {
    if (!Number.isInteger(index) || index < 1 || index > items.length)
      throw new FakeEtError(`${what}(${index}): out of range 1…${items.length}`);
    return items[index - 1];
  }
  if (typeof index !== 'string') throw new FakeEtError(`${what} takes a 1-based index or a name`);
  const found = byName(index);
  if (found === undefined) throw new FakeEtError(`${what}('${index}'): no such item`);
  return found;
}
