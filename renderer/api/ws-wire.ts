import type { ApiEvent, Method, Wire, WireError } from '../../engine/api';

type Pending = { resolve: (v: unknown) => void; reject: (e: WireError) => void };

/**
 * The WebSocket wire of `junction serve`: requests `{ id, method, input }`, replies
 * `{ id, ok, output | error }`, events `{ event }`. Reconnects with backoff after a lost
 * connection; requests made while it is down fail at once with `api.offline`.
 */
export function createWsWire(url: string): Wire {
  const events = new Set<(e: ApiEvent) => void>();
  const statuses = new Set<(s: 'open' | 'closed') => void>();
  const pending = new Map<number, Pending>();
  let socket: WebSocket | undefined;
  let isOpen = false;
  let nextId = 1;
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
        const p = msg.id !== undefined ? pending.get(msg.id) : undefined;
        if (!p) return;
        pending.delete(msg.id!);
        if (msg.ok) p.resolve(msg.output); else p.reject(msg.error ?? { code: 'api.failed', message: 'The engine gave no reason' });
      };
      ws.onclose = () => {
        const wasOpen = isOpen;
        isOpen = false;
        for (const p of pending.values()) p.reject({ code: 'api.offline', message: 'The connection to the engine was lost' });
        pending.clear();
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
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        socket!.send(JSON.stringify({ id, method, input }));
      });
    },
    onEvent: (l) => { events.add(l); return () => events.delete(l); },
    onStatus: (l) => { statuses.add(l); return () => statuses.delete(l); },
  };
}
