/** Removes secrets from anything about to be shown, logged or stored. */

export const REDACTED = '[redacted]';
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'api-key']);

export interface Redactor {
  text(s: string): string;
  headers(h: Record<string, string>): Record<string, string>;
  /** The values it hides, longest first (so a secret inside another is not half-replaced). */
  readonly values: readonly string[];
}

/**
 * A redactor for these secret values: each is replaced wherever it appears, raw and URL-encoded.
 * Values under 4 characters are ignored (they would blank out ordinary words).
 */
export function redactor(secrets: readonly string[]): Redactor {
  const values = [...new Set(secrets.flatMap((s) => (s.length >= 4 ? [s, encodeURIComponent(s)] : [])))].sort((a, b) => b.length - a.length);
  const text = (s: string) => {
    let out = s;
    for (const v of values) if (out.includes(v)) out = out.split(v).join(REDACTED);
    return out;
  };
  return {
    values,
    text,
    headers(h) {
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(h)) out[k] = SECRET_HEADERS.has(k.toLowerCase()) ? REDACTED : text(v);
      return out;
    },
  };
}

/** The values of the secret headers of a request, to redact wherever else they show up. */
export function headerSecrets(h: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(h)) {
    if (!SECRET_HEADERS.has(k.toLowerCase())) continue;
    out.push(v);
    // "Bearer abc": the token alone may be echoed back by a server.
    const token = /^\s*\S+\s+(\S+)\s*$/.exec(v)?.[1];
    if (token) out.push(token);
  }
  return out;
}
