/**
 * "Import cURL" and "Copy as cURL" for the HTTP Request node. Pure (no Node built-ins), so the
 * editor imports it. Secrets never travel into a flow file: an Authorization, Cookie or API key
 * header, or `-u user:pass`, is left out on import and reported, so the person makes a
 * connection instead; on export they come out as placeholders.
 */
import { shellQuote, shellWords, ShellSyntaxError } from './shell-words';

/** The HTTP Request node params a curl command fills (names match nodes/http/request.ts). */
export interface CurlParams {
  method: string;
  url: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  bodyType: 'none' | 'json' | 'form' | 'multipart' | 'raw';
  json?: unknown;
  form?: Record<string, string>;
  multipart?: { name: string; value: string; fileName?: string; contentType?: string }[];
  raw?: string;
  contentType?: string;
  followRedirects?: boolean;
  timeoutMs?: number;
}

export interface CurlImport {
  params: CurlParams;
  /** Things a person must know: secrets left out, files to attach, options ignored. */
  notes: string[];
}

const SECRET_HEADERS = /^(authorization|proxy-authorization|cookie|x-api-key|api-key)$/i;
const WITH_VALUE = new Set(['-X', '--request', '-H', '--header', '-d', '--data', '--data-raw', '--data-ascii', '--data-binary', '--data-urlencode', '--json',
  '-F', '--form', '--form-string', '-u', '--user', '--url', '-A', '--user-agent', '-e', '--referer', '-b', '--cookie', '-m', '--max-time', '--connect-timeout', '-x', '--proxy', '-o', '--output']);
const IGNORED = new Set(['-s', '--silent', '-S', '--show-error', '-v', '--verbose', '-i', '--include', '--compressed', '-f', '--fail', '-N', '--no-buffer', '-#', '--progress-bar']);

class CurlError extends Error {}

/** Splits `-sSL` and `-XPOST` and `--request=POST` into options and values curl would see. */
function options(words: string[]): [string, string | undefined][] {
  const out: [string, string | undefined][] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.startsWith('--') && w.length > 2) {
      const eq = w.indexOf('=');
      const name = eq > 0 && WITH_VALUE.has(w.slice(0, eq)) ? w.slice(0, eq) : w;
      if (!WITH_VALUE.has(name)) { out.push([name, undefined]); continue; }
      const value = name !== w ? w.slice(eq + 1) : words[++i];
      if (value === undefined) throw new CurlError(`${name} needs a value`);
      out.push([name, value]);
    } else if (w.startsWith('-') && w.length > 1) {
      for (let j = 1; j < w.length; j++) {
        const flag = `-${w[j]}`;
        if (!WITH_VALUE.has(flag)) { out.push([flag, undefined]); continue; }
        const value = j + 1 < w.length ? w.slice(j + 1) : words[++i];
        if (value === undefined) throw new CurlError(`${flag} needs a value`);
        out.push([flag, value]);
        break;
      }
    } else out.push(['--url', w]);
  }
  return out;
}

const pairs = (text: string): Record<string, string> | undefined => {
  if (!/^[^=&\s]+=[^&]*(&[^=&\s]+=[^&]*)*$/.test(text)) return undefined;
  return Object.fromEntries(new URLSearchParams(text));
};

/** Reads a pasted curl command (bash quoting) into the node's params. */
export function parseCurl(command: string): CurlImport {
  let words: string[];
  try { words = shellWords(command.trim()); } catch (e) { throw new Error(e instanceof ShellSyntaxError ? e.message : String(e)); }
  if (words[0] !== 'curl') throw new Error('paste a command that starts with curl');
  const notes: string[] = [];
  const headers: Record<string, string> = {};
  const data: string[] = [];
  const parts: NonNullable<CurlParams['multipart']> = [];
  let method: string | undefined;
  let url: string | undefined;
  let get = false;
  let isJson = false;
  const params: Partial<CurlParams> = {};
  try {
    for (const [name, value = ''] of options(words.slice(1))) {
      switch (name) {
        case '-X': case '--request': method = value.toUpperCase(); break;
        case '--url': if (url) notes.push(`only the first URL is used; "${value}" was left out`); else url = value; break;
        case '-H': case '--header': {
          const colon = value.indexOf(':');
          if (colon <= 0) { notes.push(`the header "${value}" has no name: value; left out`); break; }
          const key = value.slice(0, colon).trim();
          if (SECRET_HEADERS.test(key)) { notes.push(`the ${key} header holds a secret and was left out: put it in a connection`); break; }
          headers[key] = value.slice(colon + 1).trim();
          break;
        }
        case '-d': case '--data': case '--data-raw': case '--data-ascii': case '--data-binary':
          if (value.startsWith('@') && name !== '--data-raw') notes.push(`the body comes from the file ${value.slice(1)}; paste its content into the body`);
          data.push(value); break;
        case '--data-urlencode': {
          const eq = value.indexOf('=');
          data.push(eq < 0 ? encodeURIComponent(value) : `${value.slice(0, eq)}=${encodeURIComponent(value.slice(eq + 1))}`); break;
        }
        case '--json': isJson = true; data.push(value); break;
        case '-F': case '--form': case '--form-string': {
          const eq = value.indexOf('=');
          const partName = value.slice(0, eq);
          let v = value.slice(eq + 1);
          if (name !== '--form-string' && (v.startsWith('@') || v.startsWith('<'))) {
            const [file, ...attrs] = v.slice(1).split(';');
            const type = attrs.find((a) => a.startsWith('type='))?.slice(5);
            parts.push({ name: partName, value: '', fileName: file.split('/').pop(), ...(type ? { contentType: type } : {}) });
            notes.push(`the form part "${partName}" is the file ${file}: give it the file's content`);
            break;
          }
          if (name !== '--form-string') v = v.split(';type=')[0];
          parts.push({ name: partName, value: v });
          break;
        }
        case '-u': case '--user': notes.push('the user and password (-u) were left out: put them in a Basic auth connection'); break;
        case '-b': case '--cookie': notes.push('the cookie (-b) holds a session and was left out: put it in a connection'); break;
        case '-G': case '--get': get = true; break;
        case '-I': case '--head': method = 'HEAD'; break;
        case '-L': case '--location': params.followRedirects = true; break;
        case '-A': case '--user-agent': headers['User-Agent'] = value; break;
        case '-e': case '--referer': headers.Referer = value; break;
        case '-m': case '--max-time': params.timeoutMs = Math.round(Number(value) * 1000); break;
        default:
          if (!IGNORED.has(name)) notes.push(`${name}${value ? ` ${value}` : ''} has no counterpart here and was left out`);
      }
    }
  } catch (e) { throw new Error(e instanceof CurlError ? e.message : String(e)); }
  if (!url) throw new Error('the curl command has no URL');
  if (!/^https?:\/\//i.test(url)) url = `http://${url}`;
  const u = new URL(url);
  const query: Record<string, string> = Object.fromEntries(u.searchParams);
  u.search = '';
  const body = data.join('&');
  const ctKey = Object.keys(headers).find((k) => k.toLowerCase() === 'content-type');
  const ct = ctKey ? headers[ctKey] : isJson ? 'application/json' : '';
  let bodyType: CurlParams['bodyType'] = 'none';
  if (get && data.length) Object.assign(query, pairs(body) ?? { [body]: '' });
  else if (parts.length) { bodyType = 'multipart'; params.multipart = parts; }
  else if (data.length) {
    const asJson = /json/i.test(ct) ? tryJson(body) : undefined;
    const asForm = !ct || /x-www-form-urlencoded/i.test(ct) ? pairs(body) : undefined;
    if (asJson !== undefined) { bodyType = 'json'; params.json = asJson.value; }
    else if (asForm) { bodyType = 'form'; params.form = asForm; }
    else { bodyType = 'raw'; params.raw = body; params.contentType = ct || 'application/x-www-form-urlencoded'; }
    // The body type sets Content-Type itself; a raw body keeps it in contentType.
    if (ctKey) delete headers[ctKey];
  }
  return {
    params: { method: method ?? (bodyType !== 'none' ? 'POST' : 'GET'), url: u.href, query, headers, bodyType, ...params },
    notes,
  };
}

function tryJson(text: string): { value: unknown } | undefined {
  try { return { value: JSON.parse(text) }; } catch { return undefined; }
}

/**
 * A curl command for these params. Secret headers show as `<secret>`; `auth` adds the header
 * a connection would, with a placeholder (`Authorization: Bearer <token>`).
 */
export function toCurl(p: CurlParams, auth?: { header: string; placeholder: string }): string {
  const u = new URL(p.url);
  for (const [k, v] of Object.entries(p.query ?? {})) u.searchParams.append(k, v);
  const hasBody = p.bodyType !== 'none';
  const first = ['curl'];
  // curl picks GET without a body and POST with one; any other pairing is spelled out.
  if (!(p.method === 'GET' && !hasBody) && !(p.method === 'POST' && hasBody)) first.push('-X', p.method);
  first.push(shellQuote(u.href));
  const lines = [first.join(' ')];
  const add = (option: string, value?: string) => lines.push(value === undefined ? option : `${option} ${shellQuote(value)}`);
  for (const [k, v] of Object.entries(p.headers ?? {})) add('-H', `${k}: ${SECRET_HEADERS.test(k) ? '<secret>' : v}`);
  if (auth) add('-H', `${auth.header}: ${auth.placeholder}`);
  if (p.bodyType === 'json') { add('-H', 'Content-Type: application/json'); add('--data-raw', JSON.stringify(p.json ?? null)); }
  if (p.bodyType === 'form') add('--data-raw', new URLSearchParams(p.form ?? {}).toString());
  if (p.bodyType === 'raw') { add('-H', `Content-Type: ${p.contentType || 'text/plain'}`); add('--data-raw', p.raw ?? ''); }
  for (const part of p.bodyType === 'multipart' ? (p.multipart ?? []) : []) {
    if (part.fileName) add('-F', `${part.name}=@${part.fileName}${part.contentType ? `;type=${part.contentType}` : ''}`);
    else add('--form-string', `${part.name}=${part.value}`);
  }
  if (p.followRedirects) add('-L');
  if (p.timeoutMs) add('--max-time', String(p.timeoutMs / 1000));
  return lines.join(' \\\n  ');
}

const REQUEST_FIELDS = ['method', 'url', 'query', 'headers', 'bodyType', 'json', 'form', 'multipart', 'raw', 'binary', 'contentType', 'graphqlQuery', 'graphqlVariables'];

/** The node's params with the request part replaced by an imported command; paging and the rest stay. */
export function withCurl(current: Record<string, unknown>, imported: CurlParams): Record<string, unknown> {
  const kept = Object.fromEntries(Object.entries(current).filter(([k]) => !REQUEST_FIELDS.includes(k)));
  return { ...kept, ...imported };
}

/** The request part of the node's params, as `toCurl` reads it: GraphQL goes as its JSON body. */
export function curlParamsOf(params: Record<string, unknown>): CurlParams {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const map = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {});
  const type = str(params.bodyType) || 'none';
  const base: CurlParams = { method: str(params.method) || 'GET', url: str(params.url), query: map(params.query), headers: map(params.headers), bodyType: 'none' };
  if (params.followRedirects === true) base.followRedirects = true;
  if (typeof params.timeoutMs === 'number') base.timeoutMs = params.timeoutMs;
  switch (type) {
    case 'json': return { ...base, bodyType: 'json', json: params.json };
    case 'graphql': return { ...base, bodyType: 'json', json: { query: str(params.graphqlQuery), variables: params.graphqlVariables ?? {} } };
    case 'form': return { ...base, bodyType: 'form', form: map(params.form) };
    case 'raw': return { ...base, bodyType: 'raw', raw: str(params.raw), contentType: str(params.contentType) || undefined };
    // Bytes do not fit a command line: the placeholder names the file to pass.
    case 'binary': return { ...base, bodyType: 'raw', raw: '@body.bin', contentType: str(params.contentType) || 'application/octet-stream' };
    case 'multipart': return { ...base, bodyType: 'multipart', multipart: Array.isArray(params.multipart) ? (params.multipart as CurlParams['multipart']) : [] };
    default: return base;
  }
}
