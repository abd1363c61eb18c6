/**
 * Sends queued outgoing webhooks: signed in the Standard Webhooks style when the delivery names
 * a signing connection, retried with exponential backoff and jitter, each attempt's outcome written to
 * SQLite first, so a restart resumes what was pending. A delivery out of attempts becomes a
 * dead letter (`junction dlq`, the editor's dead-letter list).
 */
import type { Delivery, DeliveryStore } from '../store';
import { signStandard } from './signatures';
import { systemTimers, type Timers } from './schedule';

export interface DeliveryWorkerOptions {
  store: DeliveryStore;
  timers?: Timers;
  /** The signing secret of a Webhook secret connection, read at each attempt (never stored with the delivery). */
  signingSecret?(connectionId: string): Promise<string | undefined>;
  random?: () => number;
  /** First retry delay; doubles per attempt up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Per attempt. */
  timeoutMs?: number;
  /** Deliveries in flight at once. */
  concurrency?: number;
  fetch?: typeof fetch;
}

/** Exponential backoff with "equal jitter": half the delay fixed, half random, so retries of many deliveries spread out. */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number, random: number): number {
  const full = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(full / 2 + (full / 2) * random);
}

export function createDeliveryWorker(opts: DeliveryWorkerOptions) {
  const timers = opts.timers ?? systemTimers;
  const random = opts.random ?? Math.random;
  const base = opts.baseDelayMs ?? 1_000;
  const max = opts.maxDelayMs ?? 3_600_000;
  const send = opts.fetch ?? fetch;
  const inFlight = new Set<string>();
  const running = new Set<Promise<void>>();
  let timer: unknown;
  let closed = false;

  async function attempt(d: Delivery) {
    const attempts = d.attempts + 1;
    const fail = (error: string, isFinal = false) => {
      const isDead = isFinal || attempts >= d.maxAttempts;
      opts.store.failed(d.id, attempts, error, isDead ? undefined : timers.now() + retryDelayMs(attempts, base, max, random()));
    };
    const headers: Record<string, string> = { 'content-type': 'application/json', ...d.headers };
    if (d.signingConnection) {
      let secret: string | undefined;
      try {
        secret = await opts.signingSecret?.(d.signingConnection);
      } catch (e) {
        return fail(`the signing secret could not be read: ${(e as Error).message}`);
      }
      if (!secret) return fail('the connection with the signing secret is empty or unavailable', true);
      const ts = Math.floor(timers.now() / 1000);
      Object.assign(headers, { 'webhook-id': d.id, 'webhook-timestamp': String(ts), 'webhook-signature': signStandard(secret, d.id, ts, d.body) });
    }
    try {
      const res = await send(d.url, { method: 'POST', headers, body: d.body, signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000), redirect: 'manual' });
      await res.body?.cancel();
      if (res.status >= 200 && res.status < 300) opts.store.delivered(d.id, attempts);
      // 4xx other than 408/429 will not get better by retrying, except the receiver changes; still retried, as Standard Webhooks senders do.
      else fail(`the receiver answered ${res.status} ${res.statusText}`);
    } catch (e) {
      fail(`the request failed: ${(e as Error).message}`);
    }
  }

  function tick() {
    timer = undefined;
    if (closed) return;
    const free = (opts.concurrency ?? 8) - inFlight.size;
    if (free > 0) {
      for (const d of opts.store.due(timers.now(), free + inFlight.size)) {
        if (inFlight.has(d.id) || inFlight.size >= (opts.concurrency ?? 8)) continue;
        inFlight.add(d.id);
        const p = attempt(d).finally(() => { inFlight.delete(d.id); running.delete(p); kick(); });
        running.add(p);
      }
    }
    arm();
  }

  function arm() {
    if (closed || timer !== undefined) return;
    const next = opts.store.nextDue();
    // Due but in flight (or every slot busy): the attempt that ends calls kick(); arming now would spin.
    if (next === undefined || (next <= timers.now() && inFlight.size > 0)) return;
    timer = timers.setTimeout(tick, Math.min(Math.max(0, next - timers.now()), 86_400_000));
  }

  /** Looks at the queue now (after an enqueue or a replay). */
  function kick() {
    if (closed) return;
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
    arm();
  }

  return {
    start: kick,
    kick,
    /** Stops taking deliveries and waits for the attempts in flight. */
    async close() {
      closed = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      await Promise.allSettled([...running]);
    },
  };
}

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;
