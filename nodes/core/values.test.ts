import { describe, expect, it } from 'vitest';
import { assignJson, isEmpty, pathGetter, primitiveKey, setPath, toNumber, toTime, valueKey } from './values';

describe('values', () => {
  it('reads numbers and ISO dates from text only when they are that', () => {
    expect(toNumber(' 42 ')).toBe(42);
    expect(toNumber('')).toBeUndefined();
    expect(toNumber('12abc')).toBeUndefined();
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

  it('reads own properties along a path, never the prototype', () => {
    expect(pathGetter('a.b[1].c')({ a: { b: [{}, { c: 3 }] } })).toBe(3);
    expect(pathGetter('a.constructor')({ a: {} })).toBeUndefined();
    expect(pathGetter('toString')({})).toBeUndefined();
  });

  it('copies and sets keys without touching prototypes', () => {
    const src = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
    const out = assignJson({}, src);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'a']);
    const target = {};
    setPath(target, ['__proto__', 'x'], 1);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    setPath(target, ['a', 'b'], 2);
    expect(target).toEqual({ a: { b: 2 } });
  });

  it('knows what is empty', () => {
    expect([undefined, null, '', [], {}].every(isEmpty)).toBe(true);
    expect([0, false, ' ', new Date(0)].some(isEmpty)).toBe(false);
  });
});
