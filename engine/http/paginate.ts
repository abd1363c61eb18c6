/**
 * Pagination over the client: cursor, offset, page number, Link header and next URL in the body.
 * Pages are fetched one at a time; `maxPages` stops a runaway API, and a cursor that repeats
 * stops with an error instead of looping.
 */
import { JunctionError } from '../sdk/errors';
import { getPath, pathParts, setPath } from '../sdk/paths';
import type { HttpBody, HttpClient, HttpRequestOptions, Page, PaginateOptions, PaginateResult, PagingSpec } from './types';

export const DEFAULT_MAX_PAGES = 100;

/** The URL of `rel="next"` in a Link header (RFC 8288), resolved against the request's URL. */
export function nextLink(header: string | undefined, base: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (m && /;\s*rel\s*=\s*"?(?:[^";]*\s)?next(?:\s[^";]*)?"?/i.test(m[2])) return new URL(m[1], base).href;
  }
  return undefined;
}

function itemsOf(body: unknown, path: string | undefined): unknown[] {
  const v = path ? getPath(body, path) : body;
  if (Array.isArray(v)) return v;
  if (v === undefined || v === null) return [];
  if (path) throw new JunctionError('http.paging_items', `the response has no list at "${path}" (found ${typeof v}); set the items path to where the records are`);
  return [v];
}

/** Puts a cursor where the API expects it: `query.after`, `body.variables.after` or `header.X-Cursor`. */
function withCursor(o: HttpRequestOptions, send: string, value: unknown): HttpRequestOptions {
  const [where, ...rest] = pathParts(send);
  const key = rest.join('.');
  if (where === 'query') return { ...o, query: { ...o.query, [key]: String(value) } };
  if (where === 'header') return { ...o, headers: { ...o.headers, [key]: String(value) } };
  if (where === 'body' && o.body?.type === 'json') {
    const root = { value: o.body.value && typeof o.body.value === 'object' ? o.body.value : {} };
    setPath(root, ['value', ...rest], value);
    return { ...o, body: { type: 'json', value: root.value } satisfies HttpBody };
  }
  throw new JunctionError('http.paging_send', `cannot send the cursor to "${send}"; use query.<name>, header.<name> or body.<path> with a JSON body`);
}

export async function* pageIterator<T>(client: HttpClient, first: HttpRequestOptions, paging: PagingSpec & PaginateOptions): AsyncGenerator<Page<T>> {
  const maxPages = paging.maxPages ?? DEFAULT_MAX_PAGES;
  let req = first;
  let number = paging.style === 'page' ? (paging.start ?? 1) : 0;
  let offset = paging.style === 'offset' ? (paging.start ?? 0) : 0;
  if (paging.style === 'page') req = { ...req, query: { ...req.query, [paging.param ?? 'page']: number } };
  if (paging.style === 'offset') req = { ...req, query: { ...req.query, [paging.param ?? 'offset']: offset, [paging.limitParam ?? 'limit']: paging.limit } };
  const seen = new Set<string>();
  for (let pages = 1; ; pages++) {
    const response = await client.request(req);
    const items = itemsOf(response.body, paging.items) as T[];
    let next: HttpRequestOptions | undefined;
    switch (paging.style) {
      case 'cursor': {
        const cursor = getPath(response.body, paging.next);
        if (cursor !== undefined && cursor !== null && cursor !== '' && items.length) next = withCursor(req, paging.send, cursor);
        break;
      }
      case 'offset':
        offset += items.length;
        if (items.length >= paging.limit) next = { ...req, query: { ...req.query, [paging.param ?? 'offset']: offset } };
        break;
      case 'page':
        number++;
        if (items.length && !(paging.limit && items.length < paging.limit)) next = { ...req, query: { ...req.query, [paging.param ?? 'page']: number } };
        break;
      case 'link': {
        const url = nextLink(response.headers.link, response.url);
        if (url) next = { ...req, url, query: undefined };
        break;
      }
      case 'nextUrl': {
        const url = getPath(response.body, paging.next);
        if (typeof url === 'string' && url) next = { ...req, url: new URL(url, response.url).href, query: undefined };
        break;
      }
    }
    if (!next) { yield { items, response }; return; }
    const key = JSON.stringify([String(next.url), next.query, next.headers, next.body]);
    if (seen.has(key)) throw new JunctionError('http.paging_loop', `page ${pages + 1} would repeat an earlier request (the API sent the same cursor or link twice); paging stopped`);
    seen.add(key);
    // More pages exist but the guard is reached: the last page says so.
    if (pages >= maxPages) { yield { items, response, truncated: true }; return; }
    yield { items, response };
    req = next;
  }
}

export async function collectPages<T>(client: HttpClient, o: HttpRequestOptions, paging: PagingSpec & PaginateOptions): Promise<PaginateResult<T>> {
  const out: PaginateResult<T> = { items: [], pages: 0, truncated: false, exchanges: [] };
  const max = paging.maxItems ?? Infinity;
  for await (const page of pageIterator<T>(client, o, paging)) {
    out.pages++;
    out.exchanges.push(page.response.exchange);
    if (page.truncated) out.truncated = true;
    for (const item of page.items) {
      if (out.items.length >= max) { out.truncated = true; return out; }
      out.items.push(item);
    }
  }
  return out;
}
