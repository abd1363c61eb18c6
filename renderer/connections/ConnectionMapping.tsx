/**
 * Maps the connections a flow refers to (an imported flow's, an n8n or Node-RED import's) onto
 * this person's own: one row per reference with a picker of their connections of the same kind
 * and "New connection…". A row left on "Not now" stays unmapped (the node then says it is missing).
 */
import { useState } from 'react';
import type { CredentialRef } from '../../engine/api';
import { Dialog } from '../app/Dialog';
import { ConnectionForm } from './ConnectionForm';
import { useConnections } from './use-connections';
import './connections.css';

const NEW = '\u0000new';

export function ConnectionMapping({ refs, onMapped, onCancel }: { refs: CredentialRef[]; onMapped(map: Record<string, string>): void; onCancel?(): void }) {
  const { list, types } = useConnections();
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [creating, setCreating] = useState<CredentialRef>();
  // A connection of the same kind and name is most likely the one meant: offered first.
  const pick = (ref: CredentialRef) => chosen[ref.id] ?? (list ?? []).find((c) => c.type === ref.type && c.name === ref.name)?.id ?? '';
  const mapping = () => Object.fromEntries(refs.map((r) => [r.id, pick(r)]).filter(([, to]) => to));
  return (
    <div className="conn-mapping" data-testid="conn-mapping">
      <table className="conn-mapping-table">
        <thead><tr><th>In the flow</th><th>Use my connection</th></tr></thead>
        <tbody>
          {refs.map((ref) => {
            const fitting = (list ?? []).filter((c) => c.type === ref.type);
            const type = types.find((t) => t.type === ref.type)?.title ?? ref.type;
            return (
              <tr key={ref.id} data-testid={`conn-map-row-${ref.name}`}>
                <td><strong>{ref.name}</strong> <span className="subtle">({type})</span></td>
                <td>
                  <select className="select" aria-label={`Connection for ${ref.name}`} value={pick(ref)} data-testid={`conn-map-${ref.name}`}
                    onChange={(e) => { if (e.target.value === NEW) setCreating(ref); else setChosen((m) => ({ ...m, [ref.id]: e.target.value })); }}>
                    <option value="">Not now</option>
                    {fitting.map((c) => <option key={c.id} value={c.id}>{c.name}{c.status === 'reconnect' ? ' (reconnect)' : ''}</option>)}
                    <option value={NEW}>New connection…</option>
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="dialog-actions">
        {onCancel && <button type="button" className="btn" onClick={onCancel} data-testid="conn-map-skip">Skip</button>}
        <button type="button" className="btn btn-primary" data-testid="conn-map-apply" disabled={!Object.keys(mapping()).length} onClick={() => onMapped(mapping())}>Use these connections</button>
      </div>
      {creating && (
        <Dialog title={`New connection for “${creating.name}”`} onClose={() => setCreating(undefined)} testId="conn-dialog">
          <ConnectionForm types={types} allowedTypes={[creating.type]} onCancel={() => setCreating(undefined)}
            onSaved={(c) => { setChosen((m) => ({ ...m, [creating.id]: c.id })); setCreating(undefined); }} />
        </Dialog>
      )}
    </div>
  );
}
