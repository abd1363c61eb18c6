import type { ErrorInfo } from '../sdk/errors';
import type { FlowNode } from '../flow/types';
import type { Item } from '../sdk/types';
import type { NodeFinishedEvent, NodeRunStatus } from './events';

/** How one node run ended, as the scheduler, the node runner and the loop know it. */
export interface NodeEnd {
  status: NodeRunStatus;
  /** `performance.now()` when the node started; absent for a node that never started (skipped). */
  t0?: number;
  attempts: number;
  iteration: number;
  inputs: Record<string, Item[]>;
  outputs: Record<string, Item[]>;
  error?: ErrorInfo;
  failedItems?: number;
  /** Exact counts of a streamed node, whose `inputs`/`outputs` hold only the kept sample. */
  counts?: { itemsIn: Record<string, number>; itemsOut: Record<string, number> };
}

const counts = (ports: Record<string, Item[]>) => {
  const out: Record<string, number> = {};
  for (const k of Object.keys(ports)) out[k] = ports[k].length;
  return out;
};

/** The one builder of `node.finished`: counts per port, duration, failed items, and the items for in-process listeners. */
export function nodeFinished(runId: string, at: string, node: Pick<FlowNode, 'id' | 'name' | 'type'>, end: NodeEnd): NodeFinishedEvent {
  return {
    type: 'node.finished', runId, nodeId: node.id, nodeName: node.name, nodeType: node.type, status: end.status, at,
    durationMs: end.t0 === undefined ? 0 : Math.round((performance.now() - end.t0) * 1000) / 1000,
    attempts: end.attempts, iteration: end.iteration, itemsIn: end.counts?.itemsIn ?? counts(end.inputs), itemsOut: end.counts?.itemsOut ?? counts(end.outputs),
    ...(end.failedItems ? { failedItems: end.failedItems } : {}),
    ...(end.error ? { error: end.error } : {}),
    ...(end.status === 'skipped' ? {} : { data: { input: end.inputs, output: end.outputs, ...(end.counts ? { isSample: true as const } : {}) } }),
  };
}
