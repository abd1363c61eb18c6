import { DateTime } from 'luxon';
import { intArg, numArg, optStr, optionsArg, strArg } from './args';
import { fromFormat } from './dates';
import { base64Of, checkGrowth, normalizeText, recase, uriEncode } from './growth';
import { chargeElements, fits, MAX_ELEMENTS, MAX_STRING, runtimeError, tooMany } from './limits';
import { toNumber } from '../sdk/json-values';
import type { Method } from './types';

// String methods. Natives are called only with primitive arguments; RegExp patterns cannot
// exist (no regex literals, no RegExp), so split/replace/includes take text only and never
// reach a Symbol.split/replace hook. `callMethod` pays for and caps every string produced;
// methods here check sizes before allocating wherever the size can be known.


/** Literal replacement: `$&`-style patterns are not expanded, so output size is predictable. */
function replaceText(s: string, find: string, by: string, all: boolean): string {
  if (!all) {
    const i = s.indexOf(find);
    if (i < 0) return s;
    fits(s.length + by.length - find.length);
    return s.slice(0, i) + by + s.slice(i + find.length);
  }
  let count = 0;
  if (find === '') count = s.length + 1;
  else for (let i = s.indexOf(find); i >= 0; i = s.indexOf(find, i + find.length)) count++;
  if (count === 0) return s;
  fits(s.length + count * (by.length - find.length));
  if (find !== '') return s.split(find).join(by);
  return by + Array.from(s).join(by) + by;
}

function pad(s: string, args: readonly unknown[], pos: number, end: boolean): string {
  const n = intArg(args, 0, pos);
  const fill = args[1] === undefined ? ' ' : strArg(args, 1, pos);
  fits(n);
  return end ? s.padEnd(n, fill) : s.padStart(n, fill);
}

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/; // linear: no overlapping classes around the dots
const isEmail = (s: string): boolean => s.length <= 320 && EMAIL.test(s);

function parseUrl(s: string): URL | undefined {
  if (s.length > 4096) return undefined;
  try {
    return new URL(s);
  } catch {
    return undefined;
  }
}

/** The domain of an e-mail address or URL (`bob@acme.io` → `acme.io`, `https://www.a.com/x` → `www.a.com`). */
function extractDomain(s: string): string | undefined {
  const t = s.trim();
  if (isEmail(t)) return t.slice(t.lastIndexOf('@') + 1).toLowerCase();
  const url = parseUrl(t) ?? (/^[\w-]+(\.[\w-]+)+([/:?#]|$)/.test(t) ? parseUrl('http://' + t) : undefined);
  return url?.hostname || undefined;
}

const EMAIL_CHAR = /[^\s@<>(),;:"'\[\]]/;

/** The first e-mail address in a text, found around each '@' so the scan stays linear. */
function extractEmail(s: string): string | undefined {
  for (let at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
    let a = at;
    let b = at + 1;
    while (a > 0 && EMAIL_CHAR.test(s[a - 1])) a--;
    while (b < s.length && EMAIL_CHAR.test(s[b])) b++;
    while (b > a && s[b - 1] === '.') b--;
    if (b - a <= 320 && isEmail(s.slice(a, b))) return s.slice(a, b);
  }
  return undefined;
}

const words = (s: string): string[] => s.replace(/([a-z\d])([A-Z])/g, '$1 $2').split(/[\s_\-]+/).filter(Boolean);

// Thousands separators ("1,234.5") are dropped; what counts as a number is the SDK's one rule.
function textToNumber(s: string, pos: number): number {
  return toNumber(s.replace(/[,_](?=\d{3}\b)/g, '')) ?? runtimeError(`'${s.slice(0, 40)}' is not a number`, pos);
}

function base64Decode(s: string, pos: number): string {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(s.replace(/\s+/g, ''))) runtimeError('Text is not base64', pos);
  return Buffer.from(s, 'base64').toString('utf8');
}

/** Case mappings grow at most 3×, so shorter text needs no measuring (the common, fast case). */
const SAFE_RECASE = Math.floor(MAX_STRING / 3);
const upper = (s: string) => s.toUpperCase();
const lower = (s: string) => s.toLowerCase();
const locale = (a: readonly unknown[], p: number): string | undefined => {
  const l = optStr(a, 0, p);
  return l !== undefined && l.length > 100 ? runtimeError('Locale name longer than 100 characters', p) : l;
};

/** n8n-style case changes: a case mapping plus a separator per word, so at most 6 per character. */
const caseChange = (f: (s: string) => string) => (s: string): string => { checkGrowth(s, 6, f); return f(s); };

const stringMethods: Record<string, Method> = {
  toUpperCase: (s) => (s.length <= SAFE_RECASE ? s.toUpperCase() : recase(s, upper)),
  toLowerCase: (s) => (s.length <= SAFE_RECASE ? s.toLowerCase() : recase(s, lower)),
  toLocaleUpperCase: (s, a, p) => { const l = locale(a, p); return recase(s, (t) => t.toLocaleUpperCase(l)); },
  toLocaleLowerCase: (s, a, p) => { const l = locale(a, p); return recase(s, (t) => t.toLocaleLowerCase(l)); },
  trim: (s) => s.trim(),
  trimStart: (s) => s.trimStart(),
  trimEnd: (s) => s.trimEnd(),
  split: (s, a, p) => {
    const limit = Math.min(a[1] === undefined ? MAX_ELEMENTS + 1 : intArg(a, 1, p), MAX_ELEMENTS + 1);
    const parts = a[0] === undefined ? [s] : s.split(strArg(a, 0, p), Math.max(limit, 0));
    if (parts.length > MAX_ELEMENTS) tooMany(parts.length);
    chargeElements(parts.length);
    return parts;
  },
  slice: (s, a, p) => s.slice(intArg(a, 0, p), a[1] === undefined ? undefined : intArg(a, 1, p)),
  substring: (s, a, p) => s.substring(intArg(a, 0, p), a[1] === undefined ? undefined : intArg(a, 1, p)),
  substr: (s, a, p) => s.substr(intArg(a, 0, p), a[1] === undefined ? undefined : intArg(a, 1, p)),
  charAt: (s, a, p) => s.charAt(intArg(a, 0, p)),
  charCodeAt: (s, a, p) => s.charCodeAt(intArg(a, 0, p)),
  codePointAt: (s, a, p) => s.codePointAt(intArg(a, 0, p)),
  at: (s, a, p) => s.at(intArg(a, 0, p)),
  replace: (s, a, p) => replaceText(s, strArg(a, 0, p), strArg(a, 1, p), false),
  replaceAll: (s, a, p) => replaceText(s, strArg(a, 0, p), strArg(a, 1, p), true),
  includes: (s, a, p) => s.includes(strArg(a, 0, p), intArg(a, 1, p)),
  startsWith: (s, a, p) => s.startsWith(strArg(a, 0, p), intArg(a, 1, p)),
  endsWith: (s, a, p) => s.endsWith(strArg(a, 0, p), a[1] === undefined ? s.length : intArg(a, 1, p)),
  indexOf: (s, a, p) => s.indexOf(strArg(a, 0, p), intArg(a, 1, p)),
  lastIndexOf: (s, a, p) => s.lastIndexOf(strArg(a, 0, p), numArg(a, 1, p, Infinity)),
  padStart: (s, a, p) => pad(s, a, p, false),
  padEnd: (s, a, p) => pad(s, a, p, true),
  repeat: (s, a, p) => {
    const n = intArg(a, 0, p);
    if (n < 0 || n === Infinity) runtimeError(`Invalid count for .repeat(): ${n}`, p);
    fits(s.length * n);
    return s.repeat(n);
  },
  concat: (s, a, p) => {
    let out = s;
    for (let i = 0; i < a.length; i++) {
      const t = strArg(a, i, p);
      fits(out.length + t.length);
      out += t;
    }
    return out;
  },
  localeCompare: (s, a, p) => s.localeCompare(strArg(a, 0, p), optStr(a, 1, p), optionsArg(a[2], p) as Intl.CollatorOptions),
  normalize: (s, a, p) => normalizeText(s, optStr(a, 0, p)),
  toString: (s: string) => s,
  // n8n-style extensions
  isEmpty: (s) => s.length === 0,
  isNotEmpty: (s) => s.length > 0,
  isBlank: (s) => s.trim().length === 0,
  isEmail: (s) => isEmail(s.trim()),
  isUrl: (s) => { const u = parseUrl(s.trim()); return u !== undefined && /^https?:$|^ftp:$/.test(u.protocol); },
  isNumeric: (s) => s.trim() !== '' && !Number.isNaN(Number(s.trim())),
  extractDomain: (s) => extractDomain(s),
  extractEmail: (s) => extractEmail(s),
  toTitleCase: caseChange((s) => lower(s).replace(/(^|[\s\-_/(])(\p{L})/gu, (_m: string, sep: string, c: string) => sep + c.toUpperCase())),
  toSentenceCase: caseChange((s) => { const t = s.toLowerCase(); return t.charAt(0).toUpperCase() + t.slice(1); }),
  toSnakeCase: caseChange((s) => words(s).join('_').toLowerCase()),
  toKebabCase: caseChange((s) => words(s).join('-').toLowerCase()),
  toCamelCase: caseChange((s) => words(s).map((w, i) => (i ? w.charAt(0).toUpperCase() + w.slice(1).toLowerCase() : w.toLowerCase())).join('')),
  toNumber: (s, _a, p) => textToNumber(s, p),
  toInt: (s, _a, p) => Math.trunc(textToNumber(s, p)),
  toBoolean: (s) => !['', '0', 'false', 'no', 'n', 'off'].includes(s.trim().toLowerCase()),
  toDateTime: (s, a, p) => {
    if (s.length > 1000) runtimeError('Text is too long to be a date', p);
    const fmt = optStr(a, 0, p);
    return fmt === undefined ? DateTime.fromISO(s) : fromFormat(s, fmt, undefined, p);
  },
  urlEncode: (s) => uriEncode(s),
  urlDecode: (s) => decodeURIComponent(s),
  base64Encode: (s) => base64Of(s),
  base64Decode: (s, _a, p) => base64Decode(s, p),
};

export const STRING_METHODS: ReadonlyMap<string, Method> = new Map(Object.entries(stringMethods));

/** Boolean methods are few: conversions only. */
export const BOOLEAN_METHODS: ReadonlyMap<string, Method> = new Map<string, Method>([
  ['toString', (b) => String(b)],
  ['toNumber', (b) => (b ? 1 : 0)],
]);
