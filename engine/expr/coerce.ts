import { DateTime, Duration } from 'luxon';
import { describe, elemAt, ownKeys, rawElem } from './access';
import { isHostFunction, isHostObject } from './host';
import { Callback } from './types';
import { charge, chargeText, fail, MAX_DATA_DEPTH, MAX_STRING, runtimeError, tooDeep, tooLong } from './limits';

// Conversions without user code: JavaScript would call valueOf/toString/toJSON on objects,
// and data may carry functions under those names, so objects are converted here by kind.

const isDateLike = (v: object): v is DateTime | Duration => v instanceof DateTime || v instanceof Duration;
/** A JS Date's time through the prototype, so an own `getTime` on the instance is never called. */
const dateTime = (d: Date): number => Date.prototype.getTime.call(d);

/** String(v), as JavaScript would for plain data, without ever calling into `v`. */
export function toStr(v: unknown, pos: number): string {
  switch (typeof v) {
    case 'string': return v;
    case 'number': case 'boolean': case 'undefined': case 'bigint': return String(v);
    case 'function': return fail('expr.forbidden', "A function can't be turned into text", pos);
    case 'object':
      if (v === null) return 'null';
      if (Array.isArray(v)) return joinList(v, ',', pos, 0);
      if (isDateLike(v)) return String(v.toString());
      if (v instanceof Date) return Number.isNaN(dateTime(v)) ? 'Invalid Date' : Date.prototype.toISOString.call(v);
      return '[object Object]';
    default: return fail('expr.forbidden', `Can't turn ${typeof v} into text`, pos);
  }
}

/** Array.prototype.join with safe element conversion, size cap and depth guard. */
export function joinList(arr: readonly unknown[], sep: string, pos: number, depth: number): string {
  if (depth > MAX_DATA_DEPTH) tooDeep();
  charge(arr.length);
  let out = '';
  for (let i = 0; i < arr.length; i++) {
    const x = elemAt(arr, i, pos);
    const part = x === null || x === undefined ? '' : Array.isArray(x) ? joinList(x, ',', pos, depth + 1) : toStr(x, pos);
    if (out.length + part.length + sep.length > MAX_STRING) tooLong(out.length + part.length + sep.length);
    out = i === 0 ? part : out + sep + part;
  }
  chargeText(out.length);
  return out;
}

/** Number(v) for data; dates count as their milliseconds. */
export function toNum(v: unknown, pos: number): number {
  switch (typeof v) {
    case 'number': return v;
    case 'string': case 'boolean': case 'undefined': case 'bigint': return Number(v);
    case 'object':
      if (v === null) return 0;
      if (isDateLike(v)) return v.toMillis();
      if (v instanceof Date) return dateTime(v);
      if (Array.isArray(v)) return Number(toStr(v, pos));
      return NaN;
    default: return fail('expr.forbidden', `Can't turn ${describe(v)} into a number`, pos);
  }
}

/** ToIntegerOrInfinity, for positions and counts. */
export function toInt(v: unknown, pos: number): number {
  const n = Math.trunc(toNum(v, pos));
  return Number.isNaN(n) ? 0 : n;
}

/** The primitive `<`, `>`, `==` compare: dates by time, other objects as JavaScript shows them. */
export function cmpPrim(v: unknown, pos: number): unknown {
  if (typeof v !== 'object' && typeof v !== 'function') return v;
  if (v === null) return v;
  if (typeof v === 'object' && (isDateLike(v) || v instanceof Date)) return toNum(v, pos);
  return toStr(v, pos);
}

/** The primitive `+` uses: dates become ISO text so `'At ' + $now` reads well. */
export function plusPrim(v: unknown, pos: number): unknown {
  return typeof v === 'object' || typeof v === 'function' ? (v === null ? null : toStr(v, pos)) : v;
}

/** Text for a `{{ }}` inside a longer template: null/undefined are empty, objects are JSON. */
export function templateText(v: unknown, pos: number): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v !== 'object' || isDateLike(v) || v instanceof Date) return toStr(v, pos);
  return stringify(v, '', pos) ?? '';
}

/**
 * JSON.stringify for expression data: never calls toJSON or getters, omits functions as JSON
 * does, refuses host objects, and stops at the size cap (which also ends shared-structure blowups).
 */
export function stringify(v: unknown, indent: string, pos: number): string | undefined {
  let out = '';
  const put = (s: string) => {
    if (out.length + s.length > MAX_STRING) tooLong(out.length + s.length);
    out += s;
  };
  const path = new Set<object>();
  const write = (x: unknown, depth: number): boolean => {
    switch (typeof x) {
      case 'string': put(JSON.stringify(x)); return true;
      case 'number': put(Number.isFinite(x) ? String(x) : 'null'); return true;
      case 'boolean': put(String(x)); return true;
      case 'bigint': return runtimeError("A BigInt can't be written as JSON", pos);
      case 'object': break;
      case 'function': if (isHostFunction(x)) hostData(pos); return false;
      default: return false;
    }
    if (x === null) { put('null'); return true; }
    if (isDateLike(x)) { put(JSON.stringify(x.toISO())); return true; }
    if (x instanceof Date) { put(Number.isNaN(dateTime(x)) ? 'null' : JSON.stringify(Date.prototype.toISOString.call(x))); return true; }
    if (isHostObject(x) || x instanceof Callback) hostData(pos);
    if (depth > MAX_DATA_DEPTH) tooDeep();
    if (path.has(x)) runtimeError('Data refers to itself, so it cannot be written as JSON', pos);
    // Shared structure can be written out many times over; each object costs 4 steps, about
    // what writing one takes next to a callback call.
    charge(4);
    path.add(x);
    const isList = Array.isArray(x);
    const nl = indent ? '\n' + indent.repeat(depth + 1) : '';
    let empty = true;
    put(isList ? '[' : '{');
    if (isList) {
      for (let i = 0; i < x.length; i++) {
        put(i ? ',' + nl : nl);
        if (!write(rawValue(x, i, pos), depth + 1)) put('null');
        empty = false;
      }
    } else {
      for (const k of ownKeys(x)) {
        const val = rawValue(x, k, pos);
        if (val === undefined || typeof val === 'function') continue;
        put((empty ? '' : ',') + nl + JSON.stringify(k) + (indent ? ': ' : ':'));
        empty = false;
        write(val, depth + 1);
      }
    }
    if (indent && !empty) put('\n' + indent.repeat(depth));
    put(isList ? ']' : '}');
    path.delete(x);
    return true;
  };
  if (!write(v, 0)) return undefined;
  chargeText(out.length);
  return out;
}

const hostData = (pos: number): never =>
  fail('expr.forbidden', "Built-in objects like $input (and arrow functions) can't be used as data; read their fields, e.g. $input.item.json", pos);

/** An own property as stored, refusing accessors; functions are returned for the caller to judge. */
function rawValue(o: object, k: string | number, pos: number): unknown {
  if (typeof k === 'number') return rawElem(o as unknown[], k, pos);
  const d = Object.getOwnPropertyDescriptor(o, k);
  if (d === undefined) return undefined;
  if (d.value === undefined && d.writable === undefined) return fail('expr.forbidden', `'${String(k)}' is a getter; expressions read only plain data`, pos);
  return d.value;
}

/**
 * What an expression returns must be plain data: no functions (toJSON included), host objects
 * or getters anywhere inside. Each object is visited once, so shared structure stays linear.
 */
export function checkResult(v: unknown, pos: number): unknown {
  if (typeof v !== 'object' && typeof v !== 'function') return v;
  if (v === null) return v;
  walkResult(v, pos, undefined, 0);
  return v;
}

/** `seen` is created at the first nested object, so flat results allocate nothing. */
function walkResult(v: object, pos: number, seen: Set<object> | undefined, depth: number): Set<object> | undefined {
  if (typeof v === 'function') {
    fail('expr.forbidden', 'The expression returned a function; expressions must return data', pos);
  }
  if (isHostObject(v) || v instanceof Callback) hostData(pos);
  if (seen?.has(v) || isDateLike(v) || v instanceof Date || ArrayBuffer.isView(v) || v instanceof Map || v instanceof Set) return seen;
  if (depth > MAX_DATA_DEPTH) tooDeep();
  seen?.add(v);
  const keys = Array.isArray(v) ? null : ownKeys(v);
  const n = keys ? keys.length : (v as unknown[]).length;
  for (let i = 0; i < n; i++) {
    const x = keys ? rawValue(v, keys[i], pos) : rawValue(v, i, pos);
    if (typeof x === 'function') {
      const name = keys ? keys[i] : String(i);
      fail('expr.forbidden', `The result holds a function at '${name}'; expressions must return plain data`, pos);
    }
    if (typeof x === 'object' && x !== null) seen = walkResult(x, pos, seen ?? new Set([v]), depth + 1);
  }
  return seen;
}
