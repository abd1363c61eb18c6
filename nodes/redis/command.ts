/**
 * Redis (`redis.command`): one operation per item (get, set, hashes, lists, streams, publish),
 * keys and values from expressions. The commands of a batch go to Redis in one pipeline (one
 * round trip), over one connection per node run. Each output item is its input item with the
 * reply in `into`; a stream read gives one item per entry read instead.
 */
import { copyFields, defineNode, pathParts, setPath, type Item, type NodeContext } from '../../engine/sdk';
import { commandParams, type CommandParams } from './command-params';
import { redisProblem } from './connection';
import { plan, PlanProblem, type Planned } from './operations';
import { runClient } from './session-client';
import { readStreams } from './stream-read';

type Read = { item: Item; index: number; params: CommandParams };

/** Each item with its own params; with no input, one run of the params as they stand. */
const readsOf = (ctx: NodeContext<CommandParams>): Read[] =>
  ctx.items.length === 0 ? [{ item: { json: {} }, index: 0, params: ctx.params }] : [...ctx.each()];

export default defineNode({
  type: 'redis.command', version: 1,
  title: 'Redis', category: 'connector', icon: 'database',
  description: 'Reads and writes Redis: values with expiry, hashes, lists, streams with consumer groups, and publish.',
  inputs: ['main'], outputs: ['main'],
  credentials: [{ slot: 'redis', types: ['redis'], label: 'Redis server' }],
  batching: 'item',
  params: commandParams,
  async execute(ctx) {
    const run = await runClient(ctx as NodeContext<unknown>);
    const reads = readsOf(ctx);
    const op = ctx.paramsAsWritten.operation;
    if (op === 'streamRead') return { main: await readStreams(ctx, run, reads) };
    const pipe = run.client.pipeline();
    const planned: Planned[] = [];
    for (const { item, index, params } of reads) {
      let one: Planned;
      try { one = plan(op, params, item.json); } catch (e) {
        if (e instanceof PlanProblem) ctx.fail(`item ${index}: ${e.message}`, { code: 'param.invalid', path: e.path });
        throw e;
      }
      planned.push(one);
      pipe.call(one.command, one.args);
    }
    const replies = await pipe.exec().catch((e) => { throw redisProblem(e, run.server); });
    const into = pathParts(ctx.paramsAsWritten.into);
    const main = reads.map(({ item, index, params }, i) => {
      const [err, reply] = replies?.[i] ?? [new Error('no reply'), null];
      if (err) {
        const what = params.operation === 'publish' ? `channel "${params.channel}"` : `key "${params.key}"`;
        ctx.fail(`item ${index}: ${planned[i].command} on ${what} failed: ${redisProblem(err, run.server).message}`, { code: 'redis.command' });
      }
      const json = copyFields(item.json);
      setPath(json, into, planned[i].reply(reply));
      return ctx.newItem(json, item);
    });
    return { main };
  },
});
