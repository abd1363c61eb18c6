import { describe, expect, it } from 'vitest';
import { virtualClock } from '../../engine/exec';
import { runFlow } from '../../engine/exec/run-flow';
import { builtinRegistry } from '../../engine/registry';
import { buildFlow } from '../../test/fixtures/flow-builder';
import { tempFolder } from './test-files';

const tmp = tempFolder();
const types = builtinRegistry();
const path = tmp.put('orders.csv', 'id,amount\n1,700\n2,300,extra\n3,900\n4\n');
const read = { name: 'Read', type: 'file.read', params: { source: { from: 'path', path } } };
const keep = { name: 'Big', type: 'core.filter', params: { when: { mode: 'rules', combine: 'and', conditions: [{ value1: '{{ $json.amount }}', operator: 'gt', value2: 500 }] } } };

describe('file.read in a flow', () => {
  it('sends malformed rows to a wired error port while the good rows go on', async () => {
    const flow = buildFlow([{ name: 'Start', type: 'trigger.manual' }, read, keep, { name: 'Bad rows', type: 'core.noop' }], ['Start -> Read', 'Read -> Big', 'Read:error -> Bad rows']);
    const r = await runFlow(flow, { types, clock: virtualClock() });
    expect(r.status).toBe('success');
    expect(r.outputs.get('Big')!.main!.map((i) => i.json.id)).toEqual([1, 3]);
    expect(r.outputs.get('Bad rows')!.main!.map((i) => [i.json.line, i.json.raw])).toEqual([[3, '2,300,extra'], [5, '4']]);
  });

  it('fails naming the first malformed row when nothing takes the error port, unless On error says continue', async () => {
    const failing = await runFlow(buildFlow([{ name: 'Start', type: 'trigger.manual' }, read, keep], ['Start -> Read', 'Read -> Big']), { types, clock: virtualClock() });
    expect(failing.status).toBe('failed');
    expect(failing.error!.message).toMatch(/orders.csv line 3: Invalid Record Length: columns length is 2, got 3 \(and 1 more item\)/);
    const going = await runFlow(buildFlow([{ name: 'Start', type: 'trigger.manual' }, { ...read, settings: { onError: 'continue' } }, keep], ['Start -> Read', 'Read -> Big']), { types, clock: virtualClock() });
    expect(going.status).toBe('success');
    expect(going.outputs.get('Big')!.main!.map((i) => i.json.id)).toEqual([1, 3]);
  });
});
