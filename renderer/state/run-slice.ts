import type { ApiEvent, ErrorInfo, RunDetailDto } from '../../engine/api';
import type { ApiClient } from '../api/client';
import { failedItemsOf } from '../app/format';
import type { NodeRunView } from '../data-panel/types';
import type { Slice } from './editor-store';
import { createEventBatcher } from './event-batcher';
import { errorText } from './toast-store';

export type RunMode = 'flow' | 'from' | 'node';

export interface RunResult {
  status: 'success' | 'failed' | 'cancelled' | 'crashed' | 'running';
  durationMs?: number;
  itemsOut?: number;
  /** Items that ended on an unconnected error port, over the whole run. */
  failedItems?: number;
  error?: ErrorInfo;
}

export interface RunSlice {
  runId?: string;
  /** 'starting' until runs.start answers; events that arrive before are held back. */
  runState: 'idle' | 'starting' | 'running' | 'done';
  runResult?: RunResult;
  nodeStatus: Record<string, NodeRunView>;
  startRun(mode: RunMode, nodeId?: string): Promise<void>;
  cancelRun(): Promise<void>;
  applyEvent(e: ApiEvent): void;
  /** Shows a recorded run (Runs screen, or catching up after a reconnect). */
  showRecorded(run: RunDetailDto): void;
}

/** Per-node views from a recorded run; loop bodies add up across iterations. */
export function nodeViewsOf(run: RunDetailDto): Record<string, NodeRunView> {
  const out: Record<string, NodeRunView> = {};
  for (const n of run.nodes) {
    const prev = out[n.nodeId];
    out[n.nodeId] = {
      status: n.status as NodeRunView['status'],
      itemsIn: prev ? sum(prev.itemsIn, n.itemsIn) : n.itemsIn,
      itemsOut: prev ? sum(prev.itemsOut, n.itemsOut) : n.itemsOut,
      durationMs: (prev?.durationMs ?? 0) + n.durationMs,
      ...withFailed((prev?.failedItems ?? 0) + (failedItemsOf(n) ?? 0)),
      ...withLogs([...(prev?.logs ?? []), ...logsOf(n)]),
      ...(n.error ? { error: n.error } : {}),
    };
  }
  return out;
}

const withLogs = (logs: NodeRunView['logs'] & object) => (logs.length ? { logs } : {});
/** A recorded node's log lines, a field the engine adds to node runs. */
const logsOf = (n: object): NonNullable<NodeRunView['logs']> => {
  const logs = (n as { logs?: unknown }).logs;
  return Array.isArray(logs) ? logs as NonNullable<NodeRunView['logs']> : [];
};
const withFailed = (n: number) => (n > 0 ? { failedItems: n } : {});
/** The run's failed items: the engine's own total when it sends one, else the nodes' sum. */
const runFailedItems = (run: object, nodes: Record<string, NodeRunView>) =>
  withFailed(failedItemsOf(run) ?? Object.values(nodes).reduce((a, v) => a + (v.failedItems ?? 0), 0));

const sum = (a: Record<string, number>, b: Record<string, number>) => {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
};

export const createRunSlice = (api: ApiClient): Slice<RunSlice> => (set, get) => {
  let early: ApiEvent[] = [];
  /** Nodes started in the current run, so a loop's later iterations keep their log lines. */
  const startedInRun = new Set<string>();
  /** Folds a batch of events into one store update: one canvas render per frame, not per event. */
  const handleBatch = (events: ApiEvent[]) => {
    const { runId } = get();
    let nodeStatus: Record<string, NodeRunView> | undefined;
    let finished: Pick<RunSlice, 'runState' | 'runResult'> | undefined;
    for (const e of events) {
      if (!('runId' in e) || e.runId !== runId) continue;
      if (e.type === 'node.started') {
        nodeStatus ??= { ...get().nodeStatus };
        // A loop body starts once per iteration: its earlier lines of this run stay.
        const logs = startedInRun.has(e.nodeId) ? nodeStatus[e.nodeId]?.logs ?? [] : [];
        startedInRun.add(e.nodeId);
        nodeStatus[e.nodeId] = { status: 'running', itemsIn: {}, itemsOut: {}, ...withLogs(logs) };
      } else if (e.type === 'node.log') {
        nodeStatus ??= { ...get().nodeStatus };
        const view = nodeStatus[e.nodeId] ?? { status: 'running', itemsIn: {}, itemsOut: {} };
        nodeStatus[e.nodeId] = { ...view, logs: [...(view.logs ?? []), { level: e.level, message: e.message }] };
      } else if (e.type === 'node.finished') {
        nodeStatus ??= { ...get().nodeStatus };
        const prev = e.iteration > 0 ? nodeStatus[e.nodeId] : undefined;
        nodeStatus[e.nodeId] = {
          status: e.status,
          itemsIn: prev ? sum(prev.itemsIn, e.itemsIn) : e.itemsIn,
          itemsOut: prev ? sum(prev.itemsOut, e.itemsOut) : e.itemsOut,
          durationMs: (prev?.durationMs ?? 0) + e.durationMs,
          ...withFailed((prev?.failedItems ?? 0) + (failedItemsOf(e) ?? 0)),
          ...withLogs(nodeStatus[e.nodeId]?.logs ?? []),
          ...(e.error ? { error: e.error } : {}),
        };
      } else if (e.type === 'run.finished') {
        const views = nodeStatus ?? get().nodeStatus;
        finished = { runState: 'done', runResult: { status: e.status, durationMs: e.durationMs, itemsOut: e.itemsOut, ...runFailedItems(e, views), ...(e.error ? { error: e.error } : {}) } };
      }
    }
    if (nodeStatus || finished) set({ ...(nodeStatus ? { nodeStatus } : {}), ...finished });
  };
  const batcher = createEventBatcher(handleBatch);
  return {
    runState: 'idle',
    nodeStatus: {},
    startRun: async (mode, nodeId) => {
      const { flow, runState, nodeStatus } = get();
      if (runState === 'starting' || runState === 'running') return;
      batcher.flush();
      startedInRun.clear();
      early = [];
      set({ runState: 'starting', runResult: { status: 'running' }, nodeStatus: mode === 'flow' ? {} : nodeStatus });
      try {
        const { runId } = await api.call('runs.start', { flow, mode, ...(nodeId ? { nodeId } : {}) });
        set({ runId, runState: get().runState === 'starting' ? 'running' : get().runState });
        const held = early;
        early = [];
        held.forEach(batcher.push);
      } catch (e) {
        set({ runState: 'done', runResult: { status: 'failed', error: { code: 'run.start', message: errorText(e) } } });
      }
    },
    cancelRun: async () => {
      const { runId, runState } = get();
      if (runId && runState === 'running') await api.call('runs.cancel', { runId }).catch(() => undefined);
    },
    applyEvent: (e) => {
      if (get().runState === 'starting') { early.push(e); return; }
      batcher.push(e);
    },
    showRecorded: (run) => {
      batcher.flush();
      const nodeStatus = nodeViewsOf(run);
      set({
        runId: run.id, nodeStatus,
        runState: run.status === 'running' ? 'running' : 'done',
        runResult: { status: run.status, durationMs: run.durationMs, itemsOut: run.itemsOut, ...runFailedItems(run, nodeStatus), ...(run.error ? { error: run.error } : {}) },
      });
    },
  };
};
