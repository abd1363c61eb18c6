import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { STORE_FILE } from '../store';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createService, type Service } from '../service';
import { retryDelayMs } from './delivery-worker';
import { fakeTimers } from './fake-timers';
import { verifySignature } from './signatures';
import { fileSecrets, saveChain, webhookSecret } from './testing';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
let root: string;
let receiver: ReturnType<typeof createServer>;
let url: string;
let failNext = 0;
const received: { headers: IncomingHttpHeaders; body: string; status: number }[] = [];

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'junction-deliver-'));
  received.length = 0;
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString(); });
    req.on('end', () => {
      const status = failNext-- > 0 ? 500 : 204;
      received.push({ headers: req.headers, body, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/in`;
});
afterEach(async () => {
  await new Promise((r) => receiver.close(r));
  rmSync(root, { recursive: true, force: true });
});

const until = async (check: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

async function sendOnce(service: Service, attempts: number) {
  const existing = (await service.handlers['connections.list']({})).find((c) => c.name === 'Signing');
  const secret = existing ? { id: existing.id, type: existing.type, name: existing.name } : await webhookSecret(service, 'Signing', SECRET);
  const flow = await saveChain(service, 'Notify', [
    { type: 'trigger.manual' },
    { type: 'webhook.send', params: { url, body: '{{ { order: $json.order } }}', attempts }, credentials: { secret } },
  ]);
  const { runId } = await service.handlers['runs.start']({ flow, mode: 'flow', input: [{ order: 7 }] });
  return runId;
}

describe('outgoing webhooks', () => {
  it('retries with backoff, and a restart resumes the pending delivery, signed in the Standard Webhooks style', async () => {
    const t0 = Date.now();
    const opts = { workspace: join(root, 'ws'), dataDir: join(root, 'data'), env: {}, secretsEnv: fileSecrets };
    const timers1 = fakeTimers(t0);
    const first = createService({ ...opts, timers: timers1 });
    await first.startTriggers();
    failNext = 1;
    await sendOnce(first, 5);
    await until(() => { timers1.advance(0); return received.length === 1; });
    await new Promise((r) => setTimeout(r, 50)); // the failed attempt is written
    await first.close(); // the process goes away with the delivery pending

    const timers2 = fakeTimers(t0);
    const second = createService({ ...opts, timers: timers2 });
    await second.startTriggers();
    timers2.advance(retryDelayMs(1, 1000, 3_600_000, 1)); // the longest the first retry can wait
    await until(() => received.length === 2);
    const [failed, ok] = received;
    expect(ok.status).toBe(204);
    expect(ok.body).toBe('{"order":7}');
    expect(ok.headers['webhook-id']).toBe(failed.headers['webhook-id']); // the same message id, so receivers de-duplicate
    expect(verifySignature('standard', SECRET, { headers: ok.headers, body: Buffer.from(ok.body) }, Math.floor(t0 / 1000))).toEqual({ ok: true });
    expect(await second.handlers['dlq.list']({})).toEqual([]);
    await second.close();
  });

  it('puts a delivery that fails every attempt in the dead-letter list; replay sends it again', async () => {
    const timers = fakeTimers(Date.now());
    const service = createService({ workspace: join(root, 'ws'), dataDir: join(root, 'data'), env: {}, secretsEnv: fileSecrets, timers });
    await service.startTriggers();
    failNext = 2;
    await sendOnce(service, 2);
    await until(() => { timers.advance(1_000); return received.length === 2; });
    let dead: Awaited<ReturnType<Service['handlers']['dlq.list']>> = [];
    await until(() => { void service.handlers['dlq.list']({}).then((l) => { dead = l; }); return dead.length === 1; });
    expect(dead[0]).toMatchObject({ url, attempts: 2, lastError: 'the receiver answered 500 Internal Server Error' });
    expect((await service.handlers['dlq.get']({ id: dead[0].id })).body).toBe('{"order":7}');
    // The queue holds the connection's id, never the secret: not in the dead letter, not in the database file.
    expect(JSON.stringify(await service.handlers['dlq.get']({ id: dead[0].id }))).not.toContain(SECRET);
    expect(readFileSync(join(root, 'data', STORE_FILE)).includes(SECRET)).toBe(false);
    await service.handlers['dlq.replay']({ id: dead[0].id });
    await until(() => { timers.advance(0); return received.length === 3; });
    expect(received[2].status).toBe(204);
    await expect(service.handlers['dlq.discard']({ id: dead[0].id })).rejects.toThrow(/no dead letter/);
    await service.close();
  });

  it('spreads retries: exponential with equal jitter, capped', () => {
    expect([1, 2, 3].map((n) => retryDelayMs(n, 1000, 3000, 0))).toEqual([500, 1000, 1500]);
    expect(retryDelayMs(10, 1000, 3000, 1)).toBe(3000);
  });
});
