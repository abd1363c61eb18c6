import { RE2JS } from 're2js';
import { JunctionError } from './errors';

/**
 * Regular expressions from flow files (Filter/If/Switch `matches`, Edit Fields validation)
 * run on re2js, a port of RE2: matching takes time linear in the text, whatever the pattern,
 * so `^(a|a)*$` or `^\d*\d*\d*\d*\d*x$` cannot hang the engine as they do on V8's backtracking
 * engine. The price is RE2's syntax: backreferences and lookaround are refused, by name, when
 * the flow is validated. Patterns are written in JavaScript syntax and translated.
 */
export const MAX_PATTERN_LENGTH = 1_000;
/** Longest text tested against a pattern; linear time, but a megabyte per item is not data. */
export const MAX_PATTERN_INPUT = 1_000_000;
/** RE2's program size, its own measure of a pattern's cost per character of text. */
const MAX_PROGRAM_SIZE = 2_000;

const FLAG_BITS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL, u: 0, g: 0, y: 0 };

/** Backreferences and lookaround, which no linear-time engine can run; undefined when there is none. */
function unsupported(pattern: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      const next = pattern[i + 1];
      if (!inClass && next >= '1' && next <= '9') return `a backreference (\\${next})`;
      if (!inClass && next === 'k' && pattern[i + 2] === '<') return `a backreference (${pattern.slice(i, pattern.indexOf('>', i) + 1 || i + 3)})`;
      i++;
    } else if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') inClass = true;
    else if (ch === '(' && pattern[i + 1] === '?') {
      const kind = pattern.startsWith('(?=', i) || pattern.startsWith('(?!', i) ? 'a lookahead'
        : pattern.startsWith('(?<=', i) || pattern.startsWith('(?<!', i) ? 'a lookbehind' : undefined;
      if (kind) return `${kind} (${pattern.slice(i, pattern[i + 2] === '<' ? i + 4 : i + 3)})`;
    }
  }
  return undefined;
}

const compiled = new Map<string, RE2JS | string>();

/** The compiled pattern, or why it can't be used (a sentence that names the pattern). */
function compile(pattern: string, flags: string): RE2JS | string {
  const key = `${flags}/${pattern}`;
  const hit = compiled.get(key);
  if (hit !== undefined) return hit;
  const made = build(pattern, flags);
  if (compiled.size >= 1_000) compiled.delete(compiled.keys().next().value as string);
  compiled.set(key, made);
  return made;
}

function build(pattern: string, flags: string): RE2JS | string {
  const shown = pattern.length > 80 ? `"${pattern.slice(0, 77)}…"` : `"${pattern}"`;
  if (pattern.length > MAX_PATTERN_LENGTH) return `${shown} is longer than ${MAX_PATTERN_LENGTH} characters`;
  let bits = 0;
  for (const f of flags) {
    if (FLAG_BITS[f] === undefined) return `${shown}: the flag "${f}" isn't supported (use i, m, s or u)`;
    bits |= FLAG_BITS[f];
  }
  // V8 only compiles here, to report syntax errors as JavaScript users know them; it never matches.
  try { new RegExp(pattern, flags.replace(/[^imsu]/g, '')); } catch (e) {
    return `${shown} is not a valid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`;
  }
  const bad = unsupported(pattern);
  if (bad) return `${shown} uses ${bad}, which patterns here don't support (they run on a linear-time engine); rewrite it without`;
  let re: RE2JS;
  try {
    re = RE2JS.compile(RE2JS.translateRegExp(pattern), bits);
  } catch (e) {
    return `${shown} uses syntax the linear-time pattern engine doesn't support: ${(e as Error).message.replace(/^error parsing regexp: /, '')}`;
  }
  if (re.programSize() > MAX_PROGRAM_SIZE) return `${shown} is too complex (repeat counts multiply: simplify it)`;
  return re;
}

/** The reason `pattern` cannot be used, naming it, or undefined when it is fine. */
export function patternProblem(pattern: string, flags = ''): string | undefined {
  const re = compile(pattern, flags);
  return typeof re === 'string' ? re : undefined;
}

/** A tester for a pattern `patternProblem` accepts (it throws `param.invalid` otherwise). */
export function compilePattern(pattern: string, flags = ''): (text: string) => boolean {
  const re = compile(pattern, flags);
  if (typeof re === 'string') throw new JunctionError('param.invalid', re);
  return (text) => {
    if (text.length > MAX_PATTERN_INPUT) {
      throw new JunctionError('param.invalid', `Text of ${text.length.toLocaleString('en-US')} characters is too long to test against a pattern (the limit is ${MAX_PATTERN_INPUT.toLocaleString('en-US')})`);
    }
    return re.test(text);
  };
}
