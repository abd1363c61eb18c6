/**
 * How engine events and recorded runs become the editor's per-node views: counts per port,
 * time, failed items (added up by the engine's one per-node summary, as the CLI adds them),
 * and log lines. Loop bodies add up across iterations.
 */
import type { ApiEvent, ErrorInfo, RunDetailDto } from '../../engine/api';
import { foldNodeSummary, type NodeSummary } from '../../engine/exec/node-summary';
import type { NodeRunView } from '../data-panel/types';
import type { RunResult, RunSlice } from './run-slice';

type RunState = Pick<RunSlice, 'runId' | 'nodeStatus' | 'runState' | 'runResult'>;
type Logs = NonNullable<NodeRunView['logs']>;

const withLogs = (view: NodeRunView, logs: Logs): NodeRunView => (logs.length ? { ...view, logs } : view);

/** Per-node views from a recorded run, with each node's log lines. */
export function nodeViewsOf(run: RunDetailDto): Record<string, NodeRunView> {
  const summaries = new Map<string, NodeSummary>();
  const out: Record<string, NodeRunView> = {};
  for (const n of run.nodes) {
    const summary = foldNodeSummary(summaries.get(n.nodeId), { ...n, status: n.status as NodeSummary['status'] });
    summaries.set(n.nodeId, summary);
    out[n.nodeId] = withLogs(summary, [...(out[n.nodeId]?.logs ?? []), ...(n.logs ?? [])]);
  }
  return out;
}

/** A run's outcome as the run chip shows it, from `run.finished` or a recorded run. */
export const resultOf = (e: { status: RunResult['status']; durationMs?: number; itemsOut?: number; failedItems?: number; error?: ErrorInfo }): RunResult => ({
  status: e.status, durationMs: e.durationMs, itemsOut: e.itemsOut,
  ...(e.failedItems ? { failedItems: e.failedItems } : {}), ...(e.error ? { error: e.error } : {}),
});

/**
 * Folds a batch of engine events into the run slice's next state (undefined when none of
 * them concerns the shown run). `summaries` holds the shown run's node runs added up so far.
 */
export function foldRunEvents(state: RunState, events: ApiEvent[], summaries: Map<string, NodeSummary>): Partial<RunState> | undefined {
  let nodeStatus: Record<string, NodeRunView> | undefined;
  let finished: Pick<RunState, 'runState' | 'runResult'> | undefined;
  for (const e of events) {
    if (!('runId' in e) || e.runId !== state.runId) continue;
    if (e.type === 'node.started') {
      nodeStatus ??= { ...state.nodeStatus };
      // A loop body starts once per iteration: its counts and log lines of this run stay.
      const sofar = summaries.get(e.nodeId);
      nodeStatus[e.nodeId] = sofar
        ? withLogs({ ...sofar, status: 'running' }, nodeStatus[e.nodeId]?.logs ?? [])
        : { status: 'running', itemsIn: {}, itemsOut: {} };
    } else if (e.type === 'node.log') {
      nodeStatus ??= { ...state.nodeStatus };
      const view = nodeStatus[e.nodeId] ?? { status: 'running', itemsIn: {}, itemsOut: {} };
      nodeStatus[e.nodeId] = { ...view, logs: [...(view.logs ?? []), { level: e.level, message: e.message }] };
    } else if (e.type === 'node.progress') {
      // A streamed node's counts so far: the card's numbers grow while batches pass.
      nodeStatus ??= { ...state.nodeStatus };
      const view = nodeStatus[e.nodeId] ?? { status: 'running', itemsIn: {}, itemsOut: {} };
      nodeStatus[e.nodeId] = { ...view, status: 'running', itemsIn: e.itemsIn, itemsOut: e.itemsOut };
    } else if (e.type === 'node.finished') {
      nodeStatus ??= { ...state.nodeStatus };
      const summary = foldNodeSummary(summaries.get(e.nodeId), e);
      summaries.set(e.nodeId, summary);
      nodeStatus[e.nodeId] = withLogs(summary, nodeStatus[e.nodeId]?.logs ?? []);
    } else if (e.type === 'run.finished') {
      finished = { runState: 'done', runResult: resultOf(e) };
    }
  }
  return nodeStatus || finished ? { ...(nodeStatus ? { nodeStatus } : {}), ...finished } : undefined;
}
