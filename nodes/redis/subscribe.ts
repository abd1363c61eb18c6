/**
 * Redis Subscribe (`redis.subscribe`): an event trigger on pub/sub channels (SUBSCRIBE) and
 * channel patterns (PSUBSCRIBE). Each message starts one run with one item
 * `{ channel, pattern?, message }`, the message read as JSON when it is JSON, else as text.
 * After a dropped connection the client reconnects with backoff and subscribes again; messages
 * published meanwhile are lost (pub/sub keeps none: use a stream for delivery that must not miss).
 */
import { defineNode, JunctionError, p } from '../../engine/sdk';
import { openRedis, redisProblem, serverOf } from './connection';
import { parseText } from './operations';

export default defineNode({
  type: 'redis.subscribe', version: 1,
  title: 'Redis Subscribe', category: 'trigger', icon: 'radio',
  description: 'Starts a run for each message published on Redis channels or channel patterns.',
  inputs: [], outputs: ['main'],
  isTrigger: true,
  credentials: [{ slot: 'redis', types: ['redis'], label: 'Redis server' }],
  params: p.object({
    channels: p.list(p.string()).default([]).literal().describe('Channel names to subscribe to (SUBSCRIBE).'),
    patterns: p.list(p.string()).default([]).literal().describe('Channel patterns such as "orders.*" (PSUBSCRIBE).'),
  }),
  check(params) {
    const named = [...params.channels, ...params.patterns].filter((c) => c.trim() !== '');
    return named.length ? [] : [{ path: 'params.channels', code: 'param.required', message: 'name at least one channel or pattern' }];
  },
  async listen(ctx, emit) {
    const channels = ctx.params.channels.filter((c) => c.trim() !== '');
    const patterns = ctx.params.patterns.filter((c) => c.trim() !== '');
    if (!channels.length && !patterns.length) throw new JunctionError('param.required', 'Name at least one channel or pattern to subscribe to.', { path: 'params.channels' });
    const cred = await ctx.credential('redis');
    const client = await openRedis(cred, { reconnect: true, name: 'junction-subscribe' });
    const server = serverOf(cred!);
    client.on('message', (channel: string, message: string) => emit([{ channel, message: parseText(message) }]));
    client.on('pmessage', (pattern: string, channel: string, message: string) => emit([{ channel, pattern, message: parseText(message) }]));
    client.on('error', (e: unknown) => ctx.log.warn(redisProblem(e, server).message));
    client.on('reconnecting', () => ctx.log.info(`Connection to Redis at ${server} lost; reconnecting`));
    try {
      if (channels.length) await client.subscribe(...channels);
      if (patterns.length) await client.psubscribe(...patterns);
    } catch (e) {
      client.disconnect();
      throw redisProblem(e, server);
    }
    ctx.log.info(`Subscribed on ${server} to ${[...channels, ...patterns.map((x) => `${x} (pattern)`)].join(', ')}`);
    let stopped = false;
    const stop = async () => {
      if (stopped) return;
      stopped = true;
      ctx.signal.removeEventListener('abort', onAbort);
      await client.quit().catch(() => client.disconnect());
    };
    const onAbort = () => { void stop(); };
    ctx.signal.addEventListener('abort', onAbort);
    return stop;
  },
  execute(ctx) {
    return { main: ctx.items };
  },
});
