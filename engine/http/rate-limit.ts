/** A token bucket per connection (or host), shared by every request of the process. */
import type { Clock } from '../sdk/types';

interface Bucket { tokens: number; at: number; perSecond: number; burst: number; queue: Promise<void> }

const buckets = new Map<string, Bucket>();

/**
 * Waits until the bucket for `key` holds a token, then takes it. Callers queue in order, so a
 * burst of requests is spread at `perSecond` instead of racing for the same token.
 */
export function takeToken(key: string, limit: { perSecond: number; burst?: number }, clock: Clock, signal: AbortSignal): Promise<void> {
  if (!(limit.perSecond > 0)) throw new Error('rateLimit.perSecond must be a positive number');
  let b = buckets.get(key);
  const burst = Math.max(1, limit.burst ?? Math.ceil(limit.perSecond));
  if (!b || b.perSecond !== limit.perSecond || b.burst !== burst) {
    b = { tokens: burst, at: clock.now(), perSecond: limit.perSecond, burst, queue: Promise.resolve() };
    buckets.set(key, b);
  }
  const bucket = b;
  const turn = bucket.queue.then(async () => {
    const now = clock.now();
    bucket.tokens = Math.min(bucket.burst, bucket.tokens + ((now - bucket.at) / 1000) * bucket.perSecond);
    bucket.at = now;
    if (bucket.tokens < 1) {
      const waitMs = Math.ceil(((1 - bucket.tokens) / bucket.perSecond) * 1000);
      await clock.sleep(waitMs, signal);
      bucket.tokens = 1;
      bucket.at = clock.now();
    }
    bucket.tokens -= 1;
  });
  // A cancelled waiter must not block the ones behind it.
  bucket.queue = turn.catch(() => undefined);
  return turn;
}

/** Forgets every bucket (tests). */
export function resetRateLimits(): void { buckets.clear(); }
