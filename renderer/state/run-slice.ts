import type { ApiEvent, ErrorInfo, RunDetailDto } from '../../engine/api';
import type { ApiClient } from '../api/client';
import type { NodeRunView } from '../data-panel/types';
import type { Slice } from './editor-store';
import { createEventBatcher } from './event-batcher';
import { foldRunEvents, nodeViewsOf, runFailedItems } from './run-fold';
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

export const createRunSlice = (api: ApiClient): Slice<RunSlice> => (set, get) => {
  let early: ApiEvent[] = [];
  /** Nodes started in the current run, so a loop's later iterations keep their log lines. */
  const startedInRun = new Set<string>();
  // One store update per batch of events: one canvas render per frame, not per event.
  const handleBatch = (events: ApiEvent[]) => {
    const next = foldRunEvents(get(), events, startedInRun);
    if (next) set(next);
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
