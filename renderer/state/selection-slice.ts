import type { Slice } from './editor-store';

/** Selection in canvas ids: node ids, `note:<id>` for sticky notes, and edge ids. */
export interface SelectionSlice {
  selected: string[];
  selectedEdges: string[];
  select(keys: string[], edges?: string[]): void;
  /** Applies xyflow's select changes (click, shift-click, box select). */
  applySelectChanges(changes: { id: string; selected: boolean }[], kind: 'node' | 'edge'): void;
  clearSelection(): void;
}

const toggle = (list: string[], changes: { id: string; selected: boolean }[]) => {
  const set = new Set(list);
  for (const c of changes) if (c.selected) set.add(c.id); else set.delete(c.id);
  return set.size === list.length && list.every((id) => set.has(id)) ? list : [...set];
};

export const createSelectionSlice: Slice<SelectionSlice> = (set) => ({
  selected: [],
  selectedEdges: [],
  select: (keys, edges = []) => set({ selected: keys, selectedEdges: edges }),
  applySelectChanges: (changes, kind) => set((s) => (kind === 'node'
    ? { selected: toggle(s.selected, changes) }
    : { selectedEdges: toggle(s.selectedEdges, changes) })),
  clearSelection: () => set({ selected: [], selectedEdges: [] }),
});

/** The one selected flow node, if exactly one node (not a note) is selected. */
export const selectSingleNodeId = (s: { selected: string[] }) =>
  s.selected.length === 1 && !s.selected[0].startsWith('note:') ? s.selected[0] : undefined;
