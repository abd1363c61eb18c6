import { useEffect, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import type { FlowFile } from '../../engine/flow/types';
import { useApi } from '../app/api-context';
import { navigate } from '../app/router';
import { useCatalog } from '../state/catalog-store';
import { clearDraft, readDraft } from '../state/drafts';
import { createEditorStore, type EditorStore } from '../state/editor-store';
import { errorText } from '../state/toast-store';
import { EditorContext } from '../state/use-editor';
import { EditorLayout } from './EditorLayout';
import { usePersistence } from './use-persistence';
import { useRunEvents } from './use-run-events';

type Loaded = { store: EditorStore; restoredAtMs?: number; saved: FlowFile };
type LoadState = { status: 'loading' } | { status: 'error'; message: string } | ({ status: 'ready' } & Loaded);

/** Loads a flow (offering back a newer unsaved draft) and opens it in its own editor store. */
export function EditorScreen({ flowId }: { flowId: string }) {
  const api = useApi();
  const catalogStatus = useCatalog((s) => s.status);
  const [state, setState] = useState<LoadState>({ status: 'loading' });

  useEffect(() => {
    let isLive = true;
    setState({ status: 'loading' });
    (async () => {
      const [{ flow, problems }, list] = await Promise.all([
        api.call('flows.get', { id: flowId }), api.call('flows.list', {}).catch(() => []),
      ]);
      const updatedMs = Date.parse(list.find((f) => f.id === flowId)?.updatedAt ?? '') || 0;
      const draft = readDraft(flowId);
      const useDraft = !!draft && draft.savedAtMs > updatedMs && JSON.stringify(draft.flow) !== JSON.stringify(flow);
      if (draft && !useDraft) clearDraft(flowId);
      const store = createEditorStore(useDraft ? draft.flow : flow, { api, saved: flow });
      if (!useDraft) store.getState().setProblems(flow, problems);
      if (isLive) setState({ status: 'ready', store, saved: flow, ...(useDraft ? { restoredAtMs: draft.savedAtMs } : {}) });
    })().catch((e) => { if (isLive) setState({ status: 'error', message: errorText(e) }); });
    return () => { isLive = false; };
  }, [api, flowId]);

  if (state.status === 'error') {
    return (
      <div className="empty" role="alert">
        <p className="empty-title">This flow could not be opened</p>
        <p>{state.message}</p>
        <button type="button" className="btn" onClick={() => navigate({ screen: 'flows' })}>Back to flows</button>
      </div>
    );
  }
  if (state.status === 'loading' || catalogStatus === 'loading' || catalogStatus === 'idle') {
    return <div className="screen-loading muted" role="status"><span className="spinner" /> Opening flow…</div>;
  }
  return <OpenEditor key={flowId} {...state} />;
}

function OpenEditor({ store, restoredAtMs, saved }: Loaded) {
  const api = useApi();
  const [restored, setRestored] = useState(restoredAtMs);
  usePersistence(store, api);
  useRunEvents(store, api);
  const discard = () => {
    store.setState({ flow: saved, past: [], future: [] });
    clearDraft(saved.id);
    setRestored(undefined);
  };
  const notice = restored !== undefined && (
    <div className="notice" role="status" data-testid="draft-notice">
      Restored unsaved changes from {new Date(restored).toLocaleTimeString()} — newer than the saved file.
      <button type="button" className="btn btn-sm" onClick={() => setRestored(undefined)}>Keep</button>
      <button type="button" className="btn btn-sm btn-ghost" onClick={discard}>Discard</button>
    </div>
  );
  return (
    <EditorContext.Provider value={store}>
      <ReactFlowProvider>
        <EditorLayout notice={notice} />
      </ReactFlowProvider>
    </EditorContext.Provider>
  );
}
