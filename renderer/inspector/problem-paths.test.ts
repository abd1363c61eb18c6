import { describe, expect, it } from 'vitest';
import { p } from '../../engine/sdk/schema';
import { dotted, fieldPathFor, placeProblems } from './problem-paths';

const spec = p.object({
  fields: p.list(p.object({ name: p.string().required(), value: p.value() })),
  headers: p.keyValue(),
  key: p.variant('by', { wholeItem: {}, fields: { fields: p.list(p.fieldPath()).min(1) } }),
}).spec;

describe('problem paths', () => {
  it('turns a param path into a form path', () => {
    expect(dotted('fields[0].value')).toBe('fields.0.value');
    expect(dotted('headers["X-Id"]')).toBe('headers.X-Id');
    expect(dotted('')).toBe('');
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

  it('places a node\'s problems by their node id and field, never by index in a path', () => {
    const placed = placeProblems([
      { path: '$.nodes[1].params.fields[0].name', message: 'is required', code: 'param.required', nodeId: 'n1', nodePath: 'params.fields[0].name', field: 'fields[0].name' },
      { path: '$.nodes[1].name', message: 'duplicate', code: 'flow.duplicate-name', nodeId: 'n1', nodePath: 'name' },
      { path: '$.nodes[1].params.fields', message: 'other node', code: 'x', nodeId: 'n2', nodePath: 'params.fields', field: 'fields' },
    ], 'n1', spec, { fields: [{}] });
    expect([...placed.byField.keys()]).toEqual(['fields.0.name']);
    expect(placed.other.map((x) => x.code)).toEqual(['flow.duplicate-name']);
    const deep = placeProblems([{ path: '$.nodes[0].params.headers.X-Id', message: 'must be text', code: 'param.invalid', nodeId: 'a', field: 'headers.X-Id' }], 'a', spec, {});
    expect(deep.byField.get('headers')![0].message).toBe('X-Id: must be text');
  });
});
