// Types from their own modules: the renderer reaches this file through api.ts, and the SDK's index
// also holds run-time helpers that use Node.
import type { FlowFile } from '../flow/types';
import type { ErrorInfo } from '../sdk/errors';
import type { Item } from '../sdk/types';

export type RunStatus = 'running' | 'success' | 'failed' | 'cancelled' | 'crashed';
export type NodeRunStatus = 'success' | 'failed' | 'skipped' | 'disabled' | 'cancelled' | 'pinned';
export type RunMode = 'manual' | 'cli' | 'trigger' | 'test';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** What the executor tells the world. The editor animates from these; run history records them. */
export type EngineEvent =
  | {
      type: 'run.started'; runId: string; flowId: string; flowName: string; trigger: string; mode: RunMode; at: string;
      /** The flow as it runs, by reference, for in-process listeners (run history keeps a snapshot). Never sent over a transport. */
      flow?: FlowFile;
    }
  | { type: 'node.started'; runId: string; nodeId: string; nodeName: string; at: string }
  | NodeFinishedEvent
  | NodeProgressEvent
  | { type: 'node.log'; runId: string; nodeId: string; level: LogLevel; message: string; at: string }
  | { type: 'node.error'; runId: string; nodeId: string; error: ErrorInfo; attempt: number; willRetry: boolean; at: string }
  | {
      type: 'run.finished'; runId: string; status: Exclude<RunStatus, 'running' | 'crashed'>; at: string; durationMs: number; error?: ErrorInfo; itemsOut: number;
      /** Items that left a node through an unconnected error port; absent when none did. */
      failedItems?: number;
    };

/** One node run ended: built by `nodeFinished` (exec/node-finished.ts) and nowhere else. */
export interface NodeFinishedEvent {
  type: 'node.finished'; runId: string; nodeId: string; nodeName: string; nodeType: string;
  status: NodeRunStatus; at: string; durationMs: number; attempts: number;
  /** Loop bodies run once per batch; 0 elsewhere. */
  iteration: number;
  itemsIn: Record<string, number>; itemsOut: Record<string, number>;
  /** Items that left through the node's error port while nothing is connected to it; absent when none did. */
  failedItems?: number;
  error?: ErrorInfo;
  /** The items themselves, by reference, for in-process listeners (run history samples them). Never sent over a transport. */
  data?: {
    input: Record<string, Item[]>; output: Record<string, Item[]>;
    /** A streamed node: the first items of each port only (itemsIn / itemsOut are the exact counts). */
    isSample?: true;
  };
}

/**
 * A streamed node's counts so far, as batches pass: at most every 250 ms per node, and only
 * in streamed runs. `node.finished` still carries the totals.
 */
export interface NodeProgressEvent {
  type: 'node.progress'; runId: string; nodeId: string; at: string;
  itemsIn: Record<string, number>; itemsOut: Record<string, number>;
}

/** A listener of one run's events. A run has a list of them, called in order. */
export type RunObserver = (event: EngineEvent) => void;
