import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../../engine/sdk/testing';
import { describeWithServer } from '../servers/use-server';
import { redisCredential } from './credential';
import command from '../../nodes/redis/command';

describeWithServer('redis', 'redis.command against redis-server', (info) => {
  const redis = new Redis({ host: String(info.host), port: Number(info.port), lazyConnect: true });
  const credentials = { redis: redisCredential(info) };
  const run = (params: Record<string, unknown>, items: Record<string, unknown>[] = [{}]) => runNode(command, { params, items, credentials });
  const values = async (params: Record<string, unknown>, items?: Record<string, unknown>[]) => (await run(params, items)).outputs.main.map((i) => i.json.value);

  beforeAll(async () => { await redis.connect(); await redis.flushdb(); });
  afterAll(async () => { await redis.quit(); });

  it('sets and gets values per item, keys and values from expressions, in one pipeline', async () => {
    const items = [{ id: 1, name: 'Ada' }, { id: 2, name: 'Linus' }];
    const set = await run({ operation: 'set', key: '{{ "user:" + $json.id }}', value: '{{ $json.name }}' }, items);
    expect(set.outputs.main.map((i) => i.json)).toEqual([{ id: 1, name: 'Ada', value: true }, { id: 2, name: 'Linus', value: true }]);
    expect(await redis.mget('user:1', 'user:2')).toEqual(['Ada', 'Linus']);
    const got = await run({ operation: 'get', key: '{{ "user:" + $json.id }}', into: 'stored.name' }, [{ id: 2 }, { id: 9 }]);
    expect(got.outputs.main.map((i) => i.json)).toEqual([{ id: 2, stored: { name: 'Linus' } }, { id: 9, stored: { name: null } }]);
  });

  it('sets with a TTL and honours NX / XX, and stores objects as JSON that get reads back with parseJson', async () => {
    await values({ operation: 'set', key: 'ttl:a', value: { n: 1 }, ttlSeconds: 100 });
    const ttl = await redis.ttl('ttl:a');
    expect(ttl).toBeGreaterThan(90);
    expect(await redis.get('ttl:a')).toBe('{"n":1}');
    expect(await values({ operation: 'get', key: 'ttl:a', parseJson: true })).toEqual([{ n: 1 }]);
    expect(await values({ operation: 'set', key: 'ttl:a', value: 'other', condition: 'ifMissing' })).toEqual([false]);
    expect(await values({ operation: 'set', key: 'nx:new', value: 'v', condition: 'ifMissing' })).toEqual([true]);
    expect(await values({ operation: 'set', key: 'xx:none', value: 'v', condition: 'ifExists' })).toEqual([false]);
    expect(await redis.exists('xx:none')).toBe(0);
    await values({ operation: 'set', key: 'ttl:ms', value: 'v', ttlSeconds: 1.5 });
    expect(await redis.pttl('ttl:ms')).toBeGreaterThan(1000);
  });

  it('deletes several keys and increments by whole and fractional steps', async () => {
    await redis.mset('d:1', 'x', 'd:2', 'y');
    expect(await values({ operation: 'delete', key: 'd:1, d:2, d:none' })).toEqual([2]);
    expect(await values({ operation: 'incr', key: 'counter', by: '{{ $json.n }}' }, [{ n: 5 }, { n: 2 }])).toEqual([5, 7]);
    expect(await values({ operation: 'incr', key: 'counter', by: 0.5 })).toEqual([7.5]);
  });

  it('sets, gets and reads whole hashes', async () => {
    expect(await values({ operation: 'hashSet', key: 'h:1', value: '{{ $json }}' }, [{ name: 'Ada', age: 36, tags: ['x'] }])).toEqual([3]);
    expect(await values({ operation: 'hashSet', key: 'h:1', field: 'city', value: 'London' })).toEqual([1]);
    expect(await values({ operation: 'hashGet', key: 'h:1', field: 'name' })).toEqual(['Ada']);
    expect(await values({ operation: 'hashGetAll', key: 'h:1', parseJson: true })).toEqual([{ name: 'Ada', age: 36, tags: ['x'], city: 'London' }]);
    expect(await values({ operation: 'hashGetAll', key: 'h:none' })).toEqual([{}]);
  });

  it('pushes to both ends of a list, pops and reads ranges', async () => {
    expect(await values({ operation: 'listPush', key: 'l', value: '{{ $json.v }}' }, [{ v: 'b' }, { v: ['c', 'd'] }])).toEqual([1, 3]);
    expect(await values({ operation: 'listPush', key: 'l', value: 'a', pushTo: 'left' })).toEqual([4]);
    expect(await values({ operation: 'listRange', key: 'l' })).toEqual([['a', 'b', 'c', 'd']]);
    expect(await values({ operation: 'listRange', key: 'l', start: 1, stop: 2 })).toEqual([['b', 'c']]);
    expect(await values({ operation: 'listPop', key: 'l' }, [{}, {}])).toEqual(['a', 'b']);
    expect(await values({ operation: 'listPop', key: 'l', popFrom: 'right' })).toEqual(['d']);
  });

  it('adds stream entries from the items and publishes to a channel', async () => {
    const ids = await values({ operation: 'streamAdd', key: 'events' }, [{ type: 'signup', user: { id: 1 } }, { type: 'login', user: { id: 2 } }]);
    expect(ids).toHaveLength(2);
    const entries = await redis.xrange('events', '-', '+');
    expect(entries.map(([id, f]) => [id, f])).toEqual([[ids[0], ['type', 'signup', 'user', '{"id":1}']], [ids[1], ['type', 'login', 'user', '{"id":2}']]]);
    await values({ operation: 'streamAdd', key: 'capped', entry: { n: 1 }, maxLength: 1 }, Array.from({ length: 200 }, () => ({})));
    expect(await redis.xlen('capped')).toBeLessThan(200);

    const listener = redis.duplicate();
    const got = new Promise<string>((resolve) => listener.on('message', (_c: string, m: string) => resolve(m)));
    await listener.subscribe('news');
    expect(await values({ operation: 'publish', channel: 'news', value: { headline: 'hi' } })).toEqual([1]);
    expect(await got).toBe('{"headline":"hi"}');
    await listener.quit();
  });

  it('runs once with the params as written when it has no input items', async () => {
    const out = await runNode(command, { params: { operation: 'set', key: 'lonely', value: 'yes' }, credentials });
    expect(out.outputs.main).toHaveLength(1);
    expect(await redis.get('lonely')).toBe('yes');
  });

  it('names the item, the command and the key when Redis refuses one, and the field when params are wrong', async () => {
    await redis.set('plain', 'text');
    await expect(run({ operation: 'hashGet', key: '{{ $json.k }}', field: 'f' }, [{ k: 'h:1' }, { k: 'plain' }]))
      .rejects.toThrow(/item 1: HGET on key "plain" failed: .*WRONGTYPE/);
    await expect(run({ operation: 'set', key: 'x', value: '{{ $json.missing }}' })).rejects.toThrow(/item 0: the value is empty/);
    await expect(run({ operation: 'get', key: '{{ $json.k }}' }, [{ k: 'a' }, { k: '' }])).rejects.toThrow(/item 1: the key is empty/);
    await expect(run({ operation: 'streamAdd', key: 's', entry: 'text' })).rejects.toThrow(/the entry must be an object/);
  });

  describe('sign-in problems', () => {
    beforeAll(async () => { await redis.call('ACL', 'SETUSER', 'flows', 'on', '>right-password', '~*', '+@all'); });
    afterAll(async () => { await redis.call('ACL', 'DELUSER', 'flows'); });

    it('works for an ACL user with the right password', async () => {
      const out = await runNode(command, { params: { operation: 'set', key: 'acl', value: 'ok' }, credentials: { redis: redisCredential(info, { user: 'flows', password: 'right-password' }) } });
      expect(out.outputs.main[0].json.value).toBe(true);
    });

    it('says the server refused the sign-in, naming it and never the password', async () => {
      const wrong = runNode(command, { params: { operation: 'get', key: 'acl' }, credentials: { redis: redisCredential(info, { user: 'flows', password: 'wrong-password' }) } });
      await expect(wrong).rejects.toThrow(`Redis at ${info.host}:${info.port} refused the sign-in`);
      await expect(wrong).rejects.not.toThrow(/wrong-password/);
    });

    it('says which server it could not reach', async () => {
      const off = { ...info, port: 1 };
      await expect(runNode(command, { params: { operation: 'get', key: 'a' }, credentials: { redis: redisCredential(off) } }))
        .rejects.toThrow(`Could not reach Redis at ${info.host}:1: ECONNREFUSED`);
    });
  });
});
