import type { FlowFile } from '../../engine/flow/types';
import type { ApiClient } from '../api/client';
import { clearDraft } from './drafts';
import type { Slice } from './editor-store';
import { duplicateNames } from './rename-refs';
import { errorText, toast } from './toast-store';

export interface SaveSlice {
  /** The flow as last written to disk; the editor is dirty while `flow !== savedFlow`. */
  savedFlow: FlowFile;
  saveState: 'idle' | 'saving' | 'saved' | 'error';
  saveError?: string;
  /** Writes the flow; one that lost all its nodes is written only with `allowEmpty` (an explicit confirmation). */
  save(opts?: { allowEmpty?: boolean }): Promise<boolean>;
}

export const createSaveSlice = (api: ApiClient, saved: FlowFile): Slice<SaveSlice> => (set, get) => ({
  savedFlow: saved,
  saveState: 'idle',
  save: async (opts) => {
    const { flow, readOnly, saveState } = get();
    if (readOnly || saveState === 'saving') return false;
    if (selectLostAllNodes(get()) && !opts?.allowEmpty) return false;
    // Expressions find nodes by name: a file with two of one name would run the wrong one.
    const dups = duplicateNames(flow);
    if (dups.length) {
      const message = `Not saved: two nodes are named ${dups.map((d) => `“${d}”`).join(', ')}. Rename one, then save.`;
      set({ saveState: 'error', saveError: message });
      toast('error', message);
      return false;
    }
    set({ saveState: 'saving', saveError: undefined });
    try {
      const { problems } = await api.call('flows.save', { flow });
      set({ savedFlow: flow, saveState: 'saved' });
      if (get().flow === flow) { get().setProblems(flow, problems); clearDraft(flow.id); }
      return true;
    } catch (e) {
      set({ saveState: 'error', saveError: errorText(e) });
      return false;
    }
  },
});

export const selectIsDirty = (s: { flow: FlowFile; savedFlow: FlowFile }) => s.flow !== s.savedFlow;

/** Every node of the saved flow is gone: the editor asks before writing that to disk. */
export const selectLostAllNodes = (s: { flow: FlowFile; savedFlow: FlowFile }) =>
  s.flow.nodes.length === 0 && s.savedFlow.nodes.length > 0;
