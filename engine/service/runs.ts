import { randomUUID } from 'node:crypto';
import type { ApiEvent, Handlers, NodeRunDto, RunDetailDto, RunSummaryDto } from '../api';
import type { EngineEvent } from '../exec/events';
import { formatProblems, validateFlow, type FlowFile, type NodeLookup } from '../flow';
import type { Runtime } from '../runner';
import type { RunStore, RunSummary } from '../store';
import { JunctionError } from '../sdk/errors';
import type { Item, Outputs } from '../sdk/types';
import type { NodeData, RunHost } from '../worker';

/** How many runs keep every item in memory; older runs show the store's sample. */
export const RUNS_IN_MEMORY = 5;

type PortItems = Record<string, Item[]>;

/** One recent run, in full: what the data panel pages through and what "run from here" starts from. */
export interface RunMemory {
  runId: string;
  flowId: string;
  isDone: boolean;
  /** Per node, per iteration (loops), the items that went in and came out. */
  nodes: Map<string, Map<number, { input: PortItems; output: PortItems }>>;
  /** Every node's last output, including data a partial run took over from earlier runs or pins. */
  outputs: Map<string, Outputs>;
}

export interface RunDeps {
  types: NodeLookup;
  store: RunStore;
  runtime: Pick<Runtime, 'env' | 'vars' | 'findFlow'>;
  emit(event: ApiEvent): void;
  /** Runs each flow in a worker process of its own. */
  host: RunHost;
}

type RunHandlers = Pick<Handlers, 'runs.start' | 'runs.cancel' | 'runs.list' | 'runs.get' | 'runs.items'>;

const summary = (r: RunSummary): RunSummaryDto => ({
  id: r.id, flowId: r.flowId, flowName: r.flowName, trigger: r.trigger, mode: r.mode, status: r.status, startedAt: r.startedAt,
  ...(r.finishedAt !== undefined ? { finishedAt: r.finishedAt } : {}),
  ...(r.durationMs !== undefined ? { durationMs: r.durationMs } : {}),
  ...(r.itemsOut !== undefined ? { itemsOut: r.itemsOut } : {}),
  ...(r.error ? { error: r.error } : {}),
});

/** Runs started from the editor: in the background, events streamed, the last runs' items kept for paging. */
export function createRuns({ types, store, runtime, emit, host }: RunDeps) {
  /** Runs that can still be cancelled, and every run's promise (an error flow may follow run.finished). */
  const active = new Map<string, AbortController>();
  const settling = new Set<Promise<unknown>>();
  const recent = new Map<string, RunMemory>();

  const remember = (mem: RunMemory) => {
    recent.set(mem.runId, mem);
    for (const [id, m] of recent) {
      if (recent.size <= RUNS_IN_MEMORY) break;
      if (m.isDone) recent.delete(id);
    }
  };

  /** The newest remembered run of a flow; `isDone` ones only when its data must be complete. */
  const latest = (flowId: string, onlyDone = false): RunMemory | undefined =>
    [...recent.values()].reverse().find((m) => m.flowId === flowId && (!onlyDone || m.isDone));

  const handlers: RunHandlers = {
    async 'runs.start'({ flow: input, mode, nodeId, input: items }) {
      const { flow, problems } = validateFlow(input, types);
      if (!flow || problems.length) {
        const first = problems[0];
        throw new JunctionError('flow.invalid', `The flow cannot run until ${problems.length === 1 ? 'this problem is' : `these ${problems.length} problems are`} fixed:\n${formatProblems(problems)}`, { path: first?.path });
      }
      if (mode !== 'flow' && !flow.nodes.some((n) => n.id === nodeId)) {
        throw new JunctionError('runs.node', `There is no node with the id "${nodeId ?? ''}" in this flow`, { path: 'nodeId' });
      }
      return { runId: start(flow, mode, nodeId, items) };
    },

    async 'runs.cancel'({ runId }) {
      const controller = active.get(runId);
      if (!controller) return { cancelled: false };
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
        attempts: n.attempts, durationMs: n.durationMs, itemsIn: n.itemsIn, itemsOut: n.itemsOut, ...(n.error ? { error: n.error } : {}),
      }));
      return { ...summary(run), nodes, hasFullData: (recent.get(runId)?.nodes.size ?? 0) > 0 } satisfies RunDetailDto;
    },

    async 'runs.items'({ runId, nodeId, direction, port, offset, limit, iteration = 0 }) {
      const mem = recent.get(runId);
      const ran = mem?.nodes.get(nodeId)?.get(iteration);
      // A node a partial run did not execute still has the output it took over from earlier.
      const items = ran ? ran[direction][port] ?? [] : direction === 'output' ? mem?.outputs.get(nodeId)?.[port] : undefined;
      if (items) return { total: items.length, offset, items: items.slice(offset, offset + limit).map((i) => i.json), isSample: false };
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

  function start(flow: FlowFile, mode: 'flow' | 'from' | 'node', nodeId: string | undefined, input: Record<string, unknown>[] | undefined): string {
    // Read here, not in the run's process: a broken vars.json fails runs.start with its own message.
    const { vars, env, findFlow } = runtime;
    const errorFlow = flow.settings.errorFlow ? findFlow?.(flow.settings.errorFlow) : undefined;
    const runId = randomUUID();
    const controller = new AbortController();
    const previous = mode === 'flow' ? undefined : latest(flow.id, true)?.outputs;
    // Starts from the earlier data a partial run takes over, so a chain of partial runs keeps it.
    const mem: RunMemory = { runId, flowId: flow.id, isDone: false, nodes: new Map(), outputs: new Map(previous ?? []) };
    remember(mem);
    const onEvent = (e: EngineEvent) => {
      // Done before the event goes out: whoever reacts to run.finished may start the next partial run at once.
      if (e.type === 'run.finished' && e.runId === runId) { mem.isDone = true; active.delete(runId); }
      if (e.type === 'node.finished') {
        const { data: _, ...rest } = e;
        emit(rest);
      } else emit(e);
    };
    // Each node's items arrive when the run ends, just before its run.finished.
    const onData = (entries: NodeData[]) => {
      for (const { runId: of, nodeId: id, iteration, input: inItems, output } of entries) {
        if (of !== runId) continue;
        let byIteration = mem.nodes.get(id);
        if (!byIteration) mem.nodes.set(id, (byIteration = new Map()));
        byIteration.set(iteration, { input: inItems, output });
        mem.outputs.set(id, output);
      }
    };
    active.set(runId, controller);
    const done = host.run(flow, {
      runId, mode: 'manual', usePinned: true, input, previous, signal: controller.signal, vars, env, errorFlow, keepData: true,
      ...(mode === 'from' ? { startAt: nodeId } : mode === 'node' ? { only: nodeId } : {}),
      onEvent, onData, record: (e) => store.record(e),
    }).then((result) => {
      mem.outputs = result.outputs;
    }).finally(() => {
      mem.isDone = true;
      active.delete(runId);
      settling.delete(done);
      remember(mem);
    });
    settling.add(done);
    return runId;
  }

  return {
    handlers,
    latest,
    /** Stops every run and waits for them to end (their history is written as cancelled). */
    async close() {
      for (const controller of active.values()) controller.abort();
      await Promise.allSettled([...settling]);
    },
  };
}

export type Runs = ReturnType<typeof createRuns>;
