import type { ApiEvent, Method, Wire, WireError } from '../../engine/api';
import { createPendingRequests, replyOutput, type Reply } from '../../engine/transport/pending-requests';

const lost: Reply = { ok: false, error: { code: 'api.offline', message: 'The connection to the engine was lost' } };

/**
 * The WebSocket wire of `junction serve`: requests `{ id, method, input }`, replies
 * `{ id, ok, output | error }`, events `{ event }`. Reconnects with backoff after a lost
 * connection; requests made while it is down fail at once with `api.offline`.
 */
export function createWsWire(url: string): Wire {
  const events = new Set<(e: ApiEvent) => void>();
  const statuses = new Set<(s: 'open' | 'closed') => void>();
  const pending = createPendingRequests();
  let socket: WebSocket | undefined;
  let isOpen = false;
  let retryMs = 250;
  let ready: Promise<void>;

  const connect = () => {
    ready = new Promise<void>((resolve) => {
      const ws = new WebSocket(url);
      socket = ws;
      ws.onopen = () => { isOpen = true; retryMs = 250; statuses.forEach((l) => l('open')); resolve(); };
      ws.onmessage = (m) => {
        const msg = JSON.parse(String(m.data)) as { id?: number; ok?: boolean; output?: unknown; error?: WireError; event?: ApiEvent };
        if (msg.event) { events.forEach((l) => l(msg.event!)); return; }
        pending.settle(msg.id, msg.ok ? { ok: true, output: msg.output } : { ok: false, error: msg.error ?? { code: 'api.failed', message: 'The engine gave no reason' } });
      };
      ws.onclose = () => {
        const wasOpen = isOpen;
        isOpen = false;
        pending.settleAll(lost);
        if (wasOpen) statuses.forEach((l) => l('closed'));
        setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, 5000);
        resolve();
      };
    });
  };
  connect();

  return {
    async request(method: Method, input: unknown) {
      await ready;
      if (!isOpen || !socket) throw { code: 'api.offline', message: 'Not connected to the engine; retrying…' } satisfies WireError;
      const { id, reply } = pending.open();
      socket.send(JSON.stringify({ id, method, input }));
      return replyOutput(await reply);
    },
    onEvent: (l) => { events.add(l); return () => events.delete(l); },
    onStatus: (l) => { statuses.add(l); return () => statuses.delete(l); },
  };
}
