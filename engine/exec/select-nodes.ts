import type { FlowGraph } from '../flow/graph';
import type { FlowFile } from '../flow/types';
import { downstreamOf } from '../flow/walks';

export interface PartialRun {
  /** "Run from here": this node and everything after it. */
  startAt?: string;
  /** "Run this node": this node alone. */
  only?: string;
}

/**
 * Which nodes a partial run executes; the others give earlier data instead. A node the run
 * needs whose upstream node has no earlier data (a cold start, no pins) gets that node run
 * too, and so on up the chain, as n8n does: "run this node" never runs on nothing.
 */
export function selectNodes(flow: Pick<FlowFile, 'edges'>, graph: FlowGraph, opts: PartialRun, hasData: (nodeId: string) => boolean): { only?: Set<string>; skipped?: string[] } {
  const start = opts.only ?? opts.startAt;
  if (!start) return {};
  const run = new Set<string>([start, ...(opts.startAt ? downstreamOf(flow, start) : [])]);
  const stack = [...run];
  while (stack.length) {
    for (const e of graph.incoming.get(stack.pop()!) ?? []) {
      const from = e.from.node;
      if (run.has(from) || graph.backEdges.has(e.id) || hasData(from)) continue;
      run.add(from);
      stack.push(from);
    }
  }
  return { only: run, skipped: graph.order.filter((id) => !run.has(id)) };
}
