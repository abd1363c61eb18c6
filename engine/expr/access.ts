import { DateTime, Duration } from 'luxon';
import { isHostFunction, isHostObject } from './host';
import { fail, runtimeError } from './limits';
import { FORBIDDEN_KEYS } from '../sdk/paths';

// Reading data: own properties only, through descriptors, so no prototype is walked, no getter
// on data runs and no function leaks out as a value.
const gopd = Object.getOwnPropertyDescriptor;
const hasOwn = Object.prototype.hasOwnProperty;
// eslint-disable-next-line no-restricted-properties -- Annex B, kept by every engine; the allocation-free getter test
const lookupGetter = (Object.prototype as unknown as { __lookupGetter__(k: PropertyKey): unknown }).__lookupGetter__;

// Keys that lead from data to the machinery behind it: never read, never written (one list for the engine).
export { FORBIDDEN_KEYS } from '../sdk/paths';

const DATETIME_PROPS: ReadonlySet<string> = new Set([
  'year', 'month', 'day', 'hour', 'minute', 'second', 'millisecond', 'weekday', 'weekdayLong',
  'weekdayShort', 'monthLong', 'monthShort', 'weekNumber', 'weekYear', 'ordinal', 'quarter',
  'zoneName', 'offset', 'offsetNameShort', 'offsetNameLong', 'isOffsetFixed', 'isInDST', 'isValid',
  'invalidReason', 'daysInMonth', 'daysInYear', 'weeksInWeekYear', 'isInLeapYear', 'locale', 'isWeekend',
]);

const DURATION_PROPS: ReadonlySet<string> = new Set([
  'years', 'quarters', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds', 'milliseconds',
  'isValid', 'invalidReason', 'locale',
]);

export type Key = string | number;

export const forbiddenKey = (key: string, pos: number): never =>
  fail('expr.forbidden', `\`${key}\` can't be read or written in expressions`, pos, 'Read the data fields you need directly, e.g. $json.name');

/** Turns a computed key into a property key, refusing forbidden names and non-primitive keys. */
export function toKey(v: unknown, pos: number): Key {
  if (typeof v === 'string') return FORBIDDEN_KEYS.has(v) ? forbiddenKey(v, pos) : v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean' || v === null || v === undefined) return String(v);
  return runtimeError(`A property name must be text or a number, not ${describe(v)}`, pos);
}

/** A short, safe description of a value for error messages (never calls into it). */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (v instanceof DateTime) return 'a date';
  switch (typeof v) {
    case 'string': return 'text';
    case 'number': return 'a number';
    case 'boolean': return 'a boolean';
    case 'function': return 'a function';
    case 'object': return 'an object';
    default: return typeof v;
  }
}

export const cannotRead = (key: Key, v: unknown, pos: number): never =>
  runtimeError(`Cannot read '${String(key)}' of ${v === null ? 'null' : 'undefined'}`, pos);

/** Reads `o[key]` as an expression may: the single entry point for member access. */
export function readMember(o: unknown, key: Key, pos: number): unknown {
  if (typeof o === 'object') {
    if (o === null) return cannotRead(key, o, pos);
    if (Array.isArray(o)) return key === 'length' ? o.length : typeof key === 'number' ? elemAt(o, key, pos) : ownValue(o, key, pos);
    if (o instanceof DateTime) return typeof key === 'string' && DATETIME_PROPS.has(key) ? (o as any)[key] : undefined;
    if (o instanceof Duration) return typeof key === 'string' && DURATION_PROPS.has(key) ? (o as any)[key] : undefined;
    return ownValue(o, key, pos);
  }
  if (typeof o === 'string') return stringMember(o, key);
  if (o === undefined) return cannotRead(key, o, pos);
  if (typeof o === 'function') {
    return isHostFunction(o) ? ownValue(o, key, pos) : fail('expr.forbidden', 'Functions have no readable members', pos);
  }
  return undefined; // numbers and booleans have no data members
}

function stringMember(s: string, key: Key): unknown {
  if (key === 'length') return s.length;
  const i = typeof key === 'number' ? key : /^(?:0|[1-9]\d{0,15})$/.test(key) ? Number(key) : -1;
  return Number.isInteger(i) && i >= 0 && i < s.length ? s[i] : undefined;
}

/** An own property's value; getters run only on host objects, functions leave only if marked. */
export function ownValue(o: object, key: Key, pos: number): unknown {
  const d = gopd(o, key);
  if (d === undefined) return undefined;
  const v = d.value;
  if (v === undefined && d.writable === undefined) {
    // An accessor: trusted on host objects ($input.item may be lazy), never run on data.
    if (isHostObject(o)) return checkHostValue(Reflect.get(o, key), key, pos);
    return fail('expr.forbidden', `'${String(key)}' is a getter; expressions read only plain data`, pos);
  }
  return typeof v === 'function' ? checkHostValue(v, key, pos) : v;
}

function checkHostValue(v: unknown, key: Key, pos: number): unknown {
  if (typeof v !== 'function' || isHostFunction(v)) return v;
  return fail('expr.forbidden', `'${String(key)}' holds a function, which expressions can only call when it is a listed method`, pos,
    `Call it, e.g. .${String(key)}()`);
}

/** Element `i` of a data array, with the same rules as `ownValue`. */
export function elemAt(arr: readonly unknown[], i: number, pos: number): unknown {
  const v = rawElem(arr, i, pos);
  return typeof v === 'function' ? fail('expr.forbidden', `Element ${i} is a function, which expressions can't use`, pos) : v;
}

/**
 * An own element without running a getter. For array elements V8's getOwnPropertyDescriptor
 * is several times slower than for named keys; hasOwnProperty plus __lookupGetter__ (which
 * stops at the own property) answers the same question without allocating.
 */
export function rawElem(arr: readonly unknown[], i: number, pos: number): unknown {
  if (!hasOwn.call(arr, i)) return undefined;
  if (lookupGetter.call(arr, i) !== undefined) return fail('expr.forbidden', `Element ${i} is a getter; expressions read only plain data`, pos);
  return arr[i]; // an own data element, or a setter-only accessor, which reads as undefined without running
}

/** Own enumerable keys of a data object, for spread, Object.keys and conversion to text. */
export const ownKeys = (o: object): string[] => Object.keys(o);

/** Defines a key on an object the expression is building; `__proto__` stays an own key. */
export function setOwn(o: Record<string, unknown>, key: string, v: unknown): void {
  if (key === '__proto__') Object.defineProperty(o, key, { value: v, enumerable: true, writable: true, configurable: true });
  else o[key] = v;
}
