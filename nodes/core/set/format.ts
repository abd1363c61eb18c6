import { DateTime, Info } from 'luxon';
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from './phone';
import { formatProblem, parseWithFormat } from '../../../engine/sdk';
import type { Transform } from './transforms';
import { toNumber } from '../../../engine/sdk';
import { isBlank, Rejection, show } from './validation';

type Of<K extends Transform['kind']> = Extract<Transform, { kind: K }>;

/**
 * What one transform keeps across items. Static settings arrive as the same object for
 * every item, so one identity check skips the rest; settings from expressions are compared
 * by key, so a new Intl formatter is built only when they actually change.
 */
export interface Memo { cfg: unknown; key: unknown; value: unknown }

function cached<C, V>(memo: Memo, c: C, keyOf: (c: C) => unknown, make: (c: C) => V | Rejection): V {
  if (memo.cfg !== c) {
    memo.cfg = c;
    const key = keyOf(c);
    if (key !== memo.key) { memo.key = key; memo.value = make(c); }
  }
  if (memo.value instanceof Rejection) throw memo.value;
  return memo.value as V;
}

export function isLocale(tag: string): boolean {
  try { return Intl.NumberFormat.supportedLocalesOf(tag).length > 0; } catch { return false; }
}

type DateOpts = { zone: string; locale: string };
const dateKey = (c: Of<'formatDate'>) => `${c.zone}\u0000${c.locale}`;
function dateOpts(c: Of<'formatDate'>): DateOpts | Rejection {
  if (!Info.normalizeZone(c.zone)?.isValid) return new Rejection('formatDate', `"${c.zone}" is not a time zone (try Europe/Berlin or UTC)`);
  if (!isLocale(c.locale)) return new Rejection('formatDate', `"${c.locale}" is not a known locale`);
  return { zone: c.zone, locale: c.locale };
}

export function formatDate(v: unknown, c: Of<'formatDate'>, memo: Memo): unknown {
  if (isBlank(v)) return v;
  const opts = cached(memo, c, dateKey, dateOpts);
  const from = c.from || undefined;
  let dt: DateTime;
  if (DateTime.isDateTime(v)) dt = v.setZone(opts.zone).setLocale(opts.locale);
  else if (v instanceof Date) dt = DateTime.fromJSDate(v, opts);
  else if (from === 'millis' || from === 'seconds' || (from === undefined && typeof v === 'number')) {
    const n = toNumber(v);
    if (n === undefined) throw new Rejection('formatDate', `${show(v)} is not a number of ${from ?? 'millis'}`);
    dt = from === 'seconds' ? DateTime.fromSeconds(n, opts) : DateTime.fromMillis(n, opts);
  } else if (typeof v !== 'string') throw new Rejection('formatDate', `${show(v)} is not a date`);
  else if (from === 'iso') dt = DateTime.fromISO(v, opts);
  else if (from !== undefined) dt = readWithFormat(v, from, opts);
  else {
    dt = DateTime.fromISO(v, opts);
    if (!dt.isValid) dt = DateTime.fromSQL(v, opts);
  }
  if (!dt.isValid) throw new Rejection('formatDate', `${show(v)} is not a date${from && from !== 'iso' ? ` in the format ${from}` : ''}`);
  const to = c.to;
  if (to === 'iso') return dt.toISO();
  if (to === 'millis') return dt.toMillis();
  if (to === 'seconds') return Math.floor(dt.toSeconds());
  const problem = formatProblem(to);
  if (problem) throw new Rejection('formatDate', problem);
  return dt.toFormat(to);
}

/** Formats and texts from flow files are bounded (see engine/sdk date-formats) before luxon sees them. */
function readWithFormat(v: string, from: string, opts: DateOpts): DateTime {
  try {
    return parseWithFormat(v, from, opts);
  } catch (e) {
    throw new Rejection('formatDate', (e as Error).message);
  }
}

const numberKey = (c: Of<'formatNumber'>) => `${c.locale}\u0000${c.style}\u0000${c.currency}\u0000${c.decimals}`;
function numberFormat(c: Of<'formatNumber'>): Intl.NumberFormat | Rejection {
  try {
    return new Intl.NumberFormat(c.locale, {
      style: c.style, currency: c.style === 'currency' ? c.currency : undefined,
      minimumFractionDigits: c.decimals, maximumFractionDigits: c.decimals,
    });
  } catch (e) {
    const what = c.style === 'currency' ? `locale "${c.locale}" and currency "${c.currency}"` : `locale "${c.locale}"`;
    return new Rejection('formatNumber', `cannot format numbers for ${what}: ${(e as Error).message}`);
  }
}

export function formatNumber(v: unknown, c: Of<'formatNumber'>, memo: Memo): unknown {
  if (isBlank(v)) return v;
  const fmt = cached(memo, c, numberKey, numberFormat);
  const n = toNumber(v);
  if (n === undefined) throw new Rejection('formatNumber', `${show(v)} is not a number`);
  return fmt.format(n);
}

const countryKey = (c: Of<'formatPhone'>) => c.defaultCountry;
function country(c: Of<'formatPhone'>): CountryCode | Rejection {
  const code = String(c.defaultCountry).trim().toUpperCase();
  return isSupportedCountry(code) ? code : new Rejection('formatPhone', `"${c.defaultCountry}" is not a country code (use two letters such as DE)`);
}

export function formatPhone(v: unknown, c: Of<'formatPhone'>, memo: Memo): unknown {
  if (isBlank(v)) return v;
  const cc = cached(memo, c, countryKey, country);
  const phone = typeof v === 'string' || typeof v === 'number' ? parsePhoneNumberFromString(String(v), cc) : undefined;
  if (!phone || !phone.isValid()) throw new Rejection('formatPhone', `${show(v)} is not a phone number for ${cc}`);
  return phone.format(c.format);
}

interface Table { source: Record<string, string>; isCaseInsensitive: boolean; map: Map<string, string> }

function tableOf(memo: Memo, c: Of<'lookup'>): Map<string, string> {
  if (memo.cfg !== c) {
    memo.cfg = c;
    const t = memo.value as Table | undefined;
    if (t === undefined || t.source !== c.table || t.isCaseInsensitive !== c.caseInsensitive) {
      // A Map, not the object itself: keys such as "__proto__" or "toString" stay plain data.
      const map = new Map<string, string>();
      for (const k of Object.keys(c.table)) map.set(c.caseInsensitive ? k.toLowerCase() : k, c.table[k]);
      memo.value = { source: c.table, isCaseInsensitive: c.caseInsensitive, map } satisfies Table;
    }
  }
  return (memo.value as Table).map;
}

export function lookup(v: unknown, c: Of<'lookup'>, memo: Memo): unknown {
  if (isBlank(v)) return v;
  if (typeof v !== 'object') {
    const key = typeof v === 'string' ? v : String(v);
    const hit = tableOf(memo, c).get(c.caseInsensitive ? key.toLowerCase() : key);
    if (hit !== undefined) return hit;
  }
  switch (c.ifNotFound) {
    case 'null': return null;
    case 'value': return c.fallback === undefined ? null : c.fallback;
    case 'error': throw new Rejection('lookup', `${show(v)} is not in the lookup table`);
    default: return v;
  }
}
