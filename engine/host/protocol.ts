import type { ApiEvent } from '../api';
import type { Reply } from '../transport/pending-requests';

export type { Reply };

/** The messages between Electron's main process and the engine host (a utility process). */
export type ToHost =
  | { type: 'request'; id: number; method: unknown; input: unknown }
  /** Finish runs, close the store, then exit. */
  | { type: 'close' };

export type FromHost =
  | { type: 'ready'; workspace: string; dataDir: string }
  | { type: 'reply'; id: number; reply: Reply }
  | { type: 'event'; event: ApiEvent }
  /** The service could not start (an unreadable store, a workspace that cannot be created). */
  | { type: 'fatal'; message: string };
