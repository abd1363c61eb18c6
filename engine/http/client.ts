/**
 * The HTTP client every connector and the HTTP Request node use (`ctx.http`): auth per
 * connection, rate limit, retries on 429/5xx honouring Retry-After, a refresh and one retry
 * after 401, timeouts, a size cap, the run's cancel signal on every request, readable errors.
 */
import { JunctionError } from '../sdk/errors';
import type { Clock, Logger } from '../sdk/types';
import { attempt, type AttemptResult, type Limits } from './attempt';
import { encodeBody } from './body';
import { HttpError, statusError, transportError } from './errors';
import { collectPages, pageIterator } from './paginate';
import { takeToken } from './rate-limit';
import { DEFAULT_RETRY, backoffMs, isTransientNetworkError, parseRetryAfter } from './retry';
import { redactor } from './redact';
import type { HttpClient, HttpRequestOptions, HttpResponse } from './types';

export interface HttpDeps {
  /** The run's cancel signal: every request stops when it fires. */
  signal: AbortSignal;
  clock: Clock;
  log?: Logger;
}

export const DEFAULT_LIMITS: Limits = { connectMs: 10_000, totalMs: 300_000, maxBytes: 50 * 1024 * 1024 };
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const cancelled = () => Object.assign(new Error('The run was cancelled.'), { name: 'AbortError' });

/** The URL with the query merged in; only http and https are allowed. */
export function buildUrl(url: string | URL, query: HttpRequestOptions['query']): URL {
  let u: URL;
  try { u = new URL(url); } catch { throw new JunctionError('http.bad_url', `"${String(url)}" is not a full URL; start it with https:// or http://`); }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new JunctionError('http.bad_url', `"${u.protocol}" URLs are not HTTP; use https:// or http://`);
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) u.searchParams.append(k, String(one));
  }
  return u;
}

export function createHttpClient(deps: HttpDeps): HttpClient {
  const client: HttpClient = {
    request: <T>(o: HttpRequestOptions) => send(deps, o) as Promise<HttpResponse<T>>,
    pages: (o, paging) => pageIterator(client, o, paging),
    paginate: (o, paging) => collectPages(client, o, paging),
  };
  return client;
}

/**
 * A signal that fires when the run is cancelled or the request's time is up. One controller and
 * one timer per attempt: AbortSignal.any with AbortSignal.timeout costs a third of the throughput.
 */
function deadline(run: AbortSignal, ms: number) {
  const ac = new AbortController();
  let expired = false;
  const onCancel = () => ac.abort(run.reason);
  run.addEventListener('abort', onCancel, { once: true });
  const timer = setTimeout(() => { expired = true; ac.abort(new Error('timeout')); }, ms);
  return {
    signal: ac.signal,
    expired: () => expired,
    done: () => { clearTimeout(timer); run.removeEventListener('abort', onCancel); },
  };
}

async function send(deps: HttpDeps, o: HttpRequestOptions): Promise<HttpResponse> {
  const method = (o.method ?? 'GET').toUpperCase();
  const url = buildUrl(o.url, o.query);
  const retry = o.retry === false ? { ...DEFAULT_RETRY, attempts: 1 } : { ...DEFAULT_RETRY, ...o.retry };
  const limits: Limits = {
    connectMs: o.timeouts?.connectMs ?? DEFAULT_LIMITS.connectMs,
    totalMs: o.timeouts?.totalMs ?? DEFAULT_LIMITS.totalMs,
    maxBytes: o.maxResponseBytes ?? DEFAULT_LIMITS.maxBytes,
  };
  const body = encodeBody(o.body);
  const where = { method, url: url.href };
  let refreshed = false;
  for (let n = 1; ; n++) {
    if (deps.signal.aborted) throw cancelled();
    if (o.rateLimit) await takeToken(o.rateLimit.key ?? o.credential?.id ?? url.host, o.rateLimit, deps.clock, deps.signal);
    const total = deadline(deps.signal, limits.totalMs);
    let got: AttemptResult;
    try {
      got = await attempt(o, method, url, body, limits, total.signal);
    } catch (e) {
      if (deps.signal.aborted) throw cancelled();
      const r = (e as { redact?: ReturnType<typeof redactor> }).redact ?? redactor(o.credential?.secrets() ?? []);
      if (e instanceof HttpError) throw e;
      if (total.expired()) throw new HttpError('http.timeout', `${method} ${r.text(url.href)} took longer than ${limits.totalMs} ms`, undefined, '', undefined, true);
      const refusedOnly = (e as { code?: string }).code === 'ECONNREFUSED' || (e as { code?: string }).code === 'UND_ERR_CONNECT_TIMEOUT';
      if (n < retry.attempts && isTransientNetworkError(e) && (refusedOnly || IDEMPOTENT.has(method))) {
        const wait = backoffMs(n, retry, deps.clock.random);
        deps.log?.warn(`${method} ${r.text(url.href)} failed (${(e as { code?: string }).code}); trying again in ${wait} ms (attempt ${n + 1} of ${retry.attempts})`);
        await deps.clock.sleep(wait, deps.signal);
        continue;
      }
      throw transportError(r, where, e, limits);
    } finally { total.done(); }
    const { response: res, redact } = got;
    res.exchange.attempts = n;
    if (res.status === 401 && o.credential?.refresh && !refreshed) {
      refreshed = true;
      if (await o.credential.refresh()) { n--; continue; }
    }
    if (retry.statuses.includes(res.status) && n < retry.attempts) {
      const asked = parseRetryAfter(res.headers['retry-after'], deps.clock.now());
      if (asked !== undefined && asked > retry.maxWaitMs) {
        throw new HttpError(`http.${res.status}`, `${method} ${res.url} answered ${res.status} and asks to wait ${Math.ceil(asked / 1000)} s, longer than the ${Math.round(retry.maxWaitMs / 1000)} s allowed; try again later or raise the longest wait`, res.status, '', undefined, true);
      }
      const wait = asked ?? backoffMs(n, retry, deps.clock.random);
      deps.log?.warn(`${method} ${res.url} answered ${res.status}; trying again in ${wait} ms (attempt ${n + 1} of ${retry.attempts})`);
      await deps.clock.sleep(wait, deps.signal);
      continue;
    }
    if ((res.status < 200 || res.status >= 300) && !o.allowErrorStatus) {
      throw statusError(redact, { method, url: res.url }, res.status, res.statusText, res.headers, res.exchange.response?.body ?? '');
    }
    return res;
  }
}
