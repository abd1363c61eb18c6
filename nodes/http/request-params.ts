/**
 * The HTTP Request node's params and how they become a request for the shared HTTP layer.
 * The field names match engine/http/curl.ts, so "Import cURL" fills them directly.
 */
import { JunctionError, p, type HttpBody, type HttpRequestOptions, type PagingSpec } from '../../engine/sdk';

const body = (...types: string[]) => ({ bodyType: types });
const items = () => p.string().describe('Where the records are in each page (`results`, `data.items`); empty when the page is the list.');

export const requestParams = p.object({
  method: p.select(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']).default('GET'),
  url: p.string().required().placeholder('https://api.example.com/v1/things'),
  query: p.keyValue().describe('Query parameters, added to those already in the URL.'),
  headers: p.keyValue().describe('Request headers. Auth comes from the connection, not from here.'),
  bodyType: p.select(['none', 'json', 'form', 'multipart', 'raw', 'binary', 'graphql']).default('none').literal(),
  json: p.json().showWhen(body('json')),
  form: p.keyValue().showWhen(body('form')).describe('Sent as application/x-www-form-urlencoded.'),
  multipart: p.list(p.object({
    name: p.string().required(),
    value: p.string().describe('The text, or for a file its content as base64.'),
    fileName: p.string().describe('Set it to send the value as a file.'),
    contentType: p.string(),
  })).showWhen(body('multipart')),
  raw: p.string().multiline().showWhen(body('raw')),
  binary: p.string().showWhen(body('binary')).describe('The bytes to send, as base64 (for example {{ $json.data }} of a binary response).'),
  contentType: p.string().showWhen(body('raw', 'binary')).describe('Content-Type of a raw or binary body.'),
  graphqlQuery: p.string().multiline().showWhen(body('graphql')),
  graphqlVariables: p.json().showWhen(body('graphql')),
  response: p.select(['auto', 'json', 'text', 'binary']).default('auto').literal()
    .describe('Auto reads JSON and text by Content-Type and keeps anything else as binary (base64).'),
  splitArrays: p.boolean().default(true).describe('A JSON list in the response gives one item per entry.'),
  mode: p.select(['perItem', 'once']).default('perItem').literal().describe('One request per input item, or one for the whole input.'),
  pagination: p.variant('style', {
    none: {},
    cursor: { next: p.string().required().describe('Path of the next cursor in the body (`paging.next.after`, `data.x.pageInfo.endCursor`).'),
      send: p.string().default('query.cursor').describe('Where the cursor goes: query.<name>, header.<name> or body.<path>.'), items: items() },
    offset: { param: p.string().default('offset'), limitParam: p.string().default('limit'), limit: p.number().int().min(1).default(100), items: items() },
    page: { param: p.string().default('page'), start: p.number().int().default(1), items: items() },
    link: { items: items() },
    nextUrl: { next: p.string().required().describe('Path of the next page URL in the body.'), items: items() },
  }).default({ style: 'none' }),
  maxPages: p.number().int().min(1).max(100_000).default(100).describe('Stop after this many pages (the output then says truncated).'),
  neverError: p.boolean().default(false).describe('Turn 4xx and 5xx answers into items instead of failing.'),
  maxAttempts: p.number().int().min(1).max(10).default(4).describe('Tries per request on 429, 5xx and broken connections.'),
  rateLimitPerSecond: p.number().min(0.001).describe('Requests per second at most, shared by every node on this connection or host.'),
  timeoutMs: p.number().int().min(1).default(300_000),
  connectTimeoutMs: p.number().int().min(1).default(10_000),
  maxResponseMb: p.number().min(0.001).max(1024).default(50),
  followRedirects: p.boolean().default(true),
  proxy: p.string().placeholder('http://proxy.example.com:3128'),
  recordExchange: p.boolean().default(true).describe('Keep the request and response (secrets hidden) on each item under $response.'),
});

type Params = NonNullable<import('../../engine/sdk').Infer<typeof requestParams>>;

function bodyOf(q: Params): HttpBody | undefined {
  switch (q.bodyType) {
    case 'none': return undefined;
    case 'json': return { type: 'json', value: q.json ?? null };
    case 'form': return { type: 'form', fields: q.form ?? {} };
    case 'raw': return { type: 'raw', text: q.raw ?? '', contentType: q.contentType || undefined };
    case 'binary': return { type: 'binary', data: q.binary ?? '', contentType: q.contentType || undefined };
    case 'graphql': return { type: 'json', value: { query: q.graphqlQuery ?? '', variables: q.graphqlVariables ?? {} } };
    case 'multipart': return { type: 'multipart', parts: (q.multipart ?? []).map((m) => (m.fileName
      ? { name: m.name, data: m.value ?? '', fileName: m.fileName, contentType: m.contentType || undefined }
      : { name: m.name, value: m.value ?? '' })) };
  }
}

export function toRequest(q: Params): HttpRequestOptions {
  if (typeof q.url !== 'string' || !q.url) throw new JunctionError('param.required', 'the URL is empty', { path: 'params.url' });
  return {
    method: q.method, url: q.url, query: q.query, headers: q.headers, body: bodyOf(q),
    responseType: q.response, allowErrorStatus: q.neverError,
    retry: { attempts: q.maxAttempts },
    ...(q.rateLimitPerSecond ? { rateLimit: { perSecond: q.rateLimitPerSecond } } : {}),
    timeouts: { totalMs: q.timeoutMs, connectMs: q.connectTimeoutMs },
    maxResponseBytes: Math.round(q.maxResponseMb * 1024 * 1024),
    followRedirects: q.followRedirects,
    ...(q.proxy ? { proxy: q.proxy } : {}),
  };
}

export function pagingOf(q: Params): (PagingSpec & { maxPages: number }) | undefined {
  const pg = q.pagination;
  if (pg.style === 'none') return undefined;
  const base = { maxPages: q.maxPages, items: ('items' in pg && pg.items) || undefined };
  switch (pg.style) {
    case 'cursor': return { ...base, style: 'cursor', next: pg.next ?? '', send: pg.send };
    case 'offset': return { ...base, style: 'offset', param: pg.param, limitParam: pg.limitParam, limit: pg.limit };
    case 'page': return { ...base, style: 'page', param: pg.param, start: pg.start };
    case 'link': return { ...base, style: 'link' };
    case 'nextUrl': return { ...base, style: 'nextUrl', next: pg.next ?? '' };
  }
}
