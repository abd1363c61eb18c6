import { describe, expect, it } from 'vitest';
import { importNodeRed } from '../../../engine/import/node-red';
import { debug, inject, tab, text } from './fixtures';
import { runFrom } from './run-imported';
import { importProblems } from '../flow-problems';

const flowOf = (nodes: Record<string, unknown>[]) => {
  const f = importNodeRed(text(nodes)).flows[0];
  expect(importProblems(f.flow)).toEqual([]);
  return f;
};
const node = (id: string, type: string, extra: Record<string, unknown>, wires = [['d']]) => ({ id, type, z: 't1', name: '', x: 200, y: 100, wires, ...extra });

describe('Node-RED conversions', () => {
  it('json turns text into an object and back (toggle mode)', async () => {
    const f = flowOf([tab(), inject('i', ['j'], '"{\\"a\\":[1,2]}"'), node('j', 'json', { property: 'payload', action: '' }, [['k']]), node('k', 'json', { property: 'payload', action: 'str' }), debug('d')]);
    const r = await runFrom(f.flow, 'i');
    expect(r.json('j').map((j) => j.payload)).toEqual([{ a: [1, 2] }]);
    expect(r.json('k').map((j) => j.payload)).toEqual(['{"a":[1,2]}']);
  });

  it('template: plain text keeps {{ }} literal; mustache sections render in a Code node as mustache does; partials are placeholders', async () => {
    const plain = flowOf([tab(), inject('i', ['t'], '1'), node('t', 'template', { field: 'payload', fieldType: 'msg', syntax: 'plain', template: 'literal {{x}}', output: 'str' }), debug('d')]);
    expect((await runFrom(plain.flow, 'i')).json('t').map((j) => j.payload)).toEqual(['literal {{x}}']);
    const template = '<ul>{{#payload.items}}<li>{{name}} ({{topic}}){{^ok}}!{{/ok}}</li>{{/payload.items}}</ul>{{! note }}{{^payload.none}}none{{/payload.none}} {{{payload.raw}}} {{payload.raw}}';
    const sections = flowOf([tab(), inject('i', ['t'], '{"items":[{"name":"A&B","ok":true},{"name":"C"}],"raw":"<b>"}'),
      node('t', 'template', { field: 'out.html', fieldType: 'msg', syntax: 'mustache', template, output: 'str' }), debug('d')]);
    expect(sections.flow.nodes.find((n) => n.id === 't')?.type).toBe('core.code');
    const [json] = (await runFrom(sections.flow, 'i')).json('t');
    expect((json.out as { html: string }).html).toBe('<ul><li>A&amp;B (t)</li><li>C (t)!</li></ul>none <b> &lt;b&gt;');
    const partial = flowOf([tab(), inject('i', ['t'], '1'), node('t', 'template', { field: 'payload', fieldType: 'msg', syntax: 'mustache', template: '{{> header}}', output: 'str' }), debug('d')]);
    expect(partial.nodes.find((n) => n.path === '$[2]')?.outcome).toBe('placeholder');
  });

  it('csv: text with a header row gives one message per row, numbers typed; objects give CSV text', async () => {
    const f = flowOf([tab(), inject('i', ['c'], '"name,price\\nApple,100\\n\\"Kiwi, gold\\",3\\n"'), node('c', 'csv', { sep: ',', hdrin: true, hdrout: 'all', multi: 'one', ret: '\\n', temp: '', skip: '0', strings: true }, [['c2']]),
      node('c2', 'csv', { sep: ',', hdrin: false, hdrout: 'all', multi: 'one', ret: '\\n', temp: 'name,price', skip: '0', strings: true }), debug('d')]);
    const r = await runFrom(f.flow, 'i');
    expect(r.json('c').map((j) => j.payload)).toEqual([{ name: 'Apple', price: 100 }, { name: 'Kiwi, gold', price: 3 }]);
    expect(r.json('c2').map((j) => j.payload)).toEqual(['name,price\nApple,100\n', 'name,price\n"Kiwi, gold",3\n']);
  });

  it('delay: a fixed delay becomes Wait; rate limiting passes items on (No-op) with a warning; dropping becomes a placeholder', () => {
    const f = flowOf([tab(), inject('i', ['a'], '1'),
      node('a', 'delay', { pauseType: 'delay', timeout: '2', timeoutUnits: 'minutes' }, [['b']]),
      node('b', 'delay', { pauseType: 'rate', rate: '1', nbRateUnits: '1', rateUnits: 'second', drop: false }, [['c']]),
      node('c', 'delay', { pauseType: 'rate', rate: '1', nbRateUnits: '1', rateUnits: 'second', drop: true }), debug('d')]);
    const types = Object.fromEntries(f.flow.nodes.map((n) => [n.id, [n.type, n.params]]));
    expect(types.a).toEqual(['core.wait', { wait: { mode: 'duration', amount: 2, unit: 'minutes' } }]);
    expect(types.b[0]).toBe('core.noop');
    expect(types.c[0]).toBe('import.placeholder');
    expect(f.notes.find((n) => n.path === '$[3].pauseType')?.severity).toBe('warning');
  });

  it('range scales, clamps, rolls and rounds as Node-RED documents', async () => {
    const range = (id: string, action: string, wires: string[][]) => node(id, 'range', { property: 'payload', minin: '0', maxin: '10', minout: '0', maxout: '100', action, round: action === 'roll' }, wires);
    const f = flowOf([tab(), inject('i', ['s', 'c', 'r'], '12.34'), range('s', 'scale', [['d']]), range('c', 'clamp', [['d']]), range('r', 'roll', [['d']]), debug('d')]);
    const r = await runFrom(f.flow, 'i');
    expect(r.json('s')[0].payload).toBeCloseTo(123.4);
    expect(r.json('c')[0].payload).toBe(100);
    expect(r.json('r')[0].payload).toBe(23);
  });
});
