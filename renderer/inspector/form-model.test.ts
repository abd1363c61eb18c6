import { describe, expect, it } from 'vitest';
import { checkParams } from '../../engine/sdk/check-params';
import { p } from '../../engine/sdk/schema';
import { fieldProblems, expressionOf, fixedValueOf, formRows, labelPath, initialValue, moveItem, switchCase, takesExpression, variantTag, withKey, wordsOf } from './form-model';

const http = p.object({
  method: p.select(['GET', 'POST']).default('GET'),
  url: p.string().required(),
  body: p.json().showWhen({ method: ['POST'] }),
  timeoutMs: p.number().int().min(1),
}).spec;

describe('labels', () => {
  it('turns keys into words', () => {
    expect(wordsOf('batchSize')).toBe('Batch size');
    expect(wordsOf('timeoutMs')).toBe('Timeout (ms)');
    expect(wordsOf('apiURL')).toBe('API URL');
    expect(wordsOf('user_id')).toBe('User ID');
    expect(wordsOf('value1')).toBe('Value 1');
  });
});

describe('formRows', () => {
  it('hides showWhen fields, reading defaults of siblings', () => {
    expect(formRows(http.fields!, {}, '').map((r) => r.key)).toEqual(['method', 'url', 'timeoutMs']);
    const rows = formRows(http.fields!, { method: 'POST', url: 'x' }, 'req');
    expect(rows.map((r) => r.path)).toEqual(['req.method', 'req.url', 'req.body', 'req.timeoutMs']);
    expect(rows[1]).toMatchObject({ label: 'URL', value: 'x' });
  });
});

describe('variants and new rows', () => {
  const key = p.variant('by', { wholeItem: {}, fields: { fields: p.list(p.fieldPath()).required(), ignoreCase: p.boolean() } }).spec;
  it('finds the case and fills required fields of a new one', () => {
    expect(variantTag(key, undefined)).toBe('wholeItem');
    expect(variantTag(key, { by: 'fields' })).toBe('fields');
    expect(switchCase(key, { by: 'wholeItem' }, 'fields')).toEqual({ by: 'fields', fields: [] });
  });
  it('builds list rows from the item schema', () => {
    const row = p.object({ name: p.string().required(), value: p.value(), keep: p.boolean().default(true) }).spec;
    expect(initialValue(row)).toEqual({ name: '' });
    expect(initialValue(p.select(['a', 'b']).spec)).toBe('a');
  });
  it('updates immutably', () => {
    const obj = { a: 1, b: 2 };
    expect(withKey(obj, 'a', undefined)).toEqual({ b: 2 });
    expect(obj).toEqual({ a: 1, b: 2 });
    expect(moveItem(['x', 'y', 'z'], 0, 2)).toEqual(['y', 'z', 'x']);
  });
});

describe('field checks', () => {
  it('are the engine\'s checks: required and ranges, not expressions', () => {
    expect(fieldProblems(http.fields!.url, '')).toEqual(['is required']);
    expect(fieldProblems(http.fields!.method, undefined)).toEqual([]);
    expect(fieldProblems(http.fields!.timeoutMs, 0.5)).toEqual(['must be a whole number', 'must be at least 1']);
    expect(fieldProblems(http.fields!.timeoutMs, '{{ $json.t }}')).toEqual([]);
    expect(fieldProblems(p.list(p.string()).min(1).spec, [])).toEqual(['add at least 1 entry']);
    expect(fieldProblems(p.number().spec, 'abc')).toEqual(['must be a number, not a string']);
  });
  it('agree with the engine on a required field shown by a sibling\'s default', () => {
    const form = p.object({ method: p.select(['GET', 'POST']).default('POST'), body: p.json().required().showWhen({ method: ['POST'] }) }).spec;
    const rows = formRows(form.fields!, {}, '');
    expect(rows.map((r) => r.key)).toEqual(['method', 'body']);
    expect(fieldProblems(rows[1].spec, rows[1].value)).toEqual(['is required']);
    expect(checkParams(form, {}, 'params').problems.map((x) => `${x.path}: ${x.message}`)).toEqual(['params.body: is required']);
  });
  it('offers expressions on leaf fields only', () => {
    expect(takesExpression(http.fields!.url)).toBe(true);
    expect(takesExpression(p.code().spec)).toBe(false);
    expect(takesExpression(http)).toBe(false);
    expect(takesExpression(p.select(['a']).literal().spec)).toBe(false);
  });
});

describe('fixed ⇄ expression', () => {
  const num = p.number().spec;
  it('keeps sole literals when an expression is switched off', () => {
    expect(fixedValueOf(num, '{{ 42 }}')).toBe(42);
    expect(fixedValueOf(p.string().spec, "{{ 'hi' }}")).toBe('hi');
    expect(fixedValueOf(num, '{{ $json.n }}')).toBeUndefined();
    expect(fixedValueOf(num, 'abc')).toBeUndefined();
    expect(fixedValueOf(p.string().spec, 'plain')).toBe('plain');
  });
  it('turns fixed values into expressions that mean the same', () => {
    expect(expressionOf(undefined)).toBe('{{  }}');
    expect(expressionOf(42)).toBe('{{ 42 }}');
    expect(expressionOf('Hello')).toBe('Hello');
  });
});

describe('labelPath', () => {
  it('names a field for error sentences', () => {
    const spec = p.object({ fields: p.list(p.object({ value: p.value() })), url: p.string() }).spec;
    expect(labelPath(spec, 'fields.0.value')).toBe('Fields › #1 › Value');
    expect(labelPath(spec, 'url')).toBe('URL');
    expect(labelPath(spec, 'other.x')).toBe('other › x');
  });
});
