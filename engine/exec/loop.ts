import { JunctionError } from '../sdk/errors';
import type { Item } from '../sdk/types';
import type { Scheduler } from './run-flow';

/**
 * The loop node: splits its input into batches and runs its body (what `batch` reaches)
 * once per batch, in order. Items that come back to the loop are collected and leave
 * through `done` after the last batch; a body that never comes back leaves the input there.
 * Iterations are bounded by the input, so a loop cannot spin forever.
 */
export async function runLoop(s: Scheduler, id: string): Promise<void> {
  const { rc, graph } = s;
  const { node, type } = s.nodes.get(id)!;
  const items = s.gather(id).main ?? [];
  const t0 = performance.now();
  const finished = (status: 'success' | 'skipped' | 'cancelled', iteration: number, output: Record<string, Item[]>) =>
    rc.finished(node, { status, t0, attempts: 1, iteration, inputs: { main: items }, outputs: output });
  if (!items.length) return finished('skipped', 0, {});

  rc.emit({ type: 'node.started', runId: rc.runId, nodeId: id, nodeName: node.name, at: rc.iso() });
  // The loop node's schema owns the batch size and its default; the executor reads the checked value.
  const size = type.validate(node.params).value.batchSize;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) {
    throw new JunctionError('engine.bug', `The loop node "${node.name}" has no valid batchSize in its params`, { node: node.name });
  }
  const body = graph.loopBodies.get(id)!;
  const innerBodies = new Set([...body].flatMap((b) => [...(graph.loopBodies.get(b) ?? [])]));
  const scope = graph.order.filter((n) => body.has(n) && !innerBodies.has(n) && s.nodes.has(n));
  const back = [...graph.backEdges].map((eid) => s.flow.edges.find((e) => e.id === eid)!).filter((e) => e.to.node === id);
  const collected: Item[] = [];

  for (let start = 0, iteration = 1; start < items.length; start += size, iteration++) {
    if (rc.signal.aborted) return finished('cancelled', iteration, {});
    const batch = items.slice(start, start + size);
    for (const n of body) rc.outputs.delete(n);
    rc.outputs.set(id, { batch });
    await s.runScope(scope);
    for (const e of back) {
      const returned = rc.outputs.get(e.from.node)?.[e.from.port];
      if (returned) for (const item of returned) collected.push(item);
    }
  }
  if (rc.signal.aborted) return finished('cancelled', 0, {});
  const done = back.length ? collected : items;
  rc.outputs.set(id, { done, batch: [] });
  finished('success', 0, { done });
}
