import { useEffect } from 'react';
import type { ApiClient } from '../api/client';
import type { EditorStore } from '../state/editor-store';

/**
 * Feeds engine events to the editor's run slice; the slice names its run before starting it,
 * so every event matches as it comes. Events sent while the connection was down are lost, so
 * on reconnect the run is read back from history.
 */
export function useRunEvents(store: EditorStore, api: ApiClient) {
  useEffect(() => {
    const offEvent = api.onEvent((e) => store.getState().applyEvent(e));
    const offStatus = api.onStatus((status) => {
      const { runId, runState } = store.getState();
      if (status !== 'open' || !runId || (runState !== 'running' && runState !== 'starting')) return;
      api.call('runs.get', { runId }).then((run) => {
        if (run.status !== 'running') store.getState().showRecorded(run);
      }, () => undefined);
    });
    return () => { offEvent(); offStatus(); };
  }, [store, api]);
}
