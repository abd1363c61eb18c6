import { randomUUID } from 'node:crypto';
import type { ApiEvent, Handlers, In, NodeRunDto, RunDetailDto, RunSummaryDto } from '../api';
import type { EngineEvent, RunObserver, Runtime } from '../exec';
import { formatProblems, validateFlow, type FlowFile, type NodeLookup } from '../flow';
import type { RunStore, RunSummary } from '../store';
import { JunctionError } from '../sdk/errors';
import type { NodeData, RunHost, RunOutcome } from '../worker';
import { completeOutputs, createRecentRuns, toClients, type RunMemory } from './run-memory';

export { RUNS_IN_MEMORY, type RunMemory } from './run-memory';

export interface RunDeps {
  types: NodeLookup;
  store: RunStore;
  runtime: Pick<Runtime, 'env' | 'vars' | 'findFlow' | 'isTrusted' | 'credentials'>;
  emit(event: ApiEvent): void;
  /** Runs each flow in a worker process of its own. */
  host: RunHost;
  /** Told every run's events (the outgoing-delivery queue). */
  observers?: RunObserver[];
  /** Node types whose node.finished events reach the observers with their output items. */
  eventDataOf?: string[];
}

/** How a trigger starts a run through the same path as the editor's. */
export interface Launch {
  /** The trigger node that starts the run. */
  trigger: string;
  input: Record<string, unknown>[];
  /** Told every event of the run after history and the editor's stream. */
  observers?: RunObserver[];
  /** False keeps the run out of history (and its items out of memory). */
  isRecorded?: boolean;
  /** A poll: a run whose trigger finds nothing leaves no trace (its result says `isEmpty`). */
  isQuietWhenEmpty?: boolean;
}

type RunHandlers = Pick<Handlers, 'runs.start' | 'runs.cancel' | 'runs.list' | 'runs.get' | 'runs.items'>;

const summary = (r: RunSummary): RunSummaryDto => ({
  id: r.id, flowId: r.flowId, flowName: r.flowName, trigger: r.trigger, mode: r.mode, status: r.status, startedAt: r.startedAt,
  ...(r.finishedAt !== undefined ? { finishedAt: r.finishedAt } : {}),
  ...(r.durationMs !== undefined ? { durationMs: r.durationMs } : {}),
  ...(r.itemsOut !== undefined ? { itemsOut: r.itemsOut } : {}),
  ...(r.failedItems !== undefined ? { failedItems: r.failedItems } : {}),
  ...(r.error ? { error: r.error } : {}),
});

/** Runs started from the editor: in the background, events streamed, the last runs' items kept for paging. */
export function createRuns({ types, store, runtime, emit, host, observers: always = [], eventDataOf }: RunDeps) {
  /** Runs that can still be cancelled, and every run's promise (an error flow may follow run.finished). */
  const active = new Map<string, AbortController>();
  const settling = new Set<Promise<unknown>>();
  const recent = createRecentRuns();
  const toListeners = toClients(emit);

  /** A run id the client chose must be new: a reused one would mix two runs' events and history. */
  const checkNewRunId = (runId: string) => {
    if (active.has(runId) || recent.has(runId) || store.getRun(runId)) {
      throw new JunctionError('runs.id-taken', `There is already a run with the id "${runId}"; start the run with a new id`, { path: 'runId' });
    }
  };

  const handlers: RunHandlers = {
    async 'runs.start'(req) {
      const { flow, problems } = validateFlow(req.flow, types);
      if (!flow || problems.length) {
        const first = problems[0];
        throw new JunctionError('flow.invalid', `The flow cannot run until ${problems.length === 1 ? 'this problem is' : `these ${problems.length} problems are`} fixed:\n${formatProblems(problems)}`, { path: first?.path });
      }
      if (req.mode !== 'flow' && !flow.nodes.some((n) => n.id === req.nodeId)) {
        throw new JunctionError('runs.node', `There is no node with the id "${req.nodeId ?? ''}" in this flow`, { path: 'nodeId' });
      }
      if (req.runId !== undefined) checkNewRunId(req.runId);
      return { runId: start(flow, req).runId };
    },

    async 'runs.cancel'({ runId }) {
      const controller = active.get(runId);
      if (!controller || recent.get(runId)?.isDone) return { cancelled: false };
      controller.abort();
      return { cancelled: true };
    },

    async 'runs.list'({ flowId, status, limit, offset }) {
      return store.listRuns({ flowId, status, limit, offset }).map(summary);
    },

    async 'runs.get'({ runId }) {
      const run = store.getRun(runId);
      if (!run) throw new JunctionError('run.not-found', `There is no run "${runId}" in the history`);
      const nodes = run.nodes.map((n): NodeRunDto => ({
        nodeId: n.nodeId, nodeName: n.nodeName, nodeType: n.nodeType, iteration: n.iteration, status: n.status,
        attempts: n.attempts, durationMs: n.durationMs, itemsIn: n.itemsIn, itemsOut: n.itemsOut,
        ...(n.failedItems !== undefined ? { failedItems: n.failedItems } : {}),
        ...(n.error ? { error: n.error } : {}),
        ...(n.logs ? { logs: n.logs } : {}),
      }));
      return { ...summary(run), nodes, hasFullData: (recent.get(runId)?.nodes.size ?? 0) > 0, ...(run.flow ? { flow: run.flow } : {}) } satisfies RunDetailDto;
    },

    async 'runs.items'({ runId, nodeId, direction, port, offset, limit, iteration = 0 }) {
      const mem = recent.get(runId);
      const ran = mem?.nodes.get(nodeId)?.get(iteration);
      // A node a partial run did not execute still has the output it took over from earlier.
      const items = ran ? ran[direction][port] ?? [] : direction === 'output' ? mem?.outputs.get(nodeId)?.[port] : undefined;
      // A streamed node kept its first items only: the exact count comes with them.
      const streamed = ran?.totals?.[direction][port];
      if (items) return { total: streamed ?? items.length, offset, items: items.slice(offset, offset + limit).map((i) => i.json), isSample: streamed !== undefined && streamed > items.length };
      // Items reach memory when a run ends; until then (or when its process was stopped) history has a sample.
      const run = store.getRun(runId);
      if (!run) {
        if (mem) return { total: 0, offset, items: [], isSample: false };
        throw new JunctionError('run.not-found', `There is no run "${runId}" in the history`);
      }
      const node = run.nodes.find((n) => n.nodeId === nodeId && n.iteration === iteration);
      const sample = node?.[direction === 'input' ? 'sampleIn' : 'sampleOut'][port];
      if (!sample) return { total: 0, offset, items: [], isSample: true };
      // `total` is how many items there were; only the first `kept` of them were stored.
      return { total: sample.total, offset, items: sample.items.slice(offset, offset + limit) as Record<string, unknown>[], isSample: true };
    },
  };

  function start(flow: FlowFile, { mode, nodeId, input, runId = randomUUID() }: In<'runs.start'>, launch?: Launch): { runId: string; done: Promise<RunOutcome> } {
    // Read here, not in the run's process: a broken vars.json fails runs.start with its own message.
    const { vars, env, findFlow, isTrusted, credentials } = runtime;
    const errorFlow = flow.settings.errorFlow ? findFlow?.(flow.settings.errorFlow) : undefined;
    const controller = new AbortController();
    const isRecorded = launch?.isRecorded ?? true;
    const latest = mode === 'flow' ? undefined : recent.latest(flow.id, true);
    const previous = latest && completeOutputs(latest);
    // Starts from the earlier data a partial run takes over, so a chain of partial runs keeps it.
    const mem: RunMemory = { runId, flowId: flow.id, isDone: false, hasStarted: false, nodes: new Map(), outputs: new Map(previous ?? []) };
    const isQuiet = launch?.isQuietWhenEmpty ?? false;
    // A poll joins the recent runs once it found something, so empty polls never push real runs out.
    if (isRecorded && !isQuiet) recent.remember(mem);
    const observers = [...always, ...(launch?.observers ?? [])];
    const onEvent = (e: EngineEvent) => {
      if (e.runId === runId && e.type === 'run.started') mem.hasStarted = true;
      // Done before the event goes out: whoever reacts to run.finished may start the next partial run at once.
      if (e.runId === runId && e.type === 'run.finished') { mem.isDone = true; active.delete(runId); }
      toListeners(e);
      for (const observe of observers) observe(e);
    };
    // Each node's items arrive when the run ends, just before its run.finished.
    const onData = (entries: NodeData[]) => {
      for (const { runId: of, nodeId: id, iteration, input: inItems, output, totals } of entries) {
        if (of !== runId) continue;
        let byIteration = mem.nodes.get(id);
        if (!byIteration) mem.nodes.set(id, (byIteration = new Map()));
        byIteration.set(iteration, { input: inItems, output, ...(totals ? { totals } : {}) });
        mem.outputs.set(id, output);
      }
    };
    active.set(runId, controller);
    const done = host.run(flow, {
      runId, mode: launch ? 'trigger' : 'manual', usePinned: !launch, input, previous, signal: controller.signal, vars, env, errorFlow,
      keepData: isRecorded, isRecorded, isQuietWhenEmpty: isQuiet, eventDataOf, isShared: !!launch,
      // Resolved from the trust store by the flow's id, never from anything in the flow itself.
      codeBackend: isTrusted?.(flow) ? 'trusted' : 'isolated',
      errorFlowBackend: errorFlow && isTrusted?.(errorFlow) ? 'trusted' : 'isolated',
      ...(launch ? { trigger: launch.trigger } : mode === 'from' ? { startAt: nodeId } : mode === 'node' ? { only: nodeId } : {}),
      onEvent, onData, credentials, record: (e) => store.record(e),
    }).then((result) => {
      mem.outputs = result.outputs;
      if (isRecorded && !result.isEmpty) recent.remember(mem);
      return result;
    }).finally(() => {
      mem.isDone = true;
      active.delete(runId);
      settling.delete(done);
    });
    settling.add(done);
    return { runId, done };
  }

  return {
    handlers,
    latest: recent.latest,
    /** Starts a triggered run of a validated flow (webhook, schedule); history records it unless told not to. */
    launch: (flow: FlowFile, how: Launch, runId?: string) => start(flow, { flow, mode: 'flow', input: how.input, ...(runId ? { runId } : {}) }, how),
    /** Stops every run and waits for them to end (their history is written as cancelled). */
    async close() {
      for (const controller of active.values()) controller.abort();
      await Promise.allSettled([...settling]);
    },
  };
}

export type Runs = ReturnType<typeof createRuns>;
