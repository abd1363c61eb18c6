/**
 * The HTTP exchanges recorded on a node's output items (the HTTP Request node keeps each under
 * `$response`, secrets already hidden). Items of one response carry the same exchange: it is
 * listed once.
 */
import type { Json } from './columns';

export const EXCHANGE_KEY = '$response';

export interface ShownExchange {
  status: number;
  statusText?: string;
  url: string;
  page?: number;
  truncated?: boolean;
  attempts?: number;
  request: { method: string; url: string; headers: Record<string, string>; body?: string; size: number };
  response?: { status: number; statusText: string; headers: Record<string, string>; body: string; size: number };
  timing?: { dns: number; connect: number; tls: number; firstByte: number; download: number; total: number };
}

const isExchange = (v: unknown): v is ShownExchange =>
  typeof v === 'object' && v !== null && typeof (v as ShownExchange).status === 'number' && typeof (v as ShownExchange).request === 'object';

/** Whether these items come with recorded exchanges (the first one tells). */
export const hasExchanges = (items: readonly Json[] | undefined) => !!items?.length && isExchange(items[0][EXCHANGE_KEY]);

export function exchangesOf(items: readonly Json[]): ShownExchange[] {
  const out: ShownExchange[] = [];
  let lastKey = '';
  for (const item of items) {
    const x = item[EXCHANGE_KEY];
    if (!isExchange(x)) continue;
    // Items of one response sit next to each other with an equal exchange.
    const key = JSON.stringify([x.page, x.url, x.status, x.timing?.total, x.request.url]);
    if (key !== lastKey) out.push(x);
    lastKey = key;
  }
  return out;
}

/** 1234 → "1.2 kB". */
export function bytes(n: number): string {
  if (n < 1000) return `${n} B`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} kB`;
  return `${(n / 1_000_000).toFixed(1)} MB`;
}
