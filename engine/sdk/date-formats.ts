import { DateTime, type DateTimeOptions, type LocaleOptions, type TokenParser } from 'luxon';

/**
 * Date formats from flow files. luxon parses a format by turning it into a regular expression
 * and running it on V8's backtracking engine, and adjacent variable-width numbers (`Hm` is
 * `(\d{1,2})(\d{1,2})`) make that exponential: `'Hm'.repeat(15)` against 61 digits took 52 s.
 * So a format to parse is bounded in length, token count and, above all, in how many ways its
 * adjacent number tokens can share out a run of digits; the text parsed is bounded too.
 * Formats to write are only bounded in length and tokens (writing is linear).
 */
export const MAX_FORMAT_LENGTH = 200;
export const MAX_FORMAT_TOKENS = 40;
/** Longest date text parsed with a format; a written-out date with weekday and zone name is under 100. */
export const MAX_DATE_INPUT = 256;
/** Most ways the number tokens between two separators may split a run of digits (2^10: about 1 ms at worst). */
const MAX_SPLITS = 1024;

// How many widths each number token of luxon's parser accepts (tokenParser.js, unitForToken).
const WIDTHS: Record<string, number> = {
  y: 6, yy: 3, yyyyy: 3, kk: 3, M: 2, L: 2, d: 2, o: 3, H: 2, h: 2, m: 2, q: 2, s: 2, W: 2, S: 3, u: 9, uu: 2,
  Z: 4, ZZ: 4, ZZZ: 4, z: 16,
};

interface Token { literal: boolean; val: string }

/** Counts luxon's tokens (runs of one letter outside quotes), stopping past the limit. */
function countTokens(fmt: string): number {
  let count = 0;
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === "'") { quoted = !quoted; continue; }
    if (!quoted && /[A-Za-z]/.test(ch) && fmt[i - 1] !== ch) count++;
  }
  return count;
}

/** Why `fmt` can't be used to write dates, or undefined. */
export function formatProblem(fmt: string): string | undefined {
  if (fmt.length > MAX_FORMAT_LENGTH) return `The date format is longer than ${MAX_FORMAT_LENGTH} characters`;
  if (countTokens(fmt) > MAX_FORMAT_TOKENS) return `The date format has more than ${MAX_FORMAT_TOKENS} parts`;
  return undefined;
}

const parsers = new Map<string, TokenParser | string>();

/** luxon's parser for `fmt`, built once (luxon otherwise rebuilds it per call), or why not. */
function parserFor(fmt: string, locale: LocaleOptions): TokenParser | string {
  const key = `${locale.locale ?? ''}\u0000${locale.numberingSystem ?? ''}\u0000${fmt}`;
  const hit = parsers.get(key);
  if (hit !== undefined) return hit;
  let made: TokenParser | string;
  try {
    made = formatProblem(fmt) ?? build(fmt, locale);
  } catch (e) {
    made = `The date format "${fmt.slice(0, 60)}" can't be used: ${(e as Error).message}`;
  }
  if (parsers.size >= 500) parsers.delete(parsers.keys().next().value as string);
  parsers.set(key, made);
  return made;
}

function build(fmt: string, locale: LocaleOptions): TokenParser | string {
  const parser = DateTime.buildFormatParser(fmt, locale);
  const tokens = (parser as unknown as { tokens: Token[] }).tokens;
  if (tokens.length > MAX_FORMAT_TOKENS) return `The date format "${fmt.slice(0, 60)}" has more than ${MAX_FORMAT_TOKENS} parts`;
  let splits = 1;
  for (const t of tokens) {
    // A literal that contains something other than digits pins where the numbers around it end.
    if (t.literal && !/^\d*$/.test(t.val)) { splits = 1; continue; }
    splits *= WIDTHS[t.val] ?? 1;
    if (splits > MAX_SPLITS) {
      return `The date format "${fmt.slice(0, 60)}" puts too many variable-width numbers next to each other; `
        + 'use fixed widths (HH, mm, dd, MM, yyyy) or separators between them';
    }
  }
  return parser;
}

/** Why `fmt` can't be used to read dates, or undefined. */
export function parseFormatProblem(fmt: string, locale?: string): string | undefined {
  const p = parserFor(fmt, { locale });
  return typeof p === 'string' ? p : undefined;
}

/** DateTime.fromFormat with the bounds above; throws an Error with a clear message when over them. */
export function parseWithFormat(text: string, fmt: string, opts: DateTimeOptions = {}): DateTime {
  const p = parserFor(fmt, { locale: opts.locale, numberingSystem: opts.numberingSystem });
  if (typeof p === 'string') throw new RangeError(p);
  if (text.length > MAX_DATE_INPUT) throw new RangeError(`Date text longer than ${MAX_DATE_INPUT} characters can't be read with a format`);
  return DateTime.fromFormatParser(text, p, opts);
}
