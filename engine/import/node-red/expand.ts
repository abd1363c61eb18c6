import type { ImportNote } from '../types';
import { isFlowNode, wiresOf, type NrNode, type Sourced } from './source';

/** A flow node after subflows are inlined: its Junction id, the flow it lands in, its wires by Junction id. */
export interface Placed {
  node: NrNode;
  path: string;
  id: string;
  /** The tab (or missing tab) id the node belongs to. */
  flow: string;
  wires: string[][];
  /** Set for nodes inlined from a subflow: the instance's label, for report lines. */
  via?: string;
}

/** Nodes that only pass messages on: junctions, link pairs, a subflow instance's input and outputs. */
export interface Passage { id: string; flow: string; targets: string[]; path: string }

/** A report line of the expansion, with the flow it belongs to. */
export type FlowNote = ImportNote & { flow: string };

export interface Expanded { placed: Placed[]; passages: Map<string, Passage>; notes: FlowNote[]; usedSubflows: Set<string> }

const MAX_DEPTH = 8;

/**
 * Inlines every `subflow:<id>` instance (nested ones too, up to a depth) and turns junctions
 * and link nodes into passages that edges are drawn through. Inlined ids are the instance id,
 * "~", and the inner id, so two instances of one subflow never collide.
 */
export function expand(flowNodes: Sourced[], subflows: Map<string, Sourced>, innerOf: Map<string, Sourced[]>, flowOf: (n: NrNode) => string): Expanded {
  const placed: Placed[] = [];
  const passages = new Map<string, Passage>();
  const notes: FlowNote[] = [];
  const usedSubflows = new Set<string>();

  const visit = (s: Sourced, id: string, flow: string, rename: (ref: string) => string, depth: number, via: string | undefined, offset: { x: number; y: number }) => {
    const n = s.node;
    const wires = wiresOf(n).map((out) => out.map(rename));
    if (n.type === 'junction' || n.type === 'link in') { passages.set(id, { id, flow, targets: wires[0] ?? [], path: s.path }); return; }
    if (n.type === 'link out') {
      const targets = n.mode === 'return' ? [] : (Array.isArray(n.links) ? n.links.filter((l): l is string => typeof l === 'string').map(rename) : []);
      if (n.mode === 'return') notes.push({ flow, severity: 'warning', kind: 'connection', path: s.path, message: 'a "link out" in return mode answers a "link call", which Junction cannot express; its messages stop here' });
      passages.set(id, { id, flow, targets, path: s.path });
      return;
    }
    const sub = n.type.startsWith('subflow:') ? subflows.get(n.type.slice('subflow:'.length)) : undefined;
    if (!sub || depth >= MAX_DEPTH) {
      if (sub) notes.push({ flow, severity: 'error', kind: 'node', path: s.path, message: `subflows nest more than ${MAX_DEPTH} deep here; the instance was not inlined` });
      placed.push({ node: { ...n, x: (n.x ?? 0) + offset.x, y: (n.y ?? 0) + offset.y }, path: s.path, id, flow, wires, ...(via ? { via } : {}) });
      return;
    }
    // The instance: its id is the subflow's input; "~out<i>" passages are its outputs.
    const def = sub.node;
    usedSubflows.add(def.id);
    const inner = (ref: string) => (ref === def.id ? id : `${id}~${ref}`);
    const label = `${via ? `${via} / ` : ''}${n.name || def.name || def.id}`;
    const ins = listOf(def.in) as ({ wires?: unknown } | null)[];
    passages.set(id, { id, flow, targets: listOf(ins[0]?.wires).map((w) => inner(String(w?.id))), path: s.path });
    const outs = listOf(def.out) as ({ wires?: unknown } | null)[];
    const extraWires = new Map<string, { port: number; target: string }[]>();
    outs.forEach((out, i) => {
      const outId = `${id}~out${i}`;
      passages.set(outId, { id: outId, flow, targets: wires[i] ?? [], path: s.path });
      for (const w of listOf(out?.wires)) {
        const from = inner(String(w?.id));
        if (from === id) passages.get(id)!.targets.push(outId);
        else extraWires.set(from, [...(extraWires.get(from) ?? []), { port: Math.min(Math.max(Number(w?.port) || 0, 0), 63), target: outId }]);
      }
    });
    if (Array.isArray(def.env) && def.env.length) notes.push({ flow, severity: 'warning', kind: 'option', path: `${sub.path}.env`, message: `the subflow's properties (env) are not carried: inner nodes that read them with env get nothing (instance ${s.path})` });
    const start = placed.length;
    const at = { x: (n.x ?? 0) + offset.x, y: (n.y ?? 0) + offset.y + 80 };
    for (const child of innerOf.get(def.id) ?? []) visit(child, inner(child.node.id), flow, inner, depth + 1, label, at);
    for (const p of placed.slice(start)) {
      for (const { port, target } of extraWires.get(p.id) ?? []) {
        while (p.wires.length <= port) p.wires.push([]);
        p.wires[port].push(target);
      }
    }
    for (const [pid, list] of extraWires) {
      const passage = passages.get(pid);
      if (passage) for (const { target } of list) passage.targets.push(target);
    }
  };

  for (const s of flowNodes) visit(s, s.node.id, flowOf(s.node), (ref) => ref, 0, undefined, { x: 0, y: 0 });
  return { placed, passages, notes, usedSubflows };
}

/** Whether an object is a node of a flow (not a tab, subflow, group or config node). */
export const isPlaceable = (n: NrNode) => isFlowNode(n) && !['tab', 'subflow', 'group'].includes(n.type);

type Wire = { id?: unknown; port?: unknown } | null | undefined;
const listOf = (v: unknown): Wire[] => (Array.isArray(v) ? v : []);
