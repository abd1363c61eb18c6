import { describe, expect, it } from 'vitest';
import type { NodeDescription } from '../../engine/api';
import type { FlowNode } from '../../engine/flow/types';
import { duration, portCounts, portsFor } from './ports';

const node = { id: 'n1', type: 'core.dedupe', version: 1, name: 'Dedupe', position: { x: 0, y: 0 }, params: {}, settings: { onError: 'errorPort' } } as FlowNode;
const description = { inputs: ['main'], outputs: ['main', 'dropped'] } as NodeDescription;

describe('ports', () => {
  it('lists declared ports, the error port, then reported ones', () => {
    expect(portsFor('output', node, description, undefined)).toEqual(['main', 'dropped', 'error']);
    expect(portsFor('input', node, description, { status: 'success', itemsIn: { main: 1, extra: 2 }, itemsOut: {} })).toEqual(['main', 'extra']);
    expect(portsFor('output', node, undefined, undefined)).toEqual(['main', 'error']);
  });
  it('formats counts and durations', () => {
    expect(portCounts({ main: 100000 })).toBe('100,000');
    expect(portCounts({ main: 95, dropped: 5 })).toBe('main 95 · dropped 5');
    expect(duration(120)).toBe('120 ms');
    expect(duration(1234)).toBe('1.23 s');
    expect(duration(65_000)).toBe('1 min 5 s');
  });
});
