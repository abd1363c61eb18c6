import { timingSafeEqual } from 'node:crypto';
import { DEFAULT_TOLERANCE_S, verifySignature, type SignatureStyle, type SignedRequest, type Verdict } from './signatures';

/** The Webhook trigger's `auth` param. */
export type WebhookAuth =
  | { type: 'none' }
  | { type: 'headerToken'; header: string; tokenEnv: string }
  | { type: 'basic'; user: string; passwordEnv: string }
  | { type: 'signature'; style: SignatureStyle; secretEnv: string; toleranceS?: number };

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Checks a call against the trigger's auth; secrets are read from the environment by name. */
export function checkAuth(auth: WebhookAuth, req: SignedRequest, env: Record<string, string | undefined>, nowS: number): Verdict {
  if (auth.type === 'none') return { ok: true };
  const secretName = auth.type === 'headerToken' ? auth.tokenEnv : auth.type === 'basic' ? auth.passwordEnv : auth.secretEnv;
  const secret = env[secretName];
  // A missing secret refuses every call: an unset variable must never mean "no check".
  if (!secret) return { ok: false, reason: `the environment variable ${secretName} that holds this webhook's secret is not set` };
  const given = req.headers[auth.type === 'headerToken' ? auth.header.toLowerCase() : 'authorization'];
  const value = Array.isArray(given) ? given[0] : given;
  if (auth.type === 'headerToken') {
    const token = value?.startsWith('Bearer ') && auth.header.toLowerCase() === 'authorization' ? value.slice(7) : value;
    return token !== undefined && same(token, secret) ? { ok: true } : { ok: false, reason: `the ${auth.header} header does not hold the expected token` };
  }
  if (auth.type === 'basic') {
    const decoded = value?.startsWith('Basic ') ? Buffer.from(value.slice(6), 'base64').toString() : undefined;
    return decoded !== undefined && same(decoded, `${auth.user}:${secret}`) ? { ok: true } : { ok: false, reason: 'the basic credentials do not match' };
  }
  return verifySignature(auth.style, secret, req, nowS, auth.toleranceS ?? DEFAULT_TOLERANCE_S);
}
