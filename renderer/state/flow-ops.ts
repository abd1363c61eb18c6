/**
 * Pure edits of a flow file. Each returns a new FlowFile and leaves untouched parts shared,
 * so memoized node cards only re-render for nodes that really changed.
 */
import type { NodeDescription } from '../../engine/api';
import type { FlowEdge, FlowFile, FlowNode, PortRef, Position, StickyNote } from '../../engine/flow/types';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A short random id, e.g. `n_k3x9qa`; unique enough inside one flow, checked by callers. */
export function newId(prefix: string, taken?: Set<string>): string {
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(6));
    const id = `${prefix}_${Array.from(bytes, (b) => ALPHABET[b % 36]).join('')}`;
    if (!taken?.has(id)) return id;
  }
}

/** "HTTP Request", then "HTTP Request 2", "HTTP Request 3"… — expressions refer to nodes by name. */
export function uniqueName(base: string, taken: Set<string>): string {
  const stem = base.replace(/ \d+$/, '') || 'Node';
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${stem} ${i}`)) return `${stem} ${i}`;
}

/** Top-level defaults from the schema, so a new node's file shows what it will do. */
export function defaultParams(desc: NodeDescription): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, f] of Object.entries(desc.params.fields ?? {})) if (f.default !== undefined) out[key] = structuredClone(f.default);
  return out;
}

export function addNode(flow: FlowFile, desc: NodeDescription, position: Position): { flow: FlowFile; id: string } {
  const id = newId('n', new Set(flow.nodes.map((n) => n.id)));
  const node: FlowNode = {
    id, type: desc.type, version: desc.version,
    name: uniqueName(desc.title, new Set(flow.nodes.map((n) => n.name))),
    position: snap(position), params: defaultParams(desc),
  };
  return { flow: { ...flow, nodes: [...flow.nodes, node] }, id };
}

export const snap = (p: Position): Position => ({ x: Math.round(p.x), y: Math.round(p.y) });

export function replaceNode(flow: FlowFile, next: FlowNode): FlowFile {
  return { ...flow, nodes: flow.nodes.map((n) => (n.id === next.id ? next : n)) };
}

/** Moves nodes and notes; ids of notes carry the canvas prefix `note:`. */
export function moveElements(flow: FlowFile, moves: Map<string, Position>): FlowFile {
  let nodes = flow.nodes;
  let notes = flow.notes;
  if (flow.nodes.some((n) => moves.has(n.id))) nodes = flow.nodes.map((n) => (moves.has(n.id) ? { ...n, position: snap(moves.get(n.id)!) } : n));
  if (flow.notes.some((n) => moves.has(noteKey(n.id)))) notes = flow.notes.map((n) => (moves.has(noteKey(n.id)) ? { ...n, position: snap(moves.get(noteKey(n.id))!) } : n));
  return { ...flow, nodes, notes };
}

export const noteKey = (id: string) => `note:${id}`;
export const isNoteKey = (id: string) => id.startsWith('note:');
export const noteIdOf = (key: string) => key.slice(5);

/** Removes nodes (with their edges and pins), notes and edges. */
export function removeElements(flow: FlowFile, keys: Set<string>, edgeIds: Set<string>): FlowFile {
  const nodes = flow.nodes.filter((n) => !keys.has(n.id));
  const gone = new Set(flow.nodes.filter((n) => keys.has(n.id)).map((n) => n.id));
  const pinned = Object.fromEntries(Object.entries(flow.pinned).filter(([id]) => !gone.has(id)));
  return {
    ...flow, nodes, pinned,
    edges: flow.edges.filter((e) => !edgeIds.has(e.id) && !gone.has(e.from.node) && !gone.has(e.to.node)),
    notes: flow.notes.filter((n) => !keys.has(noteKey(n.id))),
  };
}

/** Puts back what `before` had and `flow` lacks (nodes, their edges, pins and notes): undo of one delete after later edits. */
export function restoreRemoved(flow: FlowFile, before: FlowFile): FlowFile {
  const nodeIds = new Set(flow.nodes.map((n) => n.id));
  const nodes = [...flow.nodes, ...before.nodes.filter((n) => !nodeIds.has(n.id))];
  const present = new Set(nodes.map((n) => n.id));
  const edgeIds = new Set(flow.edges.map((e) => e.id));
  const noteIds = new Set(flow.notes.map((n) => n.id));
  const pinned = { ...flow.pinned };
  for (const [id, items] of Object.entries(before.pinned)) if (!nodeIds.has(id) && present.has(id)) pinned[id] = items;
  return {
    ...flow, nodes, pinned,
    edges: [...flow.edges, ...before.edges.filter((e) => !edgeIds.has(e.id) && present.has(e.from.node) && present.has(e.to.node))],
    notes: [...flow.notes, ...before.notes.filter((n) => !noteIds.has(n.id))],
  };
}

export function addEdge(flow: FlowFile, from: PortRef, to: PortRef): FlowFile {
  const edge: FlowEdge = { id: newId('e', new Set(flow.edges.map((e) => e.id))), from, to };
  return { ...flow, edges: [...flow.edges, edge] };
}

export function addNote(flow: FlowFile, position: Position, text = ''): { flow: FlowFile; id: string } {
  const id = newId('s', new Set(flow.notes.map((n) => n.id)));
  const note: StickyNote = { id, text, position: snap(position), size: { width: 240, height: 140 } };
  return { flow: { ...flow, notes: [...flow.notes, note] }, id };
}

export function updateNote(flow: FlowFile, id: string, patch: Partial<Omit<StickyNote, 'id'>>): FlowFile {
  return { ...flow, notes: flow.notes.map((n) => (n.id === id ? { ...n, ...patch } : n)) };
}

export function setPinned(flow: FlowFile, nodeId: string, items: Record<string, unknown>[] | undefined): FlowFile {
  const pinned = { ...flow.pinned };
  if (items) pinned[nodeId] = items;
  else delete pinned[nodeId];
  return { ...flow, pinned };
}
