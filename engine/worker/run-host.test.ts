// Flows that would hold or end the engine's process, run through the service: the service
// keeps answering, Cancel and deadlines end them, and an out-of-memory ends only the run.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildFlow } from '../../test/fixtures/flow-builder';
import { testTypes } from '../../test/fixtures/test-nodes';
import { finished, tempService, type TempService } from '../service/testing';
import { createPreviewHost } from './preview-host';
import { createRunHost } from './run-host';

let svc: TempService;
beforeEach(() => { svc = tempService(testTypes, { runMemoryMb: 128 }); });
afterEach(async () => { await svc.dispose(); });

const hostile = (type: string, params = {}, settings = {}) => buildFlow(
  [{ type: 'test.source', name: 'Source', params: { n: 1 } }, { type, name: 'Hostile', params }],
  ['Source -> Hostile'], { id: 'f_hostile', settings },
);

/** The median time of five answers to `runs.list`, in ms (one answer may wait for a core on a busy machine; a blocked service delays them all). */
async function answerMs(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await svc.handlers['runs.list']({});
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[2]!;
}

describe('runs in a worker process', () => {
  it('keeps answering other requests while a run spins, and Cancel stops it within 1 s', async () => {
    const { runId } = await svc.handlers['runs.start']({ flow: hostile('test.spin', { ms: 120_000 }), mode: 'flow' });
    await svc.waitFor((e) => e.type === 'node.started' && e.runId === runId && e.nodeId === 'Hostile');
    expect(await answerMs()).toBeLessThan(100);
    const t0 = performance.now();
    expect(await svc.handlers['runs.cancel']({ runId })).toEqual({ cancelled: true });
    const end = await svc.waitFor(finished(runId), 5000);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(end).toMatchObject({ status: 'cancelled', error: { code: 'run.cancelled' } });
    expect((await svc.handlers['runs.get']({ runId })).status).toBe('cancelled');
  });

  it('stops a run that overruns its timeout even when it cannot hear the timer', async () => {
    const { runId } = await svc.handlers['runs.start']({ flow: hostile('test.spin', { ms: 120_000 }, { timeoutMs: 300 }), mode: 'flow' });
    const end = await svc.waitFor(finished(runId), 10_000);
    expect(end).toMatchObject({ status: 'failed', error: { code: 'run.timeout', message: 'The run took longer than 300 ms and was stopped' } });
    expect((await svc.handlers['runs.get']({ runId })).status).toBe('failed');
  });

  it('ends a run that runs out of memory with a clear error, and the service carries on', async () => {
    const { runId } = await svc.handlers['runs.start']({ flow: hostile('test.hog'), mode: 'flow' });
    const end = await svc.waitFor(finished(runId), 30_000);
    expect(end).toMatchObject({ status: 'failed', error: { code: 'run.memory', message: 'The run used more than 128 MB of memory and was stopped' } });
    const detail = await svc.handlers['runs.get']({ runId });
    expect(detail).toMatchObject({ status: 'failed', error: { code: 'run.memory' } });
    // The node that finished before the run died is in history, with its sample.
    expect(detail.nodes.map((n) => n.nodeId)).toEqual(['Source']);
    const page = await svc.handlers['runs.items']({ runId, nodeId: 'Source', direction: 'output', port: 'main', offset: 0, limit: 5 });
    expect(page).toMatchObject({ total: 1, isSample: true, items: [{ i: 0, amount: 0 }] });
    const next = await svc.handlers['runs.start']({ flow: hostile('test.double'), mode: 'flow' });
    expect((await svc.waitFor(finished(next.runId), 20_000)).status).toBe('success');
  });
});

describe('previews in a worker process', () => {
  const flow = () => buildFlow([{ type: 'test.source', name: 'Source', params: { n: 2 } }, { type: 'test.double', name: 'Double' }], ['Source -> Double'], { id: 'f_preview' });
  // Slow today by luxon's format parser (52 s alone); a bounded expression engine may make it fast, so the
  // deadline itself is also checked with a preview that is slow by construction below.
  const slowDate = "{{ DateTime.fromFormat('1'.repeat(61) + 'x', 'Hm'.repeat(15)) }}";

  it('stops a hostile preview at its deadline while other requests answer', async () => {
    const f = flow();
    const slow = svc.handlers['expr.preview']({ flow: f, nodeId: 'Double', expression: slowDate });
    await new Promise((r) => setTimeout(r, 300));
    expect(await answerMs()).toBeLessThan(100);
    const t0 = performance.now();
    await slow;
    expect(performance.now() - t0).toBeLessThan(3000);
    // The next preview gets a fresh process and answers.
    expect(await svc.handlers['expr.preview']({ flow: f, nodeId: 'Double', expression: '{{ 6 * 7 }}' })).toMatchObject({ value: 42 });
  });
});

describe('the preview host', () => {
  it('kills a preview that overruns its deadline and answers the next one from a fresh process', async () => {
    // Field paths of 100 upstream nodes × 20 items × 200 fields (400,000 visits) against 1 ms: overrun by
    // construction, whatever the expression engine bounds. The run data itself crosses on its own deadline.
    const names = Array.from({ length: 100 }, (_, i) => `N${i}`);
    const flow = buildFlow([...names, 'Last'].map((name) => ({ type: 'test.double', name })), [...names.map((n, i) => `${n} -> ${names[i + 1] ?? 'Last'}`)]);
    const item = { json: Object.fromEntries(Array.from({ length: 200 }, (_, k) => [`field${k}`, k])) };
    const outputs = new Map(names.map((n) => [n, { main: Array.from({ length: 20 }, () => item) }]));
    const data = { key: 'wide', get: () => ({ key: 'wide', outputs, inputs: new Map() }) };
    const request = { type: 'paths' as const, flow, nodeId: 'Last' };
    const hasty = createPreviewHost({ deadlineMs: 1 });
    await expect(hasty.ask(request, data)).rejects.toMatchObject({ code: 'expr.timeout', message: 'The expression took longer than 0.001 s and was stopped' });
    await hasty.close();
    const patient = createPreviewHost();
    const { fields } = await patient.ask<{ fields: { path: string; node: string }[] }>(request, data);
    expect(fields).toHaveLength(100 * 200);
    expect(fields[0]).toMatchObject({ path: 'field0', node: 'N99' });
    await patient.close();
  });
});

describe('the run host', () => {
  it('fails a run whose node outputs more than the cap, naming the node', async () => {
    const host = createRunHost({ typesModule: { url: process.env.JUNCTION_TEST_TYPES_MODULE!, exportName: 'testTypes' }, maxNodeOutputBytes: 64 * 1024 });
    const flow = buildFlow([{ type: 'test.source', name: 'Source', params: { n: 10_000 } }, { type: 'test.double', name: 'Double' }], ['Source -> Double']);
    const result = await host.run(flow, { mode: 'test' });
    expect(result).toMatchObject({ status: 'failed', error: { code: 'run.output-too-large', node: 'Source' } });
    expect(result.error?.message).toMatch(/^"Source" produced about \d+ KB of data; a node may output at most 64 KB in one run$/);
  });

  it('sends the items of a run back once, or not at all past the data cap', async () => {
    const typesModule = { url: process.env.JUNCTION_TEST_TYPES_MODULE!, exportName: 'testTypes' };
    const flow = buildFlow([{ type: 'test.source', name: 'Source', params: { n: 1000 } }, { type: 'test.double', name: 'Double' }], ['Source -> Double']);
    const kept: string[] = [];
    const roomy = await createRunHost({ typesModule }).run(flow, { mode: 'test', keepData: true, onData: (entries) => kept.push(...entries.map((e) => e.nodeId)) });
    expect(roomy.status).toBe('success');
    expect(kept).toEqual(['Source', 'Double']);
    // Lineage survives the crossing: Double's items point at the very items Source produced.
    const [source, double] = [roomy.outputs.get('Source')!.main!, roomy.outputs.get('Double')!.main!];
    expect(double[5]!.paired![0]).toBe(source[5]);
    kept.length = 0;
    const tight = await createRunHost({ typesModule, maxRunDataBytes: 1024 }).run(flow, { mode: 'test', keepData: true, onData: (entries) => kept.push(...entries.map((e) => e.nodeId)) });
    expect(tight.status).toBe('success');
    expect(kept).toEqual([]);
    expect(tight.outputs.size).toBe(0);
  });

  it('hands a process whose run ended by itself to the next run, and never one that was stopped', async () => {
    const host = createRunHost({ typesModule: { url: process.env.JUNCTION_TEST_TYPES_MODULE!, exportName: 'testTypes' } });
    const flow = buildFlow([{ type: 'test.source', name: 'Source', params: { n: 1 } }, { type: 'test.pid', name: 'Pid' }], ['Source -> Pid']);
    const pidOf = async () => {
      const r = await host.run(flow, { mode: 'test' });
      expect(r.status).toBe('success');
      return r.outputs.get('Pid')!.main![0]!.json.pid;
    };
    const first = await pidOf();
    expect(await pidOf()).toBe(first);
    const controller = new AbortController();
    const spinning = host.run(hostile('test.spin', { ms: 120_000 }), { mode: 'test', signal: controller.signal, onEvent: (e) => { if (e.type === 'node.started' && e.nodeId === 'Hostile') controller.abort(); } });
    expect((await spinning).status).toBe('cancelled');
    // The spinning run took the idle process; the next run gets a new one.
    expect(await pidOf()).not.toBe(first);
    host.close();
  });

  it('carries several triggered runs at once in shared processes; a cancelled one leaves the others running', async () => {
    const host = createRunHost({ typesModule: { url: process.env.JUNCTION_TEST_TYPES_MODULE!, exportName: 'testTypes' } });
    const flow = buildFlow([
      { type: 'test.source', name: 'Source', params: { n: 1 } }, { type: 'test.slow', name: 'Wait', params: { ms: 600 } }, { type: 'test.pid', name: 'Pid' },
    ], ['Source -> Wait', 'Wait -> Pid']);
    // Warm the pool first, so the timing below is the runs', not the processes' start-up.
    await Promise.all([1, 2].map(() => host.run(buildFlow([{ type: 'test.source', name: 'Source', params: { n: 1 } }], []), { mode: 'trigger', isShared: true })));
    const controller = new AbortController();
    const t0 = performance.now();
    const runs = Array.from({ length: 6 }, (_, i) => host.run(flow, { mode: 'trigger', isShared: true, ...(i === 0 ? { signal: controller.signal } : {}) }));
    setTimeout(() => controller.abort(), 200);
    const results = await Promise.all(runs);
    const ms = performance.now() - t0;
    expect(results[0].status).toBe('cancelled');
    expect(results.slice(1).map((r) => r.status)).toEqual(Array(5).fill('success'));
    // Six 600 ms runs one after another would take 3.6 s; sharing runs them side by side.
    expect(ms).toBeLessThan(3_000);
    const pids = new Set(results.slice(1).map((r) => r.outputs.get('Pid')!.main![0]!.json.pid));
    expect(pids.size).toBeLessThan(5);
    host.close();
  });
});
