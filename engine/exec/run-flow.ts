import { randomUUID } from 'node:crypto';
import { analyzeGraph, type FlowGraph } from '../flow/graph';
import type { FlowFile, FlowNode } from '../flow/types';
import type { NodeLookup } from '../flow/validate';
import { JunctionError, toErrorInfo, type ErrorInfo } from '../sdk/errors';
import type { Clock, CodeRunner, Item, JournalEntry, NodeType, Outputs } from '../sdk/types';
import { systemClock } from './clock';
import type { EngineEvent, NodeRunStatus, RunMode, RunObserver } from './events';
import { runLoop } from './loop';
import { runNode } from './node-runner';
import { createRedactor } from './redact';
import { createRunContext, type CredentialResolver, type RunContext } from './run-context';
import { selectNodes } from './select-nodes';
import { runStream } from './stream-run';
import { isTruncated, sampleTotals } from './stream-sample';
import { memoryStateStore, type StateStore } from './state';

export interface RunOptions {
  types: NodeLookup;
  runId?: string;
  mode?: RunMode;
  /** The trigger node that starts this run; the first enabled trigger when absent. */
  trigger?: string;
  /** The run's initial items (JSON); one empty item when absent. */
  input?: Record<string, unknown>[];
  /** "Run from here": run this node and everything after it; earlier nodes give `previous` or pinned data. */
  startAt?: string;
  /** "Run this node": run only this node, its inputs taken from `previous` or pinned data (upstream nodes without either run too). */
  only?: string;
  previous?: ReadonlyMap<string, Outputs>;
  usePinned?: boolean;
  clock?: Clock;
  signal?: AbortSignal;
  /** Least time between two node.progress events of one node in a streamed run (250 ms when absent). */
  progressIntervalMs?: number;
  /** Told every event of the run, in list order (run history, the editor's stream, the CLI's table). */
  observers?: readonly RunObserver[];
  state?: StateStore;
  journal?: { append(entry: JournalEntry): void };
  code?: CodeRunner;
  vars?: Record<string, unknown>;
  env?: Record<string, string>;
  /** Resolves a node's connection reference (secrets from the keychain); nodes that ask for one fail without it. */
  credentials?: CredentialResolver;
}

export interface RunResult {
  runId: string;
  status: 'success' | 'failed' | 'cancelled';
  error?: ErrorInfo;
  durationMs: number;
  /** Items that left through unconnected error ports (the run still succeeded). */
  failedItems: number;
  outputs: Map<string, Outputs>;
  /** Nodes that streamed more items than they keep: their `outputs` are the first items, these the exact counts per port. */
  samples: Map<string, Record<string, number>>;
  nodeStatus: Map<string, NodeRunStatus>;
}

const noCode: CodeRunner = {
  run: () => Promise.reject(new JunctionError('code.unavailable', 'No code sandbox is available in this run')),
};

/** Everything a scope needs to schedule its nodes. */
export interface Scheduler {
  rc: RunContext;
  flow: FlowFile;
  graph: FlowGraph;
  nodes: Map<string, { node: FlowNode; type: NodeType }>;
  status: Map<string, NodeRunStatus>;
  /** Marks the run failed and stops whatever still runs. */
  fail(error: ErrorInfo): void;
  runScope(ids: string[]): Promise<void>;
  gather(id: string): Record<string, Item[]>;
  /** Nodes in loop bodies (they never stream). */
  inLoop: Set<string>;
  /** The nodes a partial run executes; all when absent. */
  only?: Set<string>;
  /** Nodes a stream ran: their own turn in the schedule has nothing left to do. */
  streamed: Set<string>;
  progressMs: number;
}

/** Runs a validated flow once. Never throws for what a flow or a node does: the result says how it ended. */
export async function runFlow(flow: FlowFile, opts: RunOptions): Promise<RunResult> {
  const clock = opts.clock ?? systemClock;
  const runId = opts.runId ?? randomUUID();
  const controller = new AbortController();
  const status = new Map<string, NodeRunStatus>();
  const observers = opts.observers ?? [];
  let failedItems = 0;
  const redactor = createRedactor();
  const emit = (raw: EngineEvent) => {
    const e = redactor.event(raw);
    if (e.type === 'node.finished') {
      status.set(e.nodeId, e.status);
      if (e.failedItems) failedItems += e.failedItems;
    }
    for (let i = 0; i < observers.length; i++) observers[i](e);
  };
  const rc = createRunContext({
    flow, runId, mode: opts.mode ?? 'manual', clock, controller, emit,
    state: opts.state ?? memoryStateStore(), code: opts.code ?? noCode, journal: opts.journal,
    vars: opts.vars ?? {}, env: opts.env ?? {}, usePinned: opts.usePinned ?? false,
    credentials: opts.credentials, redactor,
  });
  const nodes = new Map<string, { node: FlowNode; type: NodeType }>();
  for (const node of flow.nodes) {
    const type = opts.types.get(node.type, node.version);
    if (!type) throw new JunctionError('flow.unknown-type', `unknown node type "${node.type}" v${node.version}`, { node: node.name });
    // Defaults filled here too, so a caller that skipped validation still runs what the file means.
    if (!type.isEditorOnly) nodes.set(node.id, { node: { ...node, params: type.validate(node.params).value }, type });
  }
  const graph = analyzeGraph(flow, (id) => nodes.get(id)?.type.control === 'loop');
  const trigger = opts.trigger ?? flow.nodes.find((n) => nodes.get(n.id)?.type.isTrigger && !n.settings?.disabled)?.id;
  const initial: Item[] = (opts.input ?? [{}]).map((json) => ({ json }));
  const t0 = performance.now();
  const startedAt = clock.now();
  let failure: ErrorInfo | undefined;

  const onCancel = () => controller.abort(new JunctionError('run.cancelled', 'The run was cancelled.'));
  opts.signal?.addEventListener('abort', onCancel, { once: true });
  if (opts.signal?.aborted) onCancel();
  const runTimer = flow.settings.timeoutMs
    ? setTimeout(() => controller.abort(new JunctionError('run.timeout', `The run took longer than ${flow.settings.timeoutMs} ms and was stopped`)), flow.settings.timeoutMs)
    : undefined;

  const earlier = (id: string): Outputs | undefined => opts.previous?.get(id) ?? (flow.pinned[id] ? { main: flow.pinned[id].map((json) => ({ json })) } : undefined);
  const toRun = selectNodes(flow, graph, opts, (id) => !!opts.previous?.has(id) || !!flow.pinned[id]);
  if (toRun.skipped) for (const id of toRun.skipped) {
    const prev = earlier(id);
    if (prev) rc.outputs.set(id, prev);
  }
  const inLoop = new Set([...graph.loopBodies.values()].flatMap((b) => [...b]));

  const s: Scheduler = {
    rc, flow, graph, nodes, status, inLoop, only: toRun.only, streamed: new Set(), progressMs: opts.progressIntervalMs ?? 250,
    fail(error) { failure ??= error; if (!controller.signal.aborted) controller.abort(new JunctionError(error.code, error.message, { node: error.node })); },
    gather(id) {
      const ins: Record<string, Item[]> = {};
      for (const e of graph.incoming.get(id) ?? []) {
        const items = rc.outputs.get(e.from.node)?.[e.from.port];
        if (!items) continue;
        const cur = ins[e.to.port];
        ins[e.to.port] = cur ? cur.concat(items) : items;
      }
      return ins;
    },
    async runScope(ids) {
      const done = new Map<string, Promise<void>>();
      for (const id of ids) {
        const deps = dependencies(s, id).filter((d) => done.has(d));
        const entry = nodes.get(id)!;
        const isFirst = entry.type.settle?.(entry.node.params as never) === 'first';
        done.set(id, settle(s, id, deps.map((d) => [d, done.get(d)!] as const), isFirst).then(() => step(id)));
      }
      await Promise.all(done.values());
    },
  };

  async function step(id: string): Promise<void> {
    if (controller.signal.aborted || (toRun.only && !toRun.only.has(id)) || s.streamed.has(id)) return;
    const { node, type } = nodes.get(id)!;
    if (type.control === 'loop') return runLoop(s, id);
    let inputs = s.gather(id);
    if (type.isTrigger) {
      // A partial run that needs a trigger's items starts it like the run's own trigger.
      if (id !== trigger && !toRun.only) return;
      inputs = { main: initial };
    } else if (!graph.incoming.get(id)!.length && !trigger) {
      inputs = { [type.inputs[0] ?? 'main']: initial };
    }
    if (!Object.values(inputs).some((items) => items.length)) {
      rc.finished(node, { status: 'skipped', attempts: 0, iteration: 0, inputs: {}, outputs: {} });
      return;
    }
    if (type.stream && !inLoop.has(id) && !node.settings?.disabled && !rc.pinnedFor(id)) return runStream(s, id, inputs);
    const outcome = await runNode(rc, node, type, inputs, 0);
    rc.outputs.set(id, outcome.outputs);
    if (outcome.isFatal && outcome.error && outcome.status !== 'cancelled') s.fail(outcome.error);
  }

  emit({ type: 'run.started', runId, flowId: flow.id, flowName: flow.name, trigger: trigger ? nodes.get(trigger)!.node.name : 'manual', mode: rc.mode, at: new Date(startedAt).toISOString(), flow });
  try {
    await s.runScope(graph.order.filter((id) => nodes.has(id) && !inLoop.has(id)));
  } catch (e) {
    s.fail({ ...toErrorInfo(e), code: 'engine.bug' });
  } finally {
    clearTimeout(runTimer);
    opts.signal?.removeEventListener('abort', onCancel);
  }
  const reason = controller.signal.reason;
  const cancelled = !failure && controller.signal.aborted;
  const error = failure ?? (cancelled ? toErrorInfo(reason) : undefined);
  let finalStatus: RunResult['status'] = cancelled ? 'cancelled' : failure ? 'failed' : 'success';
  let finalError = error;
  if (finalStatus === 'success') {
    try { rc.state.commit(); } catch (e) { finalStatus = 'failed'; finalError = { code: 'state.commit', message: `Saving node state failed: ${(e as Error).message}` }; }
  }
  const durationMs = Math.round((performance.now() - t0) * 1000) / 1000;
  // What the run delivered: items its last nodes (of a partial run: the last it ran) sent on, not the failed ones on error ports.
  const ran = toRun.only;
  let itemsOut = 0;
  for (const id of nodes.keys()) {
    if (ran && !ran.has(id)) continue;
    if (graph.outgoing.get(id)!.some((e) => !ran || ran.has(e.to.node))) continue;
    const ports = rc.outputs.get(id) ?? {};
    const exact = sampleTotals(ports);
    for (const port of Object.keys(ports)) if (port !== 'error') itemsOut += exact?.[port] ?? ports[port].length;
  }
  emit({ type: 'run.finished', runId, status: finalStatus, at: rc.iso(), durationMs, itemsOut, ...(failedItems ? { failedItems } : {}), ...(finalError ? { error: finalError } : {}) });
  return { runId, status: finalStatus, error: finalError && { ...finalError, message: redactor.text(finalError.message) }, durationMs, failedItems, outputs: rc.outputs, samples: samplesOf(rc.outputs), nodeStatus: status };
}

function samplesOf(outputs: Map<string, Outputs>): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const [id, ports] of outputs) if (isTruncated(ports)) out.set(id, sampleTotals(ports)!);
  return out;
}

/** Nodes whose outputs must settle before `id` runs; a loop also waits for what feeds its body. */
function dependencies(s: Scheduler, id: string): string[] {
  const deps = new Set((s.graph.incoming.get(id) ?? []).map((e) => e.from.node));
  const body = s.graph.loopBodies.get(id);
  if (body) for (const b of body) for (const e of s.graph.incoming.get(b) ?? []) if (!body.has(e.from.node) && e.from.node !== id) deps.add(e.from.node);
  return [...deps];
}

/** Waits for all dependencies, or (merge "first") for the first one that delivers items to `id`. */
function settle(s: Scheduler, id: string, deps: (readonly [string, Promise<void>])[], isFirst: boolean): Promise<unknown> {
  if (!isFirst || !deps.length) return Promise.all(deps.map(([, p]) => p));
  return new Promise<void>((resolve) => {
    let left = deps.length;
    for (const [dep, p] of deps) {
      void p.then(() => {
        const delivers = (s.graph.incoming.get(id) ?? []).some((e) => e.from.node === dep && (s.rc.outputs.get(dep)?.[e.from.port]?.length ?? 0) > 0);
        if (delivers || --left === 0) resolve();
      });
    }
  });
}
