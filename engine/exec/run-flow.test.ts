import { describe, expect, it } from 'vitest';
import { buildFlow } from '../../test/fixtures/flow-builder';
import { attempts, testTypes } from '../../test/fixtures/test-nodes';
import { virtualClock } from './clock';
import type { EngineEvent } from './events';
import { runFlow } from './run-flow';
import { memoryStateStore } from './state';

const run = (flow: Parameters<typeof runFlow>[0], extra: Partial<Parameters<typeof runFlow>[1]> = {}) => {
  const events: EngineEvent[] = [];
  return runFlow(flow, { types: testTypes, clock: virtualClock(), observers: [(e) => events.push(e)], ...extra }).then((r) => ({ ...r, events }));
};
const json = (r: { outputs: Map<string, Record<string, { json: Record<string, unknown> }[]>> }, node: string, port = 'main') =>
  (r.outputs.get(node)?.[port] ?? []).map((i) => i.json);

describe('runFlow', () => {
  it('passes items along a chain and emits events in order', async () => {
    const flow = buildFlow([{ name: 'Source', type: 'test.source' }, { name: 'Double', type: 'test.double' }], ['Source -> Double']);
    const r = await run(flow);
    expect(r.status).toBe('success');
    expect(json(r, 'Double').map((j) => j.amount)).toEqual([0, 20, 40]);
    expect(r.events.map((e) => e.type)).toEqual(['run.started', 'node.started', 'node.finished', 'node.started', 'node.finished', 'run.finished']);
    const fin = r.events.find((e) => e.type === 'node.finished' && e.nodeId === 'Double');
    expect(fin).toMatchObject({ itemsIn: { main: 3 }, itemsOut: { main: 3 }, status: 'success' });
    expect(r.events.at(-1)).toMatchObject({ type: 'run.finished', status: 'success', itemsOut: 3 });
  });

  it('runs the chosen branch and skips the one that settled empty', async () => {
    const flow = buildFlow(
      [{ name: 'Source', type: 'test.source', params: { n: 2 } }, { name: 'Branch', type: 'test.branch' }, { name: 'Even', type: 'test.double' }, { name: 'Odd', type: 'test.double' }],
      ['Source -> Branch', 'Branch:even -> Even', 'Branch:odd -> Odd'],
    );
    const src = buildFlow([{ name: 'Source', type: 'test.source', params: { n: 1 } }, { name: 'Branch', type: 'test.branch' }, { name: 'Even', type: 'test.double' }, { name: 'Odd', type: 'test.double' }],
      ['Source -> Branch', 'Branch:even -> Even', 'Branch:odd -> Odd']);
    const both = await run(flow);
    expect(both.nodeStatus.get('Odd')).toBe('success');
    const one = await run(src);
    expect(one.nodeStatus.get('Even')).toBe('success');
    expect(one.nodeStatus.get('Odd')).toBe('skipped');
  });

  it('waits for all inputs of a merge, or the first with data in "first" mode', async () => {
    const nodes = [{ name: 'Source', type: 'test.source', params: { n: 4 } }, { name: 'Branch', type: 'test.branch' }, { name: 'Slow', type: 'test.slow', params: { ms: 30 } }, { name: 'Join', type: 'test.join' }];
    const edges = ['Source -> Branch', 'Branch:even -> Slow', 'Slow -> Join:a', 'Branch:odd -> Join:b'];
    const all = await run(buildFlow(nodes, edges));
    expect(json(all, 'Join').map((j) => j.i)).toEqual([0, 2, 1, 3]);
    const first = await run(buildFlow(nodes.map((n) => (n.name === 'Join' ? { ...n, params: { first: true } } : n)), edges));
    expect(json(first, 'Join').map((j) => j.i)).toEqual([1, 3]);
  });

  it('runs a loop body once per batch and collects what comes back on done', async () => {
    const flow = buildFlow(
      [{ name: 'Source', type: 'test.source', params: { n: 5 } }, { name: 'Loop', type: 'test.loop' }, { name: 'Body', type: 'test.double' }, { name: 'After', type: 'test.double' }],
      ['Source -> Loop', 'Loop:batch -> Body', 'Body -> Loop', 'Loop:done -> After'],
    );
    const r = await run(flow);
    expect(r.status).toBe('success');
    expect(json(r, 'After').map((j) => j.amount)).toEqual([0, 40, 80, 120, 160]);
    const bodyRuns = r.events.filter((e) => e.type === 'node.finished' && e.nodeId === 'Body');
    expect(bodyRuns.map((e) => (e as { itemsIn: Record<string, number> }).itemsIn.main)).toEqual([2, 2, 1]);
  });

  it('retries with exponential backoff and jitter on the injected clock', async () => {
    const clock = virtualClock(0, 0.5);
    const flow = buildFlow([{ name: 'Source', type: 'test.source' }, { name: 'Flaky', type: 'test.flaky', params: { failures: 3 }, settings: { retry: { attempts: 4, backoff: 'exponential', delayMs: 100 } } }], ['Source -> Flaky']);
    const r = await run(flow, { clock, runId: 'retry-1' });
    expect(r.status).toBe('success');
    expect(attempts.get('retry-1')).toBe(4);
    // equal jitter with random 0.5: 3/4 of 100, 200, 400
    expect(clock.sleeps).toEqual([75, 150, 300]);
    expect(r.events.filter((e) => e.type === 'node.error').map((e) => (e as { willRetry: boolean }).willRetry)).toEqual([true, true, true]);
  });

  it('retries only the listed errors when `on` is set', async () => {
    const flow = buildFlow([{ name: 'Source', type: 'test.source' }, { name: 'Flaky', type: 'test.flaky', params: { failures: 1, code: 'http.400' }, settings: { retry: { attempts: 3, on: ['http.503'] } } }], ['Source -> Flaky']);
    const r = await run(flow, { runId: 'retry-2' });
    expect(r.status).toBe('failed');
    expect(attempts.get('retry-2')).toBe(1);
    expect(r.error).toMatchObject({ code: 'http.400', node: 'Flaky' });
  });

  it('stops a node at its timeout and aborts its signal', async () => {
    const flow = buildFlow([{ name: 'Source', type: 'test.source' }, { name: 'Slow', type: 'test.slow', params: { ms: 10_000 }, settings: { timeoutMs: 50 } }], ['Source -> Slow']);
    const t0 = Date.now();
    const r = await run(flow);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(r.status).toBe('failed');
    expect(r.error).toMatchObject({ code: 'node.timeout', node: 'Slow' });
  });

  it('onError continue sends error items on; errorPort routes them; stop fails the run', async () => {
    const mk = (onError: 'continue' | 'errorPort' | 'stop') => buildFlow(
      [{ name: 'Source', type: 'test.source', params: { n: 2 } }, { name: 'Flaky', type: 'test.flaky', params: { failures: 9 }, settings: { onError } }, { name: 'Next', type: 'test.double' }, { name: 'Errors', type: 'test.double' }],
      onError === 'errorPort' ? ['Source -> Flaky', 'Flaky -> Next', 'Flaky:error -> Errors'] : ['Source -> Flaky', 'Flaky -> Next'],
    );
    const cont = await run(mk('continue'));
    expect(cont.status).toBe('success');
    expect(json(cont, 'Flaky')[0]).toMatchObject({ error: { code: 'http.503' } });
    const port = await run(mk('errorPort'));
    expect(port.status).toBe('success');
    expect(port.nodeStatus.get('Next')).toBe('skipped');
    expect(json(port, 'Errors').map((j) => j.i)).toEqual([0, 1]);
    const stop = await run(mk('stop'));
    expect(stop.status).toBe('failed');
    expect(stop.nodeStatus.has('Next')).toBe(false);
  });

  it('passes input through a disabled node', async () => {
    const flow = buildFlow([{ name: 'Source', type: 'test.source' }, { name: 'Double', type: 'test.double', settings: { disabled: true } }], ['Source -> Double']);
    const r = await run(flow);
    expect(r.nodeStatus.get('Double')).toBe('disabled');
    expect(json(r, 'Double').map((j) => j.amount)).toEqual([0, 10, 20]);
  });

  it('cancels through one AbortSignal', async () => {
    const ctl = new AbortController();
    const flow = buildFlow([{ name: 'Source', type: 'test.source' }, { name: 'Slow', type: 'test.slow', params: { ms: 10_000 } }, { name: 'After', type: 'test.double' }], ['Source -> Slow', 'Slow -> After']);
    setTimeout(() => ctl.abort(), 30);
    const r = await run(flow, { signal: ctl.signal });
    expect(r.status).toBe('cancelled');
    expect(r.error?.code).toBe('run.cancelled');
    expect(r.nodeStatus.get('Slow')).toBe('cancelled');
    expect(r.nodeStatus.has('After')).toBe(false);
  });

  it('commits node state only when the run succeeds', async () => {
    const state = memoryStateStore();
    const ok = buildFlow([{ name: 'Source', type: 'test.source', params: { n: 2 } }, { name: 'Counter', type: 'test.counter' }], ['Source -> Counter']);
    await run(ok, { state });
    expect(state.load('f_test', 'Counter')).toEqual({ seen: 2 });
    const failing = buildFlow([{ name: 'Source', type: 'test.source', params: { n: 2 } }, { name: 'Counter', type: 'test.counter' }, { name: 'Flaky', type: 'test.flaky', params: { failures: 5 } }], ['Source -> Counter', 'Counter -> Flaky']);
    const r = await run(failing, { state });
    expect(r.status).toBe('failed');
    expect(state.load('f_test', 'Counter')).toEqual({ seen: 2 });
    await run(ok, { state });
    expect(state.load('f_test', 'Counter')).toEqual({ seen: 4 });
  });

  it('resolves expressions per item with lineage back to earlier nodes', async () => {
    const flow = buildFlow(
      [{ name: 'Source', type: 'test.source' }, { name: 'Double', type: 'test.double' }, { name: 'Note', type: 'test.double', params: { note: "{{ $('Source').item.json.amount + '→' + $json.amount }}" } }],
      ['Source -> Double', 'Double -> Note'],
    );
    const r = await run(flow);
    expect(json(r, 'Note').map((j) => j.note)).toEqual(['0→0', '10→20', '20→40']);
  });

  it('names the node, field and item when an expression fails', async () => {
    const flow = buildFlow([{ name: 'Source', type: 'test.source' }, { name: 'Double', type: 'test.double', params: { note: '{{ $json.missing.deeper }}' } }], ['Source -> Double']);
    const r = await run(flow);
    expect(r.status).toBe('failed');
    expect(r.error).toMatchObject({ node: 'Double', path: 'params.note' });
    expect(r.error!.message).toMatch(/item 0/);
  });

  it('runs from a node with earlier outputs, and a single node alone', async () => {
    const flow = buildFlow([{ name: 'Source', type: 'test.source' }, { name: 'A', type: 'test.double' }, { name: 'B', type: 'test.double' }], ['Source -> A', 'A -> B']);
    const first = await run(flow);
    const from = await run(flow, { startAt: 'A', previous: first.outputs });
    expect(from.nodeStatus.has('Source')).toBe(false);
    expect(json(from, 'B').map((j) => j.amount)).toEqual([0, 40, 80]);
    const only = await run(flow, { only: 'B', previous: first.outputs });
    expect([...only.nodeStatus.keys()]).toEqual(['B']);
    expect(json(only, 'B').map((j) => j.amount)).toEqual([0, 40, 80]);
  });

  it('runs the upstream nodes a partial run needs when they have no earlier data or pins', async () => {
    const flow = buildFlow([{ name: 'Source', type: 'test.source' }, { name: 'A', type: 'test.double' }, { name: 'B', type: 'test.double' }, { name: 'Side', type: 'test.double' }],
      ['Source -> A', 'A -> B', 'Source -> Side']);
    const cold = await run(flow, { only: 'B' });
    expect([...cold.nodeStatus.keys()]).toEqual(['Source', 'A', 'B']);
    expect(json(cold, 'B').map((j) => j.amount)).toEqual([0, 40, 80]);
    expect(cold.events.find((e) => e.type === 'run.finished')).toMatchObject({ status: 'success', itemsOut: 3 });
    const fromA = await run(flow, { startAt: 'A' });
    expect([...fromA.nodeStatus.keys()]).toEqual(['Source', 'A', 'B']);
    // An upstream node with pinned data gives it instead of running.
    const pinned = await run({ ...flow, pinned: { A: [{ amount: 5 }] } }, { only: 'B' });
    expect([...pinned.nodeStatus.keys()]).toEqual(['B']);
    expect(json(pinned, 'B')).toEqual([{ amount: 10 }]);
  });

  it('uses pinned data instead of running a node when asked', async () => {
    const flow = buildFlow([{ name: 'Source', type: 'test.source' }, { name: 'A', type: 'test.double' }], ['Source -> A'], { pinned: { Source: [{ i: 7, amount: 1 }] } });
    const r = await run(flow, { usePinned: true });
    expect(r.nodeStatus.get('Source')).toBe('pinned');
    expect(json(r, 'A')).toEqual([{ i: 7, amount: 2 }]);
  });
});
