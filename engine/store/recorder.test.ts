import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../exec/events';
import type { Item } from '../sdk';
import { openRunStore, type RunStore } from './index';

const root = mkdtempSync(join(tmpdir(), 'junction-store-rec-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
let store: RunStore;
beforeEach(() => { store = openRunStore(join(root, `case-${++n}.db`)); });
afterEach(() => store.close());

const customers = (count: number): Item[] => {
  const out: Item[] = new Array(count);
  for (let i = 0; i < count; i++) {
    out[i] = { json: { id: i, name: `Customer ${i}`, email: `c${i}@example.com`, amount: (i * 37) % 1000, country: i % 3 ? 'DE' : 'FR' } };
  }
  return out;
};

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, s)).toISOString();

function finished(runId: string, nodeId: string, extra: Partial<Extract<EngineEvent, { type: 'node.finished' }>> = {}): EngineEvent {
  return {
    type: 'node.finished', runId, nodeId, nodeName: nodeId, nodeType: 'core.set', status: 'success', at: at(2),
    durationMs: 5, attempts: 1, iteration: 0, itemsIn: {}, itemsOut: {}, ...extra,
  };
}

function startRun(runId: string, flowId = 'flow-1', second = 0) {
  store.record({ type: 'run.started', runId, flowId, flowName: `Flow ${flowId}`, trigger: 'manual', mode: 'manual', at: at(second) });
}

describe('recorder round trip', () => {
  it('records a 100,000-item run with a capped sample and the right counts', () => {
    const input = customers(100_000);
    // The output items point back at their input: `paired` must never reach the database.
    const output = input.map((item) => ({ json: { ...item.json, vip: (item.json.amount as number) > 500 }, paired: [item] }));
    startRun('run-1');
    store.record({ type: 'node.started', runId: 'run-1', nodeId: 'set', nodeName: 'Set VIP', at: at(1) });
    store.record({
      type: 'node.finished', runId: 'run-1', nodeId: 'set', nodeName: 'Set VIP', nodeType: 'core.set', status: 'success',
      at: at(3), durationMs: 2000, attempts: 1, iteration: 0,
      itemsIn: { main: 100_000 }, itemsOut: { main: 100_000 }, data: { input: { main: input }, output: { main: output } },
    });
    store.record({ type: 'run.finished', runId: 'run-1', status: 'success', at: at(4), durationMs: 4000, itemsOut: 100_000 });

    expect(store.listRuns()).toEqual([{
      id: 'run-1', flowId: 'flow-1', flowName: 'Flow flow-1', trigger: 'manual', mode: 'manual', status: 'success',
      startedAt: at(0), finishedAt: at(4), durationMs: 4000, itemsOut: 100_000,
    }]);
    const run = store.getRun('run-1')!;
    expect(run.nodes).toHaveLength(1);
    const node = run.nodes[0];
    expect(node).toMatchObject({
      nodeId: 'set', nodeName: 'Set VIP', nodeType: 'core.set', iteration: 0, status: 'success', attempts: 1,
      durationMs: 2000, startedAt: at(1), finishedAt: at(3), itemsIn: { main: 100_000 }, itemsOut: { main: 100_000 },
    });
    for (const sample of [node.sampleIn.main, node.sampleOut.main]) {
      expect(sample.total).toBe(100_000);
      expect(sample.kept).toBeGreaterThan(100);
      expect(sample.kept).toBeLessThan(sample.total);
      expect(sample.items).toHaveLength(sample.kept);
      expect(Buffer.byteLength(JSON.stringify(sample.items))).toBeLessThanOrEqual(32 * 1024);
    }
    expect(node.sampleIn.main.items[0]).toEqual(input[0].json);
    expect(node.sampleOut.main.items[1]).toEqual(output[1].json);
    expect(JSON.stringify(node.sampleOut)).not.toContain('paired');
  });

  // Not touching the other items is the guard; how long recording takes is a figure of `npm run bench`.
  it('touches only the sampled items of a 100,000-item node.finished', () => {
    let touched = 0;
    const items = customers(100_000);
    for (let i = 2_000; i < items.length; i++) {
      const json = items[i].json;
      Object.defineProperty(items[i], 'json', { get: () => { touched++; return json; } });
    }
    startRun('run-fast');
    for (let i = 0; i < 3; i++) {
      store.record(finished('run-fast', 'code', {
        iteration: i, itemsIn: {}, itemsOut: { main: items.length }, data: { input: {}, output: { main: items } },
      }));
    }
    expect(touched).toBe(0);
  });

  it('honours a configured sample size, per port', () => {
    store.close();
    store = openRunStore(join(root, `case-${++n}.db`), { sampleBytes: 1024 });
    startRun('run-small');
    const items = customers(500);
    store.record(finished('run-small', 'if', {
      nodeType: 'core.if', itemsIn: { main: 500 }, itemsOut: { true: 250, false: 250 },
      data: { input: { main: items }, output: { true: items.slice(0, 250), false: items.slice(250) } },
    }));
    const node = store.getRun('run-small')!.nodes[0];
    expect(Object.keys(node.sampleOut)).toEqual(['true', 'false']);
    for (const s of [node.sampleIn.main, node.sampleOut.true, node.sampleOut.false]) {
      expect(s.kept).toBeGreaterThan(0);
      expect(Buffer.byteLength(JSON.stringify(s.items))).toBeLessThanOrEqual(1024);
    }
    expect(node.sampleOut.false.items[0]).toEqual(items[250].json);
  });

  it('keeps one node run per loop iteration, in order, and a failed run with its error', () => {
    startRun('run-loop');
    for (let i = 0; i < 3; i++) {
      store.record({ type: 'node.started', runId: 'run-loop', nodeId: 'body', nodeName: 'Body', at: at(1) });
      store.record(finished('run-loop', 'body', { iteration: i, itemsIn: { main: 10 }, itemsOut: { main: 10 } }));
    }
    const error = { code: 'http.status', message: 'The server answered 503.', node: 'Call API', path: 'params.url' };
    store.record(finished('run-loop', 'call', { nodeName: 'Call API', status: 'failed', attempts: 3, error, itemsIn: { main: 10 }, itemsOut: {} }));
    store.record({ type: 'run.finished', runId: 'run-loop', status: 'failed', at: at(9), durationMs: 9000, itemsOut: 0, error });

    const run = store.getRun('run-loop')!;
    expect(run.status).toBe('failed');
    expect(run.error).toEqual(error);
    expect(run.nodes.map((x) => [x.nodeId, x.iteration, x.status])).toEqual([
      ['body', 0, 'success'], ['body', 1, 'success'], ['body', 2, 'success'], ['call', 0, 'failed'],
    ]);
    expect(run.nodes[3]).toMatchObject({ attempts: 3, error, sampleIn: {}, sampleOut: {} });
  });

  it('writes an audit entry per finished run', () => {
    startRun('run-a');
    store.record({ type: 'run.finished', runId: 'run-a', status: 'cancelled', at: at(5), durationMs: 5000, itemsOut: 0 });
    const [entry] = store.audit.list(1);
    expect(entry).toMatchObject({ actor: 'engine', action: 'run.finished', target: 'run-a', detail: { status: 'cancelled', flowId: 'flow-1' } });
    expect(store.audit.verify()).toEqual({ ok: true });
  });

  it('ignores events of a run it never saw start instead of throwing into the executor', () => {
    expect(() => store.record(finished('ghost', 'x'))).not.toThrow();
    expect(() => store.record({ type: 'run.finished', runId: 'ghost', status: 'success', at: at(1), durationMs: 1, itemsOut: 0 })).not.toThrow();
    expect(store.getRun('ghost')).toBeUndefined();
    expect(store.audit.list()).toEqual([]);
  });

  it('shows a run as running while it goes', () => {
    startRun('run-live');
    store.record(finished('run-live', 'first'));
    const run = store.getRun('run-live')!;
    expect(run.status).toBe('running');
    expect(run.finishedAt).toBeUndefined();
    expect(run.nodes).toHaveLength(1);
  });
});

describe('listRuns filters', () => {
  beforeEach(() => {
    const plan: [string, string, 'success' | 'failed'][] = [
      ['r1', 'flow-a', 'success'], ['r2', 'flow-b', 'failed'], ['r3', 'flow-a', 'failed'], ['r4', 'flow-a', 'success'], ['r5', 'flow-b', 'success'],
    ];
    plan.forEach(([id, flow, status], i) => {
      startRun(id, flow, i * 10);
      store.record({ type: 'run.finished', runId: id, status, at: at(i * 10 + 1), durationMs: 1000, itemsOut: i });
    });
    startRun('r6', 'flow-b', 59);
  });

  it('lists newest first', () => {
    expect(store.listRuns().map((r) => r.id)).toEqual(['r6', 'r5', 'r4', 'r3', 'r2', 'r1']);
  });
  it('filters by flow, by status, and both', () => {
    expect(store.listRuns({ flowId: 'flow-a' }).map((r) => r.id)).toEqual(['r4', 'r3', 'r1']);
    expect(store.listRuns({ status: 'failed' }).map((r) => r.id)).toEqual(['r3', 'r2']);
    expect(store.listRuns({ flowId: 'flow-b', status: 'success' }).map((r) => r.id)).toEqual(['r5']);
    expect(store.listRuns({ status: 'running' }).map((r) => r.id)).toEqual(['r6']);
  });
  it('pages with limit and offset', () => {
    expect(store.listRuns({ limit: 2 }).map((r) => r.id)).toEqual(['r6', 'r5']);
    expect(store.listRuns({ limit: 2, offset: 2 }).map((r) => r.id)).toEqual(['r4', 'r3']);
    expect(store.listRuns({ limit: 2, offset: 10 })).toEqual([]);
  });
});
