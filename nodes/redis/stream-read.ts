/**
 * The stream read of `redis.command`: XREADGROUP per item, creating the group first when asked.
 * Entries read are acknowledged (XACK) when the node's run ends without error, so the entries of
 * a failed run stay pending in the group and can be read again (XPENDING / XCLAIM).
 */
import type { Item, NodeContext } from '../../engine/sdk';
import type { CommandParams } from './command-params';
import { redisProblem } from './connection';
import { parseText } from './operations';
import type { RunClient } from './session-client';

type Entry = [id: string, fields: string[]];
type Reply = [stream: string, entries: Entry[]][] | null;

/** Creates each (stream, group) once per node run; a group that already exists is fine. */
async function ensureGroups(ctx: NodeContext<CommandParams>, { client, server }: RunClient, reads: { params: CommandParams }[]) {
  const made = ctx.session.get<Set<string>>('redis.groups') ?? new Set<string>();
  ctx.session.set('redis.groups', made);
  const pipe = client.pipeline();
  const asked: string[] = [];
  for (const { params: q } of reads) {
    const id = JSON.stringify([q.key, q.group]);
    if (!q.createGroup || made.has(id)) continue;
    made.add(id);
    asked.push(id);
    pipe.call('XGROUP', ['CREATE', q.key!, q.group!, q.groupStartsAt === 'end' ? '$' : '0', 'MKSTREAM']);
  }
  if (asked.length === 0) return;
  const replies = await pipe.exec().catch((e) => { throw redisProblem(e, server); });
  for (const [err] of replies ?? []) if (err && !/BUSYGROUP/.test(err.message)) throw redisProblem(err, server);
}

/** Queues the acknowledgement of what was read for the end of a successful run. */
function ackAtEnd(ctx: NodeContext<CommandParams>, { client, server }: RunClient, key: string, group: string, ids: string[]) {
  let pending = ctx.session.get<Map<string, string[]>>('redis.acks');
  if (!pending) {
    const acks = (pending = new Map());
    ctx.session.set('redis.acks', acks);
    ctx.session.onEnd(async (outcome) => {
      if (outcome !== 'success' || acks.size === 0) return;
      const pipe = client.pipeline();
      for (const [id, list] of acks) { const [k, g] = JSON.parse(id) as [string, string]; pipe.call('XACK', [k, g, ...list]); }
      const replies = await pipe.exec().catch((e) => { throw redisProblem(e, server); });
      for (const [err] of replies ?? []) if (err) throw redisProblem(err, server);
    });
  }
  const id = JSON.stringify([key, group]);
  pending.set(id, [...(pending.get(id) ?? []), ...ids]);
}

export async function readStreams(ctx: NodeContext<CommandParams>, run: RunClient, reads: { item: Item; index: number; params: CommandParams }[]): Promise<Item[]> {
  for (const { index, params: q } of reads) {
    if (!q.key) ctx.fail(`item ${index}: the stream key is empty`, { code: 'param.invalid', path: 'params.key' });
    if (!q.group) ctx.fail(`item ${index}: the consumer group is empty`, { code: 'param.invalid', path: 'params.group' });
  }
  await ensureGroups(ctx, run, reads);
  const pipe = run.client.pipeline();
  for (const { params: q } of reads) {
    const block = q.blockMs > 0 ? ['BLOCK', q.blockMs] : [];
    pipe.call('XREADGROUP', ['GROUP', q.group!, q.consumer || 'junction', 'COUNT', q.count, ...block, 'STREAMS', q.key!, '>']);
  }
  const replies = await pipe.exec().catch((e) => { throw redisProblem(e, run.server); });
  const out: Item[] = [];
  reads.forEach(({ item, index, params: q }, i) => {
    const [err, reply] = replies?.[i] ?? [null, null];
    if (err) {
      if (/NOGROUP/.test(err.message)) {
        ctx.fail(`item ${index}: stream "${q.key}" has no consumer group "${q.group}" on ${run.server}; turn on "Create the group" or create it with XGROUP CREATE`, { code: 'redis.nogroup', path: 'params.group' });
      }
      ctx.fail(`item ${index}: ${redisProblem(err, run.server).message}`, { code: 'redis.error' });
    }
    const ids: string[] = [];
    for (const [stream, entries] of (reply as Reply) ?? []) {
      for (const [id, flat] of entries) {
        const fields: Record<string, unknown> = {};
        for (let f = 0; f + 1 < flat.length; f += 2) fields[flat[f]] = q.parseJson ? parseText(flat[f + 1]) : flat[f + 1];
        out.push(ctx.newItem({ stream, id, group: q.group, consumer: q.consumer || 'junction', fields }, item));
        ids.push(id);
      }
    }
    if (q.ack && ids.length) ackAtEnd(ctx, run, q.key!, q.group!, ids);
  });
  return out;
}
