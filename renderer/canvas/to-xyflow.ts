import { useMemo, useRef } from 'react';
import type { Edge } from '@xyflow/react';
import type { NodeDescription, NodePorts } from '../../engine/api';
import type { FlowFile } from '../../engine/flow/types';
import { noteKey } from '../state/flow-ops';
import type { CardNode } from './node-card';
import type { NoteNode } from './note-card';
import { inputPortsOf, outputPortsOf } from './ports';

type Size = { width: number; height: number };
const NO_LABELS: Record<string, string> = {};
type Cached<T> = { deps: unknown[]; value: T };

const same = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * A cache that hands back the previous object when its inputs are identical, so xyflow
 * neither re-measures nor re-renders nodes a change did not touch.
 */
function useObjectCache<T>() {
  const ref = useRef(new Map<string, Cached<T>>());
  const get = (id: string, deps: unknown[], make: () => T, seen: Set<string>): T => {
    seen.add(id);
    const hit = ref.current.get(id);
    if (hit && same(hit.deps, deps)) return hit.value;
    const value = make();
    ref.current.set(id, { deps, value });
    return value;
  };
  /** Forgets objects of deleted elements. */
  get.prune = (seen: Set<string>) => { for (const id of ref.current.keys()) if (!seen.has(id)) ref.current.delete(id); };
  return get;
}

export function useFlowNodes(
  flow: FlowFile, selected: string[], sizes: Record<string, Size>, byType: Map<string, NodeDescription>, readOnly: boolean,
  ports: Record<string, NodePorts> = {},
): (CardNode | NoteNode)[] {
  const cache = useObjectCache<CardNode | NoteNode>();
  return useMemo(() => {
    const sel = new Set(selected);
    const seen = new Set<string>();
    const notes = flow.notes.map((note): NoteNode => {
      const id = noteKey(note.id);
      const size = note.size ?? { width: 240, height: 140 };
      return cache(id, [note, sel.has(id), readOnly], () => ({
        id, type: 'note', position: note.position, data: { note, readOnly }, selected: sel.has(id),
        width: size.width, height: size.height, measured: size, zIndex: -1, draggable: !readOnly,
      }), seen) as NoteNode;
    });
    const cards = flow.nodes.map((node): CardNode => {
      const desc = byType.get(node.type);
      const inputs = inputPortsOf(node, desc, flow);
      const outputs = outputPortsOf(node, desc, flow, ports[node.id]);
      const labels = ports[node.id]?.labels ?? NO_LABELS;
      const isPinned = !!flow.pinned[node.id];
      const deps = [node, desc, sel.has(node.id), sizes[node.id], inputs.join('\n'), outputs.join('\n'), JSON.stringify(labels), isPinned, readOnly];
      return cache(node.id, deps, () => ({
        id: node.id, type: 'card', position: node.position, selected: sel.has(node.id),
        data: { node, desc, inputs, outputs, labels, isPinned, readOnly }, draggable: !readOnly,
        ...(sizes[node.id] ? { measured: sizes[node.id] } : {}),
      }), seen) as CardNode;
    });
    cache.prune(seen);
    return [...notes, ...cards];
  }, [flow, selected, sizes, byType, readOnly, ports]); // eslint-disable-line react-hooks/exhaustive-deps
}

/** What a screen reader says for an edge: `“Check amount” (true) to “Notify”`; ports by their display name. */
function edgeLabel(flow: FlowFile, e: FlowFile['edges'][number], ports: Record<string, NodePorts>, names: Map<string, string>): string {
  const portName = (nodeId: string, port: string) => ports[nodeId]?.labels[port] ?? port;
  const from = `“${names.get(e.from.node) ?? e.from.node}”${e.from.port === 'main' ? '' : ` (${portName(e.from.node, e.from.port)})`}`;
  const to = `“${names.get(e.to.node) ?? e.to.node}”${e.to.port === 'main' ? '' : ` (${e.to.port})`}`;
  return `Connection from ${from} to ${to}`;
}

export function useFlowEdges(flow: FlowFile, selectedEdges: string[], problemEdges: Record<string, unknown>, runningIds: string[], ports: Record<string, NodePorts> = {}): Edge[] {
  const cache = useObjectCache<Edge>();
  return useMemo(() => {
    const names = new Map(flow.nodes.map((n) => [n.id, n.name]));
    const sel = new Set(selectedEdges);
    const running = new Set(runningIds);
    const seen = new Set<string>();
    const edges = flow.edges.map((e) => {
      const isRunning = running.has(e.to.node);
      const hasProblem = !!problemEdges[e.id];
      const ariaLabel = edgeLabel(flow, e, ports, names);
      return cache(e.id, [e, sel.has(e.id), hasProblem, isRunning, ariaLabel], () => ({
        id: e.id, type: 'flow', source: e.from.node, target: e.to.node, sourceHandle: e.from.port, targetHandle: e.to.port,
        selected: sel.has(e.id), animated: isRunning, ariaLabel,
        ...(hasProblem ? { className: 'has-problem' } : {}),
      }), seen);
    });
    cache.prune(seen);
    return edges;
  }, [flow, selectedEdges, problemEdges, runningIds, ports]); // eslint-disable-line react-hooks/exhaustive-deps
}
