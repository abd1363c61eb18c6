import { useEffect, useMemo, useState } from 'react';
import type { FlowSummary } from '../../engine/api';
import { useApi, useEngineEvents } from '../app/api-context';
import { pickFiles } from '../app/desktop';
import { plural } from '../app/format';
import { Icon } from '../app/icons';
import { useFlows } from '../state/flows-store';
import { errorText, toast } from '../state/toast-store';
import { ExportDialog } from './ExportDialog';
import { ConnectionMappingDialog } from '../connections/ConnectionMappingDialog';
import { createFlow, deleteFlow, exportFlow, importFlowFiles } from './flow-files';
import { FlowRow, type FlowRowActions } from './FlowRow';
import { TemplateList } from './TemplateList';
import { useTriggerStatus } from '../triggers/use-trigger-status';

/** A flow made with "New flow" and left as it was: no nodes and the default name. Listed only on request. */
const isBlankUntitled = (f: FlowSummary) => f.nodeCount === 0 && /^Untitled flow( \d+)?$/.test(f.name);

/** The workspace's flows: create, open, rename, duplicate, export, delete (with undo), import. */
export function FlowsScreen() {
  const api = useApi();
  const { flows, status, error, hidden, reload } = useFlows();
  const [query, setQuery] = useState('');
  const triggers = useTriggerStatus(flows);
  const [exporting, setExporting] = useState<FlowSummary | undefined>();
  useEffect(() => {
    void reload(api);
    return api.onStatus((s) => { if (s === 'open') void reload(api); });
  }, [api, reload]);
  useEngineEvents((e) => { if (e.type === 'flows.changed' || e.type === 'run.finished') void reload(api); }, [reload]);

  const actions = useMemo<FlowRowActions>(() => ({
    rename: (id, name) => void api.call('flows.rename', { id, name }).then(() => reload(api), (e) => toast('error', `Could not rename: ${errorText(e)}`)),
    duplicate: (f) => void api.call('flows.duplicate', { id: f.id }).then(
      ({ flow }) => { toast('success', `Duplicated as “${flow.name}”.`); return reload(api); },
      (e) => toast('error', `Could not duplicate “${f.name}”: ${errorText(e)}`)),
    exportFlow: (f) => setExporting(f),
    remove: (f) => void deleteFlow(api, f.id, f.name),
  }), [api, reload]);

  const create = () => createFlow(api);

  const [showBlank, setShowBlank] = useState(false);
  const q = query.trim().toLowerCase();
  const listed = flows.filter((f) => !hidden.has(f.id) && (!q || f.name.toLowerCase().includes(q)));
  const blank = listed.filter(isBlankUntitled);
  const shown = showBlank || q ? listed : listed.filter((f) => !isBlankUntitled(f));
  // The count and the empty state go by the flows a person made something in, not hidden blanks.
  const own = flows.filter((f) => !hidden.has(f.id) && (showBlank || !isBlankUntitled(f)));

  return (
    <div className="screen">
      <header className="screen-head">
        <h1>Flows</h1>
        {status === 'ready' && <span className="muted">{plural(own.length, 'flow')}</span>}
        <div className="topbar-spacer" />
        <input className="input screen-search" type="search" placeholder="Filter flows" aria-label="Filter flows" value={query} onChange={(e) => setQuery(e.target.value)} />
        <button type="button" className="btn" data-testid="import-flow" onClick={() => void pickFiles().then((files) => { if (files.length) void importFlowFiles(api, files); })}>
          <Icon name="import" /> Import…
        </button>
        <button type="button" className="btn btn-primary" data-testid="new-flow" onClick={() => void create()}><Icon name="plus" /> New flow</button>
      </header>
      <div className="screen-body">
        {status === 'loading' && <div className="table-skeleton" role="status" aria-label="Loading flows">{Array.from({ length: 5 }, (_, i) => <div key={i} className="skeleton" />)}</div>}
        {status === 'error' && <div className="error-box" role="alert">Could not list the flows: {error} <button type="button" className="btn btn-sm" onClick={() => void reload(api)}>Retry</button></div>}
        {status === 'ready' && !own.length && (
          <div className="empty" data-testid="flows-empty">
            <Icon name="flows" size={32} />
            <p className="empty-title">No flows yet — create one or drop a .flow.json here</p>
            <button type="button" className="btn btn-primary" onClick={() => void create()}><Icon name="plus" /> New flow</button>
            <TemplateList api={api} />
          </div>
        )}
        {status === 'ready' && own.length > 0 && (
          <table className="table" data-testid="flows-table">
            <thead><tr><th>Name</th><th className="col-num">Nodes</th><th>Updated</th><th>Last run</th><th>Trigger</th><th><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {shown.map((f) => <FlowRow key={f.id} flow={f} actions={actions} trigger={triggers.get(f.id)} />)}
              {!listed.length && <tr><td colSpan={6} className="muted table-none">No flow matches “{query}”.</td></tr>}
            </tbody>
          </table>
        )}
        {status === 'ready' && !q && blank.length > 0 && (
          <p className="muted flows-blank" data-testid="flows-blank">
            {showBlank ? 'Showing' : 'Hiding'} {plural(blank.length, 'empty untitled flow')} that never got a node.
            <button type="button" className="btn btn-sm btn-ghost" data-testid="flows-blank-toggle" onClick={() => setShowBlank(!showBlank)}>{showBlank ? 'Hide them' : 'Show them'}</button>
          </p>
        )}
      </div>
      <ConnectionMappingDialog />
      {exporting && <ExportDialog name={exporting.name} onClose={() => setExporting(undefined)} onExport={(pinned) => void exportFlow(api, exporting.id, pinned)} />}
    </div>
  );
}
