import type { ApiEvent, In, Method, Out, Wire, WireError } from '../../engine/api';

/** The renderer's one API client; the same over Electron IPC or the WebSocket. */
export interface ApiClient {
  call<M extends Method>(method: M, input: In<M>): Promise<Out<M>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  onStatus(listener: (status: 'open' | 'closed') => void): () => void;
}

/** An error from the engine: its code, a sentence, and the field it concerns. */
export class ApiError extends Error {
  constructor(readonly code: string, message: string, readonly path?: string, readonly node?: string) {
    super(message);
    this.name = 'ApiError';
  }
}

export function createClient(wire: Wire): ApiClient {
  return {
    call: async (method, input) => {
      try {
        return (await wire.request(method, input)) as never;
      } catch (e) {
        const w = e as Partial<WireError>;
        throw new ApiError(w.code ?? 'api.failed', w.message ?? String(e), w.path, w.node);
      }
    },
    onEvent: (l) => wire.onEvent(l),
    onStatus: (l) => wire.onStatus?.(l) ?? (() => undefined),
  };
}
