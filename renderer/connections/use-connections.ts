import { useCallback, useEffect, useState } from 'react';
import type { ConnectionDto, ConnectionTypeInfo, SecretStoreStatus } from '../../engine/api';
import { useApi, useEngineEvents } from '../app/api-context';

/** The connections, their kinds and the secret store's state, reloaded when the engine says they changed. */
export function useConnections() {
  const api = useApi();
  const [list, setList] = useState<ConnectionDto[]>();
  const [types, setTypes] = useState<ConnectionTypeInfo[]>([]);
  const [store, setStore] = useState<SecretStoreStatus>();
  const [error, setError] = useState<string>();
  const reload = useCallback(() => {
    Promise.all([api.call('connections.list', {}), api.call('connections.store', {})])
      .then(([l, s]) => { setList(l); setStore(s); setError(undefined); }, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [api]);
  useEffect(() => { api.call('connections.types', {}).then(setTypes, () => undefined); reload(); }, [api, reload]);
  useEngineEvents((e) => { if (e.type === 'connections.changed' || e.type === 'flows.changed') reload(); }, [reload]);
  return { list, types, store, error, reload };
}
