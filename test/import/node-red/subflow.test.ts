import { describe, expect, it } from 'vitest';
import { importNodeRed } from '../../../engine/import/node-red';
import { debug, fn, inject, tab, text } from './fixtures';
import { runFrom } from './run-imported';
import { importProblems } from '../flow-problems';

// A subflow "double" (in → function → out) used twice in a row, and a subflow whose input
// passes straight to its output beside its inner node.
const nodes = [
  tab(),
  { id: 'sf', type: 'subflow', name: 'double', info: '', in: [{ x: 50, y: 30, wires: [{ id: 'sf-f' }] }], out: [{ x: 300, y: 30, wires: [{ id: 'sf-f', port: 0 }] }], env: [] },
  { ...fn('sf-f', 'msg.payload = msg.payload * 2;\nreturn msg;', [[]]), z: 'sf' },
  { id: 'pass', type: 'subflow', name: 'tee', in: [{ wires: [{ id: 'pass-j' }] }], out: [{ wires: [{ id: 'pass', port: 0 }, { id: 'pass-j', port: 0 }] }] },
  { id: 'pass-j', type: 'change', z: 'pass', rules: [{ t: 'set', p: 'seen', pt: 'msg', to: 'true', tot: 'bool' }], x: 10, y: 10, wires: [[]] },
  inject('i', ['s1'], '3'),
  { id: 's1', type: 'subflow:sf', z: 't1', name: 'first', x: 200, y: 100, wires: [['s2']] },
  { id: 's2', type: 'subflow:sf', z: 't1', name: 'second', x: 300, y: 100, wires: [['t']] },
  { id: 't', type: 'subflow:pass', z: 't1', x: 400, y: 100, wires: [['d']] },
  debug('d'),
];

describe('Node-RED subflows', () => {
  it('are inlined at each instance and run as Node-RED runs them', async () => {
    const r = importNodeRed(text(nodes));
    expect(r.flows).toHaveLength(1);
    const f = r.flows[0];
    expect(importProblems(f.flow)).toEqual([]);
    expect(f.flow.nodes.map((n) => n.id).filter((id) => id.includes('~')).sort()).toEqual(['s1~sf-f', 's2~sf-f', 't~pass-j']);
    expect(f.nodes.find((n) => n.nodeId === 's2~sf-f')?.sourceName).toBe('second / sf-f');
    const run = await runFrom(f.flow, 'i');
    expect(run.status).toBe('success');
    // 3 doubled twice; the tee sends the message on unchanged and through its change node.
    expect(run.json('s2~sf-f').map((j) => j.payload)).toEqual([12]);
    expect(run.json('d')).toEqual(expect.arrayContaining([{ payload: 12, topic: 't' }, { payload: 12, topic: 't', seen: true }]));
    expect(run.json('d')).toHaveLength(2);
  });

  it('a subflow that uses itself is inlined to a depth, then reported', () => {
    const self = [tab(), { id: 'rec', type: 'subflow', name: 'rec', in: [{ wires: [{ id: 'rec-i' }] }], out: [] },
      { id: 'rec-i', type: 'subflow:rec', z: 'rec', x: 1, y: 1, wires: [[]] }, inject('i', ['u'], '1'), { id: 'u', type: 'subflow:rec', z: 't1', x: 1, y: 1, wires: [[]] }];
    const r = importNodeRed(text(self));
    expect(r.flows[0].notes.some((n) => n.severity === 'error' && /nest more than 8 deep/.test(n.message))).toBe(true);
    expect(importProblems(r.flows[0].flow)).toEqual([]);
  });
});
