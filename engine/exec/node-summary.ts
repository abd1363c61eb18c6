/**
 * One node's part in a run, as the CLI's table and the editor's cards show it: its node runs
 * added up (a loop body runs once per batch). Pure and types-only in its imports, so the
 * renderer uses this same module rather than a second copy of the sums.
 */
import type { ErrorInfo } from '../sdk/errors';
import type { NodeFinishedEvent, NodeRunStatus } from './events';

export interface NodeSummary {
  /** The last node run's status. */
  status: NodeRunStatus;
  itemsIn: Record<string, number>;
  itemsOut: Record<string, number>;
  durationMs: number;
  /** How many node runs were added up: 1, or one per loop batch. */
  runs: number;
  /** Items that left through an unconnected error port, over all node runs. */
  failedItems?: number;
  /** The last error any of its node runs had. */
  error?: ErrorInfo;
}

/** What a node run must tell: a `node.finished` event, or a node run read back from history. */
export type NodeRunCounts = Pick<NodeFinishedEvent, 'status' | 'itemsIn' | 'itemsOut' | 'durationMs' | 'failedItems' | 'error'>;

const add = (a: Record<string, number>, b: Record<string, number>) => {
  const out = { ...a };
  for (const k of Object.keys(b)) out[k] = (out[k] ?? 0) + b[k];
  return out;
};

/** Adds one node run to the node's summary so far (`undefined` for its first). */
export function foldNodeSummary(prev: NodeSummary | undefined, run: NodeRunCounts): NodeSummary {
  const failedItems = (prev?.failedItems ?? 0) + (run.failedItems ?? 0);
  const error = run.error ?? prev?.error;
  return {
    status: run.status,
    itemsIn: prev ? add(prev.itemsIn, run.itemsIn) : run.itemsIn,
    itemsOut: prev ? add(prev.itemsOut, run.itemsOut) : run.itemsOut,
    durationMs: (prev?.durationMs ?? 0) + run.durationMs,
    runs: (prev?.runs ?? 0) + 1,
    ...(failedItems ? { failedItems } : {}),
    ...(error ? { error } : {}),
  };
}

/** Summaries by node id of a list of node runs in the order they ran. */
export function summarizeNodeRuns(runs: readonly (NodeRunCounts & { nodeId: string })[]): Record<string, NodeSummary> {
  const out: Record<string, NodeSummary> = {};
  for (const r of runs) out[r.nodeId] = foldNodeSummary(out[r.nodeId], r);
  return out;
}

/** All of a port map's items. */
export const totalItems = (ports: Record<string, number>): number => {
  let n = 0;
  for (const k of Object.keys(ports)) n += ports[k];
  return n;
};
