import { describe, expect, it, vi } from 'vitest';
import type { ApiEvent } from '../../engine/api';
import type { FlowFile } from '../../engine/flow/types';
import type { ApiClient } from '../api/client';
import { createEditorStore } from './editor-store';
import { statusText } from '../app/format';
import { selectIsDirty } from './save-slice';
import { useToasts } from './toast-store';

const flow: FlowFile = {
  format: 'junction/flow@1', id: 'f', name: 'Flow', settings: {}, notes: [],
  nodes: [
    { id: 'a', type: 'core.noop', version: 1, name: 'A', position: { x: 0, y: 0 }, params: {} },
    { id: 'b', type: 'core.noop', version: 1, name: 'B', position: { x: 200, y: 0 }, params: {} },
  ],
  edges: [{ id: 'e1', from: { node: 'a', port: 'main' }, to: { node: 'b', port: 'main' } }],
  pinned: { b: [{ x: 1 }] },
};

function fakeApi(runId = 'r1') {
  let resolveStart: (v: { runId: string }) => void = () => undefined;
  const api = {
    call: (method: string) => (method === 'runs.start' ? new Promise((r) => { resolveStart = r as never; }) : Promise.resolve({ problems: [], savedAt: '' })),
    onEvent: () => () => undefined,
    onStatus: () => () => undefined,
  } as unknown as ApiClient;
  return { api, start: () => resolveStart({ runId }) };
}

describe('editor store', () => {
  it('groups one drag into one undo step and tracks dirtiness by identity', () => {
    const store = createEditorStore(flow, { api: fakeApi().api });
    const s = () => store.getState();
    for (let x = 1; x <= 5; x++) s().moveElements(new Map([['a', { x, y: 0 }]]), 'drag:1');
    expect(s().past).toHaveLength(1);
    expect(s().flow.nodes[0].position.x).toBe(5);
    expect(selectIsDirty(s())).toBe(true);
    s().undo();
    expect(s().flow).toBe(flow);
    expect(selectIsDirty(s())).toBe(false);
    s().redo();
    expect(s().flow.nodes[0].position.x).toBe(5);
  });

  it('removes selected nodes with their edges and pinned data', () => {
    const store = createEditorStore(flow, { api: fakeApi().api });
    store.getState().select(['b']);
    store.getState().removeSelection();
    const next = store.getState().flow;
    expect(next.nodes.map((n) => n.id)).toEqual(['a']);
    expect(next.edges).toEqual([]);
    expect(next.pinned).toEqual({});
  });

  it('does not edit a read-only (recorded run) store', () => {
    const store = createEditorStore(flow, { api: fakeApi().api, readOnly: true });
    store.getState().rename('Other');
    expect(store.getState().flow).toBe(flow);
  });

  it('names its run before starting it, so events that arrive before runs.start answers count', async () => {
    const sent: unknown[] = [];
    let answer: () => void = () => undefined;
    const api = {
      call: (method: string, input: { runId?: string }) => {
        sent.push(input);
        return method === 'runs.start' ? new Promise((r) => { answer = () => r({ runId: input.runId }); }) : Promise.resolve({});
      },
      onEvent: () => () => undefined,
      onStatus: () => () => undefined,
    } as unknown as ApiClient;
    const store = createEditorStore(flow, { api });
    const running = store.getState().startRun('flow');
    const runId = store.getState().runId!;
    expect(runId).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(sent[0]).toMatchObject({ mode: 'flow', runId });
    const at = new Date().toISOString();
    const events: ApiEvent[] = [
      { type: 'node.started', runId, nodeId: 'a', nodeName: 'A', at },
      { type: 'node.finished', runId, nodeId: 'a', nodeName: 'A', nodeType: 'core.noop', status: 'success', at, durationMs: 3, attempts: 1, iteration: 0, itemsIn: {}, itemsOut: { main: 2 } },
      { type: 'node.started', runId: 'other', nodeId: 'b', nodeName: 'B', at },
    ];
    events.forEach((e) => store.getState().applyEvent(e));
    // Events reach the store in batches, one update per frame.
    await vi.waitFor(() => expect(store.getState().nodeStatus).toEqual({ a: { status: 'success', itemsIn: {}, itemsOut: { main: 2 }, durationMs: 3, runs: 1 } }));
    answer();
    await running;
    expect(store.getState().runState).toBe('running');
    store.getState().applyEvent({ type: 'run.finished', runId, status: 'success', at, durationMs: 5, itemsOut: 1, failedItems: 1 });
    await vi.waitFor(() => expect(store.getState().runState).toBe('done'));
    expect(store.getState().runResult).toMatchObject({ status: 'success', itemsOut: 1, failedItems: 1 });
  });

  it('adds up a loop body\'s node runs across batches', async () => {
    const store = createEditorStore(flow, { api: fakeApi().api });
    void store.getState().startRun('flow');
    const runId = store.getState().runId!;
    const at = new Date().toISOString();
    for (const iteration of [1, 2]) {
      store.getState().applyEvent({ type: 'node.started', runId, nodeId: 'b', nodeName: 'B', at });
      store.getState().applyEvent({ type: 'node.finished', runId, nodeId: 'b', nodeName: 'B', nodeType: 'core.noop', status: 'success', at, durationMs: 2, attempts: 1, iteration, itemsIn: { main: 10 }, itemsOut: { main: 10 } });
    }
    await vi.waitFor(() => expect(store.getState().nodeStatus.b).toMatchObject({ status: 'success', itemsIn: { main: 20 }, itemsOut: { main: 20 }, durationMs: 4, runs: 2 }));
  });

  it('adds up failed items from node events for the run chip (items left through an unconnected error port)', async () => {
    const { api, start } = fakeApi();
    const store = createEditorStore(flow, { api });
    const running = store.getState().startRun('flow');
    const runId = store.getState().runId!;
    start();
    await running;
    const at = new Date().toISOString();
    const finished = (nodeId: string, failedItems?: number) => ({
      type: 'node.finished', runId, nodeId, nodeName: nodeId, nodeType: 'core.noop', status: 'success', at, durationMs: 1, attempts: 1,
      iteration: 0, itemsIn: {}, itemsOut: { main: 1 }, ...(failedItems ? { failedItems } : {}),
    }) as ApiEvent;
    store.getState().applyEvent(finished('a', 2));
    store.getState().applyEvent(finished('b', 1));
    store.getState().applyEvent({ type: 'run.finished', runId, status: 'success', at, durationMs: 5, itemsOut: 1, failedItems: 3 });
    await vi.waitFor(() => expect(store.getState().runState).toBe('done'));
    expect(store.getState().nodeStatus.a.failedItems).toBe(2);
    expect(store.getState().runResult?.failedItems).toBe(3);
    expect(statusText(store.getState().runResult!.status, store.getState().runResult!.failedItems)).toBe('Succeeded with 3 failed items');
    expect(statusText('success', undefined)).toBe('Succeeded');
    expect(statusText('success', 1)).toBe('Succeeded with 1 failed item');
  });

  it('bulk delete keeps an Undo that also works after later edits; save refuses an emptied flow without confirmation', async () => {
    const store = createEditorStore(flow, { api: fakeApi().api });
    const s = () => store.getState();
    s().select(['a', 'b']);
    s().removeSelection();
    expect(s().flow.nodes).toEqual([]);
    expect(await s().save()).toBe(false);
    s().rename('Renamed after the delete');
    expect(useToasts.getState().toasts.at(-1)?.message).toBe('Deleted 2 nodes');
    useToasts.getState().toasts.at(-1)!.action!.run();
    expect(s().flow.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(s().flow.edges).toEqual(flow.edges);
    expect(s().flow.pinned).toEqual(flow.pinned);
    expect(s().flow.name).toBe('Renamed after the delete');
  });
});
