import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunSummaryDto } from '../../engine/api';
import { useApi, useEngineEvents } from '../app/api-context';
import { STATUS_LABEL } from '../app/format';
import { Icon } from '../app/icons';
import { useFlows } from '../state/flows-store';
import { errorText } from '../state/toast-store';
import { RunsTable } from './RunsTable';
import { DeadLetters } from '../triggers/DeadLetters';

type RunStatus = RunSummaryDto['status'];

const STATUSES: RunStatus[] = ['running', 'success', 'failed', 'cancelled', 'crashed'];
const LIMIT = 500;

/** Run history with status and flow filters; refreshes as runs start and finish. */
export function RunsScreen() {
  const api = useApi();
  const flows = useFlows((s) => s.flows);
  const reloadFlows = useFlows((s) => s.reload);
  const [status, setStatus] = useState<RunStatus | ''>('');
  const [flowId, setFlowId] = useState('');
  const [runs, setRuns] = useState<RunSummaryDto[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const seq = useRef(0);

  const load = useCallback(async () => {
    const n = ++seq.current;
    try {
      const list = await api.call('runs.list', { limit: LIMIT, ...(status ? { status } : {}), ...(flowId ? { flowId } : {}) });
      if (n === seq.current) { setRuns(list); setError(undefined); }
    } catch (e) {
      if (n === seq.current) setError(errorText(e));
    }
  }, [api, status, flowId]);

  useEffect(() => { void load(); }, [load]);
  useEffect(() => { void reloadFlows(api); }, [api, reloadFlows]);
  // Several runs can finish at once; one refresh covers them.
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEngineEvents((e) => {
    if (e.type !== 'run.finished' && e.type !== 'run.started') return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void load(), 250);
  }, [load]);

  return (
    <div className="screen">
      <header className="screen-head">
        <h1>Runs</h1>
        <div className="topbar-spacer" />
        <label className="filter">Status
          <select className="select" value={status} onChange={(e) => setStatus(e.target.value as RunStatus | '')} data-testid="runs-filter-status">
            <option value="">All</option>
            {STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABEL[s]}</option>)}
          </select>
        </label>
        <label className="filter">Flow
          <select className="select" value={flowId} onChange={(e) => setFlowId(e.target.value)} data-testid="runs-filter-flow">
            <option value="">All flows</option>
            {flows.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
          </select>
        </label>
        <button type="button" className="btn btn-icon" aria-label="Refresh" title="Refresh" onClick={() => void load()}><Icon name="refresh" /></button>
      </header>
      <div className="screen-body screen-body-fill">
        {error && <div className="error-box" role="alert">Could not load the run history: {error}</div>}
        {!runs && !error && <div className="table-skeleton" role="status" aria-label="Loading runs">{Array.from({ length: 6 }, (_, i) => <div key={i} className="skeleton" />)}</div>}
        {runs && !runs.length && (
          <div className="empty" data-testid="runs-empty">
            <Icon name="runs" size={32} />
            <p className="empty-title">{status || flowId ? 'No runs match these filters' : 'No runs yet'}</p>
            <p>Runs appear here when you run a flow from the editor, the CLI or a trigger.</p>
          </div>
        )}
        {runs && runs.length > 0 && <RunsTable runs={runs} />}
        <DeadLetters />
      </div>
    </div>
  );
}
