import type { NodeContext, NodeSession, NodeType, Outputs } from '../sdk/types';

type Outcome = 'success' | 'failed' | 'cancelled';

/** A node run's session: values kept across batches, and what to do when the node ends. */
export function createNodeSession(): NodeSession & { end(outcome: Outcome): Promise<void> } {
  const values = new Map<string, unknown>();
  const enders: ((outcome: Outcome) => Promise<void> | void)[] = [];
  return {
    get: <T>(key: string) => values.get(key) as T | undefined,
    set: (key, value) => { values.set(key, value); },
    onEnd: (fn) => { enders.push(fn); },
    /** Every ender runs, latest first, even when one throws; the first error is rethrown after. */
    async end(outcome) {
      let first: unknown;
      for (const fn of enders.splice(0).reverse()) {
        try { await fn(outcome); } catch (e) { first ??= e; }
      }
      if (first !== undefined) throw first;
    },
  };
}

/** Appends `extra`'s items to `into`'s ports. */
export function appendOutputs(into: Outputs, extra: Outputs | void): Outputs {
  if (!extra) return into;
  for (const [port, items] of Object.entries(extra)) {
    const list = (into[port] ??= []);
    for (const item of items) list.push(item);
  }
  return into;
}

/**
 * Runs a node over all its input as one batch: execute, then finish; then ends its session with
 * how that went (a failure's own error is the one reported, not an ender's).
 */
export async function runWhole(type: NodeType, ctx: NodeContext<never>, session: NodeSession & { end(outcome: Outcome): Promise<void> }, isCancelled: () => boolean = () => false): Promise<Outputs> {
  let outputs: Outputs;
  try {
    outputs = (await type.execute(ctx)) ?? {};
    if (type.finish) outputs = appendOutputs({ ...outputs }, await type.finish(ctx));
  } catch (e) {
    await session.end(isCancelled() ? 'cancelled' : 'failed').catch(() => {});
    throw e;
  }
  await session.end('success');
  return outputs;
}
