import { DateTime } from 'luxon';
import { toKey } from './access';
import { cmpPrim, plusPrim, toNum } from './coerce';
import { chargeRead, chargeText, fail, runtimeError } from './limits';
import type { Fn } from './types';

// Operators. Each has a fast path for the common primitive case; anything else goes through
// the safe conversions in coerce.ts, so no operator ever calls valueOf/toString on data.

const hasOwn = Object.prototype.hasOwnProperty;

function add(a: unknown, b: unknown, pos: number): unknown {
  if (typeof a === 'string' && typeof b === 'string') {
    if (a.length + b.length > 4096) chargeText(a.length + b.length);
    return a + b;
  }
  const pa = plusPrim(a, pos);
  const pb = plusPrim(b, pos);
  if (typeof pa === 'string' || typeof pb === 'string') {
    const sa = String(pa); // primitives only: String() runs no user code
    const sb = String(pb);
    if (sa.length + sb.length > 4096) chargeText(sa.length + sb.length);
    return sa + sb;
  }
  return toNum(pa, pos) + toNum(pb, pos); // BigInts from data count as numbers here
}

function arith(op: string, a: unknown, b: unknown, pos: number): number {
  const x = toNum(a, pos);
  const y = toNum(b, pos);
  switch (op) {
    case '-': return x - y;
    case '*': return x * y;
    case '/': return x / y;
    case '%': return x % y;
    case '**': return x ** y;
    case '&': return x & y;
    case '|': return x | y;
    case '^': return x ^ y;
    case '<<': return x << y;
    case '>>': return x >> y;
    default: return x >>> y;
  }
}

/** Comparing two long strings reads both up to the first difference: paid by the shorter length. */
function readBoth(a: string, b: string): void {
  chargeRead(a.length < b.length ? a.length : b.length);
}

/** `===` with long equal-length strings paid for; other values compare in constant time. */
function strictEquals(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string' && a.length === b.length && a.length > 1024) readBoth(a, b);
  return a === b;
}

function compare(op: string, a: unknown, b: unknown, pos: number): boolean {
  const x = cmpPrim(a, pos) as any;
  const y = cmpPrim(b, pos) as any;
  if (typeof x === 'string' && typeof y === 'string') readBoth(x, y);
  switch (op) {
    case '<': return x < y;
    case '>': return x > y;
    case '<=': return x <= y;
    default: return x >= y;
  }
}

/** `==` without ToPrimitive on data: two objects compare by identity, dates by time. */
function looseEquals(a: unknown, b: unknown, pos: number): boolean {
  if (typeof a === 'string' && typeof b === 'string') return strictEquals(a, b);
  if (a === b) return true;
  const objA = (typeof a === 'object' && a !== null) || typeof a === 'function';
  const objB = (typeof b === 'object' && b !== null) || typeof b === 'function';
  if (objA && objB) return false;
  if (a === null || a === undefined || b === null || b === undefined) return a == b; // eslint-disable-line eqeqeq
  const x = cmpPrim(a, pos) as any;
  const y = cmpPrim(b, pos) as any;
  if (typeof x === 'string' && typeof y === 'string') return strictEquals(x, y);
  return x == y; // eslint-disable-line eqeqeq
}

/** `key in obj` as an own-key test: nothing inherited is ever visible to expressions. */
function hasKey(k: unknown, o: unknown, pos: number): boolean {
  if (typeof o !== 'object' || o === null) return runtimeError(`'in' needs an object or list on its right, not ${o === null ? 'null' : typeof o}`, pos);
  const key = toKey(k, pos);
  if (o instanceof DateTime) return false;
  return hasOwn.call(o, key);
}

export function binary(op: string, l: Fn, r: Fn, pos: number): Fn {
  switch (op) {
    case '+': return (s, e) => {
      const a = l(s, e);
      const b = r(s, e);
      return typeof a === 'number' && typeof b === 'number' ? a + b : add(a, b, pos);
    };
    case '-': case '*': case '/': case '%': case '**': case '&': case '|': case '^': case '<<': case '>>': case '>>>':
      return numeric(op, l, r, pos);
    case '<': case '>': case '<=': case '>=': return comparison(op, l, r, pos);
    case '===': return (s, e) => strictEquals(l(s, e), r(s, e));
    case '!==': return (s, e) => !strictEquals(l(s, e), r(s, e));
    case '==': return (s, e) => looseEquals(l(s, e), r(s, e), pos);
    case '!=': return (s, e) => !looseEquals(l(s, e), r(s, e), pos);
    case 'in': return (s, e) => { const k = l(s, e); return hasKey(k, r(s, e), pos); };
    default: return fail('expr.forbidden', `Operator \`${op}\` isn't supported`, pos);
  }
}

function numeric(op: string, l: Fn, r: Fn, pos: number): Fn {
  const slow = (a: unknown, b: unknown) => arith(op, a, b, pos);
  switch (op) {
    case '-': return (s, e) => { const a = l(s, e); const b = r(s, e); return typeof a === 'number' && typeof b === 'number' ? a - b : slow(a, b); };
    case '*': return (s, e) => { const a = l(s, e); const b = r(s, e); return typeof a === 'number' && typeof b === 'number' ? a * b : slow(a, b); };
    case '/': return (s, e) => { const a = l(s, e); const b = r(s, e); return typeof a === 'number' && typeof b === 'number' ? a / b : slow(a, b); };
    default: return (s, e) => slow(l(s, e), r(s, e));
  }
}

function comparison(op: string, l: Fn, r: Fn, pos: number): Fn {
  const slow = (a: unknown, b: unknown) => compare(op, a, b, pos);
  // Numbers and short strings take the fast path; long strings pay in `compare`.
  const prim = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number')
    || (typeof a === 'string' && typeof b === 'string' && a.length < 1024 && b.length < 1024);
  switch (op) {
    case '<': return (s, e) => { const a = l(s, e); const b = r(s, e); return prim(a, b) ? (a as number) < (b as number) : slow(a, b); };
    case '>': return (s, e) => { const a = l(s, e); const b = r(s, e); return prim(a, b) ? (a as number) > (b as number) : slow(a, b); };
    case '<=': return (s, e) => { const a = l(s, e); const b = r(s, e); return prim(a, b) ? (a as number) <= (b as number) : slow(a, b); };
    default: return (s, e) => { const a = l(s, e); const b = r(s, e); return prim(a, b) ? (a as number) >= (b as number) : slow(a, b); };
  }
}

export function logical(op: string, l: Fn, r: Fn): Fn {
  if (op === '&&') return (s, e) => l(s, e) && r(s, e);
  if (op === '||') return (s, e) => l(s, e) || r(s, e);
  return (s, e) => l(s, e) ?? r(s, e);
}

export function unary(op: string, a: Fn, pos: number): Fn {
  switch (op) {
    case '!': return (s, e) => !a(s, e);
    case '-': return (s, e) => { const v = a(s, e); return -(typeof v === 'number' ? v : toNum(v, pos)); };
    case '+': return (s, e) => { const v = a(s, e); return typeof v === 'number' ? v : toNum(v, pos); };
    case '~': return (s, e) => ~toNum(a(s, e), pos);
    case 'typeof': return (s, e) => typeof a(s, e);
    case 'void': return (s, e) => { a(s, e); return undefined; };
    default: return fail('expr.forbidden', `Operator \`${op}\` isn't supported`, pos);
  }
}
