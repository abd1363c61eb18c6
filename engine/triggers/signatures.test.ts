import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signStandard, verifySignature, type SignedRequest } from './signatures';

const req = (headers: Record<string, string>, body: string): SignedRequest => ({ headers, body: Buffer.from(body) });

describe('GitHub X-Hub-Signature-256', () => {
  // The test values GitHub publishes: docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries
  const secret = "It's a Secret to Everybody";
  const sig = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';
  it('accepts the documented example and refuses a changed body', () => {
    expect(verifySignature('github', secret, req({ 'x-hub-signature-256': sig }, 'Hello, World!'), 0)).toEqual({ ok: true });
    expect(verifySignature('github', secret, req({ 'x-hub-signature-256': sig }, 'Hello, World?'), 0).ok).toBe(false);
    expect(verifySignature('github', secret, req({}, 'Hello, World!'), 0)).toEqual({ ok: false, reason: 'the X-Hub-Signature-256 header is missing' });
  });
});

describe('Slack X-Slack-Signature', () => {
  // The worked example of docs.slack.dev/authentication/verifying-requests-from-slack
  const secret = '8f742231b10e8888abcd99yyyzzz85a5';
  const body = 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
  const headers = { 'x-slack-signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503', 'x-slack-request-timestamp': '1531420618' };
  it('accepts the documented example within the tolerance', () => {
    expect(verifySignature('slack', secret, req(headers, body), 1531420618 + 10)).toEqual({ ok: true });
  });
  it('refuses it once stale, and with another secret', () => {
    expect(verifySignature('slack', secret, req(headers, body), 1531420618 + 301)).toMatchObject({ ok: false, reason: expect.stringContaining('stale') });
    expect(verifySignature('slack', 'other', req(headers, body), 1531420618).ok).toBe(false);
  });
});

describe('Standard Webhooks', () => {
  // The sign test vector of the standard-webhooks repository (libraries/javascript/src/webhook.test.ts).
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
  const body = '{"test": 2432232314}';
  const expected = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';
  it('signs the published vector', () => {
    expect(signStandard(secret, id, 1614265330, body)).toBe(expected);
  });
  it('verifies it among several signatures, and refuses a stale timestamp', () => {
    const headers = { 'webhook-id': id, 'webhook-timestamp': '1614265330', 'webhook-signature': `v1,AAAA ${expected}` };
    expect(verifySignature('standard', secret, req(headers, body), 1614265330)).toEqual({ ok: true });
    expect(verifySignature('standard', secret, req(headers, body), 1614265330 + 3600).ok).toBe(false);
    expect(verifySignature('standard', secret, req({ ...headers, 'webhook-id': 'msg_other' }, body), 1614265330).ok).toBe(false);
  });
});

describe('Stripe-Signature', () => {
  // Stripe's docs (docs.stripe.com/webhooks#verify-manually) describe the scheme but publish no
  // fixed vector: the expected value here is HMAC-SHA256(secret, `${t}.${payload}`) as they define it.
  const secret = 'whsec_test_secret';
  const t = 1700000000;
  const body = '{"id":"evt_test_webhook","object":"event"}';
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  it('accepts a matching v1 among others and refuses a stale or wrong one', () => {
    expect(verifySignature('stripe', secret, req({ 'stripe-signature': `t=${t},v1=deadbeef,v1=${v1},v0=abc` }, body), t + 5)).toEqual({ ok: true });
    expect(verifySignature('stripe', secret, req({ 'stripe-signature': `t=${t},v1=${v1}` }, body), t + 400).ok).toBe(false);
    expect(verifySignature('stripe', secret, req({ 'stripe-signature': `t=${t},v1=${v1}` }, `${body} `), t).ok).toBe(false);
  });
});
