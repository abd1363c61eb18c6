/**
 * Copy and paste as flow JSON: `{ format: 'junction/fragment@1', nodes, edges, notes? }`.
 * Text, so a fragment pastes into another flow, another window, or a chat message.
 */
import { FLOW_FORMAT, type FlowEdge, type FlowFile, type FlowNode, type Position, type StickyNote } from '../../engine/flow/types';
import { newId, noteKey, uniqueName } from '../state/flow-ops';

export const FRAGMENT_FORMAT = 'junction/fragment@1';

export interface Fragment {
  format: typeof FRAGMENT_FORMAT;
  nodes: FlowNode[];
  edges: FlowEdge[];
  notes?: StickyNote[];
}

/** The selected nodes and notes with the edges between selected nodes. */
export function makeFragment(flow: FlowFile, keys: Set<string>): Fragment | undefined {
  const nodes = flow.nodes.filter((n) => keys.has(n.id));
  const notes = flow.notes.filter((n) => keys.has(noteKey(n.id)));
  if (!nodes.length && !notes.length) return undefined;
  const ids = new Set(nodes.map((n) => n.id));
  const edges = flow.edges.filter((e) => ids.has(e.from.node) && ids.has(e.to.node));
  return { format: FRAGMENT_FORMAT, nodes, edges, ...(notes.length ? { notes } : {}) };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A fragment from clipboard text; a whole flow file also pastes. Undefined for anything else. */
export function parseFragment(text: string): Fragment | undefined {
  let doc: unknown;
  try { doc = JSON.parse(text); } catch { return undefined; }
  if (!isObj(doc) || (doc.format !== FRAGMENT_FORMAT && doc.format !== FLOW_FORMAT)) return undefined;
  const nodes = Array.isArray(doc.nodes) ? doc.nodes.filter((n): n is FlowNode => isObj(n) && typeof n.id === 'string' && typeof n.type === 'string') : [];
  const edges = Array.isArray(doc.edges) ? doc.edges.filter((e): e is FlowEdge => isObj(e) && isObj(e.from) && isObj(e.to)) : [];
  const notes = Array.isArray(doc.notes) ? doc.notes.filter((n): n is StickyNote => isObj(n) && typeof n.id === 'string') : [];
  if (!nodes.length && !notes.length) return undefined;
  return { format: FRAGMENT_FORMAT, nodes, edges, notes };
}

const topLeft = (f: Fragment): Position => {
  const all = [...f.nodes.map((n) => n.position), ...(f.notes ?? []).map((n) => n.position)].filter(Boolean);
  return { x: Math.min(...all.map((p) => p.x)), y: Math.min(...all.map((p) => p.y)) };
};

/**
 * Adds a fragment with fresh ids and unique names. `at` places its top-left corner;
 * without it the copy lands 40 px below-right of the original.
 */
export function pasteFragment(flow: FlowFile, frag: Fragment, at?: Position): { flow: FlowFile; keys: string[] } {
  const origin = topLeft(frag);
  const shift = at ? { x: at.x - origin.x, y: at.y - origin.y } : { x: 40, y: 40 };
  const move = (p: Position): Position => ({ x: Math.round((p?.x ?? 0) + shift.x), y: Math.round((p?.y ?? 0) + shift.y) });
  const nodeIds = new Set(flow.nodes.map((n) => n.id));
  const names = new Set(flow.nodes.map((n) => n.name));
  const idMap = new Map<string, string>();
  const nodes = frag.nodes.map((n) => {
    const id = newId('n', nodeIds);
    nodeIds.add(id);
    idMap.set(n.id, id);
    const name = uniqueName(String(n.name ?? n.type), names);
    names.add(name);
    return { ...structuredClone(n), id, name, position: move(n.position) };
  });
  const edgeIds = new Set(flow.edges.map((e) => e.id));
  const edges = frag.edges.flatMap((e) => {
    const from = idMap.get(e.from.node);
    const to = idMap.get(e.to.node);
    if (!from || !to) return [];
    const id = newId('e', edgeIds);
    edgeIds.add(id);
    return [{ id, from: { node: from, port: e.from.port }, to: { node: to, port: e.to.port } }];
  });
  const noteIds = new Set(flow.notes.map((n) => n.id));
  const notes = (frag.notes ?? []).map((n) => {
    const id = newId('s', noteIds);
    noteIds.add(id);
    return { ...n, id, position: move(n.position) };
  });
  return {
    flow: { ...flow, nodes: [...flow.nodes, ...nodes], edges: [...flow.edges, ...edges], notes: [...flow.notes, ...notes] },
    keys: [...nodes.map((n) => n.id), ...notes.map((n) => noteKey(n.id))],
  };
}

// The system clipboard may be unavailable (no permission, no focus); this keeps copy/paste
// working inside the app regardless.
let memory: string | undefined;

export function rememberFragment(text: string) { memory = text; }
export const rememberedFragment = () => memory;
