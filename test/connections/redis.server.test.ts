// A 'redis' connection: "Test connection" signs in and sends PING, and a flow's Redis node
// uses the connection's password from the secret store without it reaching anything kept.
import Redis from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FlowFile } from '../../engine/api';
import { finished } from '../../engine/service/testing';
import { describeWithServer } from '../servers/use-server';
import { connectionService } from './harness';

const PASSWORD = 'redis-acl-password-42';

describeWithServer('redis', 'a Redis connection', (info) => {
  const svc = connectionService();
  const h = () => svc.handlers;
  const admin = new Redis({ host: String(info.host), port: Number(info.port), lazyConnect: true });
  const save = (name: string, password: string, port = info.port) =>
    h()['connections.save']({ name, type: 'redis', fields: { host: info.host, port, db: 3, user: 'flowuser' }, secrets: { password } });

  beforeAll(async () => { await admin.connect(); await admin.call('ACL', 'SETUSER', 'flowuser', 'on', `>${PASSWORD}`, '~*', '+@all'); });
  afterAll(async () => { await admin.call('ACL', 'DELUSER', 'flowuser'); await admin.quit(); await svc.dispose(); });

  it('passes "Test connection" with a real sign-in and PING, and fails it with a wrong password or port', async () => {
    const good = await save('Cache', PASSWORD);
    expect(await h()['connections.test']({ id: good.id })).toEqual({ ok: true, message: `Redis at ${info.host}:${info.port} answered PONG: the connection works.` });
    const wrong = await h()['connections.test']({ id: (await save('Wrong', 'not-the-password')).id });
    expect(wrong.ok).toBe(false);
    expect(wrong.message).toMatch(new RegExp(`^Redis at ${info.host}:${info.port}: WRONGPASS`));
    expect(wrong.message).not.toContain('not-the-password');
    const closed = await h()['connections.test']({ id: (await save('Closed', PASSWORD, 1)).id });
    expect(closed).toEqual({ ok: false, message: `Redis at ${info.host}:1: could not connect (ECONNREFUSED).` });
  });

  it('is what a flow\'s Redis node signs in with, into the database number it names', async () => {
    const conn = await save('Cache for flows', PASSWORD);
    const { flow: created } = await h()['flows.create']({ name: 'Cache a value' });
    const flow: FlowFile = {
      ...created,
      nodes: [
        { id: 't', type: 'trigger.manual', version: 1, name: 'Start', position: { x: 0, y: 0 }, params: {} },
        { id: 'r', type: 'redis.command', version: 1, name: 'Store', position: { x: 200, y: 0 }, params: { operation: 'set', key: 'flow:greeting', value: 'hello' },
          credentials: { redis: { id: conn.id, type: conn.type, name: conn.name } } },
      ],
      edges: [{ id: 'e', from: { node: 't', port: 'main' }, to: { node: 'r', port: 'main' } }],
    };
    await h()['flows.save']({ flow });
    const { runId } = await h()['runs.start']({ flow, mode: 'flow' });
    const end = await svc.waitFor(finished(runId), 20_000);
    expect(end.status).toBe('success');
    await admin.select(3);
    expect(await admin.get('flow:greeting')).toBe('hello');
    expect(JSON.stringify(svc.seen)).not.toContain(PASSWORD);
  });
});
