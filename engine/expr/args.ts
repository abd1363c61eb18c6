import { DateTime, Duration } from 'luxon';
import { describe, elemAt, FORBIDDEN_KEYS, ownKeys, ownValue, setOwn } from './access';
import { toInt, toNum, toStr } from './coerce';
import { isHostObject } from './host';
import { chargeElements, fail, runtimeError } from './limits';
import { Callback } from './types';

// Argument checks for listed methods. Natives coerce arguments by calling valueOf/toString,
// so every argument reaches them as a primitive (or a sanitized copy) converted here.

export const strArg = (args: readonly unknown[], i: number, pos: number): string => toStr(args[i], pos);

export const optStr = (args: readonly unknown[], i: number, pos: number): string | undefined =>
  args[i] === undefined ? undefined : toStr(args[i], pos);

export const numArg = (args: readonly unknown[], i: number, pos: number, fallback = NaN): number =>
  args[i] === undefined ? fallback : toNum(args[i], pos);

export const intArg = (args: readonly unknown[], i: number, pos: number, fallback = 0): number =>
  args[i] === undefined ? fallback : toInt(args[i], pos);

export function callbackArg(args: readonly unknown[], i: number, method: string, pos: number): Callback {
  const cb = args[i];
  if (cb instanceof Callback) return cb;
  return runtimeError(`.${method}() needs an arrow function, e.g. .${method}(x => …), not ${describe(cb)}`, pos);
}

/** A copy of a data array with every element checked; the natives then only ever see the copy. */
export function list(arr: readonly unknown[], pos: number): unknown[] {
  chargeElements(arr.length);
  const out = new Array<unknown>(arr.length);
  for (let i = 0; i < arr.length; i++) out[i] = elemAt(arr, i, pos);
  return out;
}

export function listArg(args: readonly unknown[], i: number, method: string, pos: number): readonly unknown[] {
  const v = args[i];
  return Array.isArray(v) ? v : runtimeError(`.${method}() needs a list, not ${describe(v)}`, pos);
}

/** True for objects that came from data (not arrays, dates or host objects). */
export const isPlainData = (v: unknown): v is object =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof DateTime) && !(v instanceof Duration) && !isHostObject(v) && !(v instanceof Callback);

/**
 * An options object for luxon or Intl, rebuilt from own data properties with primitive values
 * (or dates), so the library reads no getters and coerces no objects.
 */
export function optionsArg(v: unknown, pos: number): Record<string, unknown> | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isPlainData(v)) return runtimeError(`Options must be an object like { zone: 'UTC' }, not ${describe(v)}`, pos);
  const out: Record<string, unknown> = {};
  const keys = ownKeys(v);
  chargeElements(keys.length);
  for (const k of keys) {
    if (FORBIDDEN_KEYS.has(k)) fail('expr.forbidden', `\`${k}\` can't be used as an option`, pos);
    const x = ownValue(v, k, pos);
    const ok = x === null || typeof x !== 'object' || x instanceof DateTime || x instanceof Duration || isStringList(x);
    if (!ok) runtimeError(`Option '${k}' must be text, a number, a boolean or a date`, pos);
    if (typeof x === 'string' && x.length > 1000) runtimeError(`Option '${k}' is longer than 1000 characters`, pos);
    setOwn(out, k, Array.isArray(x) ? list(x, pos) : x);
  }
  return out;
}

const isStringList = (x: unknown): boolean => Array.isArray(x) && x.length <= 16 && x.every((s) => typeof s === 'string');
