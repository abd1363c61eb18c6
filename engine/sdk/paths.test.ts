import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../expr';
import { createScope } from '../exec/scope';
import { newItem } from './items';
import { deletePath, FORBIDDEN_KEYS, getPath, pathGetter, setPath } from './paths';
import { stableJson, toNumber } from './json-values';
import { checkParams } from './check-params';
import { p } from './schema';

describe('json paths', () => {
  it('reads own properties along a path, never the prototype', () => {
    expect(getPath({ a: { b: [{}, { c: 3 }] } }, 'a.b[1].c')).toBe(3);
    expect(pathGetter('a.b[1].c')({ a: { b: [{}, { c: 3 }] } })).toBe(3);
    for (const key of FORBIDDEN_KEYS) {
      expect(getPath({ a: {} }, `a.${key}`)).toBeUndefined();
      expect(pathGetter(`a.${key}`)({ a: {} })).toBeUndefined();
    }
    expect(pathGetter('toString')({})).toBeUndefined();
  });

  it('setPath copies what it changes and never mutates the input it was handed', () => {
    const input = { customer: { name: 'Ada', address: { city: 'Berlin' } }, tags: ['a'] };
    const before = structuredClone(input);
    const out: Record<string, unknown> = { ...input };
    setPath(out, ['customer', 'address', 'zip'], '10115');
    setPath(out, ['customer', 'email'], 'ada@example.com');
    expect(input).toEqual(before);
    expect(out).toEqual({ customer: { name: 'Ada', email: 'ada@example.com', address: { city: 'Berlin', zip: '10115' } }, tags: ['a'] });
    deletePath(out, ['customer', 'name']);
    expect(input.customer.name).toBe('Ada');
    expect(out.customer).not.toHaveProperty('name');
  });

  it('setPath refuses forbidden keys and keeps an own "__proto__" key as data when copying', () => {
    const target: Record<string, unknown> = {};
    expect(setPath(target, ['__proto__', 'polluted'], 1)).toBe(false);
    expect(setPath(target, ['a', 'constructor'], 1)).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(target).toEqual({});
    const withOwnProto: Record<string, unknown> = { nested: JSON.parse('{"__proto__": {"x": 1}, "a": 1}') };
    setPath(withOwnProto, ['nested', 'b'], 2);
    expect(Object.getPrototypeOf(withOwnProto.nested)).toBe(Object.prototype);
    expect(Object.keys(withOwnProto.nested as object)).toEqual(['__proto__', 'a', 'b']);
  });

  it('stableJson ignores key order', () => {
    expect(stableJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe(stableJson({ a: [{ c: 2, d: 1 }], b: 1 }));
  });
});

describe('one toNumber', () => {
  it('accepts finite numbers and numeric text only', () => {
    expect(toNumber(' 42 ')).toBe(42);
    expect(toNumber('1e3')).toBe(1000);
    expect(toNumber('')).toBeUndefined();
    expect(toNumber('12abc')).toBeUndefined();
    expect(toNumber(Number.NaN)).toBeUndefined();
  });

  it('agrees everywhere that Infinity is not a number: the kernel, expressions and the params check', () => {
    const viaExpression = (text: string) => {
      const { scope, at } = createScope({
        outputs: new Map(), nodeIdByName: new Map(), vars: {}, env: {}, run: { id: 'r', mode: 'test' }, flow: { id: 'f', name: 'f' },
        node: { id: 'n', name: 'N', type: 't.x', version: 1 }, state: {}, nowMs: 0,
      }, []);
      at(undefined, 0);
      try { return compileTemplate(`{{ '${text}'.toNumber() }}`).evaluate(scope); } catch { return undefined; }
    };
    const viaParams = (v: unknown) => {
      const { value, problems } = checkParams(p.number().spec, v, 'params.n', { resolved: true });
      return problems.length ? undefined : value;
    };
    for (const v of ['Infinity', '-Infinity', ' Infinity ']) {
      expect(toNumber(v), v).toBeUndefined();
      expect(viaExpression(v), v).toBeUndefined();
      expect(viaParams(v), v).toBeUndefined();
    }
    expect(toNumber(Infinity)).toBeUndefined();
    expect(viaParams(Infinity)).toBeUndefined();
    expect(viaExpression('1,234.5')).toBe(1234.5);
    expect(viaParams('1234.5')).toBe(1234.5);
  });
});

describe('newItem', () => {
  it('keeps the binary data of the item it was made from', () => {
    const file = { mimeType: 'text/csv', size: 3, ref: 'bin/1' };
    const from = { json: { a: 1 }, binary: { data: file } };
    expect(newItem({ b: 2 }, from)).toEqual({ json: { b: 2 }, binary: { data: file }, paired: [from] });
    const other = { json: {}, binary: { photo: { mimeType: 'image/png', size: 9, ref: 'bin/2' } } };
    expect(newItem({}, [from, other]).binary).toEqual({ data: file, photo: other.binary.photo });
    expect(newItem({ c: 3 })).toEqual({ json: { c: 3 } });
  });
});
