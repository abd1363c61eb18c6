import type { FlowFile } from './types';

type Edges = FlowFile['edges'];

const adjacency = (edges: Edges, key: 'from' | 'to'): Map<string, string[]> => {
  const other = key === 'to' ? 'from' : 'to';
  const map = new Map<string, string[]>();
  for (const e of edges) {
    const list = map.get(e[key].node);
    if (list) list.push(e[other].node);
    else map.set(e[key].node, [e[other].node]);
  }
  return map;
};

/** Breadth-first from `start`'s neighbours: each node once, nearest first, `start` itself left out. */
function walk(start: string, next: Map<string, string[]>): string[] {
  const seen = new Set([start]);
  const order: string[] = [];
  for (let queue = [...(next.get(start) ?? [])], i = 0; i < queue.length; i++) {
    const id = queue[i];
    if (seen.has(id)) continue;
    seen.add(id);
    order.push(id);
    for (const n of next.get(id) ?? []) if (!seen.has(n)) queue.push(n);
  }
  return order;
}

/**
 * The nodes feeding `nodeId`, by id: its direct parents (in edge order), and every ancestor
 * nearest first (parents first). A loop's way back is followed once.
 */
export function upstreamOf(flow: Pick<FlowFile, 'edges'>, nodeId: string): { parents: string[]; upstream: string[] } {
  const into = adjacency(flow.edges, 'to');
  return { parents: [...new Set(into.get(nodeId) ?? [])], upstream: walk(nodeId, into) };
}

/** Every node `nodeId` leads to, by id, nearest first. */
export function downstreamOf(flow: Pick<FlowFile, 'edges'>, nodeId: string): string[] {
  return walk(nodeId, adjacency(flow.edges, 'from'));
}
