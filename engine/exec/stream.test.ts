import { describe, expect, it } from 'vitest';
import { buildFlow } from '../../test/fixtures/flow-builder';
import { streamSource, streamTypes, trace } from '../../test/fixtures/stream-nodes';
import { createRegistry } from '../registry';
import type { NodeType } from '../sdk/types';
import { virtualClock } from './clock';
import type { EngineEvent } from './events';
import { runFlow, type RunOptions } from './run-flow';
import { SAMPLE_ITEMS } from './stream-sample';

const run = async (flow: Parameters<typeof runFlow>[0], extra: Partial<RunOptions> = {}) => {
  const events: EngineEvent[] = [];
  const r = await runFlow(flow, { types: streamTypes, clock: virtualClock(), observers: [(e) => events.push(e)], ...extra });
  return { ...r, events, trace: trace.get(r.runId) ?? [] };
};
const finished = (events: EngineEvent[], node: string) => events.find((e) => e.type === 'node.finished' && e.nodeId === node) as Extract<EngineEvent, { type: 'node.finished' }>;

const editFields = { name: 'Edit', type: 'core.set', params: { fields: [{ name: 'double', value: '{{ $json.n * 2 }}' }, { name: 'at', value: '{{ $index }}' }] } };
const filter = { name: 'Filter', type: 'core.filter', params: { when: { mode: 'expression', condition: '{{ $json.n % 3 === 0 }}' } } };
const aggregate = { name: 'Totals', type: 'core.aggregate', params: { groupBy: ['group'], aggregations: [{ op: 'count' }, { op: 'sum', field: 'double' }, { op: 'max', field: 'at' }] } };

describe('streamed runs', () => {
  it('gives the same result as the same flow run without streaming', async () => {
    const nodes = [{ name: 'Stream', type: 'test.stream', params: { isTraced: false } }, editFields, filter, aggregate];
    const flow = buildFlow(nodes, ['Stream -> Edit', 'Edit -> Filter', 'Filter -> Totals']);
    const streamed = await run(flow);
    // The same source type without `stream`: defineNode's execute collects its batches, so nothing streams.
    const { stream: _stream, ...rest } = streamSource;
    const whole = await run(flow, { types: createRegistry([...streamTypes.all().filter((t) => t.type !== 'test.stream'), rest as NodeType]) });
    expect(streamed.status).toBe('success');
    expect(whole.status).toBe('success');
    expect(streamed.outputs.get('Totals')!.main.map((i) => i.json)).toEqual(whole.outputs.get('Totals')!.main.map((i) => i.json));
    expect(streamed.outputs.get('Totals')!.main).toHaveLength(7);
    for (const id of ['Stream', 'Edit', 'Filter']) {
      const a = finished(streamed.events, id);
      const b = finished(whole.events, id);
      expect([a.itemsIn, a.itemsOut]).toEqual([b.itemsIn, b.itemsOut]);
    }
    expect(finished(streamed.events, 'Filter').itemsOut).toEqual({ main: 66_667, discarded: 133_333 });
    // Only the port that feeds the collector keeps every item; the others keep their first items.
    expect(streamed.outputs.get('Filter')!.main).toHaveLength(66_667);
    expect(streamed.outputs.get('Edit')!.main).toHaveLength(SAMPLE_ITEMS);
    expect(streamed.outputs.get('Edit')!.main.map((i) => i.json)).toEqual(whole.outputs.get('Edit')!.main.slice(0, SAMPLE_ITEMS).map((i) => i.json));
    expect(streamed.samples.get('Edit')).toEqual({ main: 200_000, error: 0 });
    expect(finished(streamed.events, 'Edit').data?.isSample).toBe(true);
    expect(streamed.events.at(-1)).toMatchObject({ type: 'run.finished', itemsOut: 7 });
  });

  it('pulls batch k+1 only after batch k went through, then finishes and ends sessions in flow order', async () => {
    const flow = buildFlow([{ name: 'Stream', type: 'test.stream', params: { batches: 3, size: 10 } }, editFields, { name: 'Sink', type: 'test.countSink' }], ['Stream -> Edit', 'Edit -> Sink']);
    const r = await run(flow);
    expect(r.status).toBe('success');
    expect(r.trace).toEqual([
      'pull 0', 'sink got 0..9', 'pull 1', 'sink got 10..19', 'pull 2', 'sink got 20..29',
      'source closed', 'source finish', 'source onEnd success', 'sink finish 30', 'sink onEnd success 30',
    ]);
    expect(r.outputs.get('Sink')!.main.map((i) => i.json)).toEqual([{ count: 30 }]);
    expect(finished(r.events, 'Sink')).toMatchObject({ status: 'success', itemsIn: { main: 30 }, itemsOut: { main: 1 } });
  });

  it('routes each batch through branches and to several nodes, and hands collectors everything at the end', async () => {
    const flow = buildFlow([
      { name: 'Stream', type: 'test.stream', params: { batches: 5, size: 100, isTraced: false } },
      { name: 'If', type: 'core.if', params: { when: { mode: 'expression', condition: '{{ $json.n % 2 === 0 }}' } } },
      { name: 'Even', type: 'test.countSink', params: { isTraced: false } }, { name: 'Odd', type: 'test.countSink', params: { isTraced: false } },
      { name: 'Sort', type: 'core.sort', params: { fields: [{ field: 'n', order: 'desc' }] } },
    ], ['Stream -> If', 'If:true -> Even', 'If:false -> Odd', 'Stream -> Sort']);
    const r = await run(flow);
    expect(r.status).toBe('success');
    expect(r.outputs.get('Even')!.main[0].json).toEqual({ count: 250 });
    expect(r.outputs.get('Odd')!.main[0].json).toEqual({ count: 250 });
    expect(r.outputs.get('Sort')!.main.map((i) => i.json.n).slice(0, 3)).toEqual([499, 498, 497]);
    expect(finished(r.events, 'Sort').itemsIn).toEqual({ main: 500 });
    // The collector started only after the stream ended.
    const order = r.events.filter((e) => e.type === 'node.finished' || e.type === 'node.started').map((e) => `${e.type} ${e.nodeId}`);
    expect(order.indexOf('node.started Sort')).toBeGreaterThan(order.indexOf('node.finished Odd'));
  });

  it('on a source failure mid-stream: closes the source, ends sessions as failed, latest node first', async () => {
    const flow = buildFlow([{ name: 'Stream', type: 'test.stream', params: { batches: 5, size: 10, failAt: 2 } }, { name: 'Sink', type: 'test.countSink' }], ['Stream -> Sink']);
    const r = await run(flow);
    expect(r.status).toBe('failed');
    expect(r.error).toMatchObject({ code: 'test.source-broke', node: 'Stream' });
    expect(r.trace).toEqual(['pull 0', 'sink got 0..9', 'pull 1', 'sink got 10..19', 'pull 2', 'source closed', 'sink onEnd failed 20', 'source onEnd failed']);
    expect(finished(r.events, 'Stream')).toMatchObject({ status: 'failed', itemsOut: { main: 20 } });
    expect(finished(r.events, 'Sink')).toMatchObject({ status: 'cancelled', itemsIn: { main: 20 } });
  });

  it('on a node failing mid-stream: the run fails at that batch and the source is not asked again', async () => {
    const flow = buildFlow([
      { name: 'Stream', type: 'test.stream', params: { batches: 5, size: 10 } },
      { name: 'Fails', type: 'test.batchFail', params: { failOn: 20, times: 9 } }, { name: 'Sink', type: 'test.countSink' },
    ], ['Stream -> Fails', 'Fails -> Sink']);
    const r = await run(flow);
    expect(r.status).toBe('failed');
    expect(r.error).toMatchObject({ code: 'http.503', node: 'Fails' });
    expect(r.trace).toEqual([
      'pull 0', 'pass 0', 'sink got 0..9', 'pull 1', 'pass 10', 'sink got 10..19', 'pull 2', 'fail 20',
      'source closed', 'sink onEnd failed 20', 'batchFail onEnd failed', 'source onEnd failed',
    ]);
    expect(finished(r.events, 'Fails').status).toBe('failed');
  });

  it('on cancel mid-stream: stops pulling and ends every session as cancelled', async () => {
    const controller = new AbortController();
    const flow = buildFlow([{ name: 'Stream', type: 'test.stream', params: { batches: 50, size: 10 } }, { name: 'Sink', type: 'test.countSink' }], ['Stream -> Sink']);
    const r = await run(flow, {
      signal: controller.signal, progressIntervalMs: 0,
      observers: [(e) => { if (e.type === 'node.progress' && e.nodeId === 'Sink' && (e.itemsIn.main ?? 0) >= 30) controller.abort(); }],
    });
    expect(r.status).toBe('cancelled');
    expect(r.trace.slice(-3)).toEqual(['source closed', 'sink onEnd cancelled 30', 'source onEnd cancelled']);
    expect(r.trace.filter((l) => l.startsWith('pull'))).toHaveLength(3);
  });

  it('retries the batch that failed, with the same items, and goes on', async () => {
    const flow = buildFlow([
      { name: 'Stream', type: 'test.stream', params: { batches: 4, size: 10 } },
      { name: 'Fails', type: 'test.batchFail', params: { failOn: 20, times: 2 }, settings: { retry: { attempts: 3, delayMs: 10 } } },
      { name: 'Sink', type: 'test.countSink' },
    ], ['Stream -> Fails', 'Fails -> Sink']);
    const r = await run(flow);
    expect(r.status).toBe('success');
    expect(r.trace.filter((l) => /^(fail|pass) 20$/.test(l) || l.startsWith('pull 3'))).toEqual(['fail 20', 'fail 20', 'pass 20', 'pull 3']);
    expect(r.outputs.get('Sink')!.main[0].json).toEqual({ count: 40 });
    expect(finished(r.events, 'Fails')).toMatchObject({ status: 'success', attempts: 3, itemsIn: { main: 40 } });
    expect(r.events.filter((e) => e.type === 'node.error').map((e) => (e as { willRetry: boolean }).willRetry)).toEqual([true, true]);
  });

  it('retries a source that failed before its first batch, and not one that failed after batches went on', async () => {
    const early = buildFlow([{ name: 'Stream', type: 'test.stream', params: { batches: 2, size: 10, failAt: 0, failTimes: 1 }, settings: { retry: { attempts: 2, delayMs: 10 } } }, { name: 'Sink', type: 'test.countSink' }], ['Stream -> Sink']);
    const r = await run(early);
    expect(r.status).toBe('success');
    expect(r.trace.slice(0, 5)).toEqual(['pull 0', 'source closed', 'pull 0', 'sink got 0..9', 'pull 1']);
    expect(r.outputs.get('Sink')!.main[0].json).toEqual({ count: 20 });
    const late = buildFlow([{ name: 'Stream', type: 'test.stream', params: { batches: 4, size: 10, failAt: 2, failTimes: 1 }, settings: { retry: { attempts: 3, delayMs: 10 } } }, { name: 'Sink', type: 'test.countSink' }], ['Stream -> Sink']);
    const failed = await run(late);
    expect(failed.status).toBe('failed');
    expect(failed.events.filter((e) => e.type === 'node.error')).toMatchObject([{ willRetry: false, error: { code: 'test.source-broke' } }]);
  });

  it('bounds each batch by the node\'s timeout, not the whole stream', async () => {
    const flow = buildFlow([
      { name: 'Stream', type: 'test.stream', params: { batches: 5, size: 10 } },
      { name: 'Hangs', type: 'test.batchFail', params: { hangOn: 30 }, settings: { timeoutMs: 200 } },
    ], ['Stream -> Hangs']);
    const r = await run(flow, { clock: undefined });
    expect(r.status).toBe('failed');
    expect(r.error).toMatchObject({ code: 'node.timeout', node: 'Hangs' });
    expect(r.trace.filter((l) => l.startsWith('pass'))).toEqual(['pass 0', 'pass 10', 'pass 20']);
    expect(r.trace.slice(-2)).toEqual(['batchFail onEnd failed', 'source onEnd failed']);
  });

  it('sends failed batches to the error port with onError and carries on', async () => {
    const flow = buildFlow([
      { name: 'Stream', type: 'test.stream', params: { batches: 3, size: 10, isTraced: false } },
      { name: 'Fails', type: 'test.batchFail', params: { failOn: 10, times: 9 }, settings: { onError: 'errorPort' } },
      { name: 'Sink', type: 'test.countSink', params: { isTraced: false } }, { name: 'Errors', type: 'test.countSink', params: { isTraced: false } },
    ], ['Stream -> Fails', 'Fails -> Sink', 'Fails:error -> Errors']);
    const r = await run(flow);
    expect(r.status).toBe('success');
    expect(r.outputs.get('Sink')!.main[0].json).toEqual({ count: 20 });
    expect(r.outputs.get('Errors')!.main[0].json).toEqual({ count: 10 });
    expect(finished(r.events, 'Fails')).toMatchObject({ status: 'failed', itemsOut: { main: 20, error: 10 } });
  });

  it('passes batches through a disabled node, and runs a pinned one on its pinned data after the stream', async () => {
    const nodes = [
      { name: 'Stream', type: 'test.stream', params: { batches: 4, size: 25, isTraced: false } },
      { ...filter, settings: { disabled: true } }, { name: 'Pinned', type: 'core.noop' }, { name: 'Sink', type: 'test.countSink', params: { isTraced: false } },
    ];
    const flow = buildFlow(nodes, ['Stream -> Filter', 'Filter -> Pinned', 'Pinned -> Sink'], { pinned: { Pinned: [{ n: -1 }, { n: -2 }] } });
    const r = await run(flow, { usePinned: true });
    expect(r.status).toBe('success');
    expect(finished(r.events, 'Filter')).toMatchObject({ status: 'disabled', itemsIn: { main: 100 }, itemsOut: { main: 100 } });
    expect(finished(r.events, 'Pinned')).toMatchObject({ status: 'pinned', itemsIn: { main: 100 }, itemsOut: { main: 2 } });
    expect(r.outputs.get('Sink')!.main[0].json).toEqual({ count: 2 });
  });

  it('reports growing counts with node.progress while batches pass', async () => {
    const flow = buildFlow([{ name: 'Stream', type: 'test.stream', params: { batches: 20, size: 50, isTraced: false } }, filter, { name: 'Sink', type: 'test.countSink', params: { isTraced: false } }], ['Stream -> Filter', 'Filter -> Sink']);
    const r = await run(flow, { progressIntervalMs: 0 });
    const seen = r.events.filter((e) => e.type === 'node.progress' && e.nodeId === 'Filter').map((e) => (e as { itemsIn: Record<string, number> }).itemsIn.main);
    expect(seen.length).toBeGreaterThanOrEqual(20);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(seen.at(-1)).toBe(1_000);
    expect(seen[0]).toBe(50);
    // Throttled by default: a short run sends few.
    const quiet = await run(flow);
    expect(quiet.events.filter((e) => e.type === 'node.progress').length).toBeLessThan(r.events.filter((e) => e.type === 'node.progress').length);
  });

  it('lets $() reach the paired item inside the stream, and refuses .all() of a sample after it', async () => {
    const inside = buildFlow([
      { name: 'Stream', type: 'test.stream', params: { batches: 3, size: 1_000, isTraced: false } },
      { name: 'Edit', type: 'core.set', params: { fields: [{ name: 'from', value: '{{ $("Stream").item.json.n }}' }] } },
      { name: 'Totals', type: 'core.aggregate', params: { aggregations: [{ op: 'count' }, { op: 'sum', field: 'from' }] } },
    ], ['Stream -> Edit', 'Edit -> Totals']);
    const ok = await run(inside);
    expect(ok.status).toBe('success');
    expect(ok.outputs.get('Totals')!.main[0].json).toMatchObject({ count: 3_000, sum_from: (2_999 * 3_000) / 2 });
    const after = buildFlow([
      { name: 'Stream', type: 'test.stream', params: { batches: 3, size: 1_000, isTraced: false } },
      { name: 'Sink', type: 'test.countSink', params: { isTraced: false } },
      { name: 'Edit', type: 'core.set', params: { fields: [{ name: 'all', value: '{{ $("Stream").all().length }}' }] } },
    ], ['Stream -> Sink', 'Sink -> Edit']);
    const refused = await run(after);
    expect(refused.status).toBe('failed');
    expect(refused.error?.message).toMatch(/"Stream" streamed 3,000 items and only the first 1,000 are kept/);
  });
});
