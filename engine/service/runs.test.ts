import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildFlow } from '../../test/fixtures/flow-builder';
import { testTypes } from '../../test/fixtures/test-nodes';
import type { ApiEvent } from '../api';
import { inferFields } from '../flow/field-paths';
import { isJunctionError } from '../sdk/errors';
import { RUNS_IN_MEMORY } from './runs';
import { finished, tempService, type TempService } from './testing';

let svc: TempService;
beforeEach(() => { svc = tempService(testTypes); });
afterEach(async () => { await svc.dispose(); });

const h = () => svc.handlers;
const flowOf = (n: number, extra = {}) => buildFlow(
  [{ type: 'test.source', name: 'Source', params: { n } }, { type: 'test.double', name: 'Double' }],
  ['Source -> Double'], { id: 'f_runs', ...extra },
);

async function run(flow = flowOf(3), mode: 'flow' | 'from' | 'node' = 'flow', nodeId?: string) {
  const { runId } = await h()['runs.start']({ flow, mode, ...(nodeId ? { nodeId } : {}) });
  const end = await svc.waitFor(finished(runId), 20_000);
  return { runId, end };
}

describe('runs', () => {
  it('runs in the background, streams events without item data, and records history', async () => {
    const { runId, end } = await run();
    expect(end.status).toBe('success');
    const events = svc.seen.filter((e) => 'runId' in e && e.runId === runId);
    expect(events.map((e) => e.type)).toEqual(['run.started', 'node.started', 'node.finished', 'node.started', 'node.finished', 'run.finished']);
    for (const e of events) expect(e).not.toHaveProperty('data');
    const detail = await h()['runs.get']({ runId });
    expect(detail).toMatchObject({ id: runId, flowId: 'f_runs', status: 'success', hasFullData: true, mode: 'manual' });
    expect(detail.nodes.map((n) => [n.nodeId, n.itemsOut])).toEqual([['Source', { main: 3 }], ['Double', { main: 3 }]]);
    expect(detail.nodes[0]).not.toHaveProperty('sampleOut');
    const list = await h()['runs.list']({ flowId: 'f_runs' });
    expect(list.map((r) => r.id)).toEqual([runId]);
    expect((await h()['flows.list']({}))).toEqual([]);
  });

  it('pages through 100,000 items of a recent run', async () => {
    const { runId } = await run(flowOf(100_000));
    // How long a page takes is a figure of `npm run bench`, not a test.
    const page = await h()['runs.items']({ runId, nodeId: 'Double', direction: 'output', port: 'main', offset: 99_990, limit: 50 });
    expect(page).toMatchObject({ total: 100_000, offset: 99_990, isSample: false });
    expect(page.items).toHaveLength(10);
    expect(page.items[0]).toEqual({ i: 99_990, amount: 1_999_800 });
    const input = await h()['runs.items']({ runId, nodeId: 'Double', direction: 'input', port: 'main', offset: 0, limit: 2 });
    expect(input.items).toEqual([{ i: 0, amount: 0 }, { i: 1, amount: 10 }]);
  });

  it(`keeps the full items of the last ${RUNS_IN_MEMORY} runs, then falls back to the history sample`, async () => {
    const first = await run(flowOf(5));
    for (let i = 0; i < RUNS_IN_MEMORY; i++) await run(flowOf(5));
    expect((await h()['runs.get']({ runId: first.runId })).hasFullData).toBe(false);
    const page = await h()['runs.items']({ runId: first.runId, nodeId: 'Double', direction: 'output', port: 'main', offset: 1, limit: 2 });
    expect(page).toEqual({ total: 5, offset: 1, isSample: true, items: [{ i: 1, amount: 20 }, { i: 2, amount: 40 }] });
  });

  it('runs from a node and a single node with the last run\'s earlier data', async () => {
    const flow = flowOf(2);
    await run(flow);
    const from = await run(flow, 'from', 'Double');
    expect(from.end.status).toBe('success');
    const ran = svc.seen.filter((e): e is Extract<ApiEvent, { type: 'node.finished' }> => e.type === 'node.finished' && e.runId === from.runId);
    expect(ran.map((e) => e.nodeId)).toEqual(['Double']);
    expect(ran[0].itemsIn).toEqual({ main: 2 });
    const upstream = await h()['runs.items']({ runId: from.runId, nodeId: 'Source', direction: 'output', port: 'main', offset: 0, limit: 10 });
    expect(upstream.total).toBe(2);
    const only = await run(flow, 'node', 'Double');
    expect(only.end.status).toBe('success');
  });

  it('refuses an invalid flow with its problems', async () => {
    const flow = buildFlow([{ type: 'acme.nothing', name: 'X' }], [], { id: 'f_bad' });
    const e = await h()['runs.start']({ flow, mode: 'flow' }).catch((x: unknown) => x);
    expect(isJunctionError(e) && e.code).toBe('flow.invalid');
    expect((e as Error).message).toMatch(/unknown node type "acme.nothing"/);
  });

  it('cancels a running run', async () => {
    const flow = buildFlow([{ type: 'test.source', name: 'Source', params: { n: 1 } }, { type: 'test.slow', name: 'Slow', params: { ms: 60_000 } }], ['Source -> Slow'], { id: 'f_slow' });
    const { runId } = await h()['runs.start']({ flow, mode: 'flow' });
    await svc.waitFor((e) => e.type === 'node.started' && e.runId === runId && e.nodeId === 'Slow');
    expect(await h()['runs.cancel']({ runId })).toEqual({ cancelled: true });
    const end = await svc.waitFor(finished(runId));
    expect(end.status).toBe('cancelled');
    expect(await h()['runs.cancel']({ runId })).toEqual({ cancelled: false });
    expect((await h()['runs.get']({ runId })).status).toBe('cancelled');
  });
});

describe('expr', () => {
  const flow = () => buildFlow(
    [{ type: 'test.source', name: 'Source', params: { n: 2 } }, { type: 'test.double', name: 'Double' }, { type: 'test.double', name: 'Again' }],
    ['Source -> Double', 'Double -> Again'],
    { id: 'f_expr', pinned: {} },
  );

  it('lists upstream field paths from pinned data before any run', async () => {
    const f = flow();
    f.pinned = { Source: [{ customer: { email: 'a@x.io', tags: ['vip'] }, lines: [{ sku: 'A1', qty: 2 }], 'first name': 'Ann', n: null }] };
    const { fields } = await h()['expr.paths']({ flow: f, nodeId: 'Double' });
    const byPath = Object.fromEntries(fields.map((p) => [p.path, p]));
    expect(byPath['customer.email']).toMatchObject({ type: 'string', node: 'Source', example: 'a@x.io' });
    expect(byPath['customer.tags[0]']).toMatchObject({ type: 'string' });
    expect(byPath['lines[0].sku']).toMatchObject({ type: 'string', example: 'A1' });
    expect(byPath['lines[0].qty']).toMatchObject({ type: 'number' });
    expect(byPath['["first name"]']).toMatchObject({ type: 'string' });
    expect(byPath.n).toMatchObject({ type: 'null' });
  });

  it('lists the same paths as the Schema view, deep ones included', async () => {
    const f = flow();
    const deep = { a: { b: { c: { d: { e: { f: 1 } } } } } };
    f.pinned = { Source: [deep] };
    const { fields } = await h()['expr.paths']({ flow: f, nodeId: 'Double' });
    expect(fields.map((p) => p.path)).toEqual(inferFields([deep]).fields.map((p) => p.path));
    expect(fields.map((p) => p.path)).toContain('a.b.c.d.e.f');
  });

  it('lists paths of every upstream node from the last run, nearest first', async () => {
    const f = flow();
    await run(f);
    const { fields } = await h()['expr.paths']({ flow: f, nodeId: 'Again' });
    expect(fields.map((p) => `${p.node}:${p.path}`)).toEqual(['Double:i', 'Double:amount', 'Source:i', 'Source:amount']);
  });

  it('previews an expression against the first input item of the last run', async () => {
    const f = flow();
    const before = await h()['expr.preview']({ flow: f, nodeId: 'Double', expression: '{{ $json.amount }}' });
    expect(before.hasData).toBe(false);
    await run(f);
    const res = await h()['expr.preview']({ flow: f, nodeId: 'Again', expression: '{{ $json.amount + 1 }}' });
    expect(res).toEqual({ value: 1, hasData: true });
    const bad = await h()['expr.preview']({ flow: f, nodeId: 'Again', expression: '{{ $json.amount. }}' });
    expect(bad.error?.code).toMatch(/^expr\./);
  });
});

describe('workspace variables', () => {
  it('gives runs and previews the $vars of vars.json, read afresh for each run', async () => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const flow = buildFlow([{ type: 'test.source', name: 'Source', params: { n: 1 } }, { type: 'test.double', name: 'Double', params: { note: '{{ $vars.region }}' } }], ['Source -> Double'], { id: 'f_vars' });
    writeFileSync(join(svc.workspace, 'vars.json'), JSON.stringify({ region: 'eu-west' }));
    const first = await run(flow);
    expect(first.end.status).toBe('success');
    const page = await h()['runs.items']({ runId: first.runId, nodeId: 'Double', direction: 'output', port: 'main', offset: 0, limit: 1 });
    expect(page.items[0]).toMatchObject({ note: 'eu-west' });
    expect(await h()['expr.preview']({ flow, nodeId: 'Double', expression: '{{ $vars.region.toUpperCase() }}' })).toMatchObject({ value: 'EU-WEST' });

    writeFileSync(join(svc.workspace, 'vars.json'), '{ "region": ');
    await expect(h()['runs.start']({ flow, mode: 'flow' })).rejects.toMatchObject({ code: 'workspace.vars', message: expect.stringMatching(/vars\.json in the workspace is not valid JSON at line 1/) });
  });
});
