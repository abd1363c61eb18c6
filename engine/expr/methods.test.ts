import { describe, expect, it } from 'vitest';
import { errorOf, run } from './test-scope';

const check = (cases: [string, unknown][], json: unknown = {}) =>
  it.each(cases)('%s', (source, expected) => expect(run(source, json)).toEqual(expected));

describe('string methods', () => {
  check([
    ["{{ ' Ada '.trim().toLowerCase() }}", 'ada'],
    ["{{ 'a,b,,c'.split(',') }}", ['a', 'b', '', 'c']],
    ["{{ 'a,b,c'.split(',', 2) }}", ['a', 'b']],
    ["{{ 'abc'.split() }}", ['abc']],
    ["{{ 'hello'.slice(1, -1) + 'hello'.substring(3) + 'hello'.substr(0, 1) }}", 'ellloh'],
    ["{{ 'a-b-c'.replace('-', '+') }}", 'a+b-c'],
    ["{{ 'a-b-c'.replaceAll('-', '') }}", 'abc'],
    ["{{ 'a.b'.replaceAll('.', '$&$&') }}", 'a$&$&b'],
    ["{{ 'abc'.replaceAll('', '-') }}", '-a-b-c-'],
    ["{{ 'Hello'.includes('ell') && 'Hello'.startsWith('He') && 'Hello'.endsWith('lo') }}", true],
    ["{{ 'banana'.indexOf('an') + 'banana'.lastIndexOf('an') }}", 4],
    ["{{ '7'.padStart(3, '0') + '|' + '7'.padEnd(3) + '|' }}", '007|7  |'],
    ["{{ 'ab'.repeat(3) }}", 'ababab'],
    ["{{ 'abc'.charAt(1) + 'abc'.at(-1) + 'abc'.charCodeAt(0) }}", 'bc97'],
    ["{{ 'a'.concat('b', 1, null) }}", 'ab1null'],
    ["{{ 'a'.localeCompare('b') }}", -1],
    ["{{ 'e\\u0301'.normalize('NFC').length }}", 1],
    ["{{ 'Straße'.toLocaleUpperCase('de-DE') }}", 'STRASSE'],
  ]);
});

describe('string extension methods', () => {
  check([
    ["{{ ''.isEmpty() && !'x'.isEmpty() && 'x'.isNotEmpty() && '  '.isBlank() }}", true],
    ["{{ 'ada@acme.io'.isEmail() && !'ada@acme'.isEmail() && !'a b@c.io'.isEmail() }}", true],
    ["{{ 'https://x.io/a'.isUrl() && !'x.io'.isUrl() }}", true],
    ["{{ '12.5'.isNumeric() && !'12a'.isNumeric() }}", true],
    ["{{ 'Bob <bob@Example.COM>'.extractEmail() }}", 'bob@Example.COM'],
    ["{{ 'no address here'.extractEmail() }}", undefined],
    ["{{ 'ada@Acme.io'.extractDomain() }}", 'acme.io'],
    ["{{ 'https://www.example.com:8080/path?q=1'.extractDomain() }}", 'www.example.com'],
    ["{{ 'shop.example.org/cart'.extractDomain() }}", 'shop.example.org'],
    ["{{ 'nothing'.extractDomain() }}", undefined],
    ["{{ 'hello wORLD-wide web'.toTitleCase() }}", 'Hello World-Wide Web'],
    ["{{ 'hELLO there'.toSentenceCase() }}", 'Hello there'],
    ["{{ 'Hello World'.toSnakeCase() + ' ' + 'helloWorld'.toKebabCase() + ' ' + 'hello_big world'.toCamelCase() }}", 'hello_world hello-world helloBigWorld'],
    ["{{ ' 1,234.5 '.toNumber() + '42'.toInt() }}", 1276.5],
    ["{{ 'yes'.toBoolean() && !'false'.toBoolean() && !'0'.toBoolean() }}", true],
    ["{{ '2024-02-29'.toDateTime().toISODate() }}", '2024-02-29'],
    ["{{ '29.02.2024'.toDateTime('dd.MM.yyyy').month }}", 2],
    ["{{ 'a b&c'.urlEncode() }}", 'a%20b%26c'],
    ["{{ 'a%20b'.urlDecode() }}", 'a b'],
    ["{{ 'hi ü'.base64Encode() }}", 'aGkgw7w='],
    ["{{ 'aGkgw7w='.base64Decode() }}", 'hi ü'],
  ]);

  it('toNumber explains text that is not a number', () => {
    expect(errorOf(() => run("{{ 'abc'.toNumber() }}")).message).toMatch(/'abc' is not a number/);
  });
});

describe('number methods', () => {
  check([
    ['{{ (3.14159).toFixed(2) }}', '3.14'],
    ['{{ (255).toString(16) + (255).toString() }}', 'ff255'],
    ['{{ (1234.5678).toPrecision(6) }}', '1234.57'],
    ['{{ (1.005).round(2) }}', 1.01],
    ['{{ (1234.5678).round() + (-1.5).round() }}', 1234],
    ['{{ [(1.234).floor(1), (1.234).ceil(2), (-1.25).floor(1)] }}', [1.2, 1.24, -1.3]],
    ['{{ (1234567.891).format("de-DE") }}', '1.234.567,891'],
    ['{{ (0.256).format("en-US", { style: "percent" }) }}', '26%'],
    ['{{ (4).isEven() && (5).isOdd() && (-3).isOdd() && (2).isInteger() && !(2.5).isInteger() }}', true],
    ['{{ (-4).abs() }}', 4],
    ['{{ (0).toDateTime().toUTC().year }}', 1970],
    ['{{ $json.n.toFixed(1) }}', '2.0'],
  ], { n: 2 });
});

describe('array methods', () => {
  const json = { nums: [3, 1, 2], people: [{ name: 'Ada', age: 36 }, { name: 'Bob', age: 25 }, { name: 'Ada', age: 36 }], words: ['b', 'a', 'c'] };
  check([
    ['{{ $json.nums.includes(2) && !$json.nums.includes("2") && [NaN].includes(NaN) }}', true],
    ['{{ $json.nums.indexOf(2) + $json.nums.lastIndexOf(3) }}', 2],
    ['{{ $json.nums.join("-") }}', '3-1-2'],
    ['{{ [1, [2, [3, [4]]]].flat() }}', [1, 2, [3, [4]]]],
    ['{{ [1, [2, [3, [4]]]].flat(Infinity) }}', [1, 2, 3, 4]],
    ['{{ $json.nums.slice(-2) }}', [1, 2]],
    ['{{ $json.nums.concat([4], 5) }}', [3, 1, 2, 4, 5]],
    ['{{ $json.nums.at(-1) }}', 2],
    ['{{ $json.nums.sort() }}', [1, 2, 3]],
    ['{{ [10, 9, 1].sort() }}', [1, 10, 9]],
    ['{{ [3, undefined, 1].sort((a, b) => a - b) }}', [1, 3, undefined]],
    ['{{ $json.words.reverse() }}', ['c', 'a', 'b']],
    ['{{ $json.nums.length }}', 3],
    ['{{ $json.nums.sum() + $json.nums.average() }}', 8],
    ['{{ [].sum() + [].average() }}', 0],
    ['{{ [$json.nums.min(), $json.nums.max(), [].max()] }}', [1, 3, undefined]],
    ['{{ $json.people.unique().length }}', 2],
    ['{{ $json.people.unique("name").map(p => p.age) }}', [36, 25]],
    ['{{ [1, "1", 1].removeDuplicates() }}', [1, '1']],
    ['{{ $json.nums.first() + $json.nums.last() }}', 5],
    ['{{ [0, null, "", undefined, false, "x"].compact() }}', [0, false, 'x']],
    ['{{ [].isEmpty() && $json.nums.isNotEmpty() }}', true],
    ['{{ $json.people.pluck("name") }}', ['Ada', 'Bob', 'Ada']],
    ['{{ $json.people.pluck("name", "age")[1] }}', { name: 'Bob', age: 25 }],
    ['{{ [1, 2, 3, 4, 5].chunk(2) }}', [[1, 2], [3, 4], [5]]],
    ['{{ [1, 2].union([2, 3]) }}', [1, 2, 3]],
    ['{{ [1, 2, 3].intersection([2, 3, 4]) }}', [2, 3]],
    ['{{ [1, 2, 3].difference([2]) }}', [1, 3]],
    ['{{ [{ name: "a", value: 1 }, { name: "b", value: 2 }].smartJoin("name", "value") }}', { a: 1, b: 2 }],
    ['{{ $json.people.findLast(p => p.age > 30).name }}', 'Ada'],
  ], json);

  it('never mutates the data it was given', () => {
    const data = { nums: [3, 1, 2] };
    run('{{ $json.nums.sort() }} {{ $json.nums.reverse() }}', data);
    expect(data.nums).toEqual([3, 1, 2]);
  });

  it('reduce of an empty list without a start value says how to fix it', () => {
    expect(errorOf(() => run('{{ [].reduce((a, b) => a + b) }}')).message).toMatch(/needs a start value/);
  });
});

describe('object extensions and globals', () => {
  const json = { o: { a: 1, b: null, c: '' } };
  check([
    ['{{ $json.o.keys() }}', ['a', 'b', 'c']],
    ['{{ $json.o.values() }}', [1, null, '']],
    ['{{ $json.o.hasField("a") && !$json.o.hasField("toString") }}', true],
    ['{{ $json.o.compact() }}', { a: 1 }],
    ['{{ ({}).isEmpty() && $json.o.isNotEmpty() }}', true],
    ['{{ $json.o.toJsonString() }}', '{"a":1,"b":null,"c":""}'],
    ['{{ Object.keys($json.o) }}', ['a', 'b', 'c']],
    ['{{ Object.entries({ x: 1 }) }}', [['x', 1]]],
    ['{{ Object.fromEntries([["x", 1], ["y", 2]]) }}', { x: 1, y: 2 }],
    ['{{ [Math.round(Math.PI * 100) / 100, Math.abs(-1), Math.floor(1.9)] }}', [3.14, 1, 1]],
    ['{{ Math.min(4, 2) + Math.pow(2, 3) + Math.sqrt(16) }}', 14],
    ['{{ Math.max(...Array.from({ length: 200000 }, (x, i) => i)) }}', 199999],
    ['{{ JSON.parse(\'{"a":[1,2]}\').a[1] }}', 2],
    ['{{ JSON.stringify({ a: 1, b: [1, 2], u: undefined }) }}', '{"a":1,"b":[1,2]}'],
    ['{{ JSON.stringify([undefined, NaN]) }}', '[null,null]'],
    ['{{ JSON.stringify({ a: { b: [] } }, null, 2) }}', '{\n  "a": {\n    "b": []\n  }\n}'],
    ['{{ Number("42") + Number(true) + parseInt("10px") + parseFloat("1.5") }}', 54.5],
    ['{{ String(12) + String(null) + Boolean("") }}', '12nullfalse'],
    ['{{ Array.isArray([]) && !Array.isArray("x") }}', true],
    ['{{ Array.from({ length: 3 }, (x, i) => i * 2) }}', [0, 2, 4]],
    ['{{ Number.isInteger(5) && Number.MAX_SAFE_INTEGER > 1e15 }}', true],
    ['{{ isNaN("x") && isFinite("1") }}', true],
    ['{{ encodeURIComponent("a b") + decodeURIComponent("%21") }}', 'a%20b!'],
  ], json);
});
