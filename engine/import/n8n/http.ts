/**
 * HTTP Request v1–v3 and v4.x → http.request (nodes/http/request-params.ts). Auth becomes the
 * node's connection ("auth" slot); pagination maps onto the styles Junction's HTTP layer knows
 * (next URL, cursor, page, offset) when n8n's expressions have that shape; anything else is reported.
 * Secrets written inline are removed by the importer's secret scrub (secrets.ts), not here.
 */
import type { Mapped, Mapper, MapContext } from './context';
import { read } from './context';
import { expressionBody } from './expressions';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** n8n credential types as Junction connection kinds for the HTTP node. */
export function httpKind(n8nType: string): string {
  if (/basic|digest/i.test(n8nType)) return 'basic';
  if (/oauth2/i.test(n8nType)) return 'oauth2';
  if (/bearer/i.test(n8nType)) return 'bearer';
  if (/header|query|apikey|api$/i.test(n8nType)) return 'apiKey';
  return 'headers';
}
const credential = { slot: 'auth', kind: httpKind };

function pairs(c: MapContext, list: unknown, rel: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  (Array.isArray(list) ? list : []).forEach((x: { name?: string; value?: unknown }, i) => {
    if (x?.name) out[x.name] = c.value(x.value ?? '', `${rel}[${i}].value`);
  });
  return out;
}

/** A JSON parameter (v1–v3 *ParametersJson, v4 jsonQuery/jsonHeaders/jsonBody): fixed JSON or an expression. */
function jsonParam(c: MapContext, v: unknown, rel: string): unknown {
  if (typeof v === 'string' && !v.startsWith('=')) {
    try { return JSON.parse(v); } catch { return v; }
  }
  return c.value(v ?? {}, rel);
}

function response(format: unknown): string {
  return format === 'file' ? 'binary' : format === 'string' || format === 'text' ? 'text' : format === 'json' ? 'json' : 'auto';
}

function v1to3(c: MapContext): Mapped {
  const p = c.params;
  const o = (p.options ?? {}) as Record<string, unknown>;
  const json = p.jsonParameters === true;
  const method = String(p.requestMethod ?? 'GET');
  const hasBody = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method);
  const body = json ? jsonParam(c, p.bodyParametersJson, 'bodyParametersJson') : pairs(c, read(p, 'bodyParametersUi.parameter'), 'bodyParametersUi.parameter');
  const isForm = o.bodyContentType === 'form-urlencoded';
  return {
    type: 'http.request', credential,
    params: {
      method, url: c.value(p.url ?? '', 'url'),
      query: json ? jsonParam(c, p.queryParametersJson, 'queryParametersJson') : pairs(c, read(p, 'queryParameterUi.parameter') ?? read(p, 'queryParametersUi.parameter'), 'queryParametersUi.parameter'),
      headers: json ? jsonParam(c, p.headerParametersJson, 'headerParametersJson') : pairs(c, read(p, 'headerParametersUi.parameter'), 'headerParametersUi.parameter'),
      ...(hasBody && body && (typeof body !== 'object' || Object.keys(body as object).length) ? (isForm ? { bodyType: 'form', form: body } : { bodyType: 'json', json: body }) : { bodyType: 'none' }),
      response: response(p.responseFormat),
      neverError: o.ignoreResponseCode === true || o.neverError === true,
      ...(typeof o.timeout === 'number' ? { timeoutMs: o.timeout } : {}),
      followRedirects: o.followRedirect !== false,
      ...(typeof o.proxy === 'string' && o.proxy ? { proxy: o.proxy } : {}),
      splitArrays: o.splitIntoItems !== false,
    },
  };
}

/** v4 pagination: next URL, or one parameter updated from the response or the page count. */
function pagination(c: MapContext, o: Record<string, unknown>): Record<string, unknown> {
  const pg = (read(o, 'pagination.pagination') ?? {}) as Record<string, unknown>;
  const mode = String(pg.paginationMode ?? 'off');
  if (mode === 'off') return { pagination: { style: 'none' } };
  const rel = 'options.pagination.pagination';
  const maxPages = pg.limitPagesFetched === true ? { maxPages: Number(pg.maxRequests ?? 100) } : {};
  // n8n's paging expressions read `$response.body.<path>` and `$pageCount`; only their shape matters here.
  const fromBody = (v: unknown) => /^\$response\.body(?:\.([\w.]+)|\[['"]([\w.]+)['"]\])$/.exec(expressionBody(v) ?? '')?.slice(1).find(Boolean);
  if (pg.completeExpression !== undefined || (pg.paginationCompleteWhen !== undefined && pg.paginationCompleteWhen !== 'responseIsEmpty')) {
    c.note('warning', 'option', `${rel}.paginationCompleteWhen`, 'Junction stops paging when a page is empty or has no next link; the n8n stop rule was not carried over');
  }
  if (mode === 'responseContainsNextURL') {
    const next = fromBody(pg.nextURL);
    if (next) return { pagination: { style: 'nextUrl', next }, ...maxPages };
  } else if (mode === 'updateAParameterInEachRequest') {
    const params = (read(pg, 'parameters.parameters') ?? []) as { type?: string; name?: string; value?: unknown }[];
    if (params.length === 1 && params[0].name) {
      const { type, name, value } = params[0];
      const where = type === 'body' ? 'body' : type === 'headers' ? 'header' : 'query';
      const next = fromBody(value);
      if (next) return { pagination: { style: 'cursor', next, send: `${where}.${name}` }, ...maxPages };
      const code = expressionBody(value)?.replace(/\s+/g, '') ?? '';
      if (where === 'query' && /^\$pageCount\+1$/.test(code)) return { pagination: { style: 'page', param: name, start: 1 }, ...maxPages };
      if (where === 'query' && /^\$pageCount$/.test(code)) return { pagination: { style: 'page', param: name, start: 0 }, ...maxPages };
    }
  }
  c.note('warning', 'option', rel, 'this pagination has no equivalent in Junction\'s paging styles (next URL, cursor, page, offset, Link header); the request fetches one page');
  return { pagination: { style: 'none' } };
}

function v4(c: MapContext): Mapped {
  const p = c.params;
  const o = (p.options ?? {}) as Record<string, unknown>;
  const contentType = String(p.contentType ?? 'json');
  const keypair = (specify: unknown) => specify === undefined || specify === 'keypair';
  let body: Record<string, unknown> = { bodyType: 'none' };
  if (p.sendBody === true) {
    if (contentType === 'json') body = { bodyType: 'json', json: keypair(p.specifyBody) ? pairs(c, read(p, 'bodyParameters.parameters'), 'bodyParameters.parameters') : jsonParam(c, p.jsonBody, 'jsonBody') };
    else if (contentType === 'form-urlencoded') body = { bodyType: 'form', form: pairs(c, read(p, 'bodyParameters.parameters'), 'bodyParameters.parameters') };
    else if (contentType === 'raw') body = { bodyType: 'raw', raw: c.value(p.body ?? '', 'body'), contentType: String(p.rawContentType ?? 'text/plain') };
    else if (contentType === 'multipart-form-data') {
      const list = (read(p, 'bodyParameters.parameters') ?? []) as Record<string, unknown>[];
      if (list.some((x) => x.parameterType === 'formBinaryData')) c.unsupported('multipart bodies with n8n binary files have no Junction equivalent yet');
      body = { bodyType: 'multipart', multipart: list.map((x, i) => ({ name: String(x.name ?? ''), value: c.value(x.value ?? '', `bodyParameters.parameters[${i}].value`) })) };
    } else c.unsupported(`sending a "${contentType}" body (n8n binary data) has no Junction equivalent yet`);
  }
  const batching = read(o, 'batching.batch') as { batchSize?: number; batchInterval?: number } | undefined;
  const rate = batching?.batchInterval && batching.batchSize ? { rateLimitPerSecond: (batching.batchSize * 1000) / batching.batchInterval } : {};
  if (o.allowUnauthorizedCerts === true) c.note('warning', 'option', 'options.allowUnauthorizedCerts', 'Junction always checks TLS certificates');
  const method = String(p.method ?? 'GET');
  return {
    type: 'http.request', credential,
    params: {
      method: METHODS.includes(method) ? method : 'GET',
      url: c.value(p.url ?? '', 'url'),
      query: p.sendQuery === true ? (keypair(p.specifyQuery) ? pairs(c, read(p, 'queryParameters.parameters'), 'queryParameters.parameters') : jsonParam(c, p.jsonQuery, 'jsonQuery')) : {},
      headers: p.sendHeaders === true ? (keypair(p.specifyHeaders) ? pairs(c, read(p, 'headerParameters.parameters'), 'headerParameters.parameters') : jsonParam(c, p.jsonHeaders, 'jsonHeaders')) : {},
      ...body,
      response: response(read(o, 'response.response.responseFormat')),
      neverError: read(o, 'response.response.neverError') === true,
      ...(typeof o.timeout === 'number' ? { timeoutMs: o.timeout } : {}),
      followRedirects: read(o, 'redirect.redirect.followRedirects') !== false,
      ...(typeof o.proxy === 'string' && o.proxy ? { proxy: o.proxy } : {}),
      ...rate,
      ...pagination(c, o),
    },
  };
}

export const mapHttp: Mapper = (c) => {
  const mapped = c.version >= 4 ? v4(c) : v1to3(c);
  if (!mapped.params.url) c.note('error', 'option', 'url', 'the request has no URL; enter one before running the flow');
  const auth = String(c.params.authentication ?? 'none');
  if (auth !== 'none' && !c.node.credentials) c.note('warning', 'credential', 'authentication', `the request used "${auth}" authentication but names no credential; pick a connection in the node`);
  return mapped;
};
