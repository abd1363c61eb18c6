import { create } from 'zustand';
import type { NodeDescription } from '../../engine/api';
import type { ApiClient } from '../api/client';
import { errorText } from './toast-store';

interface CatalogState {
  nodes: NodeDescription[];
  byType: Map<string, NodeDescription>;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error?: string;
  load(api: ApiClient): Promise<void>;
}

/** The node catalog, fetched once per app; the palette, cards and port checks read it. */
export const useCatalog = create<CatalogState>()((set, get) => ({
  nodes: [],
  byType: new Map(),
  status: 'idle',
  load: async (api) => {
    if (get().status === 'loading' || get().status === 'ready') return;
    set({ status: 'loading', error: undefined });
    try {
      const nodes = await api.call('nodes.catalog', {});
      set({ nodes, byType: new Map(nodes.map((n) => [n.type, n])), status: 'ready' });
    } catch (e) {
      set({ status: 'error', error: errorText(e) });
    }
  },
}));
