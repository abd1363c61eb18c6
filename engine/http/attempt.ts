/** One try of a request on the wire: auth applied, sent, read within limits, recorded with secrets redacted. */
import { request as undiciRequest } from 'undici';
import { decodeBody, readCapped, type Encoded } from './body';
import { dispatcherFor } from './dispatcher';
import { HttpError } from './errors';
import { headerSecrets, redactor, type Redactor } from './redact';
import { phases, timed } from './timing';
import type { HttpExchange, HttpRequestOptions, HttpResponse } from './types';

export interface Limits { connectMs: number; totalMs: number; maxBytes: number }

/** Characters of a body kept in a recorded exchange. */
const SHOWN_CHARS = 4096;

export interface AttemptResult { response: HttpResponse; redact: Redactor }

const flatHeaders = (h: Record<string, string | string[] | undefined>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
};

const hasHeader = (h: Record<string, string>, name: string) => Object.keys(h).some((k) => k.toLowerCase() === name);

/**
 * Sends once. Resolves with any status (the caller decides about retries and errors); rejects
 * only when no answer came, with `redact` attached so the caller can word the error safely.
 */
export async function attempt(o: HttpRequestOptions, method: string, baseUrl: URL, body: Encoded, limits: Limits, signal: AbortSignal): Promise<AttemptResult> {
  const url = new URL(baseUrl);
  const headers: Record<string, string> = { ...o.headers };
  if (body.contentType && !hasHeader(headers, 'content-type')) headers['content-type'] = body.contentType;
  if (!hasHeader(headers, 'user-agent')) headers['user-agent'] = 'Junction';
  if (o.credential) await o.credential.apply({ url, headers });
  const redact = redactor([...(o.credential?.secrets() ?? []), ...headerSecrets(headers)]);
  const request: HttpExchange['request'] = {
    method, url: redact.text(url.href), headers: redact.headers(headers), size: body.size,
    ...(body.preview !== undefined ? { body: redact.text(body.preview.slice(0, SHOWN_CHARS)) } : {}),
  };
  const dispatcher = dispatcherFor({ connectMs: limits.connectMs, proxy: o.proxy, tls: o.tls, followRedirects: o.followRedirects ?? true });
  const { probe, result } = timed(() => undiciRequest(url, {
    method: method as 'GET', headers, body: body.body as string | undefined, dispatcher, signal,
    headersTimeout: limits.totalMs, bodyTimeout: limits.totalMs,
  }));
  let res: Awaited<typeof result>;
  try { res = await result; } catch (e) { throw Object.assign(e as object, { redact, exchange: { request, attempts: 1 } }); }
  const resHeaders = flatHeaders(res.headers);
  const tooLarge = () => new HttpError('http.too_large', `${method} ${request.url} answered with more than ${limits.maxBytes} bytes; raise the size limit or ask for less`, res.statusCode, '', undefined, false);
  let bytes: Buffer;
  try { bytes = await readCapped(res.body, limits.maxBytes, tooLarge); } catch (e) { throw Object.assign(e as object, { redact, exchange: { request, attempts: 1 } }); }
  probe.end = performance.now();
  const contentType = resHeaders['content-type'] ?? '';
  const decoded = decodeBody(bytes, contentType, o.responseType ?? 'auto');
  let value = decoded.value;
  // A server that echoes a secret back must not carry it into run data.
  if (decoded.text !== undefined && redact.values.length && redact.values.some((v) => decoded.text!.includes(v))) {
    value = decodeBody(Buffer.from(redact.text(decoded.text)), contentType, o.responseType ?? 'auto').value;
  }
  const shown = decoded.text !== undefined ? redact.text(decoded.text.slice(0, SHOWN_CHARS)) : `<${bytes.byteLength} bytes${contentType ? `, ${contentType}` : ''}>`;
  const timing = phases(probe);
  const statusText = res.statusText ?? '';
  const exchange: HttpExchange = {
    request,
    response: { status: res.statusCode, statusText, headers: redact.headers(resHeaders), body: shown, size: bytes.byteLength },
    timing, attempts: 1,
  };
  return {
    redact,
    response: { status: res.statusCode, statusText, headers: resHeaders, body: value, url: request.url, size: bytes.byteLength, timing, exchange },
  };
}

