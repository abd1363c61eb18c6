import type { FlowFile, FlowNode, PortRef, Position, StickyNote } from '../../engine/flow/types';
import { checkConnection, type Verdict } from '../canvas/connection-rules';
import { makeFragment, pasteFragment, type Fragment } from '../canvas/fragment';
import { freeSpot } from '../canvas/placement';
import { plural } from '../app/format';
import { useCatalog } from './catalog-store';
import type { Slice } from './editor-store';
import * as ops from './flow-ops';
import { renameReferences } from './rename-refs';
import { toast } from './toast-store';

export interface FlowSlice {
  flow: FlowFile;
  readOnly: boolean;
  /** Adds a node of a catalog type; returns its id. */
  addNode(type: string, at: Position): string | undefined;
  updateNode(next: FlowNode): void;
  /** Moves nodes and notes by canvas id; `dragKey` groups one drag into one undo step. */
  moveElements(moves: Map<string, Position>, dragKey?: string): void;
  removeSelection(): void;
  connect(from: PortRef, to: PortRef): Verdict;
  canConnect(from: PortRef, to: PortRef): Verdict;
  rename(name: string): void;
  addNote(at: Position): string;
  updateNote(id: string, patch: Partial<Omit<StickyNote, 'id'>>, coalesce?: string): void;
  setPinned(nodeId: string, items: Record<string, unknown>[] | undefined): void;
  copySelection(): Fragment | undefined;
  paste(fragment: Fragment, at?: Position): void;
}

const NOTE_SIZE = { width: 240, height: 140 };
const isLoopType = (type: string) => !!useCatalog.getState().byType.get(type)?.isLoop;

export const createFlowSlice = (flow: FlowFile, readOnly: boolean): Slice<FlowSlice> => (set, get) => {
  // A name typed letter by letter passes through names other nodes hold ("Step 1" on the way to
  // "Step 12"): references follow only to free names, and wait here under the name they still use.
  const refNames = new Map<string, string>();
  let lastRenamed: FlowFile | undefined;
  const withRenamedRefs = (before: FlowFile, after: FlowFile, next: FlowNode): FlowFile => {
    const prev = before.nodes.find((n) => n.id === next.id);
    if (!prev || prev.name === next.name) return after;
    if (lastRenamed !== before) refNames.clear();
    const from = refNames.get(next.id) ?? prev.name;
    const isFree = next.name.trim() !== '' && !before.nodes.some((n) => n.id !== next.id && n.name === next.name);
    if (!isFree) { refNames.set(next.id, from); return after; }
    refNames.delete(next.id);
    return renameReferences(after, from, next.name);
  };
  return {
    flow,
    readOnly,
    addNode: (type, at) => {
      const desc = useCatalog.getState().byType.get(type);
      if (!desc) return undefined;
      const r = ops.addNode(get().flow, desc, freeSpot(get().flow, get().sizes, at));
      get().commit(r.flow);
      get().select([r.id]);
      return r.id;
    },
    updateNode: (next) => {
      const before = get().flow;
      get().commit(withRenamedRefs(before, ops.replaceNode(before, next), next), `node:${next.id}`);
      lastRenamed = get().flow;
    },
    moveElements: (moves, dragKey) => get().commit(ops.moveElements(get().flow, moves), dragKey),
    removeSelection: () => {
      const { selected, selectedEdges, flow } = get();
      if (!selected.length && !selectedEdges.length) return;
      const after = ops.removeElements(flow, new Set(selected), new Set(selectedEdges));
      get().commit(after);
      get().clearSelection();
      const removed = flow.nodes.length - after.nodes.length;
      // One stray key press must never cost a flow: a bulk delete says so and offers the way back.
      if (removed > 1) {
        toast('info', `Deleted ${plural(removed, 'node')}`, {
          label: 'Undo',
          run: () => (get().flow === after ? get().undo() : get().commit(ops.restoreRemoved(get().flow, flow))),
        }, 10_000);
      }
    },
    canConnect: (from, to) => checkConnection(get().flow, from, to, isLoopType),
    connect: (from, to) => {
      const verdict = get().canConnect(from, to);
      if (verdict.ok) get().commit(ops.addEdge(get().flow, from, to));
      return verdict;
    },
    rename: (name) => get().commit({ ...get().flow, name }),
    addNote: (at) => {
      const r = ops.addNote(get().flow, freeSpot(get().flow, get().sizes, at, NOTE_SIZE));
      get().commit(r.flow);
      get().select([ops.noteKey(r.id)]);
      return r.id;
    },
    updateNote: (id, patch, coalesce) => get().commit(ops.updateNote(get().flow, id, patch), coalesce),
    setPinned: (nodeId, items) => get().commit(ops.setPinned(get().flow, nodeId, items)),
    copySelection: () => makeFragment(get().flow, new Set(get().selected)),
    paste: (fragment, at) => {
      const r = pasteFragment(get().flow, fragment, at);
      get().commit(r.flow);
      get().select(r.keys);
    },
  };
};
