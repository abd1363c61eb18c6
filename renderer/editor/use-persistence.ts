import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { ApiClient } from '../api/client';
import { useConnectionStatus } from '../app/api-context';
import { isValidEnough } from '../state/check-slice';
import { writeDraft } from '../state/drafts';
import type { EditorStore } from '../state/editor-store';
import { selectIsDirty, selectLostAllNodes } from '../state/save-slice';

const VALIDATE_MS = 350;
// Autosave waits for the check of the latest change, then this long: about 1.5 s in all.
const AUTOSAVE_MS = 1150;

/**
 * Keeps the editor's flow checked, backed up and saved: flows.validate after each change,
 * a sessionStorage draft while dirty, autosave when the flow is sound enough, a final save
 * when the editor closes, and a retry once a lost connection comes back.
 */
export function usePersistence(store: EditorStore, api: ApiClient) {
  const flow = useStore(store, (s) => s.flow);
  const checkedFlow = useStore(store, (s) => s.checkedFlow);
  const saveState = useStore(store, (s) => s.saveState);
  const readOnly = useStore(store, (s) => s.readOnly);
  const status = useConnectionStatus();

  useEffect(() => {
    if (status === 'closed') return;
    let isLive = true;
    const t = setTimeout(() => {
      api.call('flows.validate', { flow }).then(
        ({ problems, ports }) => { if (isLive) store.getState().setProblems(flow, problems, ports); },
        () => undefined, // offline or engine busy: the next change or the reconnect checks again
      );
    }, VALIDATE_MS);
    return () => { isLive = false; clearTimeout(t); };
  }, [api, store, flow, status]);

  useEffect(() => {
    if (readOnly) return;
    const t = setTimeout(() => { if (selectIsDirty(store.getState())) writeDraft(store.getState().flow); }, 250);
    return () => clearTimeout(t);
  }, [store, flow, readOnly]);

  useEffect(() => {
    const s = store.getState();
    if (readOnly || status === 'closed' || s.saveState === 'saving' || !selectIsDirty(s) || !isValidEnough(s) || selectLostAllNodes(s)) return;
    const t = setTimeout(() => void store.getState().save(), AUTOSAVE_MS);
    return () => clearTimeout(t);
  }, [store, flow, checkedFlow, saveState, status, readOnly]);

  useEffect(() => {
    if (readOnly) return;
    const warn = (e: BeforeUnloadEvent) => { if (selectIsDirty(store.getState())) e.preventDefault(); };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      // Leaving the editor: write what is there; on failure the draft keeps it.
      if (selectIsDirty(store.getState())) void store.getState().save();
    };
  }, [store, readOnly]);
}
