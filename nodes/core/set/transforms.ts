import { Info } from 'luxon';
import { isSupportedCountry } from './phone';
import { formatProblem, isExpression, p, parseFormatProblem, toNumber, type Infer, type Problem } from '../../../engine/sdk';
import { formatDate, formatNumber, formatPhone, isLocale, lookup, type Memo } from './format';
import { isBlank, Rejection, show, toText } from './validation';

export const transformSchema = p.variant('kind', {
  formatDate: {
    from: p.string().placeholder('iso')
      .describe('How the incoming date is written: "iso" (2024-03-31T14:00:00Z), "millis" or "seconds" since 1970, or a pattern such as dd.MM.yyyy. Empty: ISO or SQL text, or milliseconds.'),
    to: p.string().required().placeholder('dd.MM.yyyy')
      .describe('The pattern to write (yyyy year, MM month, dd day, HH:mm time, ZZ offset, MMMM month name), or "iso", "millis", "seconds".'),
    zone: p.string().default('UTC').placeholder('Europe/Berlin')
      .describe('Time zone for dates that carry no offset, and of the result.'),
    locale: p.string().default('en-US').describe('Language of month and day names, e.g. de-DE.'),
  },
  formatNumber: {
    decimals: p.number().int().min(0).max(20).default(2),
    style: p.select(['decimal', 'currency', 'percent']).default('decimal')
      .describe('percent writes 0.25 as 25%.'),
    currency: p.string().required().showWhen({ style: ['currency'] }).placeholder('EUR').describe('ISO 4217 code such as EUR or USD.'),
    locale: p.string().default('en-US').placeholder('de-DE')
      .describe('Decides separators and symbol placement: de-DE writes 1.234,50 €, en-US writes €1,234.50.'),
  },
  formatPhone: {
    defaultCountry: p.string().required().placeholder('DE')
      .describe('Two-letter country (ISO 3166) assumed for numbers written without a +country code.'),
    format: p.select(['E.164', 'INTERNATIONAL', 'NATIONAL']).default('E.164')
      .describe('E.164: +4930123456 (best for other systems); INTERNATIONAL: +49 30 123456; NATIONAL: 030 123456.'),
  },
  normalizeText: {
    trim: p.boolean().default(true).describe('Remove spaces at the start and end.'),
    case: p.select(['none', 'lower', 'upper', 'title']).default('none').describe('title writes "ada LOVELACE" as "Ada Lovelace".'),
    collapseSpaces: p.boolean().default(true).describe('Turn runs of spaces, tabs and line breaks into one space.'),
    removeDiacritics: p.boolean().default(false).describe('Write "Müller-Łukasz Ærø" as "Muller-Lukasz AEro".'),
  },
  lookup: {
    table: p.keyValue().required().describe('Incoming value → replacement, e.g. DE → Germany.'),
    ifNotFound: p.select(['keep', 'null', 'value', 'error']).default('keep')
      .describe('For values not in the table: keep them, set null, use the fallback, or send the item to "error".'),
    fallback: p.value().showWhen({ ifNotFound: ['value'] }),
    caseInsensitive: p.boolean().default(false),
  },
  concatenate: {
    with: p.list(p.value()).min(1).required()
      .describe('Values added after this one, usually expressions such as {{ $json.lastName }}. Empty values are skipped.'),
    separator: p.string().placeholder('", "').describe('Put between the parts, e.g. a space.'),
  },
  split: {
    separator: p.string().required().placeholder(','),
    index: p.number().int().describe('Keep only this part: 0 is the first, -1 the last. Empty: keep the list of parts.'),
    trim: p.boolean().default(true).describe('Remove spaces around each part.'),
  },
  calculate: {
    op: p.select(['add', 'subtract', 'multiply', 'divide', 'round', 'abs']).required(),
    operand: p.number().required().showWhen({ op: ['add', 'subtract', 'multiply', 'divide'] }),
    decimals: p.number().int().min(0).max(15).default(0).showWhen({ op: ['round'] }),
  },
  default: {
    value: p.value().required().describe('Used when the value is missing, null or blank.'),
  },
}).describe('Every transform except concatenate and default leaves empty values as they are.');

export type Transform = Exclude<Infer<typeof transformSchema>, undefined>;
type Of<K extends Transform['kind']> = Extract<Transform, { kind: K }>;
type Runner = (v: unknown, c: Transform, memo: Memo) => unknown;

/** One compiled transform: its runner and what it caches across items (formatters, tables). */
export interface Step { run: Runner; memo: Memo }

function concatenate(v: unknown, c: Of<'concatenate'>): unknown {
  const sep = c.separator ?? '';
  let out = '';
  let isFirst = true;
  const head = Array.isArray(v) ? v : [v];
  for (let i = 0; i < head.length + c.with.length; i++) {
    const part = i < head.length ? head[i] : c.with[i - head.length];
    if (isBlank(part)) continue;
    out = isFirst ? toText(part) : out + sep + toText(part);
    isFirst = false;
  }
  return out;
}

function split(v: unknown, c: Of<'split'>): unknown {
  if (isBlank(v)) return v;
  if (typeof v !== 'string' && typeof v !== 'number') throw new Rejection('split', `${show(v)} is not text`);
  const parts = String(v).split(c.separator);
  if (c.trim) for (let i = 0; i < parts.length; i++) parts[i] = parts[i].trim();
  return c.index === undefined ? parts : (parts.at(c.index) ?? null);
}

// Rounding at 15 significant digits first drops binary noise (0.1 + 0.2, 1.005 * 100),
// which is what a person comparing with a spreadsheet expects.
const clean = (n: number) => Number(n.toPrecision(15));

function calculate(v: unknown, c: Of<'calculate'>): unknown {
  if (isBlank(v)) return v;
  const n = toNumber(v);
  if (n === undefined) throw new Rejection('calculate', `${show(v)} is not a number`);
  switch (c.op) {
    case 'round': {
      const f = 10 ** (c.decimals ?? 0);
      return (Math.sign(n) * Math.round(clean(Math.abs(n) * f))) / f;
    }
    case 'abs': return Math.abs(n);
  }
  // Required while shown, so the params check has already refused a missing operand.
  const { operand } = c;
  if (operand === undefined) throw new Rejection('calculate', `"${c.op}" needs a number to work with`);
  switch (c.op) {
    case 'add': return clean(n + operand);
    case 'subtract': return clean(n - operand);
    case 'multiply': return clean(n * operand);
    case 'divide':
      if (operand === 0) throw new Rejection('calculate', `cannot divide ${n} by 0`);
      return clean(n / operand);
  }
}

const COMBINING = /\p{M}/gu;
const NON_ASCII = /[^\x00-\x7f]/;
// Letters NFD does not decompose, written as their usual ASCII spelling.
const LETTERS: Record<string, string> = { ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'Th', ı: 'i' };
const SPECIAL = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');
const letter = (ch: string) => LETTERS[ch];
const WORD_START = /(^|[\s\-‐(/])(\p{L})/gu;
const upperStart = (_: string, before: string, ch: string) => before + ch.toUpperCase();
const SPACES = /\s+/g;

function normalizeText(v: unknown, c: Of<'normalizeText'>): unknown {
  if (v === undefined || v === null) return v;
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw new Rejection('normalizeText', `${show(v)} is not text`);
  let s = String(v);
  if (c.removeDiacritics && NON_ASCII.test(s)) s = s.normalize('NFD').replace(COMBINING, '').replace(SPECIAL, letter).normalize('NFC');
  if (c.collapseSpaces) s = s.replace(SPACES, ' ');
  if (c.trim) s = s.trim();
  if (c.case === 'lower') s = s.toLowerCase();
  else if (c.case === 'upper') s = s.toUpperCase();
  else if (c.case === 'title') s = s.toLowerCase().replace(WORD_START, upperStart);
  return s;
}

const RUNNERS: { [K in Transform['kind']]: (v: unknown, c: Of<K>, memo: Memo) => unknown } = {
  formatDate, formatNumber, formatPhone, lookup, concatenate, split, calculate, normalizeText,
  default: (v, c) => (isBlank(v) ? c.value : v),
};

/** Compiles a field's transform list once per run; null when there is none. */
export function compileSteps(list: Transform[] | undefined): Step[] | null {
  if (!list || list.length === 0) return null;
  return list.map((t) => ({ run: RUNNERS[t.kind] as Runner, memo: { cfg: undefined, key: undefined, value: undefined } }));
}

/** Runs the steps in order; a failing step throws a Rejection naming its kind. */
export function runSteps(steps: Step[], configs: Transform[], v: unknown): unknown {
  for (let j = 0; j < steps.length; j++) v = steps[j].run(v, configs[j], steps[j].memo);
  return v;
}

const DATE_KEYWORDS = new Set(['iso', 'millis', 'seconds']);
const isText = (v: unknown): v is string => typeof v === 'string' && v !== '' && !isExpression(v);

/** Mistakes visible before any item runs: unknown zones, countries, currencies, locales. */
export function transformProblems(t: Transform, path: string): Problem[] {
  const out: Problem[] = [];
  const add = (key: string, message: string) => out.push({ path: `${path}.${key}`, message, code: 'param.invalid' });
  if (t.kind === 'formatDate' && isText(t.zone) && !Info.normalizeZone(t.zone)?.isValid) add('zone', `"${t.zone}" is not a time zone (try Europe/Berlin or UTC)`);
  if (t.kind === 'formatDate') {
    const from = isText(t.from) && !DATE_KEYWORDS.has(t.from) ? parseFormatProblem(t.from) : undefined;
    if (from) add('from', from);
    const to = isText(t.to) && !DATE_KEYWORDS.has(t.to) ? formatProblem(t.to) : undefined;
    if (to) add('to', to);
  }
  if ((t.kind === 'formatDate' || t.kind === 'formatNumber') && isText(t.locale) && !isLocale(t.locale)) {
    add('locale', `"${t.locale}" is not a known locale (try de-DE or en-US)`);
  }
  if (t.kind === 'formatNumber' && t.style === 'currency' && isText(t.currency) && !/^[A-Za-z]{3}$/.test(t.currency)) add('currency', `"${t.currency}" is not a three-letter currency code`);
  if (t.kind === 'formatPhone' && isText(t.defaultCountry) && !isSupportedCountry(t.defaultCountry.toUpperCase())) {
    add('defaultCountry', `"${t.defaultCountry}" is not a two-letter country code libphonenumber knows`);
  }
  return out;
}
