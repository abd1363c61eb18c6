import { DateTime } from 'luxon';
import { describe, FORBIDDEN_KEYS, ownKeys, ownValue, setOwn, toKey } from './access';
import { callbackArg, intArg, isPlainData, list, numArg, strArg } from './args';
import { stringify, toNum, toStr } from './coerce';
import { uriEncode } from './growth';
import { chargeElements, chargeText, fits, runtimeError } from './limits';
import { DATETIME_PRESETS, DATETIME_STATICS, DURATION_STATICS } from './dates';
import type { GlobalFn } from './types';

// The global names an expression may use. They are resolved at compile time: `Math.max(…)`
// compiles to a direct call, `Math` alone is a compile error, so none of them is ever a value.

export type GlobalMember = { fn: GlobalFn } | { value: unknown };
export interface GlobalDef { call?: GlobalFn; members?: ReadonlyMap<string, GlobalMember> }

/** Names that are plain values. */
export const CONSTANTS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ['undefined', undefined], ['NaN', NaN], ['Infinity', Infinity],
]);

const fns = (table: Record<string, GlobalFn>, values: Record<string, unknown> = {}): ReadonlyMap<string, GlobalMember> =>
  new Map<string, GlobalMember>([
    ...Object.entries(table).map(([k, fn]) => [k, { fn }] as [string, GlobalMember]),
    ...Object.entries(values).map(([k, value]) => [k, { value }] as [string, GlobalMember]),
  ]);

const math = (f: (...n: number[]) => number): GlobalFn => (a, p) => f(...a.map((x) => toNum(x, p)));
const MATH_FNS = ['abs', 'acos', 'acosh', 'asin', 'asinh', 'atan', 'atan2', 'atanh', 'cbrt', 'ceil', 'cos', 'cosh', 'exp', 'expm1',
  'floor', 'fround', 'hypot', 'log', 'log10', 'log1p', 'log2', 'max', 'min', 'pow', 'round', 'sign', 'sin', 'sinh', 'sqrt',
  'tan', 'tanh', 'trunc'] as const;
const MATH_VALUES = ['E', 'LN10', 'LN2', 'LOG10E', 'LOG2E', 'PI', 'SQRT1_2', 'SQRT2'] as const;

/** Object.keys and friends: data only, own enumerable keys, values read as data. */
function keysOf(v: unknown, p: number): string[] {
  if (v === null || v === undefined) return runtimeError(`Cannot list the keys of ${String(v)}`, p);
  if (typeof v === 'string') return Array.from({ length: v.length }, (_, i) => String(i));
  if (typeof v !== 'object') return [];
  if (!Array.isArray(v) && !isPlainData(v)) return runtimeError(`Cannot list the keys of ${describe(v)}`, p);
  const keys = ownKeys(v);
  chargeElements(keys.length);
  return keys;
}

const valueOf = (o: unknown, k: string, p: number): unknown => (typeof o === 'string' ? o[Number(k)] : ownValue(o as object, k, p));

function fromEntries(a: readonly unknown[], p: number): Record<string, unknown> {
  const src = a[0];
  if (!Array.isArray(src)) return runtimeError(`Object.fromEntries() needs a list of [key, value] pairs, not ${describe(src)}`, p);
  const out: Record<string, unknown> = {};
  for (const pair of list(src, p)) {
    if (!Array.isArray(pair)) runtimeError('Object.fromEntries() needs [key, value] pairs', p);
    const [k, v] = list(pair as unknown[], p);
    setOwn(out, String(toKey(k, p)), v);
  }
  return out;
}

function jsonParse(a: readonly unknown[], p: number): unknown {
  if (a[1] !== undefined) runtimeError('JSON.parse() takes no reviver function in expressions', p);
  const text = strArg(a, 0, p);
  chargeText(text.length);
  try {
    return JSON.parse(text); // own "__proto__" keys stay data; reads refuse them anyway
  } catch (e) {
    return runtimeError(`JSON.parse(): ${(e as Error).message}`, p);
  }
}

function jsonStringify(a: readonly unknown[], p: number): string | undefined {
  if (a[1] !== undefined && a[1] !== null) runtimeError('JSON.stringify() takes no replacer in expressions; pass null', p);
  const space = a[2];
  const indent = typeof space === 'number' ? ' '.repeat(Math.max(0, Math.min(10, Math.trunc(space)))) : typeof space === 'string' ? space.slice(0, 10) : '';
  return stringify(a[0], indent, p);
}

function arrayFrom(a: readonly unknown[], p: number): unknown[] {
  const src = a[0];
  let items: unknown[];
  if (Array.isArray(src)) items = list(src, p);
  else if (typeof src === 'string') { chargeElements(src.length); items = Array.from(src); }
  else if (isPlainData(src)) {
    const n = toNum(ownValue(src, 'length', p), p);
    if (!(n >= 0)) runtimeError('Array.from() needs a list, text or { length: n }', p);
    chargeElements(n);
    items = new Array(Math.trunc(n)).fill(undefined);
  } else return runtimeError(`Array.from() needs a list, text or { length: n }, not ${describe(src)}`, p);
  if (a[1] === undefined) return items;
  const cb = callbackArg(a, 1, 'Array.from', p);
  return items.map((x, i) => cb.call(x, i));
}

function fromCharCode(a: readonly unknown[], p: number): string {
  fits(a.length);
  return String.fromCharCode(...a.map((x) => toNum(x, p)));
}

/** Every global an expression may name, with what it offers. */
export const GLOBALS: ReadonlyMap<string, GlobalDef> = new Map<string, GlobalDef>([
  ['Math', {
    members: fns(
      {
        ...Object.fromEntries(MATH_FNS.map((k) => [k, math(Math[k])])),
        // loops, not spread: Math.max(...$json.bigList) must not overflow the stack
        max: (a, p) => a.reduce<number>((m, x) => Math.max(m, toNum(x, p)), -Infinity),
        min: (a, p) => a.reduce<number>((m, x) => Math.min(m, toNum(x, p)), Infinity),
        random: () => Math.random(),
      },
      Object.fromEntries(MATH_VALUES.map((k) => [k, Math[k]])),
    ),
  }],
  ['JSON', { members: fns({ parse: (a, p) => jsonParse(a, p), stringify: (a, p) => jsonStringify(a, p) }) }],
  ['Object', {
    members: fns({
      keys: (a, p) => keysOf(a[0], p),
      values: (a, p) => keysOf(a[0], p).map((k) => valueOf(a[0], k, p)),
      entries: (a, p) => keysOf(a[0], p).map((k) => [k, valueOf(a[0], k, p)]),
      fromEntries: (a, p) => fromEntries(a, p),
    }),
  }],
  ['Number', {
    call: (a, p) => (a.length === 0 ? 0 : toNum(a[0], p)),
    members: fns({
      isInteger: (a) => Number.isInteger(a[0]),
      isSafeInteger: (a) => Number.isSafeInteger(a[0]),
      isFinite: (a) => Number.isFinite(a[0]),
      isNaN: (a) => Number.isNaN(a[0]),
      parseFloat: (a, p) => parseFloat(strArg(a, 0, p)),
      parseInt: (a, p) => parseInt(strArg(a, 0, p), intArg(a, 1, p)),
    }, {
      MAX_SAFE_INTEGER: Number.MAX_SAFE_INTEGER, MIN_SAFE_INTEGER: Number.MIN_SAFE_INTEGER, EPSILON: Number.EPSILON,
      MAX_VALUE: Number.MAX_VALUE, MIN_VALUE: Number.MIN_VALUE,
      POSITIVE_INFINITY: Infinity, NEGATIVE_INFINITY: -Infinity,
    }),
  }],
  ['String', { call: (a, p) => (a.length === 0 ? '' : toStr(a[0], p)), members: fns({ fromCharCode: (a, p) => fromCharCode(a, p) }) }],
  ['Boolean', { call: (a) => Boolean(a[0]) }],
  ['Array', { members: fns({ isArray: (a) => Array.isArray(a[0]), from: (a, p) => arrayFrom(a, p) }) }],
  ['parseInt', { call: (a, p) => parseInt(strArg(a, 0, p), intArg(a, 1, p)) }],
  ['parseFloat', { call: (a, p) => parseFloat(strArg(a, 0, p)) }],
  ['isNaN', { call: (a, p) => Number.isNaN(numArg(a, 0, p)) }],
  ['isFinite', { call: (a, p) => Number.isFinite(numArg(a, 0, p)) }],
  ['encodeURIComponent', { call: (a, p) => uriEncode(strArg(a, 0, p)) }],
  ['decodeURIComponent', { call: (a, p) => decodeURIComponent(strArg(a, 0, p)) }],
  ['DateTime', {
    members: fns(DATETIME_STATICS, Object.fromEntries(DATETIME_PRESETS.map((k) => [k, Object.freeze({ ...DateTime[k] })]))),
  }],
  ['Duration', { members: fns(DURATION_STATICS) }],
]);

// Defense in depth: no table may expose a key that leads to the machinery behind it.
for (const def of GLOBALS.values()) for (const k of def.members?.keys() ?? []) if (FORBIDDEN_KEYS.has(k)) throw new Error(`forbidden global member ${k}`);
