import { DateTime } from 'luxon';
import { compilePattern, p, toNumber, type Infer } from '../../../engine/sdk';

/**
 * Why one field of one item failed (a transform or a check). Thrown, not returned, so the
 * hot loop pays nothing when values are fine; not an Error, so no stack is captured.
 */
export class Rejection {
  constructor(readonly rule: string, readonly message: string) {}
}

export const validationSchema = p.object({
  required: p.boolean().default(false).literal()
    .describe('Items where this field ends up missing, null or blank leave through "error".'),
  type: p.select(['string', 'number', 'boolean', 'email', 'date']).literal()
    .describe('The kind of value expected. Text such as "42" or "true" is converted to a number or true/false.'),
  pattern: p.string().literal().placeholder('^[A-Z]{2}[0-9]{6}$')
    .describe('A regular expression the value must match; start with ^ and end with $ to match the whole value.'),
  min: p.number().literal().describe('Smallest allowed number, or fewest characters for text.'),
  max: p.number().literal().describe('Largest allowed number, or most characters for text.'),
}).describe('Checked after the transforms. An item that fails leaves through "error" with the reason.');

export type Validation = Exclude<Infer<typeof validationSchema>, undefined>;
export type Check = Validation & { regex: ((text: string) => boolean) | undefined };

const BLANK = /^\s*$/;
// Pragmatic, linear-time: one @, no spaces, a dot in the domain. RFC 5322 in full rejects nothing useful.
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** Missing, null, or text of spaces only. */
export const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && (v.length === 0 || BLANK.test(v)));

/** A value as a person reads it in an error message, cut to a sensible length. */
export function show(v: unknown): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** Text of a scalar or date; objects as JSON. */
export function toText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (DateTime.isDateTime(v)) return v.toISO() ?? '';
  if (v instanceof Date) return v.toISOString();
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}


/** Null when there is nothing to check, so the hot loop skips the call. Patterns must be valid. */
export function compileCheck(v: Validation | undefined): Check | null {
  if (!v || (!v.required && v.type === undefined && !v.pattern && v.min === undefined && v.max === undefined)) return null;
  return { required: v.required, type: v.type, pattern: v.pattern, min: v.min, max: v.max, regex: v.pattern ? compilePattern(v.pattern) : undefined };
}

function isDate(v: unknown): boolean {
  if (DateTime.isDateTime(v)) return v.isValid;
  if (v instanceof Date) return !Number.isNaN(v.getTime());
  if (typeof v !== 'string') return false;
  return DateTime.fromISO(v).isValid || DateTime.fromSQL(v).isValid || DateTime.fromRFC2822(v).isValid;
}

const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);

function checkType(type: NonNullable<Validation['type']>, v: unknown): unknown {
  switch (type) {
    case 'string':
      if (typeof v === 'string') return v;
      if (typeof v === 'number' || typeof v === 'boolean') return String(v);
      throw new Rejection('type', `${show(v)} is not text`);
    case 'number': {
      const n = toNumber(v);
      if (n === undefined) throw new Rejection('type', `${show(v)} is not a number`);
      return n;
    }
    case 'boolean': {
      if (typeof v === 'boolean') return v;
      const s = typeof v === 'string' ? v.trim().toLowerCase() : typeof v === 'number' ? String(v) : '';
      if (TRUE.has(s)) return true;
      if (FALSE.has(s)) return false;
      throw new Rejection('type', `${show(v)} is not true or false`);
    }
    case 'email':
      if (typeof v === 'string' && EMAIL.test(v)) return v;
      throw new Rejection('type', `${show(v)} is not an e-mail address`);
    case 'date':
      if (isDate(v)) return v;
      throw new Rejection('type', `${show(v)} is not a date`);
  }
}

/** Checks one value; returns it (converted by `type`) or throws a Rejection. */
export function checkValue(c: Check, v: unknown): unknown {
  if (isBlank(v)) {
    if (c.required) throw new Rejection('required', 'is required, but the value is empty');
    return v;
  }
  if (c.type !== undefined) v = checkType(c.type, v);
  if (c.regex !== undefined && !c.regex(toText(v))) throw new Rejection('pattern', `${show(v)} does not match ${c.pattern}`);
  if (c.min === undefined && c.max === undefined) return v;
  const isNum = typeof v === 'number';
  const size = typeof v === 'number' ? v : typeof v === 'string' || Array.isArray(v) ? v.length : undefined;
  if (size === undefined) return v;
  const unit = isNum ? '' : typeof v === 'string' ? ' characters' : ' entries';
  if (c.min !== undefined && size < c.min) throw new Rejection('min', isNum ? `${v} is less than ${c.min}` : `${show(v)} has fewer than ${c.min}${unit}`);
  if (c.max !== undefined && size > c.max) throw new Rejection('max', isNum ? `${v} is more than ${c.max}` : `${show(v)} has more than ${c.max}${unit}`);
  return v;
}
