import { describe, expect, it } from 'vitest';
import { JunctionError } from './errors';
import { compilePattern, MAX_PATTERN_INPUT, patternProblem } from './patterns';

/** Runs `f`, returning its result and how long it took. */
const timed = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const out = f();
  return [out, performance.now() - t0];
};

describe('patterns from flow files', () => {
  it('accepts ordinary patterns, written as in JavaScript, and tests them', () => {
    expect(patternProblem('^[a-z.]+@example\\.com$')).toBeUndefined();
    expect(compilePattern('^SO-\\d+$')('SO-1001')).toBe(true);
    expect(compilePattern('abc', 'i')('xABCx')).toBe(true);
    expect(compilePattern('^b$', 'm')('a\nb')).toBe(true);
    expect(compilePattern('^a.b$', 's')('a\nb')).toBe(true);
    expect(compilePattern('^(?<year>\\d{4})-\\u0041$')('2024-A')).toBe(true);
    expect(compilePattern('^\\p{Lu}+$', 'u')('ÄÖÜ')).toBe(true);
  });

  it('runs ^(a|a)*$ in linear time (V8 doubles per character: 28 characters took 10.7 s)', () => {
    const test = compilePattern('^(a|a)*$');
    const [result, ms] = timed(() => test(`${'a'.repeat(28)}b`));
    expect(result).toBe(false);
    expect(ms).toBeLessThan(2_000);
    expect(test('a'.repeat(100_000))).toBe(true);
  });

  it('runs ^\\d*\\d*\\d*\\d*\\d*x$ on 400 digits in linear time (took 140 s on V8)', () => {
    const [result, ms] = timed(() => compilePattern('^\\d*\\d*\\d*\\d*\\d*x$')('1'.repeat(400)));
    expect(result).toBe(false);
    expect(ms).toBeLessThan(2_000);
  });

  it('refuses, naming the pattern, what a linear-time engine cannot run', () => {
    expect(patternProblem('(unclosed')).toMatch(/^"\(unclosed" is not a valid regular expression/);
    expect(patternProblem('(a)\\1')).toMatch(/^"\(a\)\\1" uses a backreference \(\\1\)/);
    expect(patternProblem('(?<n>a)\\k<n>')).toMatch(/uses a backreference \(\\k<n>\)/);
    expect(patternProblem('foo(?=bar)')).toMatch(/^"foo\(\?=bar\)" uses a lookahead \(\(\?=\)/);
    expect(patternProblem('(?<!a)b')).toMatch(/uses a lookbehind \(\(\?<!\)/);
    expect(patternProblem('a{1001}')).toMatch(/^"a\{1001\}" uses syntax the linear-time pattern engine doesn't support: invalid repeat count/);
    expect(patternProblem('a', 'd')).toMatch(/the flag "d" isn't supported/);
    expect(patternProblem('x'.repeat(1001))).toMatch(/is longer than 1000 characters/);
    expect(() => compilePattern('(a)\\1')).toThrow(JunctionError);
  });

  it('tests the whole text up to a limit, and refuses longer text clearly', () => {
    const endsWithB = compilePattern('b$');
    expect(endsWithB(`${'a'.repeat(200_000)}b`)).toBe(true);
    expect(() => endsWithB('a'.repeat(MAX_PATTERN_INPUT + 1))).toThrow(/too long to test against a pattern/);
  });
});
