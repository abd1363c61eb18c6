import type { ApiEvent, ErrorInfo, RunDetailDto } from '../../engine/api';
import { foldNodeSummary, summarizeNodeRuns, type NodeRunCounts, type NodeSummary } from '../../engine/exec/node-summary';
import type { ApiClient } from '../api/client';
import type { NodeRunView } from '../data-panel/types';
import type { Slice } from './editor-store';
import { errorText } from './toast-store';

export type RunMode = 'flow' | 'from' | 'node';

export interface RunResult {
  status: 'success' | 'failed' | 'cancelled' | 'crashed' | 'running';
  durationMs?: number;
  itemsOut?: number;
  /** Items that left through an unconnected error output (the run still succeeded). */
  failedItems?: number;
  error?: ErrorInfo;
}

export interface RunSlice {
  /** Chosen here before the run starts, so events that arrive before runs.start answers already match. */
  runId?: string;
  /** 'starting' until runs.start answers. */
  runState: 'idle' | 'starting' | 'running' | 'done';
  runResult?: RunResult;
  nodeStatus: Record<string, NodeRunView>;
  startRun(mode: RunMode, nodeId?: string): Promise<void>;
  cancelRun(): Promise<void>;
  applyEvent(e: ApiEvent): void;
  /** Shows a recorded run (Runs screen, or catching up after a reconnect). */
  showRecorded(run: RunDetailDto): void;
}

/** Per-node views from a recorded run; loop bodies add up across iterations (the CLI's sums, one module). */
export function nodeViewsOf(run: RunDetailDto): Record<string, NodeRunView> {
  return summarizeNodeRuns(run.nodes as (NodeRunCounts & { nodeId: string })[]);
}

const resultOf = (e: { status: RunResult['status']; durationMs?: number; itemsOut?: number; failedItems?: number; error?: ErrorInfo }): RunResult => ({
  status: e.status, durationMs: e.durationMs, itemsOut: e.itemsOut,
  ...(e.failedItems ? { failedItems: e.failedItems } : {}), ...(e.error ? { error: e.error } : {}),
});

export const createRunSlice = (api: ApiClient): Slice<RunSlice> => (set, get) => {
  // The shown run's node runs added up so far; a node's view is 'running' between its start and finish.
  let summaries = new Map<string, NodeSummary>();
  return {
    runState: 'idle',
    nodeStatus: {},
    startRun: async (mode, nodeId) => {
      const { flow, runState, nodeStatus } = get();
      if (runState === 'starting' || runState === 'running') return;
      const runId = crypto.randomUUID();
      summaries = new Map();
      set({ runId, runState: 'starting', runResult: { status: 'running' }, nodeStatus: mode === 'flow' ? {} : nodeStatus });
      try {
        await api.call('runs.start', { flow, mode, runId, ...(nodeId ? { nodeId } : {}) });
        if (get().runId === runId && get().runState === 'starting') set({ runState: 'running' });
      } catch (e) {
        if (get().runId === runId) set({ runState: 'done', runResult: { status: 'failed', error: { code: 'run.start', message: errorText(e) } } });
      }
    },
    cancelRun: async () => {
      const { runId, runState } = get();
      if (runId && runState === 'running') await api.call('runs.cancel', { runId }).catch(() => undefined);
    },
    applyEvent: (e) => {
      if (!('runId' in e) || e.runId !== get().runId) return;
      if (e.type === 'node.started') {
        const sofar = summaries.get(e.nodeId);
        const view: NodeRunView = sofar ? { ...sofar, status: 'running' } : { status: 'running', itemsIn: {}, itemsOut: {} };
        set((s) => ({ nodeStatus: { ...s.nodeStatus, [e.nodeId]: view } }));
      } else if (e.type === 'node.finished') {
        const summary = foldNodeSummary(summaries.get(e.nodeId), e);
        summaries.set(e.nodeId, summary);
        set((s) => ({ nodeStatus: { ...s.nodeStatus, [e.nodeId]: summary } }));
      } else if (e.type === 'run.finished') {
        set({ runState: 'done', runResult: resultOf(e) });
      }
    },
    showRecorded: (run) => {
      summaries = new Map();
      set({ runId: run.id, nodeStatus: nodeViewsOf(run), runState: run.status === 'running' ? 'running' : 'done', runResult: resultOf(run) });
    },
  };
};
