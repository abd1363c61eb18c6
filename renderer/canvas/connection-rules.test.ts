import { describe, expect, it } from 'vitest';
import type { FlowFile } from '../../engine/flow/types';
import { checkConnection } from './connection-rules';

const node = (id: string, type = 'core.noop') => ({ id, type, version: 1, name: id, position: { x: 0, y: 0 }, params: {} });
const edge = (id: string, from: string, fromPort: string, to: string) => ({ id, from: { node: from, port: fromPort }, to: { node: to, port: 'main' } });
const flow = (nodes: FlowFile['nodes'], edges: FlowFile['edges']): FlowFile =>
  ({ format: 'junction/flow@1', id: 'f', name: 'f', nodes, edges, settings: {}, pinned: {}, notes: [] });
const isLoop = (type: string) => type === 'core.loop';
const port = (node: string, p = 'main') => ({ node, port: p });

describe('checkConnection', () => {
  const chain = flow([node('a'), node('b'), node('c')], [edge('e1', 'a', 'main', 'b'), edge('e2', 'b', 'main', 'c')]);

  it('accepts a new forward edge', () => {
    expect(checkConnection(chain, port('a'), port('c'), isLoop).ok).toBe(true);
  });

  it('refuses a duplicate and a self edge', () => {
    expect(checkConnection(chain, port('a'), port('b'), isLoop)).toMatchObject({ ok: false, reason: expect.stringContaining('already') });
    expect(checkConnection(chain, port('b'), port('b'), isLoop).ok).toBe(false);
  });

  it('refuses an edge that closes a cycle outside a loop', () => {
    expect(checkConnection(chain, port('c'), port('a'), isLoop)).toMatchObject({ ok: false, reason: expect.stringContaining('cycle') });
  });

  it('accepts an edge back into a loop from a node its batch output reaches', () => {
    const f = flow([node('t'), node('loop', 'core.loop'), node('body'), node('after')],
      [edge('e1', 't', 'main', 'loop'), edge('e2', 'loop', 'batch', 'body'), edge('e3', 'loop', 'done', 'after')]);
    expect(checkConnection(f, port('body'), port('loop'), isLoop).ok).toBe(true);
    expect(checkConnection(f, port('after'), port('loop'), isLoop).ok).toBe(false);
  });
});
