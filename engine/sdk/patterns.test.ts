import { describe, expect, it } from 'vitest';
import { compilePattern, MAX_PATTERN_INPUT, patternProblem } from './patterns';

describe('patterns from flow files', () => {
  it('accepts ordinary patterns and tests them', () => {
    expect(patternProblem('^[a-z.]+@example\\.com$')).toBeUndefined();
    expect(compilePattern('^SO-\\d+$')('SO-1001')).toBe(true);
    expect(compilePattern('abc', 'i')('xABCx')).toBe(true);
  });

  it('refuses invalid and catastrophic-backtracking patterns with a reason', () => {
    expect(patternProblem('(unclosed')).toMatch(/is not a valid regular expression/);
    expect(patternProblem('(a+)+$')).toMatch(/nests repetitions/);
    expect(patternProblem('(x+x+)+y')).toMatch(/nests repetitions/);
  });

  it('bounds the text a pattern runs on', () => {
    const endsWithB = compilePattern('b$');
    expect(endsWithB(`${'a'.repeat(MAX_PATTERN_INPUT)}b`)).toBe(false);
    expect(endsWithB('ab')).toBe(true);
  });
});
