import type { ApiEvent, ErrorInfo, RunDetailDto } from '../../engine/api';
import type { FlowFile } from '../../engine/flow/types';
import type { NodeSummary } from '../../engine/exec/node-summary';
import type { ApiClient } from '../api/client';
import type { NodeRunView } from '../data-panel/types';
import type { Slice } from './editor-store';
import { createEventBatcher } from './event-batcher';
import { foldRunEvents, nodeViewsOf, resultOf } from './run-fold';
import { cannotRunText } from '../editor/problem-text';
import { useCatalog } from './catalog-store';
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

export const createRunSlice = (api: ApiClient): Slice<RunSlice> => (set, get) => {
  // The shown run's node runs added up so far.
  let summaries = new Map<string, NodeSummary>();
  // One store update per batch of events: one canvas render per frame, not per event.
  const batcher = createEventBatcher((events: ApiEvent[]) => {
    const next = foldRunEvents(get(), events, summaries);
    if (next) set(next);
  });
  return {
    runState: 'idle',
    nodeStatus: {},
    startRun: async (mode, nodeId) => {
      const { flow, runState, nodeStatus } = get();
      if (runState === 'starting' || runState === 'running') return;
      batcher.flush();
      const runId = crypto.randomUUID();
      summaries = new Map();
      set({ runId, runState: 'starting', runResult: { status: 'running' }, nodeStatus: mode === 'flow' ? {} : nodeStatus });
      try {
        await api.call('runs.start', { flow, mode, runId, ...(nodeId ? { nodeId } : {}) });
        if (get().runId === runId && get().runState === 'starting') set({ runState: 'running' });
      } catch (e) {
        const message = await startErrorText(api, flow, e);
        if (get().runId === runId) set({ runState: 'done', runResult: { status: 'failed', error: { code: 'run.start', message } } });
      }
    },
    cancelRun: async () => {
      const { runId, runState } = get();
      if (runId && runState === 'running') await api.call('runs.cancel', { runId }).catch(() => undefined);
    },
    applyEvent: (e) => batcher.push(e),
    showRecorded: (run) => {
      batcher.flush();
      summaries = new Map();
      set({ runId: run.id, nodeStatus: nodeViewsOf(run), runState: run.status === 'running' ? 'running' : 'done', runResult: resultOf(run) });
    },
  };
};

/** Why a run did not start; for a flow with problems, the problems named by node and field, not by file path. */
async function startErrorText(api: ApiClient, flow: FlowFile, e: unknown): Promise<string> {
  if ((e as { code?: string }).code !== 'flow.invalid') return errorText(e);
  const checked = await api.call('flows.validate', { flow }).catch(() => undefined);
  return checked?.problems.length ? cannotRunText(flow, checked.problems, useCatalog.getState().byType) : errorText(e);
}
