import { DateTime } from 'luxon';
import { ownKeys, ownValue, setOwn, toKey } from './access';
import { intArg, optStr, optionsArg } from './args';
import { stringify } from './coerce';
import { chargeElements, runtimeError } from './limits';
import type { Method } from './types';

// Number methods and the few extension methods on plain data objects.

const digits = (args: readonly unknown[], i: number, pos: number, max: number): number => {
  const n = intArg(args, i, pos);
  return n < 0 || n > max ? runtimeError(`Expected a number of digits from 0 to ${max}, got ${n}`, pos) : n;
};

/** Rounds at `n` decimals by shifting the exponent in text, so 1.005.round(2) is 1.01, not 1. */
function roundTo(x: number, n: number, how: (v: number) => number): number {
  return !Number.isFinite(x) || n === 0 ? how(x) : shift(how(shift(x, n)), -n);
}

const shift = (x: number, n: number): number => {
  const [m, e] = String(x).split('e');
  return Number(`${m}e${(Number(e) || 0) + n}`);
};

function format(x: number, args: readonly unknown[], pos: number): string {
  return new Intl.NumberFormat(optStr(args, 0, pos) ?? 'en-US', optionsArg(args[1], pos) as Intl.NumberFormatOptions).format(x);
}

const numberMethods: Record<string, Method> = {
  toFixed: (x: number, a, p) => x.toFixed(digits(a, 0, p, 100)),
  toPrecision: (x: number, a, p) => (a[0] === undefined ? String(x) : x.toPrecision(intArg(a, 0, p))),
  toExponential: (x: number, a, p) => x.toExponential(a[0] === undefined ? undefined : digits(a, 0, p, 100)),
  toString: (x: number, a: readonly unknown[], p: number) => x.toString(a[0] === undefined ? 10 : intArg(a, 0, p)),
  toLocaleString: (x: number, a: readonly unknown[], p: number) => format(x, a, p),
  // n8n-style extensions
  round: (x: number, a, p) => roundTo(x, digits(a, 0, p, 15), Math.round),
  floor: (x: number, a, p) => roundTo(x, digits(a, 0, p, 15), Math.floor),
  ceil: (x: number, a, p) => roundTo(x, digits(a, 0, p, 15), Math.ceil),
  abs: (x: number) => Math.abs(x),
  format: (x: number, a, p) => format(x, a, p),
  isEven: (x: number) => x % 2 === 0,
  isOdd: (x: number) => Math.abs(x % 2) === 1,
  isInteger: (x: number) => Number.isInteger(x),
  toBoolean: (x: number) => x !== 0 && !Number.isNaN(x),
  toDateTime: (x: number, a, p) => {
    const unit = optStr(a, 0, p) ?? 'ms';
    if (unit === 's' || unit === 'seconds') return DateTime.fromSeconds(x);
    if (unit === 'ms' || unit === 'milliseconds') return DateTime.fromMillis(x);
    return runtimeError(`.toDateTime() takes 'ms' or 's', not '${unit}'`, p);
  },
};

export const NUMBER_METHODS: ReadonlyMap<string, Method> = new Map(Object.entries(numberMethods));

// Plain data objects have no methods in JavaScript terms here; these are extensions only.
const objectMethods: Record<string, Method> = {
  isEmpty: (o: object) => ownKeys(o).length === 0,
  isNotEmpty: (o: object) => ownKeys(o).length > 0,
  keys: (o: object) => { const k = ownKeys(o); chargeElements(k.length); return k; },
  values: (o: object, _a, p) => { const k = ownKeys(o); chargeElements(k.length); return k.map((key) => ownValue(o, key, p)); },
  hasField: (o: object, a, p) => Object.prototype.hasOwnProperty.call(o, toKey(a[0], p)),
  compact: (o: object, _a, p) => {
    const out: Record<string, unknown> = {};
    const keys = ownKeys(o);
    chargeElements(keys.length);
    for (const k of keys) {
      const v = ownValue(o, k, p);
      if (v !== null && v !== undefined && v !== '') setOwn(out, k, v);
    }
    return out;
  },
  toJsonString: (o: object, _a, p) => stringify(o, '', p),
};

export const OBJECT_METHODS: ReadonlyMap<string, Method> = new Map(Object.entries(objectMethods));
