import { describe, expect, it } from 'vitest';
import { isEmpty, primitiveKey, toTime, valueKey } from './values';

describe('values', () => {
  it('reads ISO dates from text only when they are that', () => {
    expect(toTime('2024-02-30')).toBeUndefined();
    expect(toTime('2024-02-01T10:00:00+0100')).toBe(Date.UTC(2024, 1, 1, 9));
    expect(toTime('20240201')).toBeUndefined();
  });

  it('gives equal keys exactly to values that should join', () => {
    const same = [[7, '7'], [-1.5, '-1.5'], [{ b: 1, a: 2 }, { a: 2, b: 1 }], ['x', 'x']];
    const different = [['007', 7], ['7.0', 7], [true, 'true'], [1, true], ['\u0000sx', 'x']];
    for (const [x, y] of same) {
      expect(valueKey(x)).toBe(valueKey(y));
      expect(primitiveKey(x)).toEqual(primitiveKey(y));
    }
    for (const [x, y] of different) {
      expect(valueKey(x)).not.toBe(valueKey(y));
      expect(primitiveKey(x)).not.toEqual(primitiveKey(y));
    }
    expect(valueKey(null)).toBeUndefined();
    expect(primitiveKey(undefined)).toBeUndefined();
  });

  it('knows what is empty', () => {
    expect([undefined, null, '', [], {}].every(isEmpty)).toBe(true);
    expect([0, false, ' ', new Date(0)].some(isEmpty)).toBe(false);
  });
});
