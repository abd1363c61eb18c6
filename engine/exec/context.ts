import { createHttpClient } from '../http/client';
import { JunctionError } from '../sdk/errors';
import { newItem } from '../sdk/items';
import { getPath, keyOf } from '../sdk/paths';
import type { HttpClient } from '../http/types';
import type { BinaryStore, Clock, CodeRunner, Item, JournalEntry, Logger, NodeContext, NodeInfo, NodeSession, NodeState, ResolvedCredential, WriteRequest } from '../sdk/types';
import { compileParams } from './params';
import { processBinaryStore } from './binary-store';
import { createNodeSession } from './node-session';
import { createScope, type ScopeSources } from './scope';

export interface ContextDeps {
  node: NodeInfo;
  paramSpec: import('../sdk/schema').FieldSpec;
  params: Record<string, unknown>;
  inputs: Record<string, Item[]>;
  mainPort: string;
  scope: ScopeSources;
  run: { id: string; mode: 'manual' | 'cli' | 'trigger' | 'test' };
  flow: { id: string; name: string };
  log: Logger;
  signal: AbortSignal;
  clock: Clock;
  state: NodeState;
  code: CodeRunner;
  journal: (entry: Omit<JournalEntry, 'seq' | 'at' | 'runId' | 'nodeId'>) => void;
  credential: (slot: string) => Promise<ResolvedCredential | undefined>;
  binary?: BinaryStore;
  /** Kept across the batches of one node run; a fresh one when absent. */
  session?: NodeSession;
  /** Items of the node's input before this batch (a streamed run): `$index` and error messages count from the stream's start. */
  indexBase?: number;
}

/** Builds what a node's `execute` receives. Params are compiled here, once per node run. */
export function createNodeContext(d: ContextDeps): NodeContext<Record<string, unknown>> {
  const resolver = compileParams(d.paramSpec, d.params);
  const main = d.inputs[d.mainPort] ?? [];
  const { scope, at } = createScope(d.scope, main);
  const withNode = (e: unknown): never => {
    if (e instanceof JunctionError && !e.node) throw new JunctionError(e.code, e.message, { path: e.path, node: d.node.name, retryable: e.retryable });
    throw e;
  };
  const forItem = (e: unknown, item: Item | undefined, index: number): never => {
    if (e instanceof JunctionError) throw new JunctionError(e.code, item ? `item ${index}: ${e.message}` : e.message, { path: e.path, node: d.node.name });
    throw e;
  };
  const base = d.indexBase ?? 0;
  const resolveFor = (item: Item | undefined, index: number) => {
    if (resolver.isStatic) return resolver.resolve(scope);
    at(item, base + index);
    try { return resolver.resolve(scope); } catch (e) { return forItem(e, item, base + index); }
  };
  let firstParams: Record<string, unknown> | undefined;
  let http: HttpClient | undefined;

  return {
    node: d.node,
    flow: d.flow,
    run: d.run,
    get params() { return (firstParams ??= resolveFor(main[0], 0)); },
    items: main,
    inputs: d.inputs,
    *each(port = d.mainPort) {
      const items = d.inputs[port] ?? [];
      // Static params: one object shared by every item, nothing allocated per item.
      if (resolver.isStatic) {
        const params = resolver.resolve(scope);
        for (let index = 0; index < items.length; index++) yield { item: items[index], index, params };
        return;
      }
      for (let index = 0; index < items.length; index++) yield { item: items[index], index, params: resolveFor(items[index], index) };
    },
    paramsFor: (item, index) => resolveFor(item, index),
    paramsAsWritten: d.params,
    paramReader(path) {
      const part = resolver.part(path);
      if (part.isStatic) { const value = part.value; return () => value; }
      const compute = part.compute;
      return (item, index) => {
        at(item, base + index);
        try { return compute(scope); } catch (e) { return forItem(e, item, base + index); }
      };
    },
    newItem,
    keyOf,
    get: (item, path) => getPath(item.json, path),
    log: d.log,
    signal: d.signal,
    clock: d.clock,
    state: d.state,
    session: d.session ?? createNodeSession(),
    binary: d.binary ?? processBinaryStore(),
    code: d.code,
    async credential(slot) {
      try { return await d.credential(slot); } catch (e) { return withNode(e); }
    },
    // Made on first use: most nodes never call out.
    get http() { return (http ??= createHttpClient({ signal: d.signal, clock: d.clock, log: d.log })); },
    async write<R>(req: WriteRequest<R>): Promise<R> {
      if (d.signal.aborted) throw Object.assign(new Error('The run was cancelled.'), { name: 'AbortError' });
      const after = await req.apply();
      d.journal({ system: req.system, key: req.key, op: req.op, before: req.before ?? null, after: after ?? null });
      return after;
    },
    fail(message, opts = {}): never {
      return withNode(new JunctionError(opts.code ?? 'node.failed', message, { path: opts.path }));
    },
  };
}
