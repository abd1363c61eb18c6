import { useState } from 'react';
import type { ForeignFlowDto } from '../../engine/api';
import { useApi } from '../app/api-context';
import { useConnections } from '../connections/use-connections';
import { errorText, toast } from '../state/toast-store';

/**
 * The connections an imported flow refers to. Each missing one can be mapped to a connection of
 * the same kind set up here (through `connections.map`, which rewrites the flow's references);
 * the rest are listed for the Connections screen.
 */
export function ConnectionsToMap({ f }: { f: ForeignFlowDto }) {
  const api = useApi();
  const { list } = useConnections();
  const [mapped, setMapped] = useState<Record<string, string>>({});
  const map = (fromId: string, toId: string) => {
    if (!toId) return;
    api.call('connections.map', { flowId: f.flow.id, mapping: { [fromId]: toId } }).then(
      () => setMapped((m) => ({ ...m, [fromId]: toId })),
      (e) => toast('error', `Could not map the connection: ${errorText(e)}`),
    );
  };
  return (
    <div className="import-connections">
      <h4>Connections this flow needs</h4>
      <ul>
        {f.connections.map((c) => {
          const fitting = (list ?? []).filter((x) => x.type === c.type);
          const chosen = mapped[c.id];
          return (
            <li key={`${c.type}:${c.id}`} data-testid={`import-connection-${c.name}`}>
              <strong>{c.name}</strong> <span className="muted">({c.type})</span>
              {c.exists ? ' — set up here' : chosen ? ` — mapped to “${fitting.find((x) => x.id === chosen)?.name ?? chosen}”`
                : fitting.length ? <> — use <select className="select import-map" aria-label={`Connection for ${c.name}`} defaultValue="" onChange={(e) => map(c.id, e.target.value)}>
                  <option value="">choose one of yours…</option>
                  {fitting.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
                </select></>
                  : ' — not set up here: create it on the Connections screen, then pick it in the node'}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
