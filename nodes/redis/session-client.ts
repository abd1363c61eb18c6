/** One Redis client per node run, shared by its batches and closed when the run ends. */
import type { NodeContext } from '../../engine/sdk';
import { openRedis, serverOf, type RedisClient } from './connection';

export interface RunClient { client: RedisClient; server: string }

export async function runClient(ctx: NodeContext<unknown>): Promise<RunClient> {
  const open = ctx.session.get<RunClient>('redis');
  if (open) return open;
  const cred = await ctx.credential('redis');
  const client = await openRedis(cred, { name: 'junction' });
  const run = { client, server: serverOf(cred!) };
  ctx.session.set('redis', run);
  ctx.session.onEnd(async () => { await client.quit().catch(() => client.disconnect()); });
  return run;
}
