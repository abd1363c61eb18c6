/**
 * HTTP Request (`http.request`): any HTTP API, as a person tests one in an API client.
 *
 * Output items: a JSON object answer is one item; a JSON list is one item per entry (or
 * `{ data: [...] }` with splitArrays off); a primitive is `{ value }`; text is `{ data }`; bytes
 * are `{ data: <base64>, encoding: 'base64', mimeType, size, fileName? }`. With paging on, the
 * records of every page follow each other. Unless recordExchange is off, each item also keeps
 * `$response`: `{ status, statusText, url, request, response, timing, attempts, page?, truncated? }`,
 * the request and response with secrets hidden and bodies cut to 4 kB — what the data panel's
 * HTTP view shows. Items of one response share one `$response`.
 */
import { defineNode, type HttpCredential, type Item, type NodeContext } from '../../engine/sdk';
import { pagingOf, requestParams, toRequest } from './request-params';
import { exchangeMeta, recordsOf, withExchange } from './response-items';

type Params = NonNullable<import('../../engine/sdk').Infer<typeof requestParams>>;
type Json = Record<string, unknown>;

/** One request (all its pages when paging is on) as output records. */
async function call(ctx: NodeContext<Params>, q: Params, credential: HttpCredential | undefined): Promise<Json[]> {
  const req = { ...toRequest(q), credential };
  const paging = pagingOf(q);
  if (!paging) {
    const res = await ctx.http.request(req);
    return withExchange(recordsOf(res.body, res, q.splitArrays), q.recordExchange ? exchangeMeta(res) : undefined);
  }
  const out: Json[] = [];
  let page = 0;
  for await (const { items, response, truncated } of ctx.http.pages(req, paging)) {
    page++;
    const meta = q.recordExchange ? exchangeMeta(response, { page, ...(truncated ? { truncated: true } : {}) }) : undefined;
    out.push(...withExchange(recordsOf(items, response, true), meta));
    if (truncated) ctx.log.warn(`stopped after ${page} pages (the page limit); more pages were available`);
  }
  return out;
}

export default defineNode({
  type: 'http.request', version: 1,
  title: 'HTTP Request', category: 'connector', icon: 'globe',
  description: 'Calls any HTTP API: every method and body type, GraphQL, pagination, retries; each exchange is kept for inspection.',
  inputs: ['main'], outputs: ['main'],
  // Optional: a public API needs no connection; one picked here signs every request (and every page).
  credentials: [{ slot: 'auth', types: ['apiKey', 'basic', 'bearer', 'headers', 'oauth2', 'jwtBearer'], optional: true, label: 'Authentication' }],
  params: requestParams,
  async execute(ctx) {
    const credential = await ctx.credential('auth');
    const main: Item[] = [];
    if (ctx.paramsAsWritten.mode === 'once' || ctx.items.length === 0) {
      for (const json of await call(ctx, ctx.params, credential)) main.push(ctx.newItem(json, ctx.items));
      return { main };
    }
    for (const { item, index, params } of ctx.each()) {
      let records: Json[];
      try { records = await call(ctx, params, credential); } catch (e) {
        if (e instanceof Error && e.name !== 'AbortError') e.message = `item ${index}: ${e.message}`;
        throw e;
      }
      for (const json of records) main.push(ctx.newItem(json, item));
    }
    return { main };
  },
});
