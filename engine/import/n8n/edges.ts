/**
 * n8n's connections (`{ "Source": { "main": [[{ node, type, index }], …] } }`, one list per output
 * index) as Junction edges between named ports. Each mapped node says which Junction port(s) an
 * n8n output index is; the output after a node's regular ones is its error output when it uses
 * "continue (using error output)". A placeholder gets as many outputs as n8n connected.
 * Connections to missing nodes and AI sub-node links are reported; a cycle that does not run
 * through a Loop node is cut at its last edge, and reported.
 */
import { analyzeGraph } from '../../flow/graph';
import type { FlowEdge, FlowFile } from '../../flow/types';
import type { ImportNote } from '../types';
import { PLACEHOLDER_TYPE } from '../types';
import type { Placed } from './workflow';

interface Link { node?: unknown; type?: unknown; index?: unknown }

/** The Junction output ports of n8n output `k` of a node. */
function fromPorts(p: Placed, k: number, maxUsed: number): string[] {
  const isErrorOutput = p.source.onError === 'continueErrorOutput';
  if (p.node.type === PLACEHOLDER_TYPE) {
    if (isErrorOutput && k === maxUsed && k > 0) return ['error'];
    return [k === 0 ? 'main' : `output${k + 1}`];
  }
  const count = p.mapped?.outputCount ?? 1;
  if (isErrorOutput && k === count) return ['error'];
  if (p.mapped?.outputs) return p.mapped.outputs(k);
  return k === 0 ? ['main'] : [];
}

export function connectEdges(connections: unknown, placed: Map<string, Placed>, notes: ImportNote[]): FlowEdge[] {
  const edges: FlowEdge[] = [];
  const seen = new Set<string>();
  if (!connections || typeof connections !== 'object') return edges;
  for (const [sourceName, byType] of Object.entries(connections as Record<string, unknown>)) {
    const base = `$.connections[${JSON.stringify(sourceName)}]`;
    const from = placed.get(sourceName);
    if (!from) {
      notes.push({ severity: 'warning', kind: 'connection', path: base, message: `connections from "${sourceName}", which is not a node of this workflow, were left out` });
      continue;
    }
    if (!byType || typeof byType !== 'object') continue;
    for (const [type, outputs] of Object.entries(byType as Record<string, unknown>)) {
      if (!Array.isArray(outputs)) continue;
      if (type !== 'main') {
        if (outputs.some((o) => Array.isArray(o) && o.length)) notes.push({ severity: 'warning', kind: 'connection', path: `${base}.${type}`, message: `the "${type}" link (an AI sub-node) has no equivalent and was left out` });
        continue;
      }
      const maxUsed = outputs.reduce((m: number, o, k) => (Array.isArray(o) && o.length ? k : m), 0);
      if (from.node.type === PLACEHOLDER_TYPE) {
        const regular = from.source.onError === 'continueErrorOutput' && maxUsed > 0 ? maxUsed : maxUsed + 1;
        from.node.params.outputs = Math.max(1, regular);
      }
      outputs.forEach((targets, k) => {
        if (!Array.isArray(targets)) return;
        targets.forEach((t: Link, j) => {
          const path = `${base}.main[${k}][${j}]`;
          const to = typeof t?.node === 'string' ? placed.get(t.node) : undefined;
          if (!to) { notes.push({ severity: 'warning', kind: 'connection', path, message: `the connection to "${String(t?.node)}", which is not a node of this workflow, was left out` }); return; }
          const index = Number(t.index ?? 0);
          const toPort = to.node.type === PLACEHOLDER_TYPE ? 'main' : to.mapped?.input ? to.mapped.input(index) : 'main';
          if (!toPort) { notes.push({ severity: 'warning', kind: 'connection', path, message: `"${to.node.name}" has no input ${index + 1} in Junction; the connection was left out` }); return; }
          const ports = fromPorts(from, k, maxUsed);
          if (!ports.length) notes.push({ severity: 'warning', kind: 'connection', path, message: `output ${k + 1} of "${from.node.name}" has no Junction port; the connection was left out` });
          for (const port of ports) {
            const key = `${from.node.id}:${port}>${to.node.id}:${toPort}`;
            if (seen.has(key)) continue;
            seen.add(key);
            edges.push({ id: `e${edges.length + 1}`, from: { node: from.node.id, port }, to: { node: to.node.id, port: toPort } });
          }
        });
      });
    }
  }
  return cutCycles(edges, [...placed.values()].map((p) => p.node), notes);
}

/** n8n allows loops through any node; Junction only through a Loop node. The closing edge goes. */
function cutCycles(edges: FlowEdge[], nodes: FlowFile['nodes'], notes: ImportNote[]): FlowEdge[] {
  const isLoop = new Set(nodes.filter((n) => n.type === 'core.loop').map((n) => n.id));
  const nameOf = new Map(nodes.map((n) => [n.id, n.name]));
  let current = edges;
  for (let round = 0; round < 50; round++) {
    const shape = { nodes, edges: current } as FlowFile;
    const { cycles } = analyzeGraph(shape, (id) => isLoop.has(id));
    if (!cycles.length) break;
    const cycle = cycles[0];
    const last = cycle[cycle.length - 1];
    const cut = current.find((e) => e.from.node === last && e.to.node === cycle[0]) ?? current.find((e) => cycle.includes(e.from.node) && e.to.node === cycle[0]);
    if (!cut) break;
    current = current.filter((e) => e !== cut);
    notes.push({
      severity: 'error', kind: 'connection', path: `$.connections[${JSON.stringify(nameOf.get(cut.from.node))}]`,
      message: `the nodes ${cycle.map((id) => `"${nameOf.get(id)}"`).join(' → ')} formed a loop, which Junction allows only through a Loop node; the connection from "${nameOf.get(cut.from.node)}" back to "${nameOf.get(cut.to.node)}" was removed: rebuild the loop with a Loop node`,
    });
  }
  return current;
}
