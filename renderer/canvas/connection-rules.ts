import { analyzeGraph } from '../../engine/flow/graph';
import type { FlowFile, PortRef } from '../../engine/flow/types';

export interface Verdict { ok: boolean; reason?: string }

const cycleNodeCount = (flow: FlowFile, isLoop: (id: string) => boolean) =>
  analyzeGraph(flow, isLoop).cycles.reduce((n, c) => n + c.length, 0);

/**
 * Whether an edge from an output port to an input port may be added: no duplicate, and no
 * new cycle — except one that returns into a Loop node from a node its `batch` output reaches,
 * which analyzeGraph counts as a back edge.
 */
export function checkConnection(
  flow: FlowFile, from: PortRef, to: PortRef, isLoopType: (type: string) => boolean,
): Verdict {
  if (!from.port || !to.port) return { ok: false, reason: 'Connect an output port to an input port.' };
  if (from.node === to.node) return { ok: false, reason: 'A node cannot feed itself.' };
  const dup = flow.edges.some((e) => e.from.node === from.node && e.from.port === from.port && e.to.node === to.node && e.to.port === to.port);
  if (dup) return { ok: false, reason: 'These ports are already connected.' };
  const typeOf = new Map(flow.nodes.map((n) => [n.id, n.type]));
  const isLoop = (id: string) => isLoopType(typeOf.get(id) ?? '');
  const candidate: FlowFile = { ...flow, edges: [...flow.edges, { id: '__candidate', from, to }] };
  if (cycleNodeCount(candidate, isLoop) > cycleNodeCount(flow, isLoop)) {
    return { ok: false, reason: 'That would make a cycle; only a Loop node may lead back to an earlier node.' };
  }
  return { ok: true };
}
