/**
 * Inline secrets in n8n parameters: header, query and body values named like a secret
 * (Authorization, X-API-Key, token, password …), passwords in URLs (`https://user:pw@host`) and
 * secret-named query parameters in URLs. Their values are emptied before any mapping, so neither
 * a mapped node nor a placeholder's copy of the original parameters can carry them; each one
 * gets a report line. Values that are expressions stay (they read data, not a secret).
 */
import type { ImportNote } from '../types';

const SECRET_NAME = /(authori[sz]ation|api[-_ ]?key|apikey|access[-_ ]?key|token|secret|password|passwd|pwd|private[-_ ]?key|credential|signature|cookie|session[-_ ]?id)/i;
/** Names that hold the name of a secret, not the secret (e.g. an environment variable's name). */
const NOT_A_VALUE = /(Env|Name|Type|Field|Property|Location|Url|URL|Mode|Count|Length|Expir\w*)$/;

export const isSecretName = (name: string) => SECRET_NAME.test(name) && !NOT_A_VALUE.test(name);

const isLiteral = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '' && !v.startsWith('=') && !v.includes('{{');

/** Empties secret query values and URL passwords; returns the cleaned URL and whether it changed. */
function cleanUrl(text: string): string | undefined {
  if (!/^=?\s*https?:\/\//i.test(text)) return undefined;
  let out = text.replace(/(https?:\/\/[^/\s:@]+:)([^@\s/]+)@/i, (_, head) => `${head}@`);
  out = out.replace(/([?&])([^=&#\s]+)=([^&#\s]*)/g, (m, sep, name, value) => (isSecretName(decodeURIComponent(name)) && value && !value.includes('{{') ? `${sep}${name}=` : m));
  return out === text ? undefined : out;
}

/** Walks parameters and returns a copy without inline secrets; `at` is the path of the parameters. */
export function scrubSecrets(value: unknown, at: string, notes: ImportNote[]): unknown {
  const report = (path: string, what: string) =>
    notes.push({ severity: 'warning', kind: 'credential', path, message: `${what} was removed: secrets never go into a flow file; put it in a connection` });
  const walk = (v: unknown, path: string): unknown => {
    if (typeof v === 'string') {
      const cleaned = cleanUrl(v);
      if (cleaned !== undefined) { report(path, 'a secret in the URL'); return cleaned; }
      // JSON written as text (n8n's "JSON parameters" for headers, query and body).
      if (/^\s*\{/.test(v)) {
        try {
          const before = notes.length;
          const parsed = walk(JSON.parse(v), path);
          if (notes.length > before) return JSON.stringify(parsed, null, 2);
        } catch { /* not JSON: plain text */ }
      }
      return v;
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${path}[${i}]`));
    if (!v || typeof v !== 'object') return v;
    const obj = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    // { name: 'Authorization', value: 'Bearer …' } pairs, as n8n writes headers and query parameters.
    const pairName = typeof obj.name === 'string' ? obj.name : typeof obj.key === 'string' ? obj.key : undefined;
    for (const [k, x] of Object.entries(obj)) {
      const p = `${path}.${k}`;
      if ((k === 'value' && pairName && isSecretName(pairName) && isLiteral(x)) || (isSecretName(k) && isLiteral(x))) {
        report(p, `the value of "${k === 'value' ? pairName : k}"`);
        out[k] = '';
      } else out[k] = walk(x, p);
    }
    return out;
  };
  return walk(value, at);
}
