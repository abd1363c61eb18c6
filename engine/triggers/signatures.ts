/**
 * Checks of signed webhook calls: the HMAC-SHA256 schemes of GitHub (X-Hub-Signature-256),
 * Stripe (Stripe-Signature t=,v1=), Slack (X-Slack-Signature v0 with X-Slack-Request-Timestamp)
 * and Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature). Every check runs on
 * the raw body bytes, compares in constant time, and refuses a timestamp outside the tolerance
 * (a replayed call). Also signs in the Standard Webhooks style, for outgoing deliveries.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureStyle = 'github' | 'stripe' | 'slack' | 'standard';

export interface SignedRequest {
  /** Header names in lower case, as node:http gives them. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export type Verdict = { ok: true } | { ok: false; reason: string };

/** Five minutes: what Stripe, Slack and Standard Webhooks recommend. */
export const DEFAULT_TOLERANCE_S = 300;

const header = (req: SignedRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

const hmac = (key: string | Buffer, ...parts: (string | Buffer)[]) => {
  const h = createHmac('sha256', key);
  for (const p of parts) h.update(p);
  return h.digest();
};

const sameBytes = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b);
const matchesHex = (expected: Buffer, hex: string) => /^[0-9a-f]+$/i.test(hex) && sameBytes(expected, Buffer.from(hex, 'hex'));

const fresh = (timestamp: string | undefined, nowS: number, toleranceS: number): string | undefined => {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return 'the signature timestamp is missing or not a number of seconds';
  if (Math.abs(nowS - Number(timestamp)) > toleranceS) return `the signature timestamp is more than ${toleranceS} s away from now (a stale or replayed call)`;
  return undefined;
};

/** The key bytes of a Standard Webhooks secret: base64 after the `whsec_` prefix. */
export function standardKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
}

/** `v1,<base64>` over `id.timestamp.body`, as the Standard Webhooks specification defines it. */
export function signStandard(secret: string, id: string, timestampS: number, body: string | Buffer): string {
  return `v1,${hmac(standardKey(secret), `${id}.${timestampS}.`, body).toString('base64')}`;
}

/** Checks one call against a secret; `nowS` is the receiver's clock in seconds. */
export function verifySignature(style: SignatureStyle, secret: string, req: SignedRequest, nowS: number, toleranceS = DEFAULT_TOLERANCE_S): Verdict {
  const fail = (reason: string): Verdict => ({ ok: false, reason });
  switch (style) {
    case 'github': {
      const sig = header(req, 'x-hub-signature-256');
      if (!sig?.startsWith('sha256=')) return fail('the X-Hub-Signature-256 header is missing');
      return matchesHex(hmac(secret, req.body), sig.slice(7)) ? { ok: true } : fail('the X-Hub-Signature-256 signature does not match');
    }
    case 'stripe': {
      const parts = (header(req, 'stripe-signature') ?? '').split(',').map((p) => p.trim().split('='));
      const t = parts.find(([k]) => k === 't')?.[1];
      const v1 = parts.filter(([k]) => k === 'v1').map(([, v]) => v ?? '');
      if (!t || !v1.length) return fail('the Stripe-Signature header is missing or has no t= and v1=');
      const stale = fresh(t, nowS, toleranceS);
      if (stale) return fail(stale);
      const expected = hmac(secret, `${t}.`, req.body);
      return v1.some((v) => matchesHex(expected, v)) ? { ok: true } : fail('no v1 signature in Stripe-Signature matches');
    }
    case 'slack': {
      const sig = header(req, 'x-slack-signature');
      const t = header(req, 'x-slack-request-timestamp');
      if (!sig?.startsWith('v0=')) return fail('the X-Slack-Signature header is missing');
      const stale = fresh(t, nowS, toleranceS);
      if (stale) return fail(stale);
      return matchesHex(hmac(secret, `v0:${t}:`, req.body), sig.slice(3)) ? { ok: true } : fail('the X-Slack-Signature signature does not match');
    }
    case 'standard': {
      const id = header(req, 'webhook-id');
      const t = header(req, 'webhook-timestamp');
      const sigs = (header(req, 'webhook-signature') ?? '').split(' ').filter((s) => s.startsWith('v1,'));
      if (!id || !sigs.length) return fail('the webhook-id or webhook-signature header is missing');
      const stale = fresh(t, nowS, toleranceS);
      if (stale) return fail(stale);
      const expected = hmac(standardKey(secret), `${id}.${t}.`, req.body);
      return sigs.some((s) => sameBytes(expected, Buffer.from(s.slice(3), 'base64'))) ? { ok: true } : fail('no v1 signature in webhook-signature matches');
    }
  }
}
