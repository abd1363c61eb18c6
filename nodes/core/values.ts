/**
 * Type-aware value helpers shared by the core nodes (conditions, sort, aggregate, merge,
 * split out). Not a node: no default export.
 *
 * Data from CSV files, forms and APIs mixes types freely ("42" next to 42, ISO dates as
 * text), so comparisons look at what a value means rather than at its JavaScript type.
 */
import { stableJson, toNumber } from '../../engine/sdk';

const hasOwn = Object.prototype.hasOwnProperty;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

export type Json = Record<string, unknown>;

/** Epoch milliseconds of a Date, a luxon DateTime (`$now`) or an ISO 8601 string; undefined otherwise. */
export function toTime(v: unknown): number | undefined {
  if (typeof v === 'string') {
    if (v.length < 10 || !ISO_DATE.test(v)) return undefined;
    // Date.parse rolls 2024-02-30 over to March 1st; a day the month lacks is not a date.
    const month = Number(v.slice(5, 7));
    const day = Number(v.slice(8, 10));
    if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(Number(v.slice(0, 4)), month, 0)).getUTCDate()) return undefined;
    const t = Date.parse(v);
    return Number.isNaN(t) ? undefined : t;
  }
  if (v instanceof Date) { const t = v.getTime(); return Number.isNaN(t) ? undefined : t; }
  if (v !== null && typeof v === 'object' && typeof (v as { toMillis?: unknown }).toMillis === 'function') {
    const t = (v as { toMillis(): number }).toMillis();
    return typeof t === 'number' && !Number.isNaN(t) ? t : undefined;
  }
  return undefined;
}

/** true/false from booleans, "true"/"false" (any case) and 1/0; undefined for anything else. */
export function toBoolean(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    return t === 'true' ? true : t === 'false' ? false : undefined;
  }
  if (v === 1 || v === 0) return v === 1;
  return undefined;
}

export const isMissing = (v: unknown): boolean => v === undefined || v === null;

/** Missing, empty text, an empty list or an empty object. */
export function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object' && !(v instanceof Date) && toTime(v) === undefined) {
    for (const k in v) if (hasOwn.call(v, k)) return false;
    return true;
  }
  return false;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!hasOwn.call(b, k) || !deepEqual((a as Json)[k], (b as Json)[k])) return false;
  return true;
}

/**
 * Equality as an analyst means it: 42 equals "42", true equals "true", two ISO strings or
 * dates of the same instant are equal, lists and objects compare by content. Two texts
 * compare as text ("007" is not "7"). Missing (undefined) equals null.
 */
export function looseEquals(a: unknown, b: unknown, ignoreCase = false): boolean {
  if (a === b) return true;
  if (isMissing(a) || isMissing(b)) return isMissing(a) && isMissing(b);
  const ta = typeof a;
  const tb = typeof b;
  if (ta === 'string' && tb === 'string') {
    if (ignoreCase && (a as string).toLowerCase() === (b as string).toLowerCase()) return true;
    const da = toTime(a);
    return da !== undefined && da === toTime(b);
  }
  if (ta === 'number' || tb === 'number') {
    if (ta === 'boolean' || tb === 'boolean') return toBoolean(a) === toBoolean(b);
    const na = toNumber(a);
    return na !== undefined && na === toNumber(b);
  }
  if (ta === 'boolean' || tb === 'boolean') {
    const ba = toBoolean(a);
    return ba !== undefined && ba === toBoolean(b);
  }
  const da = toTime(a);
  if (da !== undefined) return da === toTime(b);
  return deepEqual(a, b);
}

/**
 * Orders two values for gt/lt conditions: numbers (numeric text included), then dates,
 * then text, then booleans. undefined when they cannot be compared (a condition is then false).
 */
export function compareLoose(a: unknown, b: unknown, ignoreCase = false): number | undefined {
  if (isMissing(a) || isMissing(b)) return undefined;
  const na = toNumber(a);
  const nb = na === undefined ? undefined : toNumber(b);
  if (na !== undefined && nb !== undefined) return na - nb;
  const da = toTime(a);
  const db = da === undefined ? undefined : toTime(b);
  if (da !== undefined && db !== undefined) return da - db;
  if (typeof a === 'string' && typeof b === 'string') {
    const x = ignoreCase ? a.toLowerCase() : a;
    const y = ignoreCase ? b.toLowerCase() : b;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return undefined;
}

/** Rank of a value in a type-aware sort: numbers, dates, text, booleans, other; missing last. */
export const Rank = { Number: 0, Date: 1, Text: 2, Boolean: 3, Other: 4, Missing: 5 } as const;
export type Rank = (typeof Rank)[keyof typeof Rank];

export interface SortKey { rank: Rank; num: number; text: string }

/**
 * Splits a value into its sort rank and the number or text it sorts by, written into `out`
 * so hot loops reuse one object. Empty text counts as missing.
 */
export function sortKey(v: unknown, out: SortKey = { rank: Rank.Missing, num: 0, text: '' }): SortKey {
  out.num = 0;
  out.text = '';
  if (v === undefined || v === null || v === '') { out.rank = Rank.Missing; return out; }
  const n = toNumber(v);
  if (n !== undefined) { out.rank = Rank.Number; out.num = n; return out; }
  const t = toTime(v);
  if (t !== undefined) { out.rank = Rank.Date; out.num = t; return out; }
  if (typeof v === 'string') { out.rank = Rank.Text; out.text = v; return out; }
  if (typeof v === 'boolean') { out.rank = Rank.Boolean; out.num = Number(v); return out; }
  out.rank = Rank.Other;
  out.text = JSON.stringify(v) ?? '';
  return out;
}

export const collator = new Intl.Collator();

/** Orders two sort keys: by rank, then by number or (collated) text. */
export function compareSortKeys(a: SortKey, b: SortKey): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.rank === Rank.Text || a.rank === Rank.Other) return collator.compare(a.text, b.text);
  return a.num < b.num ? -1 : a.num > b.num ? 1 : 0;
}

/**
 * A string that is the same for values that should join or count as one: 7 and "7" meet,
 * "007" and "7" do not; undefined for missing values, which never match (SQL NULL).
 */
export function valueKey(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string': return `s${v}`;
    case 'number': return Number.isNaN(v) ? undefined : `s${v}`;
    case 'boolean': return `b${v}`;
    case 'undefined': return undefined;
    default: {
      if (v === null) return undefined;
      const t = toTime(v);
      return t !== undefined ? `d${t}` : `j${stableJson(v)}`;
    }
  }
}

/**
 * The same equality as `valueKey`, as a Map key that needs no string building for the common
 * case: numbers stay numbers, and text that is a number's canonical spelling becomes that
 * number ("7" → 7, "007" stays text). Objects and dates get a string no plain text can equal.
 */
export function primitiveKey(v: unknown): unknown {
  switch (typeof v) {
    case 'string': {
      const c = v.charCodeAt(0);
      if ((c >= 48 && c <= 57) || c === 45) {
        const x = Number(v);
        if (String(x) === v) return x;
      }
      return c === 0 ? `\u0000${v}` : v;
    }
    case 'number': return Number.isNaN(v) ? undefined : v;
    case 'boolean': return v;
    case 'undefined': return undefined;
    default: return v === null ? undefined : `\u0000${valueKey(v)}`;
  }
}
