import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createService, type Service } from '../service';
import { fileSecrets, saveChain, webhookSecret } from './testing';

// The listener over real HTTP on 127.0.0.1, through the service as `junction start` uses it.
let root: string;
let service: Service;
let base: string;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'junction-hook-'));
  service = createService({ workspace: join(root, 'ws'), dataDir: join(root, 'data'), env: {}, secretsEnv: fileSecrets, webhook: { port: 0, maxBodyBytes: 1024 } });
  const { webhookUrl } = await service.startTriggers();
  base = webhookUrl!;
});
afterEach(async () => {
  await service.close();
  rmSync(root, { recursive: true, force: true });
});

const GITHUB_SECRET = "It's a Secret to Everybody";
type Ref = { id: string; type: string; name: string };
const respondChain = (auth: Record<string, unknown> = { type: 'none' }, path = 'orders/:id', secret?: Ref) => [
  { type: 'trigger.webhook', params: { path, method: 'POST', auth, respond: 'respondNode' }, ...(secret ? { credentials: { auth: secret } } : {}) },
  { type: 'core.set', params: { fields: [{ name: 'orderId', value: '{{ $json.params.id }}' }, { name: 'qty', value: '{{ $json.body.qty * 2 }}' }] } },
  { type: 'trigger.respond', params: { status: 201, headers: { 'x-order': '{{ $json.orderId }}' }, body: '{{ { id: $json.orderId, qty: $json.qty } }}' } },
];

describe('webhook listener', () => {
  it('runs an active flow and answers from its Respond node; the run is in history', async () => {
    const flow = await saveChain(service, 'Orders', respondChain());
    await service.handlers['flows.activate']({ id: flow.id });
    const res = await fetch(`${base}/hook/orders/42`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ qty: 3 }) });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-order')).toBe('42');
    expect(await res.json()).toEqual({ id: '42', qty: 6 });
    await new Promise((r) => setTimeout(r, 50));
    const runs = await service.handlers['runs.list']({ flowId: flow.id });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'success', mode: 'trigger' });
    const [status] = await service.handlers['triggers.status']({});
    expect(status).toMatchObject({ flowId: flow.id, isActive: true, lastEvent: { outcome: 'started', runId: runs[0].id } });
  });

  it('answers at once with the run id when the trigger does not wait', async () => {
    const flow = await saveChain(service, 'Fast', [{ type: 'trigger.webhook', params: { path: 'fast', method: 'ANY' } }, { type: 'core.noop' }]);
    await service.handlers['flows.activate']({ id: flow.id });
    const res = await fetch(`${base}/hook/fast`, { method: 'PUT', body: 'plain' });
    expect(res.status).toBe(200);
    expect((await res.json()) as { runId: string }).toMatchObject({ runId: expect.any(String) });
  });

  it('refuses a wrong signature with 401, records it and starts no run', async () => {
    const secret = await webhookSecret(service, 'GitHub hook', GITHUB_SECRET);
    const flow = await saveChain(service, 'Signed', respondChain({ type: 'signature', style: 'github' }, 'gh', secret));
    await service.handlers['flows.activate']({ id: flow.id });
    const body = JSON.stringify({ qty: 1 });
    const wrong = await fetch(`${base}/hook/gh`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` }, body });
    expect(wrong.status).toBe(401);
    expect(await service.handlers['runs.list']({ flowId: flow.id })).toHaveLength(0);
    const [status] = await service.handlers['triggers.status']({});
    expect(status.lastEvent).toMatchObject({ outcome: 'rejected', status: 401, detail: 'the X-Hub-Signature-256 signature does not match' });
    const sig = `sha256=${createHmac('sha256', GITHUB_SECRET).update(body).digest('hex')}`;
    const right = await fetch(`${base}/hook/gh`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sig }, body });
    expect(right.status).toBe(201);
    // The secret is in the secret store only: not in the flow file, trigger history or run history.
    const runs = await service.handlers['runs.list']({ flowId: flow.id });
    const traces = JSON.stringify([await service.handlers['flows.get']({ id: flow.id }), await service.handlers['triggers.status']({}), await service.handlers['runs.get']({ runId: runs[0].id })]);
    expect(traces).not.toContain(GITHUB_SECRET);
  });

  it('refuses a stale Slack timestamp with 401', async () => {
    const secret = await webhookSecret(service, 'Slack app', 'slack-secret');
    const flow = await saveChain(service, 'Slack', respondChain({ type: 'signature', style: 'slack', toleranceS: 300 }, 'slack', secret));
    await service.handlers['flows.activate']({ id: flow.id });
    const t = Math.floor(Date.now() / 1000) - 600;
    const body = '{"qty":1}';
    const sig = `v0=${createHmac('sha256', 'slack-secret').update(`v0:${t}:${body}`).digest('hex')}`;
    const res = await fetch(`${base}/hook/slack`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-signature': sig, 'x-slack-request-timestamp': String(t) }, body });
    expect(res.status).toBe(401);
    expect(await service.handlers['runs.list']({ flowId: flow.id })).toHaveLength(0);
  });

  it('checks basic auth against a Basic auth connection, and refuses to activate a check without its connection', async () => {
    const conn = await service.handlers['connections.save']({ name: 'Partner', type: 'basic', fields: { user: 'partner' }, secrets: { password: 'hook-password' } });
    const flow = await saveChain(service, 'Basic', respondChain({ type: 'basic' }, 'basic', { id: conn.id, type: 'basic', name: 'Partner' }));
    await service.handlers['flows.activate']({ id: flow.id });
    const call = (userPass: string) => fetch(`${base}/hook/basic`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(userPass).toString('base64')}` }, body: '{"qty":1}' });
    expect((await call('partner:wrong')).status).toBe(401);
    expect((await call('partner:hook-password')).status).toBe(201);
    const bare = await saveChain(service, 'Bare', respondChain({ type: 'headerToken', header: 'x-token' }, 'bare'));
    await expect(service.handlers['flows.activate']({ id: bare.id })).rejects.toThrow(/checks calls \(headerToken\) but has no connection: pick a Webhook secret connection/);
  });

  it('refuses a body over the limit with 413', async () => {
    const flow = await saveChain(service, 'Big', respondChain({ type: 'none' }, 'big'));
    await service.handlers['flows.activate']({ id: flow.id });
    const res = await fetch(`${base}/hook/big`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ qty: 'x'.repeat(2000) }) });
    expect(res.status).toBe(413);
    expect(await service.handlers['runs.list']({ flowId: flow.id })).toHaveLength(0);
  });

  it('answers 404 for an inactive flow, and refuses to activate a flow without a trigger or with a taken path', async () => {
    const flow = await saveChain(service, 'Idle', respondChain({ type: 'none' }, 'idle'));
    expect((await fetch(`${base}/hook/idle`, { method: 'POST' })).status).toBe(404);
    await service.handlers['flows.activate']({ id: flow.id });
    await service.handlers['flows.deactivate']({ id: flow.id });
    expect((await fetch(`${base}/hook/idle`, { method: 'POST' })).status).toBe(404);
    const manual = await saveChain(service, 'Manual', [{ type: 'trigger.manual' }]);
    await expect(service.handlers['flows.activate']({ id: manual.id })).rejects.toThrow(/no Schedule, Webhook, polling or event trigger/);
    await service.handlers['flows.activate']({ id: flow.id });
    const twin = await saveChain(service, 'Twin', respondChain({ type: 'none' }, 'idle'));
    await expect(service.handlers['flows.activate']({ id: twin.id })).rejects.toThrow(/already taken/);
  });

  it('skips a call while a run is going when the flow says "skip" (503), and queues it when it says "queue"', async () => {
    const chain = (path: string) => [
      { type: 'trigger.webhook', params: { path, method: 'POST' } },
      { type: 'core.wait', params: { wait: { mode: 'duration', amount: 300, unit: 'ms' } } },
    ];
    const skip = await saveChain(service, 'Skip', chain('skip'), { concurrency: 'skip' });
    const queue = await saveChain(service, 'Queue', chain('queue'), { concurrency: 'queue' });
    await service.handlers['flows.activate']({ id: skip.id });
    await service.handlers['flows.activate']({ id: queue.id });
    const [a, b] = await Promise.all([fetch(`${base}/hook/skip`, { method: 'POST' }), fetch(`${base}/hook/skip`, { method: 'POST' })]);
    expect([a.status, b.status].sort()).toEqual([200, 503]);
    const [c, d] = await Promise.all([fetch(`${base}/hook/queue`, { method: 'POST' }), fetch(`${base}/hook/queue`, { method: 'POST' })]);
    expect([c.status, d.status]).toEqual([200, 200]);
    expect([await c.json(), await d.json()].filter((r) => (r as { queued?: boolean }).queued)).toHaveLength(1);
  });
});
