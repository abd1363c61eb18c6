import { describe, expect, it } from 'vitest';
import { buildFlow } from '../../test/fixtures/flow-builder';
import { testTypes } from '../../test/fixtures/test-nodes';
import { virtualClock } from './clock';
import { runFlow } from './run-flow';

describe('items on the error port', () => {
  it('keep a "__proto__" key of the failed item as data, never as the prototype', async () => {
    // JSON.parse makes "__proto__" an own key, as a pinned item read from a flow file has it.
    const pinned = JSON.parse('[{ "__proto__": { "isAdmin": true }, "id": 7 }]');
    const flow = buildFlow(
      [{ name: 'Source', type: 'test.source' }, { name: 'Flaky', type: 'test.flaky', params: { failures: 9 }, settings: { onError: 'errorPort' } }],
      ['Source -> Flaky'],
      { pinned: { Source: pinned } },
    );
    const r = await runFlow(flow, { types: testTypes, clock: virtualClock(), usePinned: true });
    const [item] = r.outputs.get('Flaky')!.error;
    const json = item.json as Record<string, unknown>;
    expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
    expect(json.isAdmin).toBeUndefined();
    expect(Object.hasOwn(json, '__proto__')).toBe(true);
    expect(json).toMatchObject({ id: 7, error: { code: 'http.503' } });
  });
});
