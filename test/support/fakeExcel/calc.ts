/**
 * What `Range.values` reports for a formula cell: Excel returns the formula's result ("values:
 * Represents the raw values of the specified range"; `formulas` holds the formula,
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member),
 * an error as its text (`#DIV/0!`).
 *
 * The fake calculates the formulas keytask writes: numbers, strings, cell references (also on
 * another sheet), arithmetic, comparisons and IF, AND, OR, NOT, ISNUMBER, ISBLANK, LEN, TRIM,
 * IFERROR and HYPERLINK. Anything else fails loudly rather than reading back as '' (which
 * Excel never does).
 */
import { columnIndex } from '../../../src/core/sheet/spec';
import type { FakeSheet, Scalar } from './state';

type Value = Scalar | null;

const DIV0 = '#DIV/0!';
const VALUE = '#VALUE!';

interface Book {
  sheet(name: string): FakeSheet | undefined;
}

export function calculate(formula: string, sheet: FakeSheet, book: Book | null, depth = 0): Scalar {
  if (depth > 50) throw new Error(`fake Excel: formula chain too deep at ${formula}`);
  const src = formula.replace(/^=/, '');
  let i = 0;
  const fail = (): never => {
    throw new Error(`fake Excel: cannot calculate ${formula} (at ${i})`);
  };
  const ws = (): void => {
    while (src[i] === ' ') i++;
  };
  const eat = (s: string): boolean => {
    ws();
    if (src.slice(i, i + s.length).toUpperCase() === s) {
      i += s.length;
      return true;
    }
    return false;
  };
  const cellValue = (target: FakeSheet, ref: string): Value => {
    const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref);
    if (!m) return fail();
    const r = Number(m[2]) - 1;
    const c = columnIndex(m[1].toUpperCase());
    const cell = target.cell(r, c);
    if (!cell) return null;
    if (cell.formula !== undefined) return calculate(cell.formula, target, book, depth + 1);
    return cell.value === '' ? null : cell.value;
  };
  const num = (v: Value): number | string => {
    if (v === null) return 0;
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (/^#/.test(v)) return v;
    const n = Number(v);
    return Number.isNaN(n) || v.trim() === '' ? VALUE : n;
  };
  const text = (v: Value): string => (v === null ? '' : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v));
  const truthy = (v: Value): boolean => (typeof v === 'string' ? v.toUpperCase() === 'TRUE' : Boolean(v));
  const isError = (v: Value): v is string => typeof v === 'string' && /^#[A-Z/0!?]+[!?A]?$/.test(v);

  const FUNCTIONS: Record<string, (args: Array<() => Value>) => Value> = {
    IF: (a) => (truthy(a[0]()) ? a[1]() : a[2] ? a[2]() : false),
    AND: (a) => a.every((f) => truthy(f())),
    OR: (a) => a.some((f) => truthy(f())),
    NOT: (a) => !truthy(a[0]()),
    ISNUMBER: (a) => typeof a[0]() === 'number',
    ISBLANK: (a) => a[0]() === null,
    LEN: (a) => text(a[0]()).length,
    TRIM: (a) => text(a[0]()).trim().replace(/ +/g, ' '),
    IFERROR: (a) => {
      const v = a[0]();
      return isError(v) ? a[1]() : v;
    },
    HYPERLINK: (a) => (a[1] ? a[1]() : a[0]()),
  };

  const primary = (): Value => {
    ws();
    if (eat('(')) {
      const v = expr();
      if (!eat(')')) fail();
      return v;
    }
    if (src[i] === '"') {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) fail();
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          return s;
        }
        s += src[i++];
      }
    }
    const number = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i));
    if (number) {
      i += number[0].length;
      return Number(number[0]);
    }
    const quoted = /^'((?:[^']|'')+)'!(\$?[A-Z]{1,3}\$?\d+)/i.exec(src.slice(i));
    const bare = /^([^\s'!(),"=<>+\-*/&]+)!(\$?[A-Z]{1,3}\$?\d+)/i.exec(src.slice(i));
    const other = quoted ?? bare;
    if (other) {
      i += other[0].length;
      const target = book?.sheet(quoted ? other[1].replace(/''/g, "'") : other[1]);
      return target ? cellValue(target, other[2]) : '#REF!';
    }
    const fn = /^([A-Z][A-Z0-9.]*)\(/i.exec(src.slice(i));
    if (fn) {
      const name = fn[1].toUpperCase();
      const impl = FUNCTIONS[name];
      if (!impl) fail();
      i += fn[0].length;
      const args: Array<() => Value> = [];
      ws();
      if (!eat(')')) {
        do {
          // Arguments are evaluated lazily (IF), so each is parsed into a thunk over a fixed span.
          const start = i;
          expr();
          const end = i;
          args.push(() => {
            const save = i;
            i = start;
            const v = expr();
            if (i !== end) fail();
            i = save;
            return v;
          });
        } while (eat(','));
        if (!eat(')')) fail();
      }
      return impl(args);
    }
    if (eat('TRUE')) return true;
    if (eat('FALSE')) return false;
    const ref = /^\$?[A-Z]{1,3}\$?\d+/i.exec(src.slice(i));
    if (ref) {
      i += ref[0].length;
      return cellValue(sheet, ref[0]);
    }
    return fail();
  };
  const unary = (): Value => {
    if (eat('-')) {
      const n = num(unary());
      return typeof n === 'string' ? n : -n;
    }
    if (eat('+')) return unary();
    return primary();
  };
  const binary = (next: () => Value, ops: string[], apply: (op: string, a: Value, b: Value) => Value) => (): Value => {
    let v = next();
    for (;;) {
      const op = ops.find((o) => eat(o));
      if (!op) return v;
      v = apply(op, v, next());
    }
  };
  const arith = (op: string, a: Value, b: Value): Value => {
    const x = num(a);
    const y = num(b);
    if (typeof x === 'string') return x;
    if (typeof y === 'string') return y;
    if (op === '/') return y === 0 ? DIV0 : x / y;
    return op === '*' ? x * y : op === '+' ? x + y : x - y;
  };
  const term = binary(unary, ['*', '/'], arith);
  const additive = binary(term, ['+', '-'], arith);
  const concat = binary(additive, ['&'], (_op, a, b) => text(a) + text(b));
  const compare = (op: string, a: Value, b: Value): Value => {
    const x = a ?? (typeof b === 'string' ? '' : 0);
    const y = b ?? (typeof a === 'string' ? '' : 0);
    const c = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : typeof x === 'number' ? -1 : 1;
    return { '=': c === 0, '<>': c !== 0, '<': c < 0, '>': c > 0, '<=': c <= 0, '>=': c >= 0 }[op] ?? fail();
  };
  const expr = binary(concat, ['<>', '<=', '>=', '=', '<', '>'], compare);

  const result = expr();
  ws();
  if (i !== src.length) fail();
  return result ?? 0;
}
