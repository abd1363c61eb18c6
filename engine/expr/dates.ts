import { DateTime, Duration, type DurationLike, type DurationUnit } from 'luxon';
import { describe } from './access';
import { isPlainData, numArg, optionsArg, strArg } from './args';
import { toNum } from './coerce';
import { formatProblem, parseWithFormat } from '../sdk/date-formats';
import { runtimeError } from './limits';
import type { GlobalFn, Method } from './types';

// luxon, behind allow-lists: every argument is converted to a primitive or a sanitized copy,
// text to parse is length-capped, formats are bounded by `sdk/date-formats` (luxon turns a
// format into a backtracking regex), and units are checked because luxon's get(unit) would read
// any property by name.

const MAX_DATE_TEXT = 1000;
const UNITS = new Set(['year', 'quarter', 'month', 'week', 'day', 'hour', 'minute', 'second', 'millisecond']);
const GET_UNITS = new Set(['year', 'quarter', 'month', 'weekNumber', 'weekYear', 'weekday', 'day', 'ordinal', 'hour', 'minute', 'second', 'millisecond']);
const DURATION_UNITS = new Set(['years', 'quarters', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds', 'milliseconds']);

type Args = readonly unknown[];
type Opts = Record<string, any> | undefined;

function text(args: Args, i: number, pos: number): string {
  const s = strArg(args, i, pos);
  return s.length > MAX_DATE_TEXT ? runtimeError(`Date text or format longer than ${MAX_DATE_TEXT} characters`, pos) : s;
}

const opts = (args: Args, i: number, pos: number): Opts => optionsArg(args[i], pos);

/** A format to write dates with: bounded in length and parts. */
function writeFormat(args: Args, i: number, pos: number): string {
  const f = strArg(args, i, pos);
  const problem = formatProblem(f);
  return problem ? runtimeError(problem, pos) : f;
}

/** `DateTime.fromFormat` and `'…'.toDateTime(format)`: the format and the text are bounded first. */
export function fromFormat(s: string, fmt: string, options: Opts, pos: number): DateTime {
  try {
    return parseWithFormat(s, fmt, options);
  } catch (e) {
    return runtimeError((e as Error).message, pos);
  }
}

/** Zone and locale names: short, since luxon caches an entry per distinct name. */
function name(args: Args, i: number, pos: number): string {
  const s = strArg(args, i, pos);
  return s.length > 100 ? runtimeError('Zone or locale name longer than 100 characters', pos) : s;
}

function unit(args: Args, i: number, pos: number, allowed: ReadonlySet<string>): any {
  const u = strArg(args, i, pos);
  if (allowed.has(u)) return u;
  const plural = u.endsWith('s') ? u.slice(0, -1) : u + 's';
  if (allowed.has(plural)) return plural;
  return runtimeError(`Unknown unit '${u.slice(0, 40)}'; use one of ${[...allowed].join(', ')}`, pos);
}

function units(args: Args, i: number, pos: number): DurationUnit | DurationUnit[] | undefined {
  const v = args[i];
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return v.slice(0, 9).map((_, k) => unit(v, k, pos, DURATION_UNITS));
  return unit(args, i, pos, DURATION_UNITS);
}

/** A DateTime from a DateTime, ISO text or milliseconds. */
export function dateArg(v: unknown, pos: number): DateTime {
  if (v instanceof DateTime) return v;
  if (typeof v === 'string') return DateTime.fromISO(text([v], 0, pos));
  if (typeof v === 'number') return DateTime.fromMillis(v);
  return runtimeError(`Expected a date, not ${describe(v)}`, pos);
}

/** Durations as luxon takes them, plus n8n's `plus(5, 'days')`. */
function durationArg(args: Args, pos: number): DurationLike {
  const v = args[0];
  if (args[1] !== undefined) return { [unit(args, 1, pos, DURATION_UNITS)]: toNum(v, pos) };
  if (typeof v === 'number' || v instanceof Duration) return v;
  if (typeof v === 'string') return Duration.fromISO(text(args, 0, pos));
  if (isPlainData(v)) return opts(args, 0, pos) as DurationLike;
  return runtimeError(`Expected a duration like { days: 1 }, not ${describe(v)}`, pos);
}

const dateTimeMethods: Record<string, Method> = {
  toFormat: (d: DateTime, a, p) => d.toFormat(writeFormat(a, 0, p), opts(a, 1, p)),
  format: (d: DateTime, a, p) => d.toFormat(writeFormat(a, 0, p), opts(a, 1, p)),
  toISO: (d: DateTime, a, p) => d.toISO(opts(a, 0, p)),
  toISODate: (d: DateTime, a, p) => d.toISODate(opts(a, 0, p)),
  toISOTime: (d: DateTime, a, p) => d.toISOTime(opts(a, 0, p)),
  toISOWeekDate: (d: DateTime) => d.toISOWeekDate(),
  toSQL: (d: DateTime, a, p) => d.toSQL(opts(a, 0, p)),
  toSQLDate: (d: DateTime) => d.toSQLDate(),
  toSQLTime: (d: DateTime, a, p) => d.toSQLTime(opts(a, 0, p)),
  toRFC2822: (d: DateTime) => d.toRFC2822(),
  toHTTP: (d: DateTime) => d.toHTTP(),
  toMillis: (d: DateTime) => d.toMillis(),
  toSeconds: (d: DateTime) => d.toSeconds(),
  toUnixInteger: (d: DateTime) => d.toUnixInteger(),
  valueOf: (d: DateTime) => d.toMillis(),
  toString: (d: DateTime) => d.toString(),
  toJSON: (d: DateTime) => d.toISO(),
  toObject: (d: DateTime) => d.toObject(),
  toLocaleString: (d: DateTime, a: Args, p: number) => d.toLocaleString(opts(a, 0, p), opts(a, 1, p)),
  toRelative: (d: DateTime, a, p) => d.toRelative(opts(a, 0, p)),
  toRelativeCalendar: (d: DateTime, a, p) => d.toRelativeCalendar(opts(a, 0, p)),
  toUTC: (d: DateTime) => d.toUTC(),
  toLocal: (d: DateTime) => d.toLocal(),
  setZone: (d: DateTime, a, p) => d.setZone(name(a, 0, p), opts(a, 1, p)),
  setLocale: (d: DateTime, a, p) => d.setLocale(name(a, 0, p)),
  set: (d: DateTime, a, p) => d.set(opts(a, 0, p) ?? {}),
  plus: (d: DateTime, a, p) => d.plus(durationArg(a, p)),
  minus: (d: DateTime, a, p) => d.minus(durationArg(a, p)),
  startOf: (d: DateTime, a, p) => d.startOf(unit(a, 0, p, UNITS)),
  beginningOf: (d: DateTime, a, p) => d.startOf(unit(a, 0, p, UNITS)),
  endOf: (d: DateTime, a, p) => d.endOf(unit(a, 0, p, UNITS)),
  diff: (d: DateTime, a, p) => d.diff(dateArg(a[0], p), units(a, 1, p)),
  diffNow: (d: DateTime, a, p) => d.diffNow(units(a, 0, p)),
  hasSame: (d: DateTime, a, p) => d.hasSame(dateArg(a[0], p), unit(a, 1, p, UNITS)),
  equals: (d: DateTime, a, p) => d.equals(dateArg(a[0], p)),
  get: (d: DateTime, a, p) => d.get(unit(a, 0, p, GET_UNITS)),
  extract: (d: DateTime, a, p) => d.get(unit(a, 0, p, GET_UNITS)),
  isBefore: (d: DateTime, a, p) => d.toMillis() < dateArg(a[0], p).toMillis(),
  isAfter: (d: DateTime, a, p) => d.toMillis() > dateArg(a[0], p).toMillis(),
  isBetween: (d: DateTime, a, p) => {
    const [x, y] = [dateArg(a[0], p).toMillis(), dateArg(a[1], p).toMillis()];
    const t = d.toMillis();
    return t > Math.min(x, y) && t < Math.max(x, y);
  },
  isWeekend: (d: DateTime) => d.weekday >= 6,
  toDateTime: (d: DateTime) => d,
};

const durationMethods: Record<string, Method> = {
  as: (d: Duration, a, p) => d.as(unit(a, 0, p, DURATION_UNITS)),
  get: (d: Duration, a, p) => d.get(unit(a, 0, p, DURATION_UNITS)),
  toObject: (d: Duration) => d.toObject(),
  toISO: (d: Duration) => d.toISO(),
  toISOTime: (d: Duration, a, p) => d.toISOTime(opts(a, 0, p)),
  toMillis: (d: Duration) => d.toMillis(),
  valueOf: (d: Duration) => d.toMillis(),
  toString: (d: Duration) => d.toString(),
  toJSON: (d: Duration) => d.toISO(),
  toHuman: (d: Duration, a, p) => d.toHuman(opts(a, 0, p)),
  toFormat: (d: Duration, a, p) => d.toFormat(writeFormat(a, 0, p), opts(a, 1, p)),
  shiftTo: (d: Duration, a, p) => d.shiftTo(...a.slice(0, 9).map((_, i) => unit(a, i, p, DURATION_UNITS))),
  shiftToAll: (d: Duration) => d.shiftToAll(),
  rescale: (d: Duration) => d.rescale(),
  normalize: (d: Duration) => d.normalize(),
  negate: (d: Duration) => d.negate(),
  plus: (d: Duration, a, p) => d.plus(durationArg(a, p)),
  minus: (d: Duration, a, p) => d.minus(durationArg(a, p)),
  equals: (d: Duration, a, p) => a[0] instanceof Duration && d.equals(a[0]),
};

export const DATETIME_METHODS: ReadonlyMap<string, Method> = new Map(Object.entries(dateTimeMethods));
export const DURATION_METHODS: ReadonlyMap<string, Method> = new Map(Object.entries(durationMethods));

function fromParts(args: Args, pos: number): number[] {
  if (args.length > 7) runtimeError('DateTime.local()/utc() take at most 7 numbers (year … millisecond)', pos);
  return args.map((_, i) => numArg(args, i, pos));
}

/** DateTime.*: `now()` is the scope's `$now`, so runs stay on the executor's (injectable) clock. */
export const DATETIME_STATICS: Record<string, GlobalFn> = {
  now: (_a, _p, s) => s.$now,
  local: (a, p, s) => (a.length === 0 ? s.$now : DateTime.local(...(fromParts(a, p) as [number]))),
  utc: (a, p, s) => (a.length === 0 ? s.$now.toUTC() : DateTime.utc(...(fromParts(a, p) as [number]))),
  fromISO: (a, p) => DateTime.fromISO(text(a, 0, p), opts(a, 1, p)),
  fromFormat: (a, p) => fromFormat(strArg(a, 0, p), strArg(a, 1, p), opts(a, 2, p), p),
  fromMillis: (a, p) => DateTime.fromMillis(numArg(a, 0, p), opts(a, 1, p)),
  fromSeconds: (a, p) => DateTime.fromSeconds(numArg(a, 0, p), opts(a, 1, p)),
  fromSQL: (a, p) => DateTime.fromSQL(text(a, 0, p), opts(a, 1, p)),
  fromRFC2822: (a, p) => DateTime.fromRFC2822(text(a, 0, p), opts(a, 1, p)),
  fromHTTP: (a, p) => DateTime.fromHTTP(text(a, 0, p), opts(a, 1, p)),
  fromObject: (a, p) => DateTime.fromObject(opts(a, 0, p) ?? {}, opts(a, 1, p)),
  isDateTime: (a) => a[0] instanceof DateTime,
  max: (a, p) => (a.length ? DateTime.max(...a.map((v) => dateArg(v, p))) : undefined),
  min: (a, p) => (a.length ? DateTime.min(...a.map((v) => dateArg(v, p))) : undefined),
};

export const DATETIME_PRESETS = [
  'DATE_SHORT', 'DATE_MED', 'DATE_FULL', 'DATE_HUGE', 'TIME_SIMPLE', 'TIME_WITH_SECONDS',
  'DATETIME_SHORT', 'DATETIME_MED', 'DATETIME_FULL', 'DATETIME_HUGE',
] as const;

export const DURATION_STATICS: Record<string, GlobalFn> = {
  fromObject: (a, p) => Duration.fromObject(opts(a, 0, p) ?? {}),
  fromMillis: (a, p) => Duration.fromMillis(numArg(a, 0, p)),
  fromISO: (a, p) => Duration.fromISO(text(a, 0, p)),
  isDuration: (a) => a[0] instanceof Duration,
};
