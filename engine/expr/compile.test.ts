import { describe, expect, it } from 'vitest';
import { checkTemplate, compileTemplate, referencedNodes } from './index';
import { errorOf, makeScope, run } from './test-scope';

const item = { name: 'ada lovelace', email: 'ada@acme.io', amount: 600, tags: ['a', 'b'], address: { city: 'Berlin', zip: '10115' }, n: null };

describe('templates', () => {
  it('returns static text unchanged and marks it static', () => {
    const t = compileTemplate('just text }} here');
    expect(t.isStatic).toBe(true);
    expect(t.isSingle).toBe(false);
    expect(t.evaluate(makeScope())).toBe('just text }} here');
  });

  it('keeps the type of a single {{ }} (whitespace around allowed)', () => {
    expect(run('{{ $json.amount * 1.2 }}', item)).toBe(720);
    expect(run('  {{ $json.address }} \n', item)).toEqual({ city: 'Berlin', zip: '10115' });
    expect(run('{{ $json.tags }}', item)).toEqual(['a', 'b']);
    expect(run('{{ $json.amount > 500 }}', item)).toBe(true);
    expect(run('{{ $json.n }}', item)).toBeNull();
    expect(run('{{ $json.missing }}', item)).toBeUndefined();
    expect(compileTemplate(' {{ 1 }} ').isSingle).toBe(true);
  });

  it('makes a string of mixed templates: objects as JSON, null/undefined empty', () => {
    expect(run('Hello {{ $json.name.toUpperCase() }}!', item)).toBe('Hello ADA LOVELACE!');
    expect(run('{{ $json.amount }} EUR', item)).toBe('600 EUR');
    expect(run('a{{ $json.address }}b', item)).toBe('a{"city":"Berlin","zip":"10115"}b');
    expect(run('[{{ $json.tags }}]', item)).toBe('[["a","b"]]');
    expect(run('x{{ $json.n }}y{{ $json.missing }}z', item)).toBe('xyz');
    expect(run('{{ 1 }}{{ 2 }}', item)).toBe('12');
    expect(compileTemplate('{{ 1 }}{{ 2 }}').isSingle).toBe(false);
  });

  it('finds the end of an expression by parsing, so braces in strings and objects are fine', () => {
    expect(run("{{ '}}' + 'x' }}")).toBe('}}x');
    expect(run('{{ {a: {b: 1}} }}')).toEqual({ a: { b: 1 } });
    expect(run('{"id": {{ $json.amount }}}', item)).toBe('{"id": 600}');
    expect(run('{{ ($json.amount) }}', item)).toBe(600);
    expect(run('{{ ($json.amount + 1) * 2 /* comment */ }}', item)).toBe(1202);
  });

  it('caches compiled templates by source', () => {
    expect(compileTemplate('{{ $json.a }}')).toBe(compileTemplate('{{ $json.a }}'));
  });

  it('lists node names referenced as $("Name")', () => {
    expect(referencedNodes("{{ $('Get contacts').item.json.email }} {{ $(\"Other\").all() }} {{ $(`Third`).first() }}"))
      .toEqual(['Get contacts', 'Other', 'Third']);
    expect(referencedNodes('{{ $($json.dynamic) }}')).toEqual([]);
    expect(referencedNodes("{{ $('A').item }} {{ broken( }}")).toEqual(['A']);
  });

  it('checkTemplate reports null for valid templates and code, message, position, hint otherwise', () => {
    expect(checkTemplate('Hi {{ $json.name }}')).toBeNull();
    expect(checkTemplate('Hi {{ $json.name = 1 }}')).toEqual({
      code: 'expr.forbidden', message: "Assignment `=` isn't allowed", position: 17,
      hint: "Expressions can't assign values; use a Set node or a Code node",
    });
  });
});

describe('allowed syntax', () => {
  const cases: [string, unknown][] = [
    ['{{ 1 + 2 * 3 - 4 / 2 }}', 5],
    ['{{ 7 % 3 }}', 1],
    ['{{ 2 ** 10 }}', 1024],
    ['{{ (5 & 3) | (1 << 2) }}', 5],
    ['{{ "a" + 1 }}', 'a1'],
    ['{{ "5" * "2" }}', 10],
    ['{{ 1 < 2 && 2 <= 2 && 3 > 2 && 3 >= 3 }}', true],
    ['{{ "a" < "b" }}', true],
    ['{{ 1 == "1" }}', true],
    ['{{ 1 === "1" }}', false],
    ['{{ null == undefined }}', true],
    ['{{ 1 != 2 && 1 !== 2 }}', true],
    ['{{ null ?? "fallback" }}', 'fallback'],
    ['{{ 0 || "or" }}', 'or'],
    ['{{ 0 && "and" }}', 0],
    ['{{ $json.amount > 500 ? "big" : "small" }}', 'big'],
    ['{{ !$json.flag }}', true],
    ['{{ -$json.amount }}', -600],
    ['{{ +"42" }}', 42],
    ['{{ ~5 }}', -6],
    ['{{ typeof $json.amount }}', 'number'],
    ['{{ void 0 }}', undefined],
    ['{{ `Total: ${$json.amount * 2} for ${$json.name}` }}', 'Total: 1200 for ada'],
    ['{{ [1, , 3] }}', [1, undefined, 3]],
    ['{{ [...$json.tags, "c"] }}', ['a', 'b', 'c']],
    ['{{ [..."hé"] }}', ['h', 'é']],
    ['{{ { a: 1, "b c": 2, [$json.name]: 3, ...$json.address } }}', { a: 1, 'b c': 2, ada: 3, city: 'Berlin' }],
    ['{{ { name: $json.name }.name }}', 'ada'],
    ['{{ $json.address.city }}', 'Berlin'],
    ['{{ $json["address"]["city"] }}', 'Berlin'],
    ['{{ $json.tags[1] }}', 'b'],
    ['{{ $json.tags[$json.tags.length - 1] }}', 'b'],
    ['{{ $json.name.length }}', 3],
    ['{{ $json.name[0] }}', 'a'],
    ['{{ $json.missing?.deep.deeper }}', undefined],
    ['{{ $json.missing?.fn() }}', undefined],
    ['{{ $json.name.nothing?.() }}', undefined],
    ['{{ $json.address?.city }}', 'Berlin'],
    ['{{ "city" in $json.address }}', true],
    ['{{ "toString" in $json.address }}', false],
    ['{{ Math.max(...[1, 9, 3]) }}', 9],
    ['{{ undefined === $json.missing && isNaN(NaN) && Infinity > 1 }}', true],
  ];
  it.each(cases)('%s', (source, expected) => {
    expect(run(source, { name: 'ada', amount: 600, tags: ['a', 'b'], address: { city: 'Berlin' }, flag: false })).toEqual(expected);
  });

  it('reads scope names', () => {
    const scope = makeScope({ a: 1 }, { $index: 4 });
    expect(compileTemplate('{{ $index }}').evaluate(scope)).toBe(4);
    expect(compileTemplate('{{ $vars.region }}-{{ $env.API_HOST }}').evaluate(scope)).toBe('eu-api.example.com');
    expect(compileTemplate('{{ $run.mode }} {{ $flow.name }} {{ $node.type }} {{ $state.cursor }}').evaluate(scope)).toBe('manual Test flow core.set c42');
    expect(compileTemplate('{{ $binary }}').evaluate(scope)).toEqual({});
  });

  it('sees a mutated scope on each evaluation (the executor reuses one scope per node)', () => {
    const t = compileTemplate('{{ $json.v * 2 }}');
    const scope = makeScope({ v: 1 });
    expect(t.evaluate(scope)).toBe(2);
    scope.$json = { v: 21 };
    expect(t.evaluate(scope)).toBe(42);
  });
});

describe('arrow functions', () => {
  const data = { items: [{ price: 10, qty: 2, sku: 'a' }, { price: 5, qty: 1, sku: 'b' }, { price: 20, qty: 0, sku: 'c' }] };
  it('run as arguments of listed methods', () => {
    expect(run('{{ $json.items.map(x => x.price * 2) }}', data)).toEqual([20, 10, 40]);
    expect(run('{{ $json.items.filter(x => x.qty > 0).map(x => x.sku) }}', data)).toEqual(['a', 'b']);
    expect(run('{{ $json.items.reduce((sum, x) => sum + x.price * x.qty, 0) }}', data)).toBe(25);
    expect(run('{{ $json.items.find(x => x.price > 8).sku }}', data)).toBe('a');
    expect(run('{{ $json.items.findIndex(x => x.sku === "c") }}', data)).toBe(2);
    expect(run('{{ $json.items.some(x => x.qty === 0) && !$json.items.every(x => x.qty > 0) }}', data)).toBe(true);
    expect(run('{{ $json.items.sort((a, b) => b.price - a.price).map(x => x.sku).join() }}', data)).toBe('c,a,b');
    expect(run('{{ $json.items.map((x, i) => i) }}', data)).toEqual([0, 1, 2]);
  });

  it('nest, and inner arrows see outer parameters', () => {
    expect(run('{{ [1, 2].map(x => [10, 20].map(y => x + y)) }}')).toEqual([[11, 21], [12, 22]]);
    expect(run('{{ [[1, 2], [3]].flatMap(xs => xs.map(x => x * $json.k)) }}', { k: 3 })).toEqual([3, 6, 9]);
  });

  it('shadow scope names only through their own parameters', () => {
    expect(run('{{ [1, 2].map(json => json + $json.k) }}', { k: 1 })).toEqual([2, 3]);
  });
});

describe('conversions', () => {
  it('a {{ }} inside text is capped like any produced string', () => {
    const err = errorOf(() => run("x {{ 'a'.repeat(6e6) }}{{ 'b'.repeat(6e6) }}"));
    expect(err.code).toBe('expr.size');
  });

  it('dates and lists convert as documented', () => {
    expect(run('{{ [1, [2, 3], null] + "" }}')).toBe('1,2,3,');
    expect(run('{{ "At " + $today }}')).toBe('At 2024-03-15T00:00:00.000+01:00');
    expect(run('{{ [1, 2] == "1,2" }}')).toBe(true);
    expect(run('{{ { a: 1 } == { a: 1 } }}')).toBe(false);
    expect(run('{{ "day" in $now }}')).toBe(false);
  });
});

describe('host objects', () => {
  it('$input.all(), first(), last() and item', () => {
    expect(run('{{ $input.all().map(i => i.json.n) }}')).toEqual([1, 2, 3]);
    expect(run('{{ $input.first().json.n + $input.last().json.n }}')).toBe(4);
    expect(run('{{ $input.item.json.n }}')).toBe(1);
  });

  it("$('Node').item and .all() through a host function returning a host object", () => {
    expect(run("{{ $('Get contacts').item.json.email }}")).toBe('ada@acme.io');
    expect(run("{{ $('Get contacts').all().map(i => i.json.name).join(', ') }}")).toBe('Ada, Bob');
  });

  it('reports errors thrown by host functions at the call', () => {
    const err = errorOf(() => run("{{ $('Nope').item }}"));
    expect(err.code).toBe('expr.runtime');
    expect(err.message).toContain("No node named 'Nope'");
  });

  it('a host object cannot be returned or turned into JSON', () => {
    expect(errorOf(() => run('{{ $input }}')).code).toBe('expr.forbidden');
    expect(errorOf(() => run('x {{ $input }}')).code).toBe('expr.forbidden');
    expect(errorOf(() => run('{{ [$input] }}')).code).toBe('expr.forbidden');
    expect(errorOf(() => run('{{ $ }}')).code).toBe('expr.forbidden');
  });
});
