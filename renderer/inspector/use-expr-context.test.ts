import { describe, expect, it } from 'vitest';
import type { FlowFile } from '../../engine/api';
import { upstreamOf } from './use-expr-context';

const node = (id: string) => ({ id, type: 'core.noop', version: 1, name: id.toUpperCase(), position: { x: 0, y: 0 }, params: {} });
const edge = (from: string, to: string) => ({ id: `${from}-${to}`, from: { node: from, port: 'main' }, to: { node: to, port: 'main' } });

describe('upstreamOf', () => {
  it('lists parents and every ancestor by name, nearest first, loops included once', () => {
    const flow = {
      format: 'junction/flow@1', id: 'f', name: 'f', settings: {}, pinned: {}, notes: [],
      nodes: ['a', 'b', 'c', 'd', 'x'].map(node),
      edges: [edge('a', 'b'), edge('b', 'c'), edge('x', 'c'), edge('c', 'd'), edge('d', 'b')],
    } as FlowFile;
    expect(upstreamOf(flow, 'c')).toEqual({ parents: ['B', 'X'], upstream: ['B', 'X', 'A', 'D'] });
    expect(upstreamOf(flow, 'a')).toEqual({ parents: [], upstream: [] });
  });
});
