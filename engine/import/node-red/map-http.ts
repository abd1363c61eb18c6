import type { CredentialRef } from '../../flow';
import { placeholder, single, type Mapped, type MapInput } from './mapping';
import { jsonAccess, literalText } from './values';

/**
 * http in → Webhook, then an Edit Fields that gives the item Node-RED's msg shape: payload is
 * the body (POST, PUT, PATCH) or the query (GET), req holds params, query and headers.
 */
export function mapHttpIn(m: MapInput, answeredByNode: boolean): Mapped {
  const n = m.node;
  const url = String(n.url ?? '').replace(/^\/+/, '').replace(/\/+$/, '');
  const method = String(n.method ?? 'get').toUpperCase();
  if (!/^[A-Za-z0-9_\-.~:/]+$/.test(url)) return placeholder(m, `listens on ${JSON.stringify(n.url)}, which is not a path the Webhook trigger accepts`);
  if (n.upload) m.report('warning', 'option', `${m.path}.upload`, 'accepts file uploads, which the Webhook trigger does not parse');
  const trigger = single(m, 'trigger.webhook', {
    path: url, method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method) ? method : 'ANY', auth: { type: 'none' },
    respond: answeredByNode ? 'respondNode' : 'immediately',
  }, ['main'], false);
  const fields = [
    { name: 'payload', value: method === 'GET' || method === 'DELETE' ? '{{ $json.query }}' : '{{ $json.body }}', transforms: [] },
    { name: 'req', value: '{{ { params: $json.params, query: $json.query, headers: $json.headers, method: $json.method } }}', transforms: [] },
  ];
  const set = m.b.add({ id: `${trigger.primary}-msg`, type: 'core.set', name: `${m.b.node(trigger.primary)!.name} message`, x: (n.x ?? 0) + 40, y: (n.y ?? 0) + 60, params: { mode: 'replace', fields, remove: [], dotNotation: true } });
  m.b.connect(trigger.outputs[0], set);
  return { ...trigger, outputs: [{ node: set, port: 'main' }] };
}

/** http response → Respond to Webhook: status from the node, else msg.statusCode, else 200; body msg.payload. */
export function mapHttpResponse(m: MapInput): Mapped {
  const n = m.node;
  const status = Number(n.statusCode) || '{{ $json.statusCode ?? 200 }}';
  const headers = n.headers && typeof n.headers === 'object' && !Array.isArray(n.headers) ? n.headers : {};
  if (!Object.keys(headers).length) m.report('info', 'option', `${m.path}.headers`, 'headers set in msg.headers are not sent; add them to the Respond node');
  return single(m, 'trigger.respond', { status, headers, body: '{{ $json.payload }}' }, ['main']);
}

/** Headers whose value is a secret: never copied into the flow. */
const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|x-api-key|api-key|apikey|x-auth-token)$/i;

const RESPONSE: Record<string, string> = { txt: 'text', obj: 'json', bin: 'binary' };

/**
 * http request → HTTP Request with one request per item; msg.payload is sent as a JSON body for
 * POST, PUT and PATCH, and the answer goes back into msg.payload by an Edit Fields.
 */
export function mapHttpRequest(m: MapInput): Mapped {
  const n = m.node;
  const method = String(n.method || 'GET').toUpperCase();
  if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'USE'].includes(method)) return placeholder(m, `uses the method ${JSON.stringify(n.method)}, which is not an HTTP method Junction sends`);
  let url: unknown = '{{ $json.url }}';
  if (typeof n.url === 'string' && n.url) {
    url = templateUrl(n.url);
    if (url === undefined) return placeholder(m, `builds its URL ${JSON.stringify(n.url)} with mustache tags Junction cannot translate`);
  }
  const hasBody = method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'USE';
  const headers: Record<string, string> = {};
  if (Array.isArray(n.headers)) {
    n.headers.forEach((h: Record<string, unknown>, i) => {
      if (h?.keyType === 'other' && typeof h.keyValue === 'string' && SECRET_HEADER.test(h.keyValue)) {
        m.report('warning', 'credential', `${m.path}.headers[${i}]`, `the ${h.keyValue} header carries a secret; it was not imported, put it in a connection`);
      } else if (h?.keyType === 'other' && h.valueType === 'other' && typeof h.keyValue === 'string') headers[h.keyValue] = literalText(String(h.valueValue ?? ''));
      else m.report('warning', 'option', `${m.path}.headers[${i}]`, 'a header chosen from a list or read from msg was left out; add it by hand');
    });
  }
  if (n.paytoqs === 'query') m.report('warning', 'option', `${m.path}.paytoqs`, 'appends msg.payload to the query string; add the query parameters by hand');
  if (n.tls) m.report('warning', 'option', `${m.path}.tls`, 'uses a TLS configuration; set certificates on the HTTP layer or connection');
  if (n.proxy) m.report('warning', 'option', `${m.path}.proxy`, 'uses a proxy configuration node; set the proxy param by hand');
  if (n.persist) m.report('info', 'option', `${m.path}.persist`, 'keeps connections alive, which Junction decides itself');
  if (method === 'USE') m.report('warning', 'option', `${m.path}.method`, 'takes its method from msg.method; {{ $json.method }} is used');
  const credentials: Record<string, CredentialRef> = {};
  let auth = String(n.authType ?? '');
  // user:password@ in the URL is a secret written inline: it goes, and a basic connection is asked for.
  if (typeof url === 'string' && /^[a-z][\w+.-]*:\/\/[^/@\s]+@/i.test(url)) {
    url = url.replace(/^([a-z][\w+.-]*:\/\/)[^/@\s]+@/i, '$1');
    m.report('warning', 'credential', `${m.path}.url`, 'the URL held a user and password; they were removed');
    auth ||= 'basic';
  }
  if (auth) {
    const type = auth === 'bearer' ? 'bearer' : 'basic';
    if (auth === 'digest') m.report('warning', 'credential', `${m.path}.authType`, 'uses digest authentication, which Junction does not offer; a basic connection is asked for instead');
    credentials.auth = m.b.connection({ id: `node-red-${m.id}-auth`, type, name: `${m.name} (${auth} authentication)` });
    m.report('warning', 'credential', `${m.path}.authType`, `needs a ${type} connection: its user and password were not imported; pick or create one`);
  }
  const request = single(m, 'http.request', {
    method: method === 'USE' ? '{{ $json.method }}' : method, url, headers, query: {},
    bodyType: hasBody ? 'json' : 'none', ...(hasBody ? { json: '{{ $json.payload }}' } : {}),
    response: Object.hasOwn(RESPONSE, String(n.ret)) ? RESPONSE[String(n.ret)] : 'auto', splitArrays: false, neverError: n.senderr !== true, recordExchange: true,
  }, ['main'], true, Object.keys(credentials).length ? { credentials } : {});
  m.report('info', 'option', m.path, 'the answer gives msg.payload, msg.statusCode, msg.headers and msg.responseUrl; the request message\'s other properties (msg.topic …) are not kept');
  // The node's items hold the body (a text or list body under "data") and the exchange under $response.
  const payload = '{{ Object.keys($json).length === 2 && $json.data !== undefined ? $json.data : Object.fromEntries(Object.entries($json).filter(e => e[0] !== "$response")) }}';
  const fields = [
    { name: 'payload', value: payload, transforms: [] },
    { name: 'statusCode', value: '{{ $json.$response.status }}', transforms: [] },
    { name: 'headers', value: '{{ $json.$response.response?.headers ?? {} }}', transforms: [] },
    { name: 'responseUrl', value: '{{ $json.$response.url }}', transforms: [] },
  ];
  const set = m.b.add({
    id: `${request.primary}-msg`, type: 'core.set', name: `${m.b.node(request.primary)!.name} payload`, x: (n.x ?? 0) + 40, y: (n.y ?? 0) + 60,
    params: { mode: 'replace', fields, remove: [], dotNotation: true },
  });
  m.b.connect(request.outputs[0], set);
  return { ...request, outputs: [{ node: set, port: 'main' }] };
}

/** A URL with `{{path}}` / `{{{path}}}` tags as a Junction template, or undefined. */
function templateUrl(url: string): string | undefined {
  let ok = true;
  const out = literalText(url.replace(/\{\{\{?\s*([^}]*?)\s*\}?\}\}/g, (_, tag: string) => {
    const access = jsonAccess(tag);
    if (!access) ok = false;
    return `\u0000${access}\u0001`;
  })).replace(/\u0000/g, '{{ ').replace(/\u0001/g, ' }}');
  return ok ? out : undefined;
}
