import isSafePattern from 'safe-regex2';

/**
 * A regular expression from a flow file runs in the host, and flow files are untrusted: a
 * pattern like `(a+)+$` backtracks exponentially and would hang the app. Patterns with nested
 * quantifiers are refused (safe-regex2's star-height check), and the text a pattern is tested
 * against is capped, which bounds the polynomial cases that check lets through.
 */
export const MAX_PATTERN_INPUT = 100_000;

/** The reason `pattern` cannot be used, or undefined when it is fine. */
export function patternProblem(pattern: string, flags = ''): string | undefined {
  try { new RegExp(pattern, flags); } catch (e) { return `is not a valid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`; }
  if (!isSafePattern(pattern)) return `"${pattern}" nests repetitions (like (a+)+) and could take forever on some texts; simplify it`;
  return undefined;
}

/** Compiles a pattern after `patternProblem` found none; returns a bounded tester. */
export function compilePattern(pattern: string, flags = ''): (text: string) => boolean {
  const re = new RegExp(pattern, flags.replace(/[gy]/g, ''));
  return (text) => re.test(text.length > MAX_PATTERN_INPUT ? text.slice(0, MAX_PATTERN_INPUT) : text);
}
