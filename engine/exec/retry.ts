import { JunctionError } from '../sdk/errors';
import type { RetrySettings } from '../flow/types';

// Errors a retry cannot fix: the flow itself is wrong, or the person cancelled.
// A refused or deleted connection does not heal by retrying: sign-in again, or pick another.
const PERMANENT = /^(expr\.|param\.|flow\.|code\.(syntax|result)|run\.cancelled|connection\.(reconnect|missing|unavailable|kind))/;

/** Whether an attempt that failed with `error` should be tried again under `retry`. */
export function shouldRetry(error: unknown, retry: RetrySettings | undefined, attempt: number): boolean {
  if (!retry || attempt >= retry.attempts) return false;
  if (error instanceof Error && error.name === 'AbortError') return false;
  const code = error instanceof JunctionError ? error.code : 'node.failed';
  const status = (error as { status?: unknown }).status;
  if (retry.on?.length) return retry.on.some((x) => x === code || (typeof x === 'number' && x === status));
  return !PERMANENT.test(code);
}

/**
 * Delay before attempt `attempt + 1`: fixed, or doubling from `delayMs`, capped at
 * `maxDelayMs`, with "equal jitter" (half fixed, half random) so retries of many runs
 * against one server do not arrive in step.
 */
export function backoffMs(retry: RetrySettings, attempt: number, random: () => number): number {
  const base = retry.delayMs ?? 1000;
  const raw = retry.backoff === 'fixed' ? base : base * 2 ** (attempt - 1);
  const capped = Math.min(raw, retry.maxDelayMs ?? 60_000);
  return Math.round(capped / 2 + (capped / 2) * random());
}
