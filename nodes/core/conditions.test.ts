import { describe, expect, it } from 'vitest';
import { compileOperator, compileRules, holds, type Operator } from './conditions';

const fail = (message: string, opts?: { code?: string; path?: string }): never => {
  throw Object.assign(new Error(message), opts);
};
const test = (op: Operator, a: unknown, b?: unknown, ignoreCase = false) => compileOperator(op, ignoreCase, 'p', fail)(a, b);

describe('conditions', () => {
  it('compares numbers and numeric text as numbers', () => {
    expect(test('equals', 42, '42')).toBe(true);
    expect(test('equals', '42', 42.0)).toBe(true);
    expect(test('gt', '10', '9')).toBe(true);
    expect(test('gt', '10', 9)).toBe(true);
    expect(test('lte', 3, ' 3 ')).toBe(true);
    expect(test('lt', 'abc', 5)).toBe(false);
    expect(test('gte', 'abc', 5)).toBe(false);
  });

  it('compares text as text', () => {
    expect(test('equals', '007', '7')).toBe(false);
    expect(test('equals', 'Anna', 'anna')).toBe(false);
    expect(test('equals', 'Anna', 'anna', true)).toBe(true);
    expect(test('notEquals', 'a', 'b')).toBe(true);
    expect(test('lt', 'apple', 'banana')).toBe(true);
  });

  it('compares ISO dates as dates', () => {
    expect(test('gt', '2024-03-01T10:00:00Z', '2024-02-28')).toBe(true);
    expect(test('lt', '2024-01-01T00:00:00+02:00', '2024-01-01T00:00:00Z')).toBe(true);
    expect(test('equals', '2024-01-01', '2024-01-01T00:00:00.000Z')).toBe(true);
    expect(test('gte', new Date('2024-05-01T00:00:00Z'), '2024-05-01')).toBe(true);
    expect(test('lt', { toMillis: () => Date.UTC(2020, 0, 1) }, '2021-01-01')).toBe(true);
  });

  it('reads booleans from text and numbers', () => {
    expect(test('equals', true, 'true')).toBe(true);
    expect(test('isTrue', 'TRUE')).toBe(true);
    expect(test('isTrue', 1)).toBe(true);
    expect(test('isFalse', 'false')).toBe(true);
    expect(test('isFalse', undefined)).toBe(false);
    expect(test('isTrue', 'yes')).toBe(false);
  });

  it('compares lists and objects by content', () => {
    expect(test('equals', [1, { a: 2 }], [1, { a: 2 }])).toBe(true);
    expect(test('equals', { a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(test('equals', { a: 1 }, { a: 2 })).toBe(false);
  });

  it('contains, startsWith, endsWith on text, lists and objects', () => {
    expect(test('contains', 'Hello World', 'World')).toBe(true);
    expect(test('contains', 'Hello World', 'world')).toBe(false);
    expect(test('contains', 'Hello World', 'world', true)).toBe(true);
    expect(test('contains', ['a', 2, 'c'], '2')).toBe(true);
    expect(test('contains', { vip: true }, 'vip')).toBe(true);
    expect(test('notContains', ['a'], 'b')).toBe(true);
    expect(test('contains', undefined, 'x')).toBe(false);
    expect(test('startsWith', 'INV-001', 'INV')).toBe(true);
    expect(test('startsWith', 12345, 12)).toBe(true);
    expect(test('endsWith', 'report.PDF', '.pdf', true)).toBe(true);
    expect(test('endsWith', 'report.PDF', '.pdf')).toBe(false);
  });

  it('matches regular expressions, plain or /literal/flags, and fails clearly on a bad one', () => {
    expect(test('matches', 'INV-123', '^INV-\\d+$')).toBe(true);
    expect(test('matches', 'inv-123', '/^INV-/i')).toBe(true);
    expect(test('matches', 'inv-123', '^INV-', true)).toBe(true);
    expect(test('matches', 'x', '/x/g') && test('matches', 'x', '/x/g')).toBe(true);
    expect(() => test('matches', 'x', '(')).toThrow(/not a valid regular expression/);
  });

  it('empty and existence checks', () => {
    for (const v of [undefined, null, '', [], {}]) expect(test('isEmpty', v)).toBe(true);
    for (const v of [0, false, ' ', [0], { a: 1 }]) expect(test('isNotEmpty', v)).toBe(true);
    expect(test('exists', null)).toBe(true);
    expect(test('exists', undefined)).toBe(false);
    expect(test('notExists', undefined)).toBe(true);
  });

  it('combines with and / or; no conditions match everything', () => {
    const conds = [{ value1: 5, operator: 'gt' as const, value2: 3 }, { value1: 'a', operator: 'equals' as const, value2: 'b' }];
    const and = { conditions: conds, combine: 'and' as const, ignoreCase: false };
    const or = { ...and, combine: 'or' as const };
    expect(compileRules(and, 'p', fail)(and)).toBe(false);
    expect(compileRules(or, 'p', fail)(or)).toBe(true);
    const none = { conditions: [], combine: 'or' as const, ignoreCase: false };
    expect(compileRules(none, 'p', fail)(none)).toBe(true);
  });

  it('reads an expression result strictly', () => {
    expect(holds(true, 0, 'p', fail)).toBe(true);
    expect(holds('false', 0, 'p', fail)).toBe(false);
    expect(holds(undefined, 0, 'p', fail)).toBe(false);
    expect(holds(2, 0, 'p', fail)).toBe(true);
    expect(() => holds('maybe', 3, 'p', fail)).toThrow(/item 3: the condition gave "maybe"/);
  });
});
