import type { Clock, CodeRunner, Item, JournalEntry, Logger, NodeContext, NodeType, ResolvedCredential } from '../sdk/types';
import { createNodeContext } from './context';
import { createNodeSession } from './node-session';
import { memoryStateStore, stagedState } from './state';

export interface StandaloneOptions {
  /** Names the run, the flow and the node's state partition (`test`, `preview`). */
  id: string;
  mode: 'manual' | 'test';
  params: Record<string, unknown>;
  inputs: Record<string, Item[]>;
  log: Logger;
  signal: AbortSignal;
  clock: Clock;
  code: CodeRunner;
  credential(slot: string): Promise<ResolvedCredential | undefined>;
  journal?(entry: Omit<JournalEntry, 'seq' | 'at' | 'runId' | 'nodeId'>): void;
  /** The node's state before the run, when it has some. */
  state?: Record<string, unknown>;
  /** What `$now` reads. */
  nowMs: number;
}

/**
 * A node's context outside any flow run (a unit test, a file preview): the node alone, with its
 * own in-memory state and session. `commit()` keeps the state it staged; `end` ends its session.
 */
export function standaloneContext(type: NodeType, o: StandaloneOptions) {
  const node = { id: 'n', name: type.title, type: type.type, version: type.version };
  const run = { id: o.id, mode: o.mode };
  const flow = { id: o.id, name: o.id };
  const store = memoryStateStore();
  if (o.state) store.commit(o.id, { n: o.state });
  const staged = stagedState(store, o.id);
  const session = createNodeSession();
  const ctx: NodeContext<Record<string, unknown>> = createNodeContext({
    node, paramSpec: type.paramSpec, params: o.params, inputs: o.inputs, mainPort: type.inputs[0] ?? 'main',
    scope: { outputs: new Map(), nodeIdByName: new Map(), vars: {}, env: {}, run, flow, node, state: staged.snapshot('n'), nowMs: o.nowMs },
    run, flow, log: o.log, signal: o.signal, clock: o.clock, state: staged.forNode('n'), code: o.code,
    credential: o.credential, journal: o.journal ?? (() => {}), session,
  });
  return { ctx, session, commit: () => staged.commit(), state: () => store.load(o.id, 'n') };
}
