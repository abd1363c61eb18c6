import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../expr';
import { makeScope } from '../../expr/test-scope';
import { fieldPath, jsonAccess, literalText, typedValue, type Report } from './values';

const lines: string[] = [];
const report: Report = (severity, kind, path, message) => { lines.push(`${severity} ${kind} ${path}: ${message}`); };

describe('Node-RED values', () => {
  it('reads plain msg paths as $json accesses and refuses the rest', () => {
    expect(jsonAccess('payload')).toBe('$json.payload');
    expect(jsonAccess('msg.payload.items[0]["a b"]')).toBe('$json.payload.items[0]["a b"]');
    expect(jsonAccess('payload + 1')).toBeUndefined();
    expect(jsonAccess('payload.constructor()')).toBeUndefined();
    expect(fieldPath('payload.a')).toBe('payload.a');
    expect(fieldPath('payload[0]')).toBeUndefined();
  });

  it('keeps literal text literal, {{ included', () => {
    const t = literalText('Hi {{name}}!');
    expect(compileTemplate(t).evaluate(makeScope({ name: 'x' }))).toBe('Hi {{name}}!');
  });

  it('turns each typed value into a Junction value, reporting what it cannot carry', () => {
    lines.length = 0;
    expect(typedValue('42', 'num', '$[1].v', report)).toBe(42);
    expect(typedValue('true', 'bool', '$[1].v', report)).toBe(true);
    expect(typedValue('{"a":[1]}', 'json', '$[1].v', report)).toEqual({ a: [1] });
    expect(typedValue('', 'str', '$[1].v', report)).toBe('{{ "" }}');
    expect(typedValue('payload.x', 'msg', '$[1].v', report)).toBe('{{ $json.payload.x }}');
    expect(typedValue('msg.topic', 'jsonata', '$[1].v', report)).toBe('{{ $json.topic }}');
    expect(typedValue('HOME', 'env', '$[1].v', report)).toBe('{{ $env.HOME }}');
    expect(typedValue('', 'date', '$[1].v', report)).toBe('{{ $now.toMillis() }}');
    expect(lines).toEqual([]);
    expect(typedValue('count', 'flow', '$[2].v', report)).toBeNull();
    expect(typedValue('$sum(payload)', 'jsonata', '$[3].v', report)).toBe('$sum(payload)');
    expect(typedValue('{bad', 'json', '$[4].v', report)).toBeNull();
    expect(lines.map((l) => l.split(':')[0])).toEqual(['warning option $[2].v', 'warning expression $[3].v', 'warning option $[4].v']);
    expect(lines[1]).toContain('$sum(payload)');
  });
});
