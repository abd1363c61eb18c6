/** HTTP failures as errors a person can act on: status, a body excerpt, the request id, no secrets. */
import { JunctionError } from '../sdk/errors';
import type { Redactor } from './redact';

const REQUEST_ID_HEADERS = ['x-request-id', 'x-amzn-requestid', 'x-amz-request-id', 'request-id', 'x-correlation-id', 'cf-ray', 'x-github-request-id', 'x-trace-id'];
export const EXCERPT_CHARS = 500;

export class HttpError extends JunctionError {
  constructor(
    code: string,
    message: string,
    readonly status: number | undefined,
    readonly excerpt: string,
    readonly requestId: string | undefined,
    retryable: boolean,
  ) {
    super(code, message, { retryable });
    this.name = 'HttpError';
  }
}

export function requestIdOf(headers: Record<string, string>): string | undefined {
  for (const h of REQUEST_ID_HEADERS) if (headers[h]) return headers[h];
  return undefined;
}

/** The first characters of a body, on one line. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** "GET https://api.example.com/x answered 404 Not Found (request id abc): {excerpt}". */
export function statusError(r: Redactor, req: { method: string; url: string }, status: number, statusText: string, headers: Record<string, string>, bodyText: string): HttpError {
  const id = requestIdOf(headers);
  const body = r.text(excerpt(bodyText));
  const message = `${req.method} ${r.text(req.url)} answered ${status}${statusText ? ` ${statusText}` : ''}${id ? ` (request id ${id})` : ''}${body ? `: ${body}` : ''}`;
  return new HttpError(`http.${status}`, message, status, body, id, status === 429 || status >= 500);
}

/** A request that got no answer: refused, timed out, cancelled, too large. Undici's codes become sentences. */
export function transportError(r: Redactor, req: { method: string; url: string }, e: unknown, limits: { connectMs: number; totalMs: number; maxBytes: number }): Error {
  const err = e as { name?: string; code?: string; message?: string };
  if (e instanceof HttpError) return e;
  const where = `${req.method} ${r.text(req.url)}`;
  const make = (code: string, why: string, retryable: boolean) => new HttpError(code, `${where} ${why}`, undefined, '', undefined, retryable);
  switch (err?.code) {
    case 'UND_ERR_CONNECT_TIMEOUT': return make('http.connect_timeout', `could not connect within ${limits.connectMs} ms`, true);
    case 'ECONNREFUSED': return make('http.refused', 'was refused: nothing listens at that address', true);
    case 'ENOTFOUND': return make('http.dns', 'failed: the host name does not resolve', false);
    case 'ECONNRESET': case 'UND_ERR_SOCKET': return make('http.reset', 'failed: the server closed the connection', true);
    case 'UND_ERR_HEADERS_TIMEOUT': case 'UND_ERR_BODY_TIMEOUT': return make('http.timeout', `got no answer within ${limits.totalMs} ms`, true);
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH': return make('http.truncated', 'failed: the response ended early', true);
    case 'DEPTH_ZERO_SELF_SIGNED_CERT': case 'SELF_SIGNED_CERT_IN_CHAIN': case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      return make('http.tls', `failed: the server's certificate is not trusted (${err.code}); add its CA to the connection`, false);
  }
  return make('http.failed', `failed: ${r.text(err?.message ?? String(e))}`, false);
}
