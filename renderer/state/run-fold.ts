/**
 * How engine events and recorded runs become the editor's per-node views: counts per port,
 * time, failed items, log lines; loop bodies add up across iterations.
 */
import type { ApiEvent, RunDetailDto } from '../../engine/api';
import { failedItemsOf } from '../app/format';
import type { NodeRunView } from '../data-panel/types';
import type { RunSlice } from './run-slice';

type RunState = Pick<RunSlice, 'runId' | 'nodeStatus' | 'runState' | 'runResult'>;

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
export const runFailedItems = (run: object, nodes: Record<string, NodeRunView>) =>
  withFailed(failedItemsOf(run) ?? Object.values(nodes).reduce((a, v) => a + (v.failedItems ?? 0), 0));

const sum = (a: Record<string, number>, b: Record<string, number>) => {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
};

/**
 * Folds a batch of engine events into the run slice's next state (undefined when none of
 * them concerns the shown run). `startedInRun` remembers which nodes started in this run.
 */
export function foldRunEvents(state: RunState, events: ApiEvent[], startedInRun: Set<string>): Partial<RunState> | undefined {
  const { runId } = state;
  let nodeStatus: Record<string, NodeRunView> | undefined;
  let finished: Pick<RunState, 'runState' | 'runResult'> | undefined;
  for (const e of events) {
    if (!('runId' in e) || e.runId !== runId) continue;
    if (e.type === 'node.started') {
      nodeStatus ??= { ...state.nodeStatus };
      // A loop body starts once per iteration: its earlier lines of this run stay.
      const logs = startedInRun.has(e.nodeId) ? nodeStatus[e.nodeId]?.logs ?? [] : [];
      startedInRun.add(e.nodeId);
      nodeStatus[e.nodeId] = { status: 'running', itemsIn: {}, itemsOut: {}, ...withLogs(logs) };
    } else if (e.type === 'node.log') {
      nodeStatus ??= { ...state.nodeStatus };
      const view = nodeStatus[e.nodeId] ?? { status: 'running', itemsIn: {}, itemsOut: {} };
      nodeStatus[e.nodeId] = { ...view, logs: [...(view.logs ?? []), { level: e.level, message: e.message }] };
    } else if (e.type === 'node.finished') {
      nodeStatus ??= { ...state.nodeStatus };
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
      const views = nodeStatus ?? state.nodeStatus;
      finished = { runState: 'done', runResult: { status: e.status, durationMs: e.durationMs, itemsOut: e.itemsOut, ...runFailedItems(e, views), ...(e.error ? { error: e.error } : {}) } };
    }
  }
  return nodeStatus || finished ? { ...(nodeStatus ? { nodeStatus } : {}), ...finished } : undefined;
}
