import { describe, expect, it } from 'vitest';
import { buildFlow } from '../../test/fixtures/flow-builder';
import { builtinRegistry } from '../registry';
import type { NodeSettings } from '../flow/types';
import { runFlow } from './run-flow';
import type { EngineEvent } from './events';
import { virtualClock } from './clock';

const types = builtinRegistry();
const good = { name: 'ada' };
const bad = { name: null };

/** Manual → Edit Fields (one expression that fails on an item without a name) [→ Handle on "error"]. */
function setFlow(onError: NodeSettings['onError'], withHandler = false) {
  return buildFlow(
    [
      { type: 'trigger.manual', name: 'Start' },
      { type: 'core.set', name: 'Set', params: { fields: [{ name: 'upper', value: '{{ $json.name.toUpperCase() }}' }] }, ...(onError ? { settings: { onError } } : {}) },
      ...(withHandler ? [{ type: 'core.noop', name: 'Handle' }] : []),
    ],
    ['Start -> Set', ...(withHandler ? ['Set:error -> Handle'] : [])],
  );
}

async function run(flow: ReturnType<typeof setFlow>, input: Record<string, unknown>[]) {
  const events: EngineEvent[] = [];
  const result = await runFlow(flow, { types, input, clock: virtualClock(), observers: [(e) => events.push(e)] });
  const set = events.find((e): e is Extract<EngineEvent, { type: 'node.finished' }> => e.type === 'node.finished' && e.nodeId === 'Set')!;
  const end = events.find((e): e is Extract<EngineEvent, { type: 'run.finished' }> => e.type === 'run.finished')!;
  return { result, set, end };
}

describe('items that leave through an unconnected error port', () => {
  for (const [label, input, index] of [['failing item second', [good, bad], 1], ['failing item first', [bad, good], 0]] as const) {
    it(`fail the run with On error = stop, naming the item (${label})`, async () => {
      const { result, set, end } = await run(setFlow(undefined), [...input]);
      expect(result.status).toBe('failed');
      expect(result.error).toMatchObject({ node: 'Set', message: expect.stringMatching(new RegExp(`^item ${index} failed: upper: `)) });
      expect(set.status).toBe('failed');
      expect(end).toMatchObject({ status: 'failed' });
      expect(end.failedItems).toBeUndefined();
    });

    for (const onError of ['continue', 'errorPort'] as const) {
      it(`let the run succeed with failed items counted, On error = ${onError} (${label})`, async () => {
        const { result, set, end } = await run(setFlow(onError), [...input]);
        expect(result.status).toBe('success');
        expect(result.failedItems).toBe(1);
        expect(set).toMatchObject({ status: 'success', failedItems: 1, itemsOut: { main: 1, error: 1 } });
        expect(end).toMatchObject({ status: 'success', failedItems: 1, itemsOut: 1 });
        expect(result.outputs.get('Set')!.main.map((i) => i.json)).toEqual([{ name: 'ada', upper: 'ADA' }]);
      });
    }
  }

  it('are not failures when the error port is connected', async () => {
    const { result, set, end } = await run(setFlow(undefined, true), [bad, good]);
    expect(result.status).toBe('success');
    expect(result.failedItems).toBe(0);
    expect(set.failedItems).toBeUndefined();
    expect(end.failedItems).toBeUndefined();
    expect(result.outputs.get('Handle')!.main).toHaveLength(1);
  });

  it('count a whole failed node whose items go to an unconnected error port (any node type)', async () => {
    const flow = buildFlow(
      [{ type: 'trigger.manual', name: 'Start' }, { type: 'core.if', name: 'Check', params: { when: { mode: 'expression', condition: '{{ $json.name.toUpperCase() }}' } }, settings: { onError: 'errorPort' } }],
      ['Start -> Check'],
    );
    const events: EngineEvent[] = [];
    const result = await runFlow(flow, { types, input: [bad, bad, good], observers: [(e) => events.push(e)] });
    expect(result).toMatchObject({ status: 'success', failedItems: 3 });
    expect(events.find((e) => e.type === 'node.finished' && e.nodeId === 'Check')).toMatchObject({ status: 'failed', failedItems: 3 });
  });
});
