import { afterEach, describe, expect, it } from 'vitest';
import { JunctionError } from '../sdk/errors';
import { compileTemplate } from './index';
import { errorOf, run } from './test-scope';

// Known ways out of expression sandboxes. Each must end in a JunctionError (never a host crash
// or a silent success), and afterwards the host must be unharmed and expressions still work.

const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
const arrayProtoKeys = Object.getOwnPropertyNames(Array.prototype).sort();

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).x).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(arrayProtoKeys);
  expect(run('{{ $json.a + 1 }} {{ [1, 2].map(x => x * 2).join() }}', { a: 41 })).toBe('42 2,4');
});

function rejects(source: string, json: unknown = {}, code?: string): JunctionError {
  const err = errorOf(() => run(source, json)) as JunctionError;
  expect(err).toBeInstanceOf(JunctionError);
  expect(err.code).toMatch(/^expr\./);
  if (code) expect(err.code).toBe(code);
  expect(err.message.length).toBeGreaterThan(10);
  return err;
}

describe('reaching constructors and prototypes', () => {
  it.each([
    '{{ this.constructor.constructor("return process")() }}',
    '{{ ({}).constructor }}',
    '{{ [].constructor }}',
    "{{ ''.constructor }}",
    '{{ $json.constructor }}',
    "{{ $json['constructor'] }}",
    '{{ $json[`constructor`] }}',
    '{{ $json.__proto__ }}',
    '{{ $json.a.prototype }}',
    "{{ $('Get contacts').constructor }}",
    '{{ $now.constructor }}',
    '{{ $input.all.constructor }}',
    '{{ $json.__lookupGetter__("a") }}',
  ])('compile error: %s', (source) => {
    const err = errorOf(() => compileTemplate(source)) as JunctionError;
    expect(err).toBeInstanceOf(JunctionError);
    expect(err.code).toBe('expr.forbidden');
  });

  it.each([
    ["{{ $json['__' + 'proto__'] }}", {}],
    ["{{ $json['constr' + 'uctor'] }}", {}],
    ["{{ $json[`constr${'uctor'}`] }}", {}], // the template-literal key bypass of CVE-2025-68613
    ['{{ $json[$json.k] }}', { k: 'constructor' }],
    ['{{ $json[$json.k] }}', { k: '__proto__' }],
    ['{{ $json.list[$json.k] }}', { k: 'constructor', list: [] }],
    ['{{ $json.s[$json.k] }}', { k: 'constructor', s: 'text' }],
    ["{{ $now['constr' + 'uctor'] }}", {}],
    ['{{ $json[$json.k]($json.code) }}', { k: 'constructor', code: 'return process' }],
    ['{{ { [$json.k]: { polluted: 1 } } }}', { k: '__proto__' }],
    ["{{ Object.fromEntries([['__proto__', { polluted: 1 }]]) }}", {}],
    ['{{ [$json].pluck($json.k) }}', { k: 'constructor' }],
  ])('run-time key check: %s', (source, json) => {
    expect(rejects(source, json, 'expr.forbidden').message).toMatch(/can't be read or written/);
  });

  it('luxon internals stay out of reach', () => {
    expect(run('{{ $now.loc }}')).toBeUndefined();
    expect(run('{{ $now.c }}')).toBeUndefined();
    expect(rejects("{{ $now.get('constructor') }}").message).toMatch(/Unknown unit/);
    expect(rejects("{{ DateTime.fromISO('2024-01-01', { zone: { name: 'x' } }) }}").message).toMatch(/Option 'zone'/);
  });
});

describe('__proto__ pollution', () => {
  it('object literals cannot set a prototype', () => {
    expect(errorOf(() => compileTemplate('{{ ({__proto__: {polluted: 1}}) }}')).code).toBe('expr.forbidden');
    expect(errorOf(() => compileTemplate('{{ ({"__proto__": {polluted: 1}}) }}')).code).toBe('expr.forbidden');
  });

  it('JSON.parse keeps "__proto__" as an own key and pollutes nothing', () => {
    const parsed = run('{{ JSON.parse(\'{"__proto__":{"x":1}}\') }}') as object;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.keys(parsed)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(run('{{ JSON.parse(\'{"__proto__":{"x":1}}\').x }}')).toBeUndefined();
    const spread = run('{{ { ...JSON.parse(\'{"__proto__":{"x":1}}\') } }}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(spread)).toBe(Object.prototype);
    expect(spread.x).toBeUndefined();
  });

  it('data with an own "__proto__" key stays data when copied', () => {
    const json = JSON.parse('{"__proto__": {"polluted": 1}, "a": 1}');
    const copy = run('{{ { ...$json, b: 2 } }}', json) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy.polluted).toBeUndefined();
    expect(run('{{ $json.compact() }}', json)).toHaveProperty('a', 1);
  });
});

describe('names that are not there', () => {
  it.each(['{{ Error.prepareStackTrace }}', "{{ import('fs') }}", "{{ require('child_process') }}", '{{ process.exit() }}',
    '{{ globalThis.process }}', '{{ Atomics.wait(new Int32Array(4), 0, 0) }}', '{{ Function("return this")() }}',
    '{{ eval("1") }}', '{{ arguments[0] }}', '{{ Reflect.ownKeys({}) }}', '{{ Proxy }}', '{{ Symbol.iterator }}',
    '{{ WebAssembly }}', '{{ Buffer.from("x") }}', '{{ setTimeout }}', '{{ fetch("http://x") }}'])('%s', (source) => {
    const err = errorOf(() => compileTemplate(source)) as JunctionError;
    expect(err).toBeInstanceOf(JunctionError);
    expect(['expr.forbidden', 'expr.syntax']).toContain(err.code);
  });
});

describe('functions in data are never called', () => {
  function trapped() {
    const calls: string[] = [];
    const trap = (name: string) => () => { calls.push(name); return 'pwned'; };
    const obj = { valueOf: trap('valueOf'), toString: trap('toString'), toJSON: trap('toJSON'), plain: 1 };
    return { calls, json: { obj, list: [obj, obj], fn: trap('fn'), str: 'text', toJSON: trap('rootToJSON') } };
  }

  it.each([
    ['{{ $json.obj + 1 }}', '[object Object]1'],
    ['{{ `${$json.obj}` }}', '[object Object]'],
    ['{{ $json.obj > 1 }}', false],
    ['{{ $json.obj == "pwned" }}', false],
    ['{{ -$json.obj }}', NaN],
    ['{{ String($json.obj) }}', '[object Object]'],
    ['{{ Number($json.obj) }}', NaN],
    ['{{ $json.list.join("-") }}', '[object Object]-[object Object]'],
    ['{{ $json.str.includes($json.obj) }}', false],
    ['{{ $json.list.sort().length }}', 2],
    ['x {{ $json.obj }}', 'x {"plain":1}'],
    ['{{ JSON.stringify($json.obj) }}', '{"plain":1}'],
    ['{{ $json.obj.plain }}', 1],
  ])('%s', (source, expected) => {
    const { calls, json } = trapped();
    expect(run(source, json)).toEqual(expected);
    expect(calls).toEqual([]);
  });

  it.each([
    '{{ $json.fn() }}', '{{ $json.fn }}', '{{ $json.obj.valueOf() }}', '{{ $json.toString.call($json) }}',
    '{{ $json.obj.toString }}', '{{ $json }}', '{{ $json.obj }}', '{{ $json.list }}', '{{ [$json.fn] }}',
    '{{ $json.list.map(x => x.toJSON) }}', '{{ Object.values($json.obj) }}',
  ])('rejects %s', (source) => {
    const { calls, json } = trapped();
    rejects(source, json);
    expect(calls).toEqual([]);
  });
});

describe('getters on data are never run', () => {
  function withGetter() {
    let runs = 0;
    const json: Record<string, unknown> = { a: 1, list: [1, 2] };
    Object.defineProperty(json, 'secret', { get: () => { runs++; return 'ran'; }, enumerable: true });
    Object.defineProperty(json.list, 0, { get: () => { runs++; return 'ran'; }, enumerable: true });
    return { json, runs: () => runs };
  }

  it.each(['{{ $json.secret }}', "{{ $json['sec' + 'ret'] }}", '{{ $json }}', 'x {{ $json }}', '{{ JSON.stringify($json) }}',
    '{{ { ...$json } }}', '{{ Object.values($json) }}', '{{ $json.values() }}', '{{ $json.list[0] }}',
    '{{ $json.list.map(x => x) }}', '{{ $json.list.includes(1) }}', '{{ [...$json.list] }}', '{{ $json.list.join() }}'])('%s', (source) => {
    const g = withGetter();
    rejects(source, g.json, 'expr.forbidden');
    expect(g.runs()).toBe(0);
  });

  it('plain fields next to a getter still read fine', () => {
    const g = withGetter();
    expect(run('{{ $json.a }}', g.json)).toBe(1);
    expect(run('{{ Object.keys($json) }}', g.json)).toEqual(['a', 'list', 'secret']);
    expect(g.runs()).toBe(0);
  });
});

describe('runaway work ends with a clear error', () => {
  const quick = (source: string, code: string, message?: RegExp) => {
    const started = Date.now();
    const err = rejects(source, { big: Array.from({ length: 200_000 }, (_, i) => i) });
    expect(code.split('|')).toContain(err.code);
    if (message) expect(err.message).toMatch(message);
    // A bound on a hang, not a speed test: generous, so a busy machine does not fail it.
    expect(Date.now() - started).toBeLessThan(10_000);
  };

  it('[...Array(1e9)] is not even compiled', () => {
    expect(errorOf(() => compileTemplate('{{ [...Array(1e9)] }}')).code).toBe('expr.forbidden');
  });
  it("'x'.repeat(1e9)", () => quick("{{ 'x'.repeat(1e9) }}", 'expr.size', /limit is 10,485,760/));
  it('padStart to a huge length', () => quick("{{ 'x'.padStart(1e9, 'ab') }}", 'expr.size'));
  it('doubling strings', () => quick("{{ 'ab'.repeat(5e6) + 'ab'.repeat(5e6) }}", 'expr.size'));
  it('replaceAll that multiplies', () => quick("{{ 'x'.repeat(1e6).replaceAll('x', 'yyyyyyyyyyyyyyyyyyyy') }}", 'expr.size'));
  it('Array.from a huge length', () => quick('{{ Array.from({ length: 1e9 }) }}', 'expr.size'));
  it('split into too many parts', () => quick("{{ 'x'.repeat(2e6).split('') }}", 'expr.size'));
  it('nested map over big arrays', () => quick('{{ $json.big.map(x => $json.big.map(y => x + y)) }}', 'expr.budget',
    /^Expression stopped after 1,000,000 steps \(infinite loop or too much work\?\)$/));
  it('sort of big data with a comparator', () => quick('{{ $json.big.concat($json.big, $json.big).sort((a, b) => b - a) }}', 'expr.budget'));
  it('shared structure that explodes when written out', () =>
    quick('{{ JSON.stringify(Array.from({ length: 40 }).reduce(acc => [acc, acc], [])) }}', 'expr.size|expr.budget'));
  it('a fresh budget per evaluation', () => {
    const t = compileTemplate('{{ $json.big.map(x => x).length }}');
    const json = { big: Array.from({ length: 300_000 }, (_, i) => i) };
    expect(run(t.source, json)).toBe(300_000);
    expect(run(t.source, json)).toBe(300_000);
  });
});
