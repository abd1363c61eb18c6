import type { FlowBuilder } from './builder';
import type { Passage, Placed } from './expand';
import type { Mapped } from './mapping';

export interface Landed { placed: Placed; mapped?: Mapped }

/**
 * The real nodes a wire reaches, following passages (junctions, link pairs, subflow edges).
 * Unknown ids are returned as missing so the caller reports them.
 */
export function reach(start: string[], passages: Map<string, Passage>): { nodes: string[]; missing: string[]; passages: Passage[] } {
  const nodes: string[] = [];
  const missing: string[] = [];
  const crossed: Passage[] = [];
  const seen = new Set<string>();
  const pending = [...start];
  while (pending.length) {
    const id = pending.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const passage = passages.get(id);
    if (passage) { crossed.push(passage); pending.push(...passage.targets); } else nodes.push(id);
  }
  return { nodes: nodes.reverse(), missing, passages: crossed };
}

/** Draws the edges of one flow: Node-RED output i of each node to the inputs it reaches. */
export function wire(b: FlowBuilder, flowNodes: Landed[], all: Map<string, Landed>, passages: Map<string, Passage>): void {
  for (const { placed, mapped } of flowNodes) {
    if (!mapped) continue;
    placed.wires.forEach((targets, i) => {
      const from = mapped.outputs[i];
      const { nodes, passages: crossed } = reach(targets, passages);
      for (const target of nodes) {
        const to = all.get(target);
        const at = `${placed.path}.wires[${i}]`;
        if (!to) { b.note('warning', 'connection', at, `wires to a node ${JSON.stringify(target)} that is not in the file; that wire was left out`, mapped.primary); continue; }
        if (to.placed.flow !== placed.flow) {
          const via = crossed.find((p) => p.flow !== placed.flow) ?? crossed[crossed.length - 1];
          b.note('warning', 'connection', via?.path ?? at, `links to ${JSON.stringify(to.placed.node.name || to.placed.id)} on another tab; Junction flows do not share edges, so that link was left out (call the other flow by hand)`, mapped.primary);
          continue;
        }
        if (!to.mapped?.input) continue;
        if (!from) { b.note('warning', 'connection', at, `output ${i + 1} has no Junction counterpart; its wires were left out`, mapped.primary); continue; }
        b.connect(from, to.mapped.input);
      }
    });
  }
}

/**
 * Junction allows cycles only through a Loop node; Node-RED allows any. Edges that close a
 * cycle are removed (depth-first, in file order) and each is reported.
 */
export function breakCycles(b: FlowBuilder): void {
  const out = new Map<string, typeof b.edges>();
  for (const e of b.edges) out.set(e.from.node, [...(out.get(e.from.node) ?? []), e]);
  const state = new Map<string, 1 | 2>();
  const cut = new Set<string>();
  for (const root of b.nodes.map((n) => n.id)) {
    if (state.has(root)) continue;
    const stack: { id: string; i: number }[] = [{ id: root, i: 0 }];
    state.set(root, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const edges = out.get(top.id) ?? [];
      if (top.i >= edges.length) { state.set(top.id, 2); stack.pop(); continue; }
      const e = edges[top.i++];
      const s = state.get(e.to.node);
      if (s === 1) cut.add(e.id);
      else if (s === undefined) { state.set(e.to.node, 1); stack.push({ id: e.to.node, i: 0 }); }
    }
  }
  if (!cut.size) return;
  const name = (id: string) => b.node(id)?.name ?? id;
  for (const e of b.edges.filter((x) => cut.has(x.id))) {
    const path = b.imported.find((i) => i.nodeId === e.from.node)?.path ?? '$';
    b.note('warning', 'connection', path, `the wire from "${name(e.from.node)}" back to "${name(e.to.node)}" closed a loop; Junction runs loops only through a Loop node, so it was left out`, e.from.node);
  }
  const kept = b.edges.filter((e) => !cut.has(e.id));
  b.edges.length = 0;
  b.edges.push(...kept);
}
