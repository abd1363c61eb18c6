/** A response (or a page of one) as output items, with the recorded exchange under `$response`. */
import type { HttpExchange, HttpResponse } from '../../engine/sdk';

/** The key each output item keeps its request and response under (secrets hidden). */
export const EXCHANGE_KEY = '$response';

type Json = Record<string, unknown>;

const asJson = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : { value: v });

/** Bytes have no place in JSON: they travel as base64 with their type and size. */
function binaryJson(bytes: Uint8Array, res: HttpResponse): Json {
  const type = res.headers['content-type'] ?? 'application/octet-stream';
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(res.headers['content-disposition'] ?? '')?.[1];
  return { data: Buffer.from(bytes).toString('base64'), encoding: 'base64', mimeType: type, size: bytes.byteLength, ...(name ? { fileName: decodeURIComponent(name) } : {}) };
}

/** What the exchange shows beside the data: status and headers stay readable without the panel. */
export function exchangeMeta(res: HttpResponse, extra: Json = {}): Json {
  const x: HttpExchange = res.exchange;
  return { status: res.status, statusText: res.statusText, url: res.url, ...x, ...extra };
}

/**
 * The records of one response: a JSON list gives one per entry when `split`, an object gives
 * itself, text gives `{ data }`, bytes give base64.
 */
export function recordsOf(body: unknown, res: HttpResponse, split: boolean): Json[] {
  if (body instanceof Uint8Array) return [binaryJson(body, res)];
  if (typeof body === 'string') return [{ data: body }];
  if (Array.isArray(body) && split) return body.map(asJson);
  if (Array.isArray(body)) return [{ data: body }];
  return [asJson(body)];
}

export function withExchange(records: Json[], meta: Json | undefined): Json[] {
  return meta ? records.map((r) => ({ ...r, [EXCHANGE_KEY]: meta })) : records;
}
