import { MAX_LOOP_NESTING } from './limits';
import type { FlowEdge, FlowFile } from './types';

/**
 * The shape of a flow as the executor needs it. Cycles are legal only through a loop
 * node: an edge into a loop node from a node its `batch` output reaches is a back edge,
 * and with back edges removed the graph must be acyclic.
 */
export interface FlowGraph {
  /** Node ids in an order where every node follows the nodes feeding it (back edges ignored). */
  order: string[];
  /** Edges into each node, back edges excluded. */
  incoming: Map<string, FlowEdge[]>;
  outgoing: Map<string, FlowEdge[]>;
  backEdges: Set<string>;
  /** For each loop node: the nodes its `batch` port reaches before returning to it. */
  loopBodies: Map<string, Set<string>>;
  /** Node ids on an illegal cycle, each cycle once. */
  cycles: string[][];
  /** For each loop whose batch and done ports reach a common node: the first such node found. */
  loopConflicts: { loop: string; node: string }[];
  /** A node inside more than MAX_LOOP_NESTING loops; loop analysis stopped there, so the flow cannot run. */
  loopNestingOver?: string;
}

/** Nodes reachable from `start` without passing `stop`; with `until`, ends at the first such node found. */
const reach = (start: string[], outgoing: Map<string, FlowEdge[]>, stop: string, until?: (id: string) => boolean): { seen: Set<string>; hit?: string } => {
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === stop || seen.has(id)) continue;
    if (until?.(id)) return { seen, hit: id };
    seen.add(id);
    for (const e of outgoing.get(id) ?? []) stack.push(e.to.node);
  }
  return { seen };
};

export function analyzeGraph(flow: FlowFile, isLoop: (nodeId: string) => boolean): FlowGraph {
  const ids = flow.nodes.map((n) => n.id);
  const known = new Set(ids);
  const edges = flow.edges.filter((e) => known.has(e.from.node) && known.has(e.to.node));
  const outgoing = new Map<string, FlowEdge[]>(ids.map((id) => [id, []]));
  const into = new Map<string, FlowEdge[]>(ids.map((id) => [id, []]));
  for (const e of edges) { outgoing.get(e.from.node)!.push(e); into.get(e.to.node)!.push(e); }

  const loopBodies = new Map<string, Set<string>>();
  const backEdges = new Set<string>();
  const loopConflicts: FlowGraph['loopConflicts'] = [];
  // How many loop bodies hold each node. Capping it bounds the work below at
  // MAX_LOOP_NESTING visits per node and edge, where loops chained batch to batch would cost N².
  const inside = new Map<string, number>();
  let loopNestingOver: string | undefined;
  for (const id of ids.filter(isLoop)) {
    if (loopBodies.has(id)) continue; // a duplicated id: its first node counts
    if (loopNestingOver) { loopBodies.set(id, new Set()); continue; }
    const out = outgoing.get(id)!;
    const { seen: body, hit: tooDeep } = reach(out.filter((e) => e.from.port === 'batch').map((e) => e.to.node), outgoing, id, (n) => {
      const depth = (inside.get(n) ?? 0) + 1;
      inside.set(n, depth);
      return depth > MAX_LOOP_NESTING;
    });
    loopBodies.set(id, body);
    if (tooDeep) { loopNestingOver = tooDeep; continue; }
    for (const e of into.get(id)!) if (body.has(e.from.node)) backEdges.add(e.id);
    // One conflict per loop is enough to explain it, and stopping there keeps this linear in what it reports.
    const { hit } = reach(out.filter((e) => e.from.port !== 'batch').map((e) => e.to.node), outgoing, id, (n) => body.has(n));
    if (hit) loopConflicts.push({ loop: id, node: hit });
  }

  const incoming = new Map<string, FlowEdge[]>(ids.map((id) => [id, []]));
  const forward = new Map<string, FlowEdge[]>(ids.map((id) => [id, []]));
  for (const e of edges) {
    if (backEdges.has(e.id)) continue;
    incoming.get(e.to.node)!.push(e);
    forward.get(e.from.node)!.push(e);
  }

  // Kahn's algorithm keeps the file's node order among equals, so runs are reproducible.
  const indegree = new Map(ids.map((id) => [id, incoming.get(id)!.length]));
  const ready = ids.filter((id) => indegree.get(id) === 0);
  const order: string[] = [];
  for (let next = 0; next < ready.length; next++) {
    const id = ready[next];
    order.push(id);
    for (const e of forward.get(id)!) {
      const d = indegree.get(e.to.node)! - 1;
      indegree.set(e.to.node, d);
      if (d === 0) ready.push(e.to.node);
    }
  }
  const placed = new Set(order);
  const cycles = order.length === ids.length ? [] : findCycles(ids.filter((id) => !placed.has(id)), forward);
  return { order, incoming, outgoing, backEdges, loopBodies, cycles, loopConflicts, ...(loopNestingOver ? { loopNestingOver } : {}) };
}

/**
 * Names each strongly connected group of the leftover nodes once (Tarjan's algorithm with an
 * explicit stack: a cycle of 10,000 nodes must not need 10,000 stack frames).
 */
function findCycles(rest: string[], forward: Map<string, FlowEdge[]>): string[][] {
  const inRest = new Set(rest);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let counter = 0;
  for (const root of rest) {
    if (index.has(root)) continue;
    // Each frame is a node and how many of its edges have been looked at.
    const frames: { v: string; edge: number }[] = [];
    const enter = (v: string) => {
      index.set(v, counter); low.set(v, counter); counter++;
      stack.push(v); onStack.add(v);
      frames.push({ v, edge: 0 });
    };
    enter(root);
    while (frames.length) {
      const frame = frames[frames.length - 1];
      const { v } = frame;
      const out = forward.get(v)!;
      if (frame.edge < out.length) {
        const w = out[frame.edge++].to.node;
        if (!inRest.has(w)) continue;
        if (!index.has(w)) enter(w);
        else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.v, Math.min(low.get(parent.v)!, low.get(v)!));
      if (low.get(v) === index.get(v)) {
        const group: string[] = [];
        let w: string;
        do { w = stack.pop()!; onStack.delete(w); group.push(w); } while (w !== v);
        const selfLoop = out.some((e) => e.to.node === v);
        if (group.length > 1 || selfLoop) groups.push(group.reverse());
      }
    }
  }
  return groups;
}
