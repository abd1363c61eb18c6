import Redis from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ResolvedCredential, TriggerContext } from '../../engine/sdk';
import { runNode } from '../../engine/sdk/testing';
import { describeWithServer } from '../servers/use-server';
import { redisCredential } from './credential';
import subscribe from '../../nodes/redis/subscribe';

type Params = { channels: string[]; patterns: string[] };

describeWithServer('redis', 'redis.subscribe against redis-server', (info) => {
  const redis = new Redis({ host: String(info.host), port: Number(info.port), lazyConnect: true });
  const logs: string[] = [];
  const contextFor = (params: Partial<Params>, cred: ResolvedCredential = redisCredential(info), signal = new AbortController().signal): TriggerContext<Params> => ({
    node: { id: 'n1', name: 'On message', type: 'redis.subscribe', version: 1 }, flow: { id: 'f1', name: 'Flow' },
    params: subscribe.validate(params).value as Params, credential: async () => cred, signal,
    log: { debug: () => {}, info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) },
  });
  /** Resolves when `n` runs have been started. */
  const collector = (n: number) => {
    const runs: Record<string, unknown>[][] = [];
    let done!: () => void;
    const all = new Promise<void>((r) => { done = r; });
    return { runs, all, emit: (items: Record<string, unknown>[]) => { runs.push(items); if (runs.length === n) done(); } };
  };

  beforeAll(async () => { await redis.connect(); });
  afterAll(async () => { await redis.quit(); });

  it('starts a run per message on channels and patterns, JSON-parsed when it parses, and stops cleanly', async () => {
    const c = collector(3);
    const stop = await subscribe.listen!(contextFor({ channels: ['orders'], patterns: ['alerts.*'] }), c.emit);
    expect(await redis.publish('orders', JSON.stringify({ id: 7, total: 9.5 }))).toBe(1);
    await redis.publish('alerts.disk', 'disk almost full');
    await redis.publish('other', 'not for us');
    await redis.publish('orders', '42');
    await c.all;
    expect(c.runs).toEqual([
      [{ channel: 'orders', message: { id: 7, total: 9.5 } }],
      [{ channel: 'alerts.disk', pattern: 'alerts.*', message: 'disk almost full' }],
      [{ channel: 'orders', message: 42 }],
    ]);
    expect(logs.some((l) => l.includes('Subscribed on'))).toBe(true);
    await stop();
    expect(await redis.publish('orders', 'after stop')).toBe(0);
    expect(String(await redis.client('LIST'))).not.toContain('name=junction-subscribe');
    const run = await runNode(subscribe, { params: { channels: ['orders'] }, items: c.runs[0] });
    expect(run.outputs.main.map((i) => i.json)).toEqual(c.runs[0]);
  });

  it('stops when the flow is deactivated (its signal aborts)', async () => {
    const abort = new AbortController();
    await subscribe.listen!(contextFor({ channels: ['deactivate'] }, undefined, abort.signal), () => {});
    expect(await redis.publish('deactivate', 'x')).toBe(1);
    abort.abort();
    await expect.poll(() => redis.publish('deactivate', 'x')).toBe(0);
  });

  it('refuses to start without a channel, and says so when the server refuses the sign-in', async () => {
    expect(subscribe.validate({}).problems.map((p) => p.message)).toEqual(['name at least one channel or pattern']);
    await expect(subscribe.listen!(contextFor({ channels: [''] }), () => {})).rejects.toThrow('Name at least one channel or pattern');
    const wrong = redisCredential(info, { user: 'nobody-here', password: 'nope-nope' });
    await expect(subscribe.listen!(contextFor({ channels: ['x'] }, wrong), () => {})).rejects.toThrow(`Redis at ${info.host}:${info.port} refused the sign-in`);
  });
});
