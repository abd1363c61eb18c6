import type { FlowFile } from '../../engine/flow/types';
import type { Slice } from './editor-store';

export interface HistorySlice {
  past: FlowFile[];
  future: FlowFile[];
  /**
   * Makes `next` the current flow and records the previous one for undo. Commits with the
   * same `coalesce` key less than a second apart (a drag, typing in a field) share one step.
   */
  commit(next: FlowFile, coalesce?: string): void;
  undo(): void;
  redo(): void;
}

const LIMIT = 200;
const COALESCE_MS = 1000;

export const createHistorySlice: Slice<HistorySlice> = (set, get) => {
  let lastKey: string | undefined;
  let lastAt = 0;
  return {
    past: [],
    future: [],
    commit: (next, coalesce) => {
      const s = get();
      if (s.readOnly || next === s.flow) return;
      const now = Date.now();
      const merge = coalesce !== undefined && coalesce === lastKey && now - lastAt < COALESCE_MS;
      lastKey = coalesce;
      lastAt = now;
      set({ flow: next, future: [], past: merge ? s.past : [...s.past.slice(-LIMIT + 1), s.flow] });
    },
    undo: () => {
      const { past, flow, future } = get();
      if (!past.length) return;
      lastKey = undefined;
      set({ flow: past[past.length - 1], past: past.slice(0, -1), future: [flow, ...future] });
    },
    redo: () => {
      const { past, flow, future } = get();
      if (!future.length) return;
      lastKey = undefined;
      set({ flow: future[0], future: future.slice(1), past: [...past, flow] });
    },
  };
};
