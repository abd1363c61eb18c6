import type { Slice } from './editor-store';

type Size = { width: number; height: number };

/** What the canvas measured; kept so re-derived xyflow nodes are not measured again. */
export interface ViewSlice {
  sizes: Record<string, Size>;
  setSizes(changes: { id: string; size: Size }[]): void;
}

export const createViewSlice: Slice<ViewSlice> = (set) => ({
  sizes: {},
  setSizes: (changes) => set((s) => {
    const sizes = { ...s.sizes };
    for (const c of changes) sizes[c.id] = c.size;
    return { sizes };
  }),
});
