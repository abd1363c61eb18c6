import { describe, expect, it } from 'vitest';
import { buildFlow } from '../../test/fixtures/flow-builder';
import { duplicateNames, renameReferences } from './rename-refs';

const flow = buildFlow([
  { type: 'core.code', name: 'Fetch orders' },
  { type: 'core.set', name: 'Shape', params: { fields: [{ name: 'id', value: `{{ $('Fetch orders').item.json.id }} / {{ $( "Fetch orders" ).all().length }}` }] } },
  { type: 'core.code', name: 'Sum', params: { code: 'const all = $(`Fetch orders`).all(); return $(\'Fetch orders x\').all();' } },
  { type: 'core.noop', name: 'Other' },
], []);

describe('renameReferences', () => {
  it('rewrites $() references with any quote in every node, leaving other names and untouched nodes alone', () => {
    const next = renameReferences(flow, 'Fetch orders', "Bob's orders");
    expect((next.nodes[1].params.fields as { value: string }[])[0].value)
      .toBe(`{{ $('Bob\\'s orders').item.json.id }} / {{ $("Bob's orders").all().length }}`);
    expect(next.nodes[2].params.code).toBe('const all = $(`Bob\'s orders`).all(); return $(\'Fetch orders x\').all();');
    expect(next.nodes[3]).toBe(flow.nodes[3]);
    expect(renameReferences(flow, 'Nobody', 'X')).toBe(flow);
  });

  it('finds names used twice', () => {
    expect(duplicateNames(flow)).toEqual([]);
    expect(duplicateNames({ ...flow, nodes: [...flow.nodes, { ...flow.nodes[3], id: 'o2' }] })).toEqual(['Other']);
  });
});
