/** When to try a request again and how long to wait first. */
import type { RetryOptions } from './types';

export const DEFAULT_RETRY: Required<RetryOptions> = { attempts: 4, baseMs: 500, maxWaitMs: 60_000, statuses: [429, 500, 502, 503, 504] };

/**
 * Retry-After as milliseconds: delta seconds (`120`) or an HTTP date. Undefined when absent or
 * unreadable; a date in the past is 0.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** Exponential backoff with full jitter: a random wait in [0, base·2^(attempt-1)], capped. */
export function backoffMs(attempt: number, opts: Required<RetryOptions>, random: () => number): number {
  const ceiling = Math.min(opts.maxWaitMs, opts.baseMs * 2 ** (attempt - 1));
  return Math.round(ceiling * random());
}

/** Network failures worth another try: the connection broke or was refused before an answer. */
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

export function isTransientNetworkError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && TRANSIENT_CODES.has(code);
}
