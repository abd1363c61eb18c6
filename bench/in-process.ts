// In-process figures for work on 100,000 items that the unit tests check for correctness only
// (a wall-clock bound in a test fails on a busy machine and proves little on an idle one).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import aggregate from '../nodes/core/aggregate';
import merge from '../nodes/core/merge';
import sort from '../nodes/core/sort';
import type { EngineEvent } from '../engine/exec/events';
import { runNode } from '../engine/sdk/testing';
import { finished, tempService } from '../engine/service/testing';
import { openRunStore } from '../engine/store';
import { buildFlow } from '../test/fixtures/flow-builder';
import { testTypes } from '../test/fixtures/test-nodes';

const N = 100_000;

/** Median and minimum of `reps` timings of `fn`, after one untimed warm-up call. */
async function timeOf(fn: () => unknown, reps: number) {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { minMs: ms[0], medianMs: ms[Math.floor(reps / 2)] };
}

const countries = ['DE', 'FR', 'IT', 'ES', 'NL'];
const rows = Array.from({ length: N }, (_, i) => ({ json: { id: i, v: (i * 7919) % 100_003, name: `n${i % 1000}`, country: countries[i % 5], amount: i % 1000 } }));
const refs = Array.from({ length: N }, (_, i) => ({ json: { ref: String(N - 1 - i), v: i } }));

function nodeFigures() {
  return [
    ['Merge by key, 100,000 × 100,000', () => runNode(merge, { params: { mode: 'byKey', keyA: 'id', keyB: 'ref' }, inputs: { a: rows, b: refs } })],
    ['Aggregate, 100,000 items into 5 groups', () => runNode(aggregate, {
      params: { groupBy: ['country'], aggregations: [{ op: 'count' }, { op: 'sum', field: 'amount' }, { op: 'avg', field: 'amount' }] }, items: rows,
    })],
    ['Sort 100,000 items by two fields', () => runNode(sort, { params: { fields: [{ field: 'name', order: 'asc' }, { field: 'v', order: 'asc' }] }, items: rows })],
  ] as const;
}

/** A page at the end of a recent 100,000-item run: a slice of what is held in memory. */
async function pageFigure() {
  const svc = tempService(testTypes);
  try {
    const flow = buildFlow([{ type: 'test.source', name: 'Source', params: { n: N } }, { type: 'test.double', name: 'Double' }], ['Source -> Double'], { id: 'f_bench' });
    const { runId } = await svc.handlers['runs.start']({ flow, mode: 'flow' });
    await svc.waitFor(finished(runId), 60_000);
    return await timeOf(() => svc.handlers['runs.items']({ runId, nodeId: 'Double', direction: 'output', port: 'main', offset: 99_990, limit: 50 }), 20);
  } finally {
    await svc.dispose();
  }
}

/** Recording a node.finished of 100,000 items: the history keeps a sample, so this must not touch every item. */
async function recordFigure() {
  const dir = mkdtempSync(join(tmpdir(), 'junction-bench-store-'));
  const store = openRunStore(join(dir, 'runs.db'));
  try {
    const at = new Date().toISOString();
    store.record({ type: 'run.started', runId: 'r', flowId: 'f', flowName: 'Bench', trigger: 'manual', mode: 'manual', at });
    let iteration = 0;
    const event = (): EngineEvent => ({
      type: 'node.finished', runId: 'r', nodeId: 'code', nodeName: 'code', nodeType: 'core.code', status: 'success', at,
      durationMs: 5, attempts: 1, iteration: iteration++, itemsIn: {}, itemsOut: { main: N }, data: { input: {}, output: { main: rows } },
    });
    return await timeOf(() => store.record(event()), 20);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each figure's label with its min and median in ms. */
export async function measureInProcess(): Promise<{ label: string; minMs: number; medianMs: number }[]> {
  const out = [];
  for (const [label, fn] of nodeFigures()) out.push({ label, ...(await timeOf(fn, 5)) });
  out.push({ label: 'runs.items, last page of a 100,000-item run', ...(await pageFigure()) });
  out.push({ label: 'record node.finished of 100,000 items', ...(await recordFigure()) });
  return out;
}
