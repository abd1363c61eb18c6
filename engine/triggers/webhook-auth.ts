import { timingSafeEqual } from 'node:crypto';
import { DEFAULT_TOLERANCE_S, verifySignature, type SignatureStyle, type SignedRequest, type Verdict } from './signatures';

/** The Webhook trigger's `auth` param; the secret comes from the connection in the node's `auth` slot. */
export type WebhookAuth =
  | { type: 'none' }
  | { type: 'headerToken'; header: string }
  | { type: 'basic' }
  | { type: 'signature'; style: SignatureStyle; toleranceS?: number };

/** What a call is checked against, read from the connection at call time (never stored elsewhere). */
export interface WebhookKey { secret: string; user?: string }

/** The connection kind each check needs: basic auth checks a user and password, the others one secret. */
export const authConnectionType = (auth: WebhookAuth): string | undefined =>
  auth.type === 'none' ? undefined : auth.type === 'basic' ? 'basic' : 'webhookSecret';

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Checks a call against the trigger's auth and the key its connection holds. */
export function checkAuth(auth: WebhookAuth, req: SignedRequest, key: WebhookKey | undefined, nowS: number): Verdict {
  if (auth.type === 'none') return { ok: true };
  // A missing secret refuses every call: an empty connection must never mean "no check".
  if (!key?.secret) return { ok: false, reason: 'the connection that holds this webhook\'s secret is empty' };
  const given = req.headers[auth.type === 'headerToken' ? auth.header.toLowerCase() : 'authorization'];
  const value = Array.isArray(given) ? given[0] : given;
  if (auth.type === 'headerToken') {
    const token = value?.startsWith('Bearer ') && auth.header.toLowerCase() === 'authorization' ? value.slice(7) : value;
    return token !== undefined && same(token, key.secret) ? { ok: true } : { ok: false, reason: `the ${auth.header} header does not hold the expected token` };
  }
  if (auth.type === 'basic') {
    const decoded = value?.startsWith('Basic ') ? Buffer.from(value.slice(6), 'base64').toString() : undefined;
    return decoded !== undefined && same(decoded, `${key.user ?? ''}:${key.secret}`) ? { ok: true } : { ok: false, reason: 'the basic credentials do not match' };
  }
  return verifySignature(auth.style, key.secret, req, nowS, auth.toleranceS ?? DEFAULT_TOLERANCE_S);
}
