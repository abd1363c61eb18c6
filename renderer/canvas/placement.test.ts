import { describe, expect, it } from 'vitest';
import { buildFlow } from '../../test/fixtures/flow-builder';
import { besideNode, freeSpot } from './placement';

const flow = buildFlow([
  { type: 'core.noop', name: 'A', position: { x: 0, y: 0 } },
  { type: 'core.noop', name: 'B', position: { x: 300, y: 0 } },
], [], { notes: [{ id: 's1', text: '', position: { x: 0, y: 200 }, size: { width: 240, height: 140 } }] });

describe('placement', () => {
  it('keeps a free place and moves off an occupied one to the nearest free place', () => {
    expect(freeSpot(flow, {}, { x: 700, y: 0 })).toEqual({ x: 700, y: 0 });
    const p = freeSpot(flow, {}, { x: 10, y: 10 });
    const clear = (x: number, w: number, y: number, h: number) => p.x >= x + w + 24 || p.x + 220 + 24 <= x || p.y >= y + h + 24 || p.y + 64 + 24 <= y;
    expect(clear(0, 220, 0, 64) && clear(300, 220, 0, 64) && clear(0, 240, 200, 140)).toBe(true);
    expect(Math.hypot(p.x - 10, p.y - 10)).toBeLessThan(200);
  });

  it('puts the next step to the right of a node', () => {
    expect(besideNode(flow, { A: { width: 200, height: 60 } }, 'A')).toEqual({ x: 280, y: 0 });
    expect(besideNode(flow, {}, 'nope')).toBeUndefined();
  });
});
