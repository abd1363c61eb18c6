/** The Connections screen: every saved connection, its state, where it is used; create, edit, test, sign in, delete. */
import { useState } from 'react';
import type { ConnectionDto, TestResult } from '../../engine/api';
import { useApi } from '../app/api-context';
import { Dialog } from '../app/Dialog';
import { Icon } from '../app/icons';
import { navigate } from '../app/router';
import { errorText, toast } from '../state/toast-store';
import { ConnectionForm } from './ConnectionForm';
import { useConnections } from './use-connections';
import './connections.css';

const STATUS: Record<ConnectionDto['status'], string> = { ok: 'Ready', reconnect: 'Reconnect', untested: 'Not signed in / untested' };

export function ConnectionsScreen() {
  const api = useApi();
  const { list, types, store, error, reload } = useConnections();
  const [editing, setEditing] = useState<ConnectionDto | 'new'>();
  const [deleting, setDeleting] = useState<ConnectionDto>();
  const [results, setResults] = useState<Record<string, TestResult | 'running'>>({});

  const test = async (c: ConnectionDto) => {
    setResults((r) => ({ ...r, [c.id]: 'running' }));
    try { const result = await api.call('connections.test', { id: c.id }); setResults((r) => ({ ...r, [c.id]: result })); reload(); }
    catch (e) { setResults((r) => ({ ...r, [c.id]: { ok: false, message: errorText(e) } })); }
  };
  const signIn = async (c: ConnectionDto) => {
    try {
      const { url } = await api.call('connections.signIn', { id: c.id });
      window.open(url, '_blank', 'noopener');
      toast('info', `Finish signing in to "${c.name}" in the browser window that opened.`);
    } catch (e) { toast('error', errorText(e)); }
  };
  const remove = async (c: ConnectionDto) => {
    try { await api.call('connections.delete', { id: c.id }); setDeleting(undefined); reload(); } catch (e) { toast('error', errorText(e)); }
  };

  return (
    <div className="screen" data-testid="connections-screen">
      <header className="screen-head">
        <h1>Connections</h1>
        <button type="button" className="btn btn-primary" onClick={() => setEditing('new')} data-testid="conn-new"><Icon name="plus" /> New connection</button>
      </header>
      <div className="screen-body">
        {store && !store.available && (
          <p className="conn-store-problem" role="alert" data-testid="secret-store-problem">{store.message} <button type="button" className="btn btn-sm" onClick={() => navigate({ screen: 'settings' })}>Open Settings</button></p>
        )}
        {error && <p className="conn-error" role="alert">{error}</p>}
        {list?.length === 0 && <p className="conn-empty">No connections yet. A connection holds the sign-in a node uses (API key, OAuth2, database password); its secrets stay in your system keychain.</p>}
        <ul className="conn-list">
          {list?.map((c) => {
            const result = results[c.id];
            const kind = types.find((t) => t.type === c.type);
            return (
              <li key={c.id} className="conn-item" data-testid={`conn-${c.name}`}>
                <div className="conn-main">
                  <strong>{c.name}</strong> <span className="conn-kind">{kind?.title ?? c.type}</span>
                  <span className="ui-badge" data-status={c.status} title={c.statusDetail}>{STATUS[c.status]}</span>
                  {c.status === 'reconnect' && c.statusDetail && <p className="conn-error">{c.statusDetail}</p>}
                  <p className="conn-used">{c.usedBy.length === 0 ? 'Not used by any flow.' : `Used by ${c.usedBy.map((u) => `${u.flowName} › ${u.nodeName}`).join(', ')}`}</p>
                  {result && result !== 'running' && <p className={result.ok ? 'conn-ok' : 'conn-error'} role="status" data-testid="conn-test-result">{result.message}</p>}
                </div>
                <div className="conn-actions">
                  {c.type === 'oauth2' && c.fields.grant !== 'clientCredentials' && <button type="button" className="btn btn-sm" onClick={() => void signIn(c)}>Sign in</button>}
                  <button type="button" className="btn btn-sm" disabled={result === 'running'} onClick={() => void test(c)} data-testid="conn-test">{result === 'running' ? 'Testing…' : 'Test connection'}</button>
                  <button type="button" className="btn btn-sm" onClick={() => setEditing(c)}>Edit</button>
                  <button type="button" className="btn btn-sm btn-danger" onClick={() => setDeleting(c)} aria-label={`Delete ${c.name}`}><Icon name="trash" /></button>
                </div>
              </li>
            );
          })}
        </ul>
      </div>
      {editing && (
        <Dialog title={editing === 'new' ? 'New connection' : `Edit ${editing.name}`} onClose={() => setEditing(undefined)} testId="conn-dialog">
          <ConnectionForm types={types} initial={editing === 'new' ? undefined : editing} onCancel={() => setEditing(undefined)}
            onSaved={() => { setEditing(undefined); reload(); }} />
        </Dialog>
      )}
      {deleting && (
        <Dialog title={`Delete ${deleting.name}?`} onClose={() => setDeleting(undefined)} testId="conn-delete-dialog" footer={<>
          <button type="button" className="btn" onClick={() => setDeleting(undefined)}>Cancel</button>
          <button type="button" className="btn btn-danger-solid" onClick={() => void remove(deleting)} data-testid="conn-delete-confirm">Delete</button>
        </>}>
          <p>Its secrets are removed from the keychain.</p>
          {deleting.usedBy.length > 0 && <p>These nodes will lose their connection: {deleting.usedBy.map((u) => `${u.flowName} › ${u.nodeName}`).join(', ')}.</p>}
        </Dialog>
      )}
    </div>
  );
}
