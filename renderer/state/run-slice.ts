import type { ApiEvent, ErrorInfo, RunDetailDto } from '../../engine/api';
import type { ApiClient } from '../api/client';
import type { NodeRunView } from '../data-panel/types';
import type { Slice } from './editor-store';
import { errorText } from './toast-store';

export type RunMode = 'flow' | 'from' | 'node';

export interface RunResult {
  status: 'success' | 'failed' | 'cancelled' | 'crashed' | 'running';
  durationMs?: number;
  itemsOut?: number;
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
      ...(n.error ? { error: n.error } : {}),
    };
  }
  return out;
}

const sum = (a: Record<string, number>, b: Record<string, number>) => {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
};

export const createRunSlice = (api: ApiClient): Slice<RunSlice> => (set, get) => {
  let early: ApiEvent[] = [];
  const handle = (e: ApiEvent) => {
    if (!('runId' in e) || e.runId !== get().runId) return;
    if (e.type === 'node.started') {
      set((s) => ({ nodeStatus: { ...s.nodeStatus, [e.nodeId]: { status: 'running', itemsIn: {}, itemsOut: {} } } }));
    } else if (e.type === 'node.finished') {
      set((s) => {
        const prev = e.iteration > 0 ? s.nodeStatus[e.nodeId] : undefined;
        const view: NodeRunView = {
          status: e.status,
          itemsIn: prev ? sum(prev.itemsIn, e.itemsIn) : e.itemsIn,
          itemsOut: prev ? sum(prev.itemsOut, e.itemsOut) : e.itemsOut,
          durationMs: (prev?.durationMs ?? 0) + e.durationMs,
          ...(e.error ? { error: e.error } : {}),
        };
        return { nodeStatus: { ...s.nodeStatus, [e.nodeId]: view } };
      });
    } else if (e.type === 'run.finished') {
      set({ runState: 'done', runResult: { status: e.status, durationMs: e.durationMs, itemsOut: e.itemsOut, ...(e.error ? { error: e.error } : {}) } });
    }
  };
  return {
    runState: 'idle',
    nodeStatus: {},
    startRun: async (mode, nodeId) => {
      const { flow, runState, nodeStatus } = get();
      if (runState === 'starting' || runState === 'running') return;
      early = [];
      set({ runState: 'starting', runResult: { status: 'running' }, nodeStatus: mode === 'flow' ? {} : nodeStatus });
      try {
        const { runId } = await api.call('runs.start', { flow, mode, ...(nodeId ? { nodeId } : {}) });
        set({ runId, runState: get().runState === 'starting' ? 'running' : get().runState });
        const held = early;
        early = [];
        held.forEach(handle);
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
      handle(e);
    },
    showRecorded: (run) => set({
      runId: run.id, nodeStatus: nodeViewsOf(run),
      runState: run.status === 'running' ? 'running' : 'done',
      runResult: { status: run.status, durationMs: run.durationMs, itemsOut: run.itemsOut, ...(run.error ? { error: run.error } : {}) },
    }),
  };
};
