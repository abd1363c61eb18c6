import { describe, expect, it } from 'vitest';
import { importNodeRed } from '../../../engine/import/node-red';
import { change, debug, fn, inject, tab, text } from './fixtures';
import { runFrom } from './run-imported';
import { importProblems } from '../flow-problems';

const one = (nodes: Record<string, unknown>[]) => {
  const r = importNodeRed(text(nodes));
  expect(r.flows).toHaveLength(1);
  for (const f of r.flows) expect(importProblems(f.flow)).toEqual([]);
  return r.flows[0];
};

describe('Node-RED nodes mapped and run', () => {
  it('function: return null sends nothing, node.send sends, node.warn logs, msg is the item', async () => {
    const f = one([tab(), inject('i', ['f'], '[1,2,3]'),
      fn('f', 'node.warn("seen " + msg.payload.length);\nfor (const p of msg.payload) { if (p === 2) continue; node.send({ payload: p * 10 }); }\nreturn null;', [['d']]), debug('d')]);
    const r = await runFrom(f.flow, 'i');
    expect(r.status).toBe('success');
    expect(r.json('f')).toEqual([{ payload: 10 }, { payload: 30 }]);
  });

  it('change: set from another property, move, delete, and a regex replace run in order (Code)', async () => {
    const f = one([tab(), inject('i', ['c'], '{"name":"Ada Lovelace","old":1}'),
      change('c', [
        { t: 'set', p: 'who', pt: 'msg', to: 'payload.name', tot: 'msg' },
        { t: 'move', p: 'payload.old', pt: 'msg', to: 'moved', tot: 'msg' },
        { t: 'change', p: 'who', pt: 'msg', from: 'a', fromt: 're', to: 'A', tot: 'str' },
        { t: 'delete', p: 'topic', pt: 'msg' },
      ], ['d']), debug('d')]);
    expect(f.flow.nodes.find((n) => n.id === 'c')?.type).toBe('core.code');
    const r = await runFrom(f.flow, 'i');
    expect(r.json('c')).toEqual([{ payload: { name: 'Ada Lovelace' }, who: 'AdA LovelAce', moved: 1 }]);
  });

  it('change: set, move and delete that read only the incoming message become Edit Fields', async () => {
    const f = one([tab(), inject('i', ['c'], '{"a":1}'),
      change('c', [{ t: 'delete', p: 'topic', pt: 'msg' }, { t: 'set', p: 'flag', pt: 'msg', to: 'true', tot: 'bool' }, { t: 'move', p: 'payload', pt: 'msg', to: 'data', tot: 'msg' }], ['d']), debug('d')]);
    expect(f.flow.nodes.find((n) => n.id === 'c')?.type).toBe('core.set');
    const r = await runFrom(f.flow, 'i');
    expect(r.json('c')).toEqual([{ flag: true, data: { a: 1 } }]);
  });

  it('switch without "check all" stops at the first matching rule; "otherwise" becomes the fallback', async () => {
    const nodes = [tab(), inject('i', ['s'], '5'),
      { id: 's', type: 'switch', z: 't1', name: '', property: 'payload', propertyType: 'msg', checkall: 'false', outputs: 3,
        rules: [{ t: 'gt', v: '1', vt: 'num' }, { t: 'gt', v: '2', vt: 'num' }, { t: 'else' }], x: 200, y: 100, wires: [['a'], ['b'], ['c']] },
      debug('a'), debug('b'), debug('c')];
    const f = one(nodes);
    const r = await runFrom(f.flow, 'i');
    expect(r.json('s', '0')).toEqual([{ payload: 5, topic: 't' }]);
    expect(r.json('s', '1')).toEqual([]);
    const low = one([...nodes.slice(0, 1), inject('i', ['s'], '0'), ...nodes.slice(2)]);
    expect((await runFrom(low.flow, 'i')).json('s', 'fallback')).toEqual([{ payload: 0, topic: 't' }]);
  });

  it('junctions and link out/in pairs become direct edges; a catch node becomes error outputs', async () => {
    const f = one([tab(), inject('i', ['j'], '1'),
      { id: 'j', type: 'junction', z: 't1', x: 150, y: 100, wires: [['lo', 'f']] },
      { id: 'lo', type: 'link out', z: 't1', name: '', mode: 'link', links: ['li'], x: 200, y: 100, wires: [] },
      { id: 'li', type: 'link in', z: 't1', name: '', links: ['lo'], x: 300, y: 300, wires: [['d']] },
      fn('f', 'throw new Error("boom")', [['d']]), debug('d'),
      { id: 'k', type: 'catch', z: 't1', name: '', scope: ['f'], uncaught: false, x: 100, y: 400, wires: [['e']] }, debug('e')]);
    const edges = f.flow.edges.map((e) => `${e.from.node}:${e.from.port}>${e.to.node}`).sort();
    expect(edges).toEqual(['f:error>e', 'f:main>d', 'i-fields:main>d', 'i-fields:main>f', 'i:main>i-fields']);
    expect(f.flow.nodes.find((n) => n.id === 'f')?.settings?.onError).toBe('errorPort');
    const r = await runFrom(f.flow, 'i');
    expect(r.status).toBe('success');
    expect(r.json('f', 'error')).toHaveLength(1);
    expect(r.json('e')).toHaveLength(1);
  });

  it('inject with a crontab or an interval becomes a Schedule trigger; settings, names and notes carry over', () => {
    const f = one([tab(),
      { ...inject('a', ['d'], '1'), crontab: '00 08 * * 1-5', repeat: '' },
      { ...inject('b', ['d'], '1'), repeat: '300' },
      { ...debug('d'), d: true, info: 'why this node', name: 'Show' }, { ...debug('d2'), name: 'Show' }]);
    const byId = new Map(f.flow.nodes.map((n) => [n.id, n]));
    expect(byId.get('a')).toMatchObject({ type: 'trigger.schedule', params: { cron: '0 00 08 * * 1-5' } });
    expect(byId.get('b')).toMatchObject({ type: 'trigger.schedule', params: { cron: '0 */5 * * * *' } });
    expect(byId.get('d')).toMatchObject({ type: 'core.noop', name: 'Show', settings: { disabled: true, notes: 'why this node' } });
    expect(byId.get('d2')?.name).toBe('Show 2');
  });

  it('untranslatable JSONata is reported with its path and kept as text, never silently changed', () => {
    const f = one([tab(), inject('i', ['c'], '1'),
      change('c', [{ t: 'set', p: 'total', pt: 'msg', to: '$sum(payload.items.price)', tot: 'jsonata' }, { t: 'set', p: 'x', pt: 'msg', to: 'payload.a', tot: 'jsonata' }], ['d']), debug('d')]);
    const note = f.notes.find((n) => n.kind === 'expression');
    expect(note).toMatchObject({ path: '$[2].rules[0].to', nodeId: 'c' });
    expect(note?.message).toContain('$sum(payload.items.price)');
    const fields = (f.flow.nodes.find((n) => n.id === 'c')!.params as { fields: { name: string; value: unknown }[] }).fields;
    expect(fields).toEqual([{ name: 'total', value: '$sum(payload.items.price)', transforms: [] }, { name: 'x', value: '{{ $json.payload.a }}', transforms: [] }]);
  });

  it('a catch node scoped to its group gives error outputs to that group\'s nodes only', () => {
    const f = one([tab(), inject('i', ['a', 'b'], '1'), { ...fn('a', 'return msg;', [[]]), g: 'g1' }, fn('b', 'return msg;', [[]]),
      { id: 'k', type: 'catch', z: 't1', g: 'g1', name: '', scope: 'group', x: 1, y: 1, wires: [['e']] }, { ...debug('e'), g: 'g1' },
      { id: 'g1', type: 'group', z: 't1', name: 'errors', nodes: ['a', 'k', 'e'], x: 0, y: 0, w: 100, h: 100 }]);
    expect(f.flow.nodes.filter((n) => n.settings?.onError === 'errorPort').map((n) => n.id).sort()).toEqual(['a', 'e']);
    expect(f.flow.edges.filter((e) => e.from.port === 'error').map((e) => `${e.from.node}>${e.to.node}`)).toEqual(['a>e']);
    expect(f.notes.some((n) => /closed a loop/.test(n.message))).toBe(false);
  });
});
