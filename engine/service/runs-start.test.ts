import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildFlow } from '../../test/fixtures/flow-builder';
import { testTypes } from '../../test/fixtures/test-nodes';
import type { ApiEvent } from '../api';
import { finished, tempService, type TempService } from './testing';

let svc: TempService;
beforeEach(() => { svc = tempService(testTypes); });
afterEach(async () => { await svc.dispose(); });

const h = () => svc.handlers;
const chain = () => buildFlow(
  [{ type: 'test.source', name: 'Source', params: { n: 3 } }, { type: 'test.double', name: 'Double' }, { type: 'test.log', name: 'Log', params: { lines: 2 } }],
  ['Source -> Double', 'Double -> Log'], { id: 'f_start' },
);
const nodeFinished = (runId: string) => svc.seen.filter((e): e is Extract<ApiEvent, { type: 'node.finished' }> => e.type === 'node.finished' && e.runId === runId);

describe('runs.start', () => {
  it('takes the run id the client chose, so every event of the run carries it', async () => {
    const runId = 'editor-run-0001';
    expect(await h()['runs.start']({ flow: chain(), mode: 'flow', runId })).toEqual({ runId });
    await svc.waitFor(finished(runId));
    expect(svc.seen.filter((e) => 'runId' in e && e.runId === runId).map((e) => e.type)[0]).toBe('run.started');
    expect((await h()['runs.get']({ runId })).status).toBe('success');
  });

  it('refuses a run id that is already taken', async () => {
    const runId = 'editor-run-0002';
    await h()['runs.start']({ flow: chain(), mode: 'flow', runId });
    await svc.waitFor(finished(runId));
    await expect(h()['runs.start']({ flow: chain(), mode: 'flow', runId })).rejects.toMatchObject({ code: 'runs.id-taken', path: 'runId' });
  });

  it('"run this node" from a cold start runs the upstream nodes it needs first', async () => {
    const { runId } = await h()['runs.start']({ flow: chain(), mode: 'node', nodeId: 'Double' });
    const end = await svc.waitFor(finished(runId));
    expect(end).toMatchObject({ status: 'success', itemsOut: 3 });
    expect(nodeFinished(runId).map((e) => [e.nodeId, e.itemsIn, e.itemsOut])).toEqual([
      ['Source', { main: 1 }, { main: 3 }], ['Double', { main: 3 }, { main: 3 }],
    ]);
    // With that data at hand, the next "run this node" runs only the node.
    const again = await h()['runs.start']({ flow: chain(), mode: 'node', nodeId: 'Double' });
    await svc.waitFor(finished(again.runId));
    expect(nodeFinished(again.runId).map((e) => e.nodeId)).toEqual(['Double']);
  });
});

describe('runs.get', () => {
  it('returns the flow as it ran and each node run\'s log lines', async () => {
    const flow = chain();
    const { runId } = await h()['runs.start']({ flow, mode: 'flow' });
    await svc.waitFor(finished(runId));
    flow.nodes[1].name = 'Renamed after the run';
    const detail = await h()['runs.get']({ runId });
    expect(detail.flow?.nodes.map((n) => n.name)).toEqual(['Source', 'Double', 'Log']);
    expect(detail.nodes.find((n) => n.nodeId === 'Log')?.logs).toEqual([{ level: 'info', message: '0:xxxxx' }, { level: 'info', message: '1:xxxxx' }]);
    for (const e of svc.seen) expect(e).not.toHaveProperty('flow');
  });
});
