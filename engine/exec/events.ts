// Types from their own modules: the renderer reaches this file through api.ts, and the SDK's index
// also holds run-time helpers that use Node.
import type { ErrorInfo } from '../sdk/errors';
import type { Item } from '../sdk/types';

export type RunStatus = 'running' | 'success' | 'failed' | 'cancelled' | 'crashed';
export type NodeRunStatus = 'success' | 'failed' | 'skipped' | 'disabled' | 'cancelled' | 'pinned';
export type RunMode = 'manual' | 'cli' | 'trigger' | 'test';

/** What the executor tells the world. The editor animates from these; run history records them. */
export type EngineEvent =
  | { type: 'run.started'; runId: string; flowId: string; flowName: string; trigger: string; mode: RunMode; at: string }
  | { type: 'node.started'; runId: string; nodeId: string; nodeName: string; at: string }
  | {
      type: 'node.finished'; runId: string; nodeId: string; nodeName: string; nodeType: string;
      status: NodeRunStatus; at: string; durationMs: number; attempts: number;
      /** Loop bodies run once per batch; 0 elsewhere. */
      iteration: number;
      itemsIn: Record<string, number>; itemsOut: Record<string, number>;
      error?: ErrorInfo;
      /** The items themselves, by reference, for in-process listeners (run history samples them). Never sent over a transport. */
      data?: { input: Record<string, Item[]>; output: Record<string, Item[]> };
    }
  | { type: 'node.log'; runId: string; nodeId: string; level: 'debug' | 'info' | 'warn' | 'error'; message: string; at: string }
  | { type: 'node.error'; runId: string; nodeId: string; error: ErrorInfo; attempt: number; willRetry: boolean; at: string }
  | { type: 'run.finished'; runId: string; status: Exclude<RunStatus, 'running' | 'crashed'>; at: string; durationMs: number; error?: ErrorInfo; itemsOut: number };
