import { DateTime } from 'luxon';
import { chargeShared, hostFunction, hostObject, nodeBudget, type ExprScope } from '../expr';
import { JunctionError } from '../sdk/errors';
import type { Item, NodeInfo, Outputs } from '../sdk/types';
import { isTruncated, sampleTotals } from './stream-sample';

/** What expressions of one node can see of the run. */
export interface ScopeSources {
  outputs: ReadonlyMap<string, Outputs>;
  nodeIdByName: ReadonlyMap<string, string>;
  vars: Record<string, unknown>;
  env: Record<string, string>;
  run: { id: string; mode: string };
  flow: { id: string; name: string };
  node: NodeInfo;
  state: Record<string, unknown>;
  nowMs: number;
  timezone?: string;
}

// What an expression sees of an item: its data, never the engine's lineage references.
const view = (item: Item | undefined) => (item ? hostObject({ json: item.json, binary: item.binary ?? {} }) : undefined);

/** Follows lineage from `item` back to the item that node `nodeId` produced. */
function ancestorFrom(item: Item | undefined, produced: Set<Item>): Item | undefined {
  if (item === undefined || produced.has(item)) return item;
  const queue: Item[] = [item];
  const seen = new Set<Item>();
  while (queue.length) {
    const cur = queue.shift()!;
    if (produced.has(cur)) return cur;
    if (seen.has(cur)) continue;
    seen.add(cur);
    if (cur.paired) queue.push(...cur.paired);
  }
  return undefined;
}

/**
 * `all()`, `first()` and `last()` over one list of items. The views are built once per node run
 * and shared, frozen, by every call (expressions never mutate lists), so a call costs nothing
 * per item; it is still charged by the list's size, since what follows usually walks it.
 */
function listAccess(items: readonly Item[], sampled?: () => never) {
  let views: readonly unknown[] | undefined;
  return {
    all: hostFunction(() => {
      if (sampled) sampled();
      chargeShared(items.length);
      return (views ??= Object.freeze(items.map(view)));
    }),
    first: hostFunction(() => view(items[0])),
    last: hostFunction(() => (sampled ? sampled() : view(items[items.length - 1]))),
  };
}

/**
 * A node that streamed keeps only its first items (exec/stream-sample.ts). Whatever needs the
 * rest (`all()`, `last()`, the paired item of an item beyond the sample) fails with this rather
 * than computing a silently wrong answer from part of the data. Inside the stream, `.item`
 * finds its paired item in the batch being processed, so it always works there.
 */
function sampledError(name: string, outputs: Outputs, what: string): never {
  const counts = sampleTotals(outputs) ?? {};
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const kept = Object.values(outputs).reduce((a, b) => a + b.length, 0);
  throw new JunctionError('expr.sampled', `"${name}" streamed ${total.toLocaleString('en-US')} items and only the first ${kept.toLocaleString('en-US')} are kept, so ${what} cannot be given here. Collect the items first (e.g. with an Aggregate node) or read them inside the streamed part of the flow.`);
}

/** One scope per node run; `at()` points it at the next item without allocating. */
export function createScope(src: ScopeSources, items: Item[]) {
  let current: Item | undefined;
  const refs = new Map<string, { produced: Set<Item>; access: ReturnType<typeof listAccess>; sampled?: (what: string) => never }>();
  const allOf = (nodeId: string): Item[] => Object.values(src.outputs.get(nodeId) ?? {}).flat();

  const nodeRef = hostFunction((name: unknown) => {
    const id = typeof name === 'string' ? src.nodeIdByName.get(name) : undefined;
    if (!id) throw new JunctionError('expr.unknown-node', `There is no node named ${JSON.stringify(name)}`);
    if (!src.outputs.has(id)) throw new JunctionError('expr.node-not-run', `"${name}" has not run before this node, so its data is not available`);
    let ref = refs.get(id);
    if (!ref) {
      const outputs = src.outputs.get(id)!;
      const sampled = isTruncated(outputs) ? (what: string) => sampledError(name as string, outputs, what) : undefined;
      ref = { produced: new Set(allOf(id)), access: listAccess(outputs.main ?? allOf(id), sampled && (() => sampled(`$(${JSON.stringify(name)}).all() / .last()`))), sampled };
      refs.set(id, ref);
    }
    const ancestor = ancestorFrom(current, ref.produced);
    if (ancestor === undefined && current !== undefined && ref.sampled) ref.sampled(`the paired item of $(${JSON.stringify(name)})`);
    const paired = view(ancestor);
    return hostObject({ item: paired, json: paired?.json, ...ref.access });
  });

  // Built on first read: luxon's first zone lookup costs tens of milliseconds at start-up, and
  // most nodes never read the clock.
  let now: DateTime | undefined;
  let today: DateTime | undefined;
  const nowDate = () => (now ??= DateTime.fromMillis(src.nowMs, { zone: src.timezone ?? 'local' }));
  const scope: ExprScope = {
    $json: {},
    $binary: {},
    $index: 0,
    $input: hostObject(listAccess(items)),
    $: nodeRef,
    $vars: src.vars,
    $env: src.env,
    get $now() { return nowDate(); },
    get $today() { return (today ??= nowDate().startOf('day')); },
    $run: src.run,
    $flow: src.flow,
    $node: { id: src.node.id, name: src.node.name, type: src.node.type },
    $state: src.state,
    budget: nodeBudget(items.length),
  };
  return {
    scope,
    at(item: Item | undefined, index: number) {
      current = item;
      scope.$json = item ? item.json : {};
      scope.$binary = item?.binary ?? {};
      scope.$index = index;
    },
  };
}
