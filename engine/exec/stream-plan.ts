import type { Scheduler } from './run-flow';

/**
 * Which nodes a source's batches pass through. A node joins when every batch it gets can be
 * handled alone and every one of its inputs comes from the stream:
 * - its type says `batching: 'item'` (or it is disabled: it passes each batch on as it is);
 * - all its incoming edges come from the source or from nodes that joined (a node that also
 *   waits for another branch collects instead);
 * - no expression of it reads its whole input (`$input`, `.all()`, `.last()`): those see every
 *   item in a run that does not stream, so the node collects to give the same answer;
 * - it is not a loop, not inside a loop's body, not pinned, and part of this (partial) run.
 * Everything after the stream (a node that collects) receives all of its input once the stream
 * ended, and from there the run goes on as any other.
 */
export interface StreamPlan {
  source: string;
  /** The nodes after the source that take part, in flow order (each after all it depends on). */
  members: string[];
  /** Source and members. */
  inStream: Set<string>;
  /** Whether a node's port feeds a node outside the stream, so every item of it is kept for that node. */
  keepsAll(nodeId: string, port: string): boolean;
}

const WHOLE_INPUT = /\$input\b|\.all\s*\(|\.last\s*\(/;

export function planStream(s: Scheduler, source: string): StreamPlan {
  const { graph, nodes, rc } = s;
  const inStream = new Set([source]);
  const members: string[] = [];
  const canJoin = (id: string): boolean => {
    const entry = nodes.get(id);
    if (!entry || s.inLoop.has(id) || (s.only && !s.only.has(id)) || rc.pinnedFor(id)) return false;
    const { node, type } = entry;
    if (type.control || type.isTrigger || type.stream || type.isEditorOnly) return false;
    if (!node.settings?.disabled && (type.batching !== 'item' || WHOLE_INPUT.test(JSON.stringify(node.params)))) return false;
    const incoming = graph.incoming.get(id) ?? [];
    return incoming.length > 0 && incoming.every((e) => inStream.has(e.from.node));
  };
  const at = graph.order.indexOf(source);
  for (const id of graph.order.slice(at + 1)) {
    if (canJoin(id)) { inStream.add(id); members.push(id); }
  }
  const feedsOutside = new Set<string>();
  for (const id of inStream) {
    for (const e of graph.outgoing.get(id) ?? []) if (!inStream.has(e.to.node)) feedsOutside.add(`${id}\u0000${e.from.port}`);
  }
  return { source, members, inStream, keepsAll: (nodeId, port) => feedsOutside.has(`${nodeId}\u0000${port}`) };
}
