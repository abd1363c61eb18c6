import { createContext, useContext, useEffect, useState } from 'react';
import type { ApiEvent } from '../../engine/api';
import type { ApiClient } from '../api/client';

const ApiContext = createContext<ApiClient | null>(null);

export const ApiProvider = ApiContext.Provider;

/** The engine client of this window; one per app, made in main.tsx. */
export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() outside <ApiProvider>');
  return api;
}

/** Calls `listener` for every engine event while the component is mounted. */
export function useEngineEvents(listener: (e: ApiEvent) => void, deps: unknown[]): void {
  const api = useApi();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => api.onEvent(listener), [api, ...deps]);
}

/** 'open' or 'closed': the transport's state, for the reconnecting banner and retries. */
export function useConnectionStatus(): 'open' | 'closed' {
  const api = useApi();
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  useEffect(() => api.onStatus(setStatus), [api]);
  return status;
}
