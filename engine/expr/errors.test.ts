import { describe, expect, it } from 'vitest';
import { JunctionError } from '../sdk/errors';
import { checkTemplate, compileTemplate } from './index';
import { errorOf, run } from './test-scope';

// Each construct outside the subset fails at compile time with its token, position and a hint.
// `^` marks the expected position in the source above it.
const forbidden: [string, string, RegExp, RegExp?][] = [
  ['{{ $json.a = 1 }}', '           ^', /Assignment `=`/, /Set node or a Code node/],
  ['{{ $json.a += 1 }}', '           ^', /Assignment `\+=`/, /can't assign/],
  ['{{ $json.a++ }}', '          ^', /`\+\+`/, /can't assign/],
  ['{{ --$json.a }}', '   ^', /`--`/, /can't assign/],
  ['{{ delete $json.a }}', '   ^', /`delete`/, /Set node/],
  ['{{ new Date() }}', '   ^', /`new`/, /DateTime\.fromISO/],
  ['{{ this }}', '   ^', /`this`/, /\$json/],
  ['{{ function () { return 1 } }}', '   ^', /`function`/, /arrow function/],
  ['{{ class A {} }}', '   ^', /`class`/, /Code node/],
  ["{{ import('fs') }}", '   ^', /`import\(\)`/, /load modules/],
  ['{{ import.meta }}', '   ^', /import\.meta/],
  ['{{ (1, 2) }}', '    ^', /comma operator/, /single expression/],
  ['{{ String.raw`x` }}', '   ^', /tagged template/, /plain template literal/],
  ['{{ (() => 1)() }}', '    ^', /Immediately invoked/, /Code node/],
  ['{{ (x => x)(1) }}', '    ^', /Immediately invoked/],
  ['{{ x => x }}', '   ^', /arrow function can only be passed/, /\.map\(x =>/],
  ['{{ $json.a.map(x => { return x }) }}', '                    ^', /expression body/, /Code node/],
  ['{{ $json.a.map(async x => x) }}', '               ^', /Async/],
  ['{{ $json.a.map(({ p }) => p) }}', '                ^', /plain names/],
  ['{{ $json.a.map(($json) => 1) }}', '                ^', /can't be a parameter name/],
  ['{{ { get x() { return 1 } } }}', '     ^', /Getters and setters/],
  ['{{ { m() { return 1 } } }}', '     ^', /Methods can't be defined/],
  ['{{ { __proto__: { polluted: 1 } } }}', '     ^', /`__proto__` can't be used as a key/],
  ['{{ /a+/.test("a") }}', '   ^', /Regular expression/, /includes/],
  ['{{ 10n ** 9n }}', '   ^', /BigInt/],
  ['{{ $json instanceof Object }}', '         ^', /`instanceof`/],
  ['{{ $json.constructor }}', '         ^', /`constructor` can't be read/],
  ["{{ ''['__proto__'] }}", '      ^', /`__proto__` can't be read/],
  ['{{ $json[`prototype`] }}', '         ^', /`prototype` can't be read/],
  ['{{ [].__defineGetter__ }}', '      ^', /`__defineGetter__`/],
  ['{{ foo }}', '   ^', /Unknown name `foo`/, /Did you mean \$json\.foo\?/],
  ['{{ json.a }}', '   ^', /Unknown name `json`/, /Did you mean \$json\?/],
  ['{{ math.max(1) }}', '   ^', /Unknown name `math`/, /Did you mean Math\?/],
  ['{{ $item }}', '   ^', /Unknown name `\$item`/, /\$input\.item/],
  ['{{ process.env }}', '   ^', /Unknown name `process`/, /\$env/],
  ['{{ require("fs") }}', '   ^', /Unknown name `require`/, /load modules/],
  ['{{ globalThis }}', '   ^', /Unknown name `globalThis`/, /no global object/],
  ['{{ eval("1") }}', '   ^', /Unknown name `eval`/, /Code node/],
  ['{{ Function("x") }}', '   ^', /Unknown name `Function`/],
  ['{{ arguments }}', '   ^', /Unknown name `arguments`/],
  ['{{ Atomics.wait }}', '   ^', /Unknown name `Atomics`/],
  ['{{ Error.prepareStackTrace }}', '   ^', /Unknown name `Error`/],
  ['{{ Math }}', '   ^', /`Math` can only be used as Math\.name/],
  ['{{ Math.foo(1) }}', '        ^', /`Math\.foo` isn't available/, /Math\.max/],
  ['{{ Math.max }}', '        ^', /`Math\.max` must be called/],
  ['{{ Array(5) }}', '   ^', /`Array` can't be called/],
  ['{{ $json.a; $json.b }}', '          ^', /`;` ends a statement/, /Code node/],
  ['{{ if ($json.a) 1 }}', '   ^', /`if` starts a statement/, /a \? b : c/],
  ['{{ let x = 1 }}', '   ^', /`let` starts a statement/],
  ['{{ with ($json) a }}', '   ^', /`with` starts a statement/],
  ['{{ $json.a $json.b }}', '           ^', /Unexpected `\$json\.b`; expected `}}`/],
  ['{{ }}', '^', /Empty expression/],
  ['{{ $json.a', '          ^', /never closed/],
  ['{{ $json. }}', '          ^', /Unexpected token/],
];

describe('compile-time rejections', () => {
  it.each(forbidden)('%s', (source, caret, message, hint) => {
    const err = errorOf(() => compileTemplate(source)) as JunctionError & { position: number; hint?: string };
    expect(err).toBeInstanceOf(JunctionError);
    expect(['expr.forbidden', 'expr.syntax']).toContain(err.code);
    expect(err.message).toMatch(message);
    expect(err.position).toBe(caret.indexOf('^'));
    expect(err.message).toContain(`(at position ${caret.indexOf('^')})`);
    if (hint) expect(err.hint).toMatch(hint);
    const checked = checkTemplate(source);
    expect(checked).toMatchObject({ code: err.code, position: err.position });
  });

  it('guards nesting depth at compile time', () => {
    const deep = '{{ ' + '['.repeat(250) + ']'.repeat(250) + ' }}';
    expect(errorOf(() => compileTemplate(deep)).message).toMatch(/nested more than 200 levels/);
    const deeper = '{{ ' + '('.repeat(50_000) + '1' + ')'.repeat(50_000) + ' }}';
    expect(['expr.syntax', 'expr.forbidden']).toContain(errorOf(() => compileTemplate(deeper)).code);
  });

  it('positions are offsets into the whole template, not the expression', () => {
    expect(checkTemplate('Dear {{ $json.name }}, your {{ nope }}')?.position).toBe(31);
  });
});

describe('run-time errors', () => {
  it('reading a member of undefined or null says which and where', () => {
    const err = errorOf(() => run('{{ $json.a.b }}', {}));
    expect(err).toBeInstanceOf(JunctionError);
    expect(err.code).toBe('expr.runtime');
    expect(err.message).toBe("Cannot read 'b' of undefined (at position 11)");
    expect(errorOf(() => run('{{ $json.a.b }}', { a: null })).message).toBe("Cannot read 'b' of null (at position 11)");
  });

  it('calling a method of undefined, or one the type lacks, is explained', () => {
    expect(errorOf(() => run('{{ $json.a.trim() }}', {})).message).toMatch(/Cannot call \.trim\(\) of undefined/);
    const err = errorOf(() => run('{{ $json.a.sum() }}', { a: 'text' }));
    expect(err.message).toMatch(/\.sum\(\) isn't available on text/);
    expect(err.hint).toMatch(/works on lists/);
    expect(errorOf(() => run('{{ $json.name.toUpperCase }}', { name: 'x' })).message).toMatch(/`toUpperCase` is a method/);
  });

  it('only host functions can be called', () => {
    expect(errorOf(() => run('{{ $json.f() }}', { f: 1 })).message).toMatch(/\.f\(\) isn't available on an object/);
    expect(errorOf(() => run('{{ $input.all()() }}')).message).toMatch(/This value is not a function you can call/);
    expect(errorOf(() => run('{{ $input.all()() }}')).code).toBe('expr.forbidden');
  });

  it('arrow functions go only to listed methods', () => {
    expect(errorOf(() => compileTemplate('{{ Math.max(x => 1) }}')).message).toMatch(/`Math\.max` doesn't take an arrow function/);
    expect(errorOf(() => compileTemplate('{{ JSON.stringify(x => 1) }}')).code).toBe('expr.forbidden');
    expect(errorOf(() => run('{{ [1].concat(x => 1) }}')).code).toBe('expr.forbidden');
    expect(run('{{ [1].concat(x => 1)[1].s }}')).toBeUndefined();
    expect(errorOf(() => run('{{ [1].map(5) }}')).message).toMatch(/\.map\(\) needs an arrow function/);
    expect(errorOf(() => run("{{ $('Get contacts', x => x) }}")).message).toMatch(/Arrow functions can't be passed/);
  });

  it('errors from natives and luxon become expr.runtime errors with a position', () => {
    const err = errorOf(() => run('{{ (1).toFixed(500) }}'));
    expect(err.code).toBe('expr.runtime');
    expect(err.message).toMatch(/from 0 to 100/);
    expect(errorOf(() => run("{{ JSON.parse('{bad') }}")).message).toMatch(/JSON\.parse\(\)/);
    expect(errorOf(() => run("{{ $now.startOf('fortnight') }}")).message).toMatch(/Unknown unit 'fortnight'/);
    expect(errorOf(() => run("{{ '%E0%A4%A'.urlDecode() }}")).code).toBe('expr.runtime');
  });
});
