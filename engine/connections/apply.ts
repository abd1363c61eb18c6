import { JunctionError } from '../sdk/errors';

export type SecretValues = Record<string, string>;
type Req = { url: URL; headers: Record<string, string> };

/** "Name: value" lines of the custom-headers kind. */
export function parseHeaderLines(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim()) continue;
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim();
    if (colon < 1 || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new JunctionError('connection.field', `Headers, line ${i + 1}: write "Name: value".`);
    out.push([name, line.slice(colon + 1).trim()]);
  }
  return out;
}

const basicValue = (user: string, password: string) => Buffer.from(`${user}:${password}`, 'utf8').toString('base64');

/** Adds a fixed-secret kind's authentication to a request. Token kinds go through `bearer`. */
export function applyStatic(type: string, fields: Record<string, unknown>, secrets: SecretValues, req: Req): void {
  switch (type) {
    case 'apiKey': {
      const name = String(fields.name ?? ''), value = secrets.value ?? '';
      if (fields.in === 'query') req.url.searchParams.set(name, value);
      else if (fields.in === 'cookie') req.headers.cookie = [req.headers.cookie, `${name}=${value}`].filter(Boolean).join('; ');
      else req.headers[name.toLowerCase()] = value;
      return;
    }
    case 'basic': req.headers.authorization = `Basic ${basicValue(String(fields.user ?? ''), secrets.password ?? '')}`; return;
    case 'bearer': bearer(req, secrets.token ?? ''); return;
    case 'headers': for (const [k, v] of parseHeaderLines(secrets.headers ?? '')) req.headers[k.toLowerCase()] = v; return;
    default: throw new JunctionError('connection.kind', `A ${type} connection does not sign HTTP requests.`);
  }
}

export const bearer = (req: Req, token: string) => { req.headers.authorization = `Bearer ${token}`; };

/**
 * Every value that must never be written anywhere: the secrets themselves and the forms they
 * take on the wire (a Basic header's base64, each custom header's value).
 */
export function secretValues(type: string, fields: Record<string, unknown>, secrets: SecretValues): string[] {
  const values = Object.entries(secrets).filter(([k]) => k !== 'expiresAt').map(([, v]) => v);
  if (type === 'basic') values.push(basicValue(String(fields.user ?? ''), secrets.password ?? ''));
  if (type === 'headers') { try { values.push(...parseHeaderLines(secrets.headers ?? '').map(([, v]) => v)); } catch { /* nothing parsed, nothing more to hide */ } }
  // Very short values (a one-letter password) would blank out ordinary text everywhere.
  return values.filter((v) => typeof v === 'string' && v.length >= 4);
}
