import { DateTime, Duration } from 'luxon';
import { describe } from './access';
import { DATETIME_METHODS, DURATION_METHODS } from './dates';
import { isHostFunction, isHostObject } from './host';
import { charge, chargeRead, ExprError, fail, MAX_ELEMENTS, produced, runtimeError, tooMany } from './limits';
import { ARRAY_METHODS } from './methods-array';
import { NUMBER_METHODS, OBJECT_METHODS } from './methods-misc';
import { BOOLEAN_METHODS, STRING_METHODS } from './methods-string';
import { JunctionError } from '../sdk/errors';
import { Callback, SHORT, type Method } from './types';

// Method calls, dispatched on the receiver's type. Only methods in these tables, and function
// members of host objects, can ever be called.

/** The implementations of one method name per receiver type, looked up once per call site. */
export interface MethodSet {
  readonly name: string;
  readonly str?: Method; readonly num?: Method; readonly bool?: Method; readonly arr?: Method;
  readonly date?: Method; readonly dur?: Method; readonly obj?: Method;
  /** Whether any typed receiver has this method (a read without a call is then likely a mistake). */
  readonly any: boolean;
}

const sets = new Map<string, MethodSet>();

export function methodSet(name: string): MethodSet {
  let set = sets.get(name);
  if (!set) {
    const s = {
      name, str: STRING_METHODS.get(name), num: NUMBER_METHODS.get(name), bool: BOOLEAN_METHODS.get(name),
      arr: ARRAY_METHODS.get(name), date: DATETIME_METHODS.get(name), dur: DURATION_METHODS.get(name), obj: OBJECT_METHODS.get(name),
    };
    set = { ...s, any: Boolean(s.str || s.num || s.bool || s.arr || s.date || s.dur || s.obj) };
    if (sets.size < 10_000) sets.set(name, set);
  }
  return set;
}

/** Calls `recv.name(...args)`; returns SHORT for a missing method when the call is optional. */
export function callMethod(recv: unknown, set: MethodSet, args: readonly unknown[], pos: number, optional: boolean): unknown {
  let m: Method | undefined;
  switch (typeof recv) {
    case 'string': m = set.str; if (m) chargeRead(recv.length); break;
    case 'number': m = set.num; break;
    case 'boolean': m = set.bool; break;
    case 'object':
      if (recv === null) return cannotCall(set.name, recv, pos);
      if (Array.isArray(recv)) m = set.arr;
      else if (isHostObject(recv)) return callHostMember(recv, set.name, args, pos, optional);
      else if (recv instanceof DateTime) m = set.date;
      else if (recv instanceof Duration) m = set.dur;
      else m = set.obj;
      break;
    case 'function':
      if (isHostFunction(recv)) return callHostMember(recv, set.name, args, pos, optional);
      return fail('expr.forbidden', 'Functions have no callable members', pos);
    case 'undefined': return cannotCall(set.name, recv, pos);
    default: break;
  }
  if (m === undefined) return optional ? SHORT : noMethod(recv, set, pos);
  charge(1);
  let out: unknown;
  try {
    out = m(recv, args, pos);
  } catch (e) {
    throw wrap(e, `.${set.name}()`, pos);
  }
  return checkProduced(out, recv);
}

/**
 * The size check after every call: text over the cap is an error and new text is paid for by
 * its size; lists are capped. Methods whose output size is known check before allocating too.
 */
export function checkProduced(out: unknown, from?: unknown): unknown {
  if (typeof out === 'string') { if (out.length > 4096 && out !== from) produced(out); }
  else if (Array.isArray(out) && out.length > MAX_ELEMENTS) tooMany(out.length);
  return out;
}

const cannotCall = (name: string, v: unknown, pos: number): never =>
  runtimeError(`Cannot call .${name}() of ${v === null ? 'null' : 'undefined'}`, pos);

const KINDS: [keyof MethodSet, string][] = [['str', 'text'], ['num', 'numbers'], ['bool', 'booleans'], ['arr', 'lists'], ['date', 'dates'], ['dur', 'durations'], ['obj', 'objects']];

function noMethod(recv: unknown, set: MethodSet, pos: number): never {
  const where = KINDS.filter(([k]) => set[k]).map(([, label]) => label);
  const hint = where.length ? `.${set.name}() works on ${where.join(', ')}` : undefined;
  return fail('expr.runtime', `.${set.name}() isn't available on ${describe(recv)}`, pos, hint);
}

/** Host members are trusted code: called with the host object as `this`, never with arrows. */
function callHostMember(recv: object, name: string, args: readonly unknown[], pos: number, optional: boolean): unknown {
  const fn = Object.prototype.hasOwnProperty.call(recv, name) ? Reflect.get(recv, name) : undefined;
  if (typeof fn !== 'function') {
    if (optional && (fn === undefined || fn === null)) return SHORT;
    return runtimeError(fn === undefined ? `.${name}() isn't available here` : `'${name}' is not a function`, pos);
  }
  return callTrusted(fn, recv, args, pos, name);
}

/** Calls a host function (`$('Node')`); anything else is not callable. */
export function callFunction(fn: unknown, args: readonly unknown[], pos: number, optional: boolean, label: string): unknown {
  if (optional && (fn === undefined || fn === null)) return SHORT;
  if (!isHostFunction(fn)) return fail('expr.forbidden', `${label} is not a function you can call`, pos);
  return callTrusted(fn, undefined, args, pos, label);
}

function callTrusted(fn: Function, self: unknown, args: readonly unknown[], pos: number, label: string): unknown {
  for (const a of args) if (a instanceof Callback) fail('expr.forbidden', `Arrow functions can't be passed to ${label}`, pos, 'Pass them to list methods like .map() or .filter()');
  charge(1);
  try {
    return Reflect.apply(fn, self, args);
  } catch (e) {
    throw wrap(e, label, pos);
  }
}

/** Errors from natives and libraries become expression errors at the call's position. */
export function wrap(e: unknown, label: string, pos: number): JunctionError {
  if (e instanceof JunctionError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new ExprError('expr.runtime', `${label} failed: ${message}`, pos);
}
