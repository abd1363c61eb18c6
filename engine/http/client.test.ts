import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startServer, type TestServer } from '../../test/http-server/server';
import { virtualClock } from '../exec/clock';
import { createHttpClient } from './client';
import { HttpError } from './errors';
import type { HttpCredential } from './types';

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(() => server.close());

const client = (signal = new AbortController().signal, clock = virtualClock()) => ({ http: createHttpClient({ signal, clock, log: { debug() {}, info() {}, warn() {}, error() {} } }), clock });
/** The error a request fails with; a test that expects one fails if it resolves. */
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected the request to fail'); }, (e: unknown) => e as Error);
const SECRET = 'sk_live_0123456789abcdef';

/** A connection as the connections layer hands it over: bearer token, renewable once. */
function bearer(token: string, renewTo?: string): HttpCredential {
  let current = token;
  return {
    id: 'conn-bearer',
    apply: async ({ headers }) => { headers.authorization = `Bearer ${current}`; },
    secrets: () => [current],
    refresh: async () => { if (!renewTo) return false; current = renewTo; return true; },
  };
}
const apiKeyHeader = (key: string): HttpCredential => ({ id: 'conn-key', apply: async ({ headers }) => { headers['x-api-key'] = key; }, secrets: () => [key] });
const apiKeyQuery = (key: string): HttpCredential => ({ id: 'conn-q', apply: async ({ url }) => { url.searchParams.set('api_key', key); }, secrets: () => [key] });

describe('auth through the connection', () => {
  it('applies an api key header and a bearer token', async () => {
    server.route('/echo', (req, res) => json(res, 200, { auth: req.headers.authorization ?? null, key: req.headers['x-api-key'] ?? null }));
    const { http } = client();
    await http.request({ url: `${server.origin}/echo`, credential: apiKeyHeader('k-123456') });
    expect(server.seen.at(-1)!.headers['x-api-key']).toBe('k-123456');
    const res = await http.request({ url: `${server.origin}/echo`, credential: bearer('tok-abcdef') });
    expect(server.seen.at(-1)!.headers.authorization).toBe('Bearer tok-abcdef');
    // What the server echoes back reaches run data with the token hidden.
    expect(res.body).toEqual({ auth: '[redacted]', key: null });
  });

  it('after a 401 refreshes the credential and retries once', async () => {
    server.route('/guarded', (req, res) => (req.headers.authorization === 'Bearer fresh-token' ? json(res, 200, { ok: true }) : json(res, 401, { error: 'expired' })));
    const { http } = client();
    const res = await http.request({ url: `${server.origin}/guarded`, credential: bearer('stale-token', 'fresh-token') });
    expect(res.body).toEqual({ ok: true });
    // Without a renewal the 401 is the answer, worded with the status and no token.
    const err = await failure(http.request({ url: `${server.origin}/guarded`, credential: bearer('stale-token') }));
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(401);
    expect((err as Error).message).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/guarded answered 401 Unauthorized: \{"error":"expired"\}/);
  });
});

describe('retries', () => {
  it('waits the seconds a 429 Retry-After asks for, then succeeds', async () => {
    server.route('/busy', (_req, res, n) => (n < 3 ? json(res, 429, { error: 'slow down' }, { 'retry-after': '2' }) : json(res, 200, { n })));
    const { http, clock } = client();
    expect((await http.request({ url: `${server.origin}/busy` })).body).toEqual({ n: 3 });
    expect(clock.sleeps).toEqual([2000, 2000]);
  });

  it('reads Retry-After as an HTTP date', async () => {
    const clock = virtualClock(Date.UTC(2026, 0, 1, 12, 0, 0));
    server.route('/busy-date', (_req, res, n) => (n === 1 ? json(res, 503, {}, { 'retry-after': 'Thu, 01 Jan 2026 12:00:07 GMT' }) : json(res, 200, {})));
    const { http } = client(undefined, clock);
    const res = await http.request({ url: `${server.origin}/busy-date` });
    expect(res.exchange.attempts).toBe(2);
    expect(clock.sleeps).toEqual([7000]);
  });

  it('backs off exponentially with jitter on 5xx and gives up after max attempts', async () => {
    server.route('/down', (_req, res) => json(res, 502, { error: 'bad gateway' }, { 'x-request-id': 'req-77' }));
    const { http, clock } = client();
    const err = await failure(http.request({ url: `${server.origin}/down`, retry: { attempts: 3, baseMs: 100 } }));
    expect((err as HttpError).status).toBe(502);
    expect((err as HttpError).requestId).toBe('req-77');
    expect((err as Error).message).toContain('(request id req-77)');
    // Random is fixed at 0.5: half of 100, then half of 200.
    expect(clock.sleeps).toEqual([50, 100]);
  });

  it('refuses a Retry-After longer than the longest wait, with a clear error', async () => {
    server.route('/later', (_req, res) => json(res, 429, {}, { 'retry-after': '3600' }));
    const err = await failure(client().http.request({ url: `${server.origin}/later` }));
    expect(err.message).toMatch(/asks to wait 3600 s, longer than the 60 s allowed/);
  });

  it('does not retry a 4xx other than 429', async () => {
    server.route('/missing', (_req, res) => json(res, 404, { error: 'nope' }));
    const { http, clock } = client();
    await expect(http.request({ url: `${server.origin}/missing` })).rejects.toThrow(/answered 404 Not Found/);
    expect(clock.sleeps).toEqual([]);
  });
});

describe('timeouts, cancellation, limits', () => {
  it('fails a slow response at the total timeout', async () => {
    server.route('/slow', (_req, res) => { setTimeout(() => json(res, 200, {}), 2000); });
    const t0 = Date.now();
    await expect(client().http.request({ url: `${server.origin}/slow`, timeouts: { totalMs: 200 }, retry: false })).rejects.toThrow(/took longer than 200 ms/);
    expect(Date.now() - t0).toBeLessThan(1500);
  });

  it('stops a request mid-flight when the run is cancelled', async () => {
    server.route('/hang', (_req, res) => { res.writeHead(200); res.write('{"partial":'); });
    const ac = new AbortController();
    const pending = client(ac.signal).http.request({ url: `${server.origin}/hang` });
    setTimeout(() => ac.abort(), 100);
    const err = await failure(pending);
    expect(err.name).toBe('AbortError');
    expect(err.message).toBe('The run was cancelled.');
  });

  it('fails a response over the size cap', async () => {
    server.route('/big', (_req, res) => { res.writeHead(200, { 'content-type': 'application/octet-stream' }); res.end(Buffer.alloc(200_000, 1)); });
    await expect(client().http.request({ url: `${server.origin}/big`, maxResponseBytes: 100_000 })).rejects.toThrow(/more than 100000 bytes/);
  });

  it('names a refused connection', async () => {
    await expect(client().http.request({ url: 'http://127.0.0.1:1/', retry: false })).rejects.toThrow(/was refused: nothing listens at that address/);
  });

  it('spreads requests by the per-connection rate limit', async () => {
    server.route('/limited', (_req, res) => json(res, 200, {}));
    const { http, clock } = client();
    const limit = { perSecond: 2, burst: 1, key: 'rate-test' };
    for (let i = 0; i < 3; i++) await http.request({ url: `${server.origin}/limited`, rateLimit: limit });
    expect(clock.sleeps).toEqual([500, 500]);
  });
});

describe('redaction', () => {
  it('keeps a secret out of errors, recorded exchanges and echoed bodies', async () => {
    server.route('/leaky', (req, res) => json(res, 500, { got: req.headers.authorization, url: req.url }));
    server.route('/echo-token', (req, res) => json(res, 200, { seen: req.headers.authorization, url: req.url }));
    const { http } = client();
    const err = await failure(http.request({ url: `${server.origin}/leaky`, credential: bearer(SECRET), retry: false }));
    expect(err.message).toContain('[redacted]');
    expect(err.message).not.toContain(SECRET);
    const res = await http.request({ url: `${server.origin}/echo-token`, credential: apiKeyQuery(SECRET) });
    expect(JSON.stringify(res.exchange)).not.toContain(SECRET);
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
    expect(res.exchange.request.url).toContain('api_key=[redacted]');
    const cookie = await http.request({ url: `${server.origin}/echo-token`, headers: { Cookie: 'session=abcdef123456' } });
    expect(cookie.exchange.request.headers.Cookie).toBe('[redacted]');
  });
});

describe('bodies and timing', () => {
  it('sends multipart fields and files, and binary bodies byte for byte', async () => {
    server.route('/upload', (req, res) => json(res, 200, { type: req.headers['content-type'], size: req.body.length, text: req.body.toString('latin1') }));
    const { http } = client();
    const bytes = Uint8Array.from([0, 255, 1, 254, 10, 13]);
    const multi = await http.request<{ type: string; text: string }>({ method: 'POST', url: `${server.origin}/upload`, body: { type: 'multipart', parts: [
      { name: 'note', value: 'hello' }, { name: 'file', data: bytes, fileName: 'a.bin', contentType: 'application/octet-stream' }] } });
    expect(multi.body.type).toMatch(/^multipart\/form-data; boundary=/);
    expect(multi.body.text).toContain('name="note"\r\n\r\nhello');
    expect(multi.body.text).toContain('filename="a.bin"');
    expect(multi.body.text).toContain(Buffer.from(bytes).toString('latin1'));
    await http.request({ method: 'PUT', url: `${server.origin}/upload`, body: { type: 'binary', data: Buffer.from(bytes).toString('base64'), contentType: 'image/png' } });
    const last = server.seen.at(-1)!;
    expect(last.headers['content-type']).toBe('image/png');
    expect([...last.body]).toEqual([...bytes]);
  });

  it('returns binary responses as bytes and splits the time into phases', async () => {
    server.route('/png', (_req, res) => { res.writeHead(200, { 'content-type': 'image/png' }); setTimeout(() => res.end(Buffer.from([137, 80, 78, 71])), 30); });
    const { http } = client();
    const res = await http.request({ url: `${server.origin.replace('127.0.0.1', 'localhost')}/png` });
    expect(Buffer.isBuffer(res.body)).toBe(true);
    expect([...(res.body as Buffer)]).toEqual([137, 80, 78, 71]);
    expect(res.exchange.response?.body).toBe('<4 bytes, image/png>');
    const t = res.timing;
    expect(t.total).toBeGreaterThanOrEqual(t.firstByte);
    expect(t.firstByte + t.download).toBeGreaterThanOrEqual(25);
    expect(t.total).toBeGreaterThanOrEqual(t.dns + t.connect + t.tls);
  });
});
