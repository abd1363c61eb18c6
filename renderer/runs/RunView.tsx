import { useEffect, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import type { FlowFile, RunDetailDto } from '../../engine/api';
import { Canvas } from '../canvas/Canvas';
import { DataPanelArea } from '../editor/NodeSlots';
import { useRunEvents } from '../editor/use-run-events';
import { useApi } from '../app/api-context';
import { formatDateTime, formatDuration, plural, statusText } from '../app/format';
import { ErrorDetails } from '../app/ErrorDetails';
import { Icon } from '../app/icons';
import { navigate } from '../app/router';
import { useCatalog } from '../state/catalog-store';
import { createEditorStore, type EditorStore } from '../state/editor-store';
import { errorText } from '../state/toast-store';
import { EditorContext } from '../state/use-editor';
import { NodeRunsTable } from './NodeRunsTable';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; run: RunDetailDto; store?: EditorStore; isSnapshot: boolean };

/** The flow as it ran, where the engine recorded it (`RunDetailDto.flow`). */
const snapshotOf = (run: RunDetailDto): FlowFile | undefined => {
  const flow = (run as { flow?: unknown }).flow;
  return flow && typeof flow === 'object' && Array.isArray((flow as FlowFile).nodes) ? flow as FlowFile : undefined;
};

/** A recorded run: the flow's canvas, read-only, with each node's status and counts; a node's data below. */
export function RunView({ runId }: { runId: string }) {
  const api = useApi();
  const [state, setState] = useState<State>({ status: 'loading' });
  const catalogStatus = useCatalog((s) => s.status);
  useEffect(() => {
    let isLive = true;
    (async () => {
      const run = await api.call('runs.get', { runId });
      // The flow as it ran when the engine kept it; else as it is now (older runs).
      const snapshot = snapshotOf(run);
      const flow = snapshot ?? await api.call('flows.get', { id: run.flowId }).then((r) => r.flow, () => undefined);
      const store = flow ? createEditorStore(flow, { api, readOnly: true }) : undefined;
      store?.getState().showRecorded(run);
      if (isLive) setState({ status: 'ready', run, store, isSnapshot: !!snapshot });
    })().catch((e) => { if (isLive) setState({ status: 'error', message: errorText(e) }); });
    return () => { isLive = false; };
  }, [api, runId]);

  // Cards need the catalog to draw ports; without it every node would look unknown for a moment.
  if (state.status === 'loading' || catalogStatus === 'loading' || catalogStatus === 'idle') return <div className="screen-loading muted" role="status"><span className="spinner" /> Loading run…</div>;
  if (state.status === 'error') {
    return <div className="empty" role="alert"><p className="empty-title">This run could not be loaded</p><p>{state.message}</p>
      <button type="button" className="btn" onClick={() => navigate({ screen: 'runs' })}>Back to runs</button></div>;
  }
  const { run, store, isSnapshot } = state;
  return (
    <div className="editor run-view" data-testid="run-view">
      <header className="topbar">
        <button type="button" className="btn btn-ghost btn-sm crumb" onClick={() => navigate({ screen: 'runs' })}><Icon name="back" /> Runs</button>
        <span className="crumb-sep" aria-hidden="true">/</span>
        <span className="flow-name static">{run.flowName}</span>
        <span className="badge" data-status={run.status} data-failed-items={run.failedItems || undefined} data-testid="run-view-status"><span className="dot" />{statusText(run.status, run.failedItems || undefined)}</span>
        <span className="muted run-meta">{run.trigger} · {formatDateTime(run.startedAt)} · {formatDuration(run.durationMs)}{run.itemsOut !== undefined ? ` · ${plural(run.itemsOut, 'item')}` : ''}</span>
        {run.error && <ErrorDetails text={`${run.error.node ? `“${run.error.node}”: ` : ''}${run.error.message}`} testId="run-view-error" />}
        <div className="topbar-spacer" />
        <span className="subtle" data-testid="run-view-source" title={isSnapshot ? 'The flow exactly as this run used it' : 'This run did not record its flow: the canvas shows the flow as it is now'}>
          {isSnapshot ? 'Flow as it ran' : 'Flow as it is now'}
        </span>
        {!run.hasFullData && <span className="subtle" title="Older runs keep a sample of each node's items">Sampled data</span>}
        {store && <button type="button" className="btn" onClick={() => navigate({ screen: 'editor', flowId: run.flowId })}>Open flow</button>}
      </header>
      {store ? <RecordedCanvas store={store} /> : (
        <div className="screen-body">
          <div className="notice">The flow of this run no longer exists; here is what each node did.</div>
          <NodeRunsTable run={run} />
        </div>
      )}
    </div>
  );
}

function RecordedCanvas({ store }: { store: EditorStore }) {
  const api = useApi();
  useRunEvents(store, api);
  return (
    <EditorContext.Provider value={store}>
      <ReactFlowProvider>
        <div className="editor-body">
          <div className="editor-main">
            <Canvas />
            <DataPanelArea />
          </div>
        </div>
      </ReactFlowProvider>
    </EditorContext.Provider>
  );
}
