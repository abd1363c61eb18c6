import { describe, expect, it } from 'vitest';
import type { FlowFile } from '../../engine/flow/types';
import { FRAGMENT_FORMAT, makeFragment, parseFragment, pasteFragment } from './fragment';

const node = (id: string, name: string, x = 0) => ({ id, type: 'core.noop', version: 1, name, position: { x, y: 0 }, params: {} });
const base: FlowFile = {
  format: 'junction/flow@1', id: 'f', name: 'f', settings: {}, pinned: {}, notes: [{ id: 's1', text: 'hi', position: { x: 0, y: -100 } }],
  nodes: [node('a', 'Fetch'), node('b', 'Clean', 200), node('c', 'Store', 400)],
  edges: [{ id: 'e1', from: { node: 'a', port: 'main' }, to: { node: 'b', port: 'main' } }, { id: 'e2', from: { node: 'b', port: 'main' }, to: { node: 'c', port: 'main' } }],
};

describe('fragments', () => {
  it('copies selected nodes with the edges between them only', () => {
    const f = makeFragment(base, new Set(['a', 'b', 'note:s1']))!;
    expect(f.format).toBe(FRAGMENT_FORMAT);
    expect(f.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(f.edges.map((e) => e.id)).toEqual(['e1']);
    expect(f.notes?.map((n) => n.text)).toEqual(['hi']);
  });

  it('pastes with new ids, unique names and shifted positions', () => {
    const f = makeFragment(base, new Set(['a', 'b']))!;
    const { flow, keys } = pasteFragment(base, f);
    const added = flow.nodes.slice(3);
    expect(added.map((n) => n.name)).toEqual(['Fetch 2', 'Clean 2']);
    expect(added.every((n) => !['a', 'b', 'c'].includes(n.id))).toBe(true);
    expect(added[0].position).toEqual({ x: 40, y: 40 });
    const edge = flow.edges[2];
    expect([edge.from.node, edge.to.node]).toEqual([added[0].id, added[1].id]);
    expect(keys).toEqual(added.map((n) => n.id));
  });

  it('places a fragment at a given point', () => {
    const f = makeFragment(base, new Set(['b', 'c']))!;
    const { flow } = pasteFragment(base, f, { x: 1000, y: 500 });
    expect(flow.nodes.slice(3).map((n) => n.position)).toEqual([{ x: 1000, y: 500 }, { x: 1200, y: 500 }]);
  });

  it('reads fragments and whole flows from text, and nothing else', () => {
    expect(parseFragment(JSON.stringify(makeFragment(base, new Set(['a']))))?.nodes).toHaveLength(1);
    expect(parseFragment(JSON.stringify(base))?.nodes).toHaveLength(3);
    expect(parseFragment('{"format":"other","nodes":[]}')).toBeUndefined();
    expect(parseFragment('hello')).toBeUndefined();
  });
});
