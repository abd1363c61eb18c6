import Redis from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runNode } from '../../engine/sdk/testing';
import { describeWithServer } from '../servers/use-server';
import { redisCredential } from './credential';
import command from '../../nodes/redis/command';

describeWithServer('redis', 'redis.command stream read (XREADGROUP) against redis-server', (info) => {
  const redis = new Redis({ host: String(info.host), port: Number(info.port), lazyConnect: true });
  const credentials = { redis: redisCredential(info) };
  const read = (params: Record<string, unknown>, items: Record<string, unknown>[] = [{}]) =>
    runNode(command, { params: { operation: 'streamRead', ...params }, items, credentials });
  const pending = async (key: string, group: string) => ((await redis.xpending(key, group)) as [number])[0];

  beforeAll(async () => {
    await redis.connect();
    await redis.del('jobs', 'jobs2', 'nogroup');
    for (const n of [1, 2, 3]) await redis.xadd('jobs', '*', 'n', String(n), 'payload', JSON.stringify({ n }));
  });
  afterAll(async () => { await redis.quit(); });

  it('creates the group when asked, reads in pages of `count` and acknowledges what it read', async () => {
    const first = await read({ key: 'jobs', group: 'workers', consumer: 'w1', createGroup: true, count: 2, parseJson: true });
    expect(first.outputs.main.map((i) => i.json.fields)).toEqual([{ n: 1, payload: { n: 1 } }, { n: 2, payload: { n: 2 } }]);
    expect(first.outputs.main[0].json).toMatchObject({ stream: 'jobs', group: 'workers', consumer: 'w1' });
    expect(await pending('jobs', 'workers')).toBe(0);
    const second = await read({ key: 'jobs', group: 'workers', consumer: 'w1', createGroup: true, count: 2 });
    expect(second.outputs.main.map((i) => i.json.fields)).toEqual([{ n: '3', payload: '{"n":3}' }]);
    expect((await read({ key: 'jobs', group: 'workers', createGroup: true })).outputs.main).toEqual([]);
  });

  it('leaves entries pending when ack is off, and when the run fails after reading them', async () => {
    await read({ key: 'jobs', group: 'audit', createGroup: true, ack: false });
    expect(await pending('jobs', 'audit')).toBe(3);
    // Item 0 reads the stream; item 1 names a group that does not exist, so the node fails.
    await redis.xgroup('CREATE', 'jobs2', 'g', '0', 'MKSTREAM');
    await redis.xadd('jobs2', '*', 'a', '1');
    await redis.xadd('nogroup', '*', 'a', '1');
    const failing = read({ key: '{{ $json.stream }}', group: 'g' }, [{ stream: 'jobs2' }, { stream: 'nogroup' }]);
    await expect(failing).rejects.toThrow(/item 1: stream "nogroup" has no consumer group "g" on 127\.0\.0\.1:\d+; turn on "Create the group"/);
    expect(await pending('jobs2', 'g')).toBe(1);
  });

  it('starts a group created at the end with the entries added afterwards, waiting up to blockMs', async () => {
    expect((await read({ key: 'jobs', group: 'late', createGroup: true, groupStartsAt: 'end' })).outputs.main).toEqual([]);
    const waiting = read({ key: 'jobs', group: 'late', blockMs: 5_000 });
    setTimeout(() => { void redis.xadd('jobs', '*', 'n', '4'); }, 200);
    expect((await waiting).outputs.main.map((i) => i.json.fields)).toEqual([{ n: '4' }]);
  });
});
