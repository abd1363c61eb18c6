import { elemAt, ownValue, setOwn, toKey } from './access';
import { callbackArg, intArg, isPlainData, list, listArg } from './args';
import { joinList, stringify, toNum, toStr } from './coerce';
import { charge, chargeElements, growBy, MAX_DATA_DEPTH, MAX_ELEMENTS, runtimeError, tooMany } from './limits';
import type { Method } from './types';

// Array methods. Every element is read through `elemAt` (no getters, no functions), callbacks
// pay a step each, and whatever is produced is a new array: data arrays are never mutated.

type Arr = readonly unknown[];

/** JavaScript's relative index: negative counts from the end, clamped to [0, len]. */
function rel(v: unknown, len: number, pos: number, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Math.trunc(toNum(v, pos)) || 0;
  return n < 0 ? Math.max(len + n, 0) : Math.min(n, len);
}

function slice(a: Arr, args: readonly unknown[], p: number): unknown[] {
  const from = rel(args[0], a.length, p, 0);
  const to = rel(args[1], a.length, p, a.length);
  const out: unknown[] = [];
  chargeElements(Math.max(to - from, 0));
  for (let i = from; i < to; i++) out.push(elemAt(a, i, p));
  return out;
}

function flatten(a: Arr, depth: number, out: unknown[], p: number, level: number): unknown[] {
  if (level > MAX_DATA_DEPTH) runtimeError(`Lists are nested deeper than ${MAX_DATA_DEPTH} levels`, p);
  for (let i = 0; i < a.length; i++) {
    const x = elemAt(a, i, p);
    if (Array.isArray(x) && depth > 0) flatten(x, depth - 1, out, p, level + 1);
    else {
      if (out.length >= MAX_ELEMENTS) tooMany(out.length + 1);
      charge(1);
      out.push(x);
    }
  }
  return out;
}

/** JavaScript's sort, on a copy: undefined last, default order by text, NaN comparisons as 0. */
function sorted(a: Arr, args: readonly unknown[], p: number): unknown[] {
  const items = list(a, p);
  const defined: unknown[] = items.filter((x) => x !== undefined);
  const tail = items.length - defined.length;
  if (args[0] === undefined) {
    const keyed = defined.map((x) => ({ k: toStr(x, p), x }));
    charge(Math.ceil(keyed.length * Math.log2(keyed.length + 1)));
    keyed.sort((u, v) => (u.k < v.k ? -1 : u.k > v.k ? 1 : 0));
    for (let i = 0; i < keyed.length; i++) defined[i] = keyed[i].x;
  } else {
    const cb = callbackArg(args, 0, 'sort', p);
    defined.sort((u, v) => toNum(cb.call(u, v), p) || 0);
  }
  for (let i = 0; i < tail; i++) defined.push(undefined);
  return defined;
}

/** Field names given as arguments, held to the same rules as keys in expressions. */
const fieldNames = (args: readonly unknown[], p: number): string[] => args.map((f) => String(toKey(f, p)));

/** A key that is equal for deeply equal data, for unique/union/intersection/difference. */
const sameKey = (x: unknown, p: number): unknown => (typeof x === 'object' && x !== null ? 'o:' + stringify(x, '', p) : x);

function uniqueBy(a: Arr, fields: readonly unknown[], p: number): unknown[] {
  const names = fieldNames(fields, p);
  const seen = new Set<unknown>();
  const out: unknown[] = [];
  for (const x of list(a, p)) {
    const k = names.length === 0 ? sameKey(x, p) : sameKey(names.map((n) => (isPlainData(x) ? ownValue(x, n, p) : undefined)), p);
    if (!seen.has(k)) { seen.add(k); out.push(x); }
  }
  return out;
}

function setOp(a: Arr, args: readonly unknown[], p: number, name: string, keep: 'union' | 'both' | 'left'): unknown[] {
  const other = list(listArg(args, 0, name, p), p);
  const mine = list(a, p);
  if (keep === 'union') return uniqueBy([...mine, ...other], [], p);
  const keys = new Set(other.map((x) => sameKey(x, p)));
  return uniqueBy(mine.filter((x) => keys.has(sameKey(x, p)) === (keep === 'both')), [], p);
}

function numbers(a: Arr, p: number): number[] {
  charge(a.length);
  const out = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = toNum(elemAt(a, i, p), p);
  return out;
}

function pluck(a: Arr, args: readonly unknown[], p: number): unknown[] {
  const names = fieldNames(args, p);
  const out: unknown[] = [];
  for (const x of list(a, p)) {
    if (!isPlainData(x)) continue;
    if (names.length === 1) { out.push(ownValue(x, names[0], p)); continue; }
    const picked: Record<string, unknown> = {};
    for (const n of names) setOwn(picked, n, ownValue(x, n, p));
    out.push(picked);
  }
  return out;
}

function findIndex(a: Arr, args: readonly unknown[], p: number, name: string, fromEnd: boolean): number {
  const cb = callbackArg(args, 0, name, p);
  for (let k = 0; k < a.length; k++) {
    const i = fromEnd ? a.length - 1 - k : k;
    if (cb.call(elemAt(a, i, p), i, a)) return i;
  }
  return -1;
}

function reduce(a: Arr, args: readonly unknown[], p: number): unknown {
  const cb = callbackArg(args, 0, 'reduce', p);
  let i = 0;
  let acc = args[1];
  if (args.length < 2) {
    if (a.length === 0) runtimeError('.reduce() of an empty list needs a start value: .reduce((sum, x) => sum + x, 0)', p);
    acc = elemAt(a, i++, p);
  }
  for (; i < a.length; i++) acc = cb.call(acc, elemAt(a, i, p), i, a);
  return acc;
}

function indexOf(a: Arr, v: unknown, from: number, p: number, same: (x: unknown) => boolean): number {
  charge(a.length);
  for (let i = from; i < a.length; i++) if (same(elemAt(a, i, p))) return i;
  return -1;
}

const arrayMethods: Record<string, Method> = {
  map: (a: Arr, args, p) => {
    const cb = callbackArg(args, 0, 'map', p);
    chargeElements(a.length);
    const out = new Array<unknown>(a.length);
    for (let i = 0; i < a.length; i++) out[i] = cb.call(elemAt(a, i, p), i, a);
    return out;
  },
  filter: (a: Arr, args, p) => {
    const cb = callbackArg(args, 0, 'filter', p);
    const out: unknown[] = [];
    for (let i = 0; i < a.length; i++) { const x = elemAt(a, i, p); if (cb.call(x, i, a)) out.push(x); }
    return out;
  },
  flatMap: (a: Arr, args, p) => {
    const cb = callbackArg(args, 0, 'flatMap', p);
    const mapped: unknown[] = [];
    for (let i = 0; i < a.length; i++) mapped.push(cb.call(elemAt(a, i, p), i, a));
    return flatten(mapped, 1, [], p, 0);
  },
  reduce: (a: Arr, args, p) => reduce(a, args, p),
  find: (a: Arr, args, p) => { const i = findIndex(a, args, p, 'find', false); return i < 0 ? undefined : elemAt(a, i, p); },
  findLast: (a: Arr, args, p) => { const i = findIndex(a, args, p, 'findLast', true); return i < 0 ? undefined : elemAt(a, i, p); },
  findIndex: (a: Arr, args, p) => findIndex(a, args, p, 'findIndex', false),
  findLastIndex: (a: Arr, args, p) => findIndex(a, args, p, 'findLastIndex', true),
  some: (a: Arr, args, p) => findIndex(a, args, p, 'some', false) >= 0,
  every: (a: Arr, args, p) => {
    const cb = callbackArg(args, 0, 'every', p);
    for (let i = 0; i < a.length; i++) if (!cb.call(elemAt(a, i, p), i, a)) return false;
    return true;
  },
  includes: (a: Arr, args, p) => { const v = args[0]; return indexOf(a, v, 0, p, (x) => x === v || (x !== x && v !== v)) >= 0; },
  indexOf: (a: Arr, args, p) => { const v = args[0]; return indexOf(a, v, rel(args[1], a.length, p, 0), p, (x) => x === v); },
  lastIndexOf: (a: Arr, args, p) => { const v = args[0]; const l = list(a, p); return l.lastIndexOf(v); },
  join: (a: Arr, args, p) => joinList(a, args[0] === undefined ? ',' : toStr(args[0], p), p, 0),
  slice: (a: Arr, args, p) => slice(a, args, p),
  concat: (a: Arr, args, p) => {
    const out = list(a, p);
    for (const x of args) {
      if (Array.isArray(x)) { growBy(out, x.length); for (let i = 0; i < x.length; i++) out.push(elemAt(x, i, p)); }
      else { growBy(out, 1); out.push(x); }
    }
    return out;
  },
  flat: (a: Arr, args, p) => flatten(a, args[0] === undefined ? 1 : Math.min(toNum(args[0], p) || 0, MAX_DATA_DEPTH), [], p, 0),
  at: (a: Arr, args, p) => { const i = intArg(args, 0, p); return elemAt(a, i < 0 ? a.length + i : i, p); },
  sort: (a: Arr, args, p) => sorted(a, args, p),
  toSorted: (a: Arr, args, p) => sorted(a, args, p),
  reverse: (a: Arr, _args, p) => list(a, p).reverse(),
  toReversed: (a: Arr, _args, p) => list(a, p).reverse(),
  toString: (a: Arr, _args: Arr, p: number) => joinList(a, ',', p, 0),
  // n8n-style extensions
  sum: (a: Arr, _args, p) => numbers(a, p).reduce((s, x) => s + x, 0),
  average: (a: Arr, _args, p) => (a.length === 0 ? 0 : numbers(a, p).reduce((s, x) => s + x, 0) / a.length),
  min: (a: Arr, _args, p) => (a.length === 0 ? undefined : numbers(a, p).reduce((m, x) => (x < m || Number.isNaN(x) ? x : m))),
  max: (a: Arr, _args, p) => (a.length === 0 ? undefined : numbers(a, p).reduce((m, x) => (x > m || Number.isNaN(x) ? x : m))),
  unique: (a: Arr, args, p) => uniqueBy(a, args, p),
  removeDuplicates: (a: Arr, args, p) => uniqueBy(a, args, p),
  first: (a: Arr, _args, p) => elemAt(a, 0, p),
  last: (a: Arr, _args, p) => elemAt(a, a.length - 1, p),
  compact: (a: Arr, _args, p) => list(a, p).filter((x) => x !== null && x !== undefined && x !== ''),
  isEmpty: (a: Arr) => a.length === 0,
  isNotEmpty: (a: Arr) => a.length > 0,
  pluck: (a: Arr, args, p) => pluck(a, args, p),
  chunk: (a: Arr, args, p) => {
    const size = intArg(args, 0, p);
    if (size < 1) runtimeError('.chunk() needs a size of at least 1', p);
    const l = list(a, p);
    const out: unknown[][] = [];
    for (let i = 0; i < l.length; i += size) out.push(l.slice(i, i + size));
    return out;
  },
  union: (a: Arr, args, p) => setOp(a, args, p, 'union', 'union'),
  intersection: (a: Arr, args, p) => setOp(a, args, p, 'intersection', 'both'),
  difference: (a: Arr, args, p) => setOp(a, args, p, 'difference', 'left'),
  smartJoin: (a: Arr, args, p) => {
    const [key, value] = fieldNames([args[0] ?? 'name', args[1] ?? 'value'], p);
    const out: Record<string, unknown> = {};
    for (const x of list(a, p)) if (isPlainData(x)) setOwn(out, toStr(ownValue(x, key, p), p), ownValue(x, value, p));
    return out;
  },
};

export const ARRAY_METHODS: ReadonlyMap<string, Method> = new Map(Object.entries(arrayMethods));
