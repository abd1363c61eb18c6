import { describe, expect, it } from 'vitest';
import type { FlowFile } from './types';
import { downstreamOf, upstreamOf } from './walks';
import { withErrorPort } from './ports';

const node = (id: string) => ({ id, type: 'core.noop', version: 1, name: id.toUpperCase(), position: { x: 0, y: 0 }, params: {} });
const edge = (from: string, to: string) => ({ id: `${from}-${to}`, from: { node: from, port: 'main' }, to: { node: to, port: 'main' } });
const flow = {
  format: 'junction/flow@1', id: 'f', name: 'f', settings: {}, pinned: {}, notes: [],
  nodes: ['a', 'b', 'c', 'd', 'x'].map(node),
  edges: [edge('a', 'b'), edge('b', 'c'), edge('x', 'c'), edge('c', 'd'), edge('d', 'b')],
} as FlowFile;

describe('flow walks', () => {
  it('lists parents and every ancestor, nearest first, loops included once', () => {
    expect(upstreamOf(flow, 'c')).toEqual({ parents: ['b', 'x'], upstream: ['b', 'x', 'a', 'd'] });
    expect(upstreamOf(flow, 'a')).toEqual({ parents: [], upstream: [] });
  });

  it('lists every node downstream, nearest first, never the start', () => {
    expect(downstreamOf(flow, 'b')).toEqual(['c', 'd']);
    expect(downstreamOf(flow, 'x')).toEqual(['c', 'd', 'b']);
    expect(downstreamOf(flow, 'd')).toEqual(['b', 'c']);
  });

  it('adds the error port only for onError = errorPort, once', () => {
    expect(withErrorPort(['main'], { onError: 'errorPort' })).toEqual(['main', 'error']);
    expect(withErrorPort(['main', 'error'], { onError: 'errorPort' })).toEqual(['main', 'error']);
    expect(withErrorPort(['main'], { onError: 'continue' })).toEqual(['main']);
    expect(withErrorPort(['main'], undefined)).toEqual(['main']);
  });
});
