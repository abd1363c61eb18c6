import { randomUUID } from 'node:crypto';
import { analyzeGraph, type FlowGraph } from '../flow/graph';
import type { FlowFile, FlowNode } from '../flow/types';
import { downstreamOf } from '../flow/walks';
import type { NodeLookup } from '../flow/validate';
import { JunctionError, toErrorInfo, type ErrorInfo } from '../sdk/errors';
import type { Clock, CodeRunner, Item, JournalEntry, NodeType, Outputs } from '../sdk/types';
import { systemClock } from './clock';
import type { EngineEvent, NodeRunStatus, RunMode } from './events';
import { runLoop } from './loop';
import { runNode } from './node-runner';
import { createRunContext, type RunContext } from './run-context';
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
  /** "Run this node": run only this node, its inputs taken from `previous` or pinned data. */
  only?: string;
  previous?: ReadonlyMap<string, Outputs>;
  usePinned?: boolean;
  clock?: Clock;
  signal?: AbortSignal;
  onEvent?: (e: EngineEvent) => void;
  state?: StateStore;
  journal?: { append(entry: JournalEntry): void };
  code?: CodeRunner;
  vars?: Record<string, unknown>;
  env?: Record<string, string>;
}

export interface RunResult {
  runId: string;
  status: 'success' | 'failed' | 'cancelled';
  error?: ErrorInfo;
  durationMs: number;
  outputs: Map<string, Outputs>;
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
}

/** Runs a validated flow once. Never throws for what a flow or a node does: the result says how it ended. */
export async function runFlow(flow: FlowFile, opts: RunOptions): Promise<RunResult> {
  const clock = opts.clock ?? systemClock;
  const runId = opts.runId ?? randomUUID();
  const controller = new AbortController();
  const status = new Map<string, NodeRunStatus>();
  const emit = (e: EngineEvent) => {
    if (e.type === 'node.finished') status.set(e.nodeId, e.status);
    opts.onEvent?.(e);
  };
  const rc = createRunContext({
    flow, runId, mode: opts.mode ?? 'manual', clock, controller, emit,
    state: opts.state ?? memoryStateStore(), code: opts.code ?? noCode, journal: opts.journal,
    vars: opts.vars ?? {}, env: opts.env ?? {}, usePinned: opts.usePinned ?? false,
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

  const toRun = selectNodes(flow, graph, opts);
  if (toRun.skipped) for (const id of toRun.skipped) {
    const prev = opts.previous?.get(id) ?? (flow.pinned[id] ? { main: flow.pinned[id].map((json) => ({ json })) } : undefined);
    if (prev) rc.outputs.set(id, prev);
  }
  const inLoop = new Set([...graph.loopBodies.values()].flatMap((b) => [...b]));

  const s: Scheduler = {
    rc, flow, graph, nodes, status,
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
    if (controller.signal.aborted || (toRun.only && !toRun.only.has(id))) return;
    const { node, type } = nodes.get(id)!;
    if (type.control === 'loop') return runLoop(s, id);
    let inputs = s.gather(id);
    if (type.isTrigger) {
      if (id !== trigger && !toRun.only) return;
      if (id === trigger) inputs = { main: initial };
    } else if (!graph.incoming.get(id)!.length && !trigger) {
      inputs = { [type.inputs[0] ?? 'main']: initial };
    }
    if (!Object.values(inputs).some((items) => items.length)) {
      emit({ type: 'node.finished', runId, nodeId: id, nodeName: node.name, nodeType: node.type, status: 'skipped', at: rc.iso(), durationMs: 0, attempts: 0, iteration: 0, itemsIn: {}, itemsOut: {} });
      return;
    }
    const outcome = await runNode(rc, node, type, inputs, 0);
    rc.outputs.set(id, outcome.outputs);
    if (outcome.isFatal && outcome.error && outcome.status !== 'cancelled') s.fail(outcome.error);
  }

  emit({ type: 'run.started', runId, flowId: flow.id, flowName: flow.name, trigger: trigger ? nodes.get(trigger)!.node.name : 'manual', mode: rc.mode, at: new Date(startedAt).toISOString() });
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
  const itemsOut = [...nodes.keys()].filter((id) => !graph.outgoing.get(id)!.length)
    .reduce((sum, id) => sum + Object.values(rc.outputs.get(id) ?? {}).reduce((a, items) => a + items.length, 0), 0);
  emit({ type: 'run.finished', runId, status: finalStatus, at: rc.iso(), durationMs, itemsOut, ...(finalError ? { error: finalError } : {}) });
  return { runId, status: finalStatus, error: finalError, durationMs, outputs: rc.outputs, nodeStatus: status };
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

/** Which nodes a partial run executes, and which take earlier data instead. */
function selectNodes(flow: FlowFile, graph: FlowGraph, opts: RunOptions): { only?: Set<string>; skipped?: string[] } {
  const start = opts.only ?? opts.startAt;
  if (!start) return {};
  const run = new Set<string>([start, ...(opts.startAt ? downstreamOf(flow, start) : [])]);
  return { only: run, skipped: graph.order.filter((id) => !run.has(id)) };
}
