/**
 * Request/reply matching for every hop that carries both over one channel: the renderer's
 * WebSocket, Electron main ↔ the engine process, the preload's IPC. Pure (no Node or DOM), so
 * the renderer and Electron import it as they are.
 */
import type { WireError } from '../api';

/** What a transport sends back for one request. */
export type Reply = { ok: true; output: unknown } | { ok: false; error: WireError };

/** The request's output, or its error thrown as the plain `{ code, message, path? }` it crossed as. */
export function replyOutput(reply: Reply): unknown {
  if (!reply.ok) throw reply.error;
  return reply.output;
}

/** Requests sent and not yet answered, by id. */
export function createPendingRequests<R = Reply>() {
  const pending = new Map<number, (reply: R) => void>();
  let nextId = 1;
  return {
    /** A fresh id to send with the request, and the promise of its reply. */
    open(): { id: number; reply: Promise<R> } {
      const id = nextId++;
      return { id, reply: new Promise<R>((resolve) => { pending.set(id, resolve); }) };
    },
    /** Answers request `id`; false when nobody waits for it (a stray or repeated reply). */
    settle(id: unknown, reply: R): boolean {
      const resolve = typeof id === 'number' ? pending.get(id) : undefined;
      if (!resolve) return false;
      pending.delete(id as number);
      resolve(reply);
      return true;
    },
    /** Answers every waiting request with `reply`: the other side is gone. */
    settleAll(reply: R): void {
      const waiting = [...pending.values()];
      pending.clear();
      for (const resolve of waiting) resolve(reply);
    },
    get size() { return pending.size; },
  };
}
