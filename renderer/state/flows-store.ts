import { create } from 'zustand';
import type { FlowSummary } from '../../engine/api';
import type { ApiClient } from '../api/client';
import { errorText } from './toast-store';

interface FlowsState {
  flows: FlowSummary[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error?: string;
  /** Names of rows being removed, hidden at once so a delete feels instant. */
  hidden: Set<string>;
  reload(api: ApiClient): Promise<void>;
  hide(id: string, isHidden: boolean): void;
}

/** The workspace's flows, shared by the Flows screen and the Runs filter. */
export const useFlows = create<FlowsState>()((set, get) => ({
  flows: [],
  status: 'idle',
  hidden: new Set(),
  reload: async (api) => {
    if (get().status !== 'ready') set({ status: 'loading' });
    try {
      const flows = await api.call('flows.list', {});
      set({ flows, status: 'ready', error: undefined });
    } catch (e) {
      set({ status: get().flows.length ? 'ready' : 'error', error: errorText(e) });
    }
  },
  hide: (id, isHidden) => set((s) => {
    const hidden = new Set(s.hidden);
    if (isHidden) hidden.add(id); else hidden.delete(id);
    return { hidden };
  }),
}));
