import { describe, expect, it } from 'vitest';
import { p } from '../../engine/sdk/schema';
import { fieldPathFor, paramsPathOf, placeProblems } from './problem-paths';

const spec = p.object({
  fields: p.list(p.object({ name: p.string().required(), value: p.value() })),
  headers: p.keyValue(),
  key: p.variant('by', { wholeItem: {}, fields: { fields: p.list(p.fieldPath()).min(1) } }),
}).spec;

describe('problem paths', () => {
  it('maps engine paths of this node to form paths', () => {
    expect(paramsPathOf('$.nodes[3].params.fields[0].value', 3)).toBe('fields.0.value');
    expect(paramsPathOf('$.nodes[3].params', 3)).toBe('');
    expect(paramsPathOf('$.nodes[31].params.url', 3)).toBeUndefined();
    expect(paramsPathOf('$.nodes[3].paramsX', 3)).toBeUndefined();
    expect(paramsPathOf('$.nodes[3].name', 3)).toBeUndefined();
  });

  it('lands on the deepest rendered field', () => {
    const params = { fields: [{ name: 'a' }], headers: { 'X-Id': '1' }, key: { by: 'fields', fields: [] } };
    expect(fieldPathFor(spec, params, 'fields.0.value')).toBe('fields.0.value');
    expect(fieldPathFor(spec, params, 'headers.X-Id')).toBe('headers');
    expect(fieldPathFor(spec, params, 'key.fields')).toBe('key.fields');
    expect(fieldPathFor(spec, params, 'key.by')).toBe('key');
    expect(fieldPathFor(spec, params, 'nope')).toBe('');
    expect(fieldPathFor(spec, { fields: '{{ $json.list }}' }, 'fields.0.name')).toBe('fields');
  });

  it('splits a node\'s problems into params and the rest', () => {
    const placed = placeProblems([
      { path: '$.nodes[1].params.fields[0].name', message: 'is required', code: 'param.required' },
      { path: '$.nodes[1].name', message: 'duplicate', code: 'flow.duplicate-name' },
      { path: '$.nodes[2].params.fields', message: 'other node', code: 'x' },
    ], 1, spec, { fields: [{}] });
    expect([...placed.byField.keys()]).toEqual(['fields.0.name']);
    const deep = placeProblems([{ path: '$.nodes[0].params.headers.X-Id', message: 'must be text', code: 'param.invalid' }], 0, spec, {});
    expect(deep.byField.get('headers')![0].message).toBe('X-Id: must be text');
    expect(placed.other.map((x) => x.code)).toEqual(['flow.duplicate-name']);
  });
});
