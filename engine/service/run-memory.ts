import type { ApiEvent } from '../api';
import type { RunObserver } from '../exec';
import type { Item, Outputs } from '../sdk/types';

/** How many runs keep every item in memory; older runs show the store's sample. */
export const RUNS_IN_MEMORY = 5;

type PortItems = Record<string, Item[]>;

/** One recent run, in full: what the data panel pages through and what "run from here" starts from. */
export interface RunMemory {
  runId: string;
  flowId: string;
  isDone: boolean;
  /** Whether run.started went out (and so run history has the run). */
  hasStarted: boolean;
  /** Per node, per iteration (loops), the items that went in and came out. */
  nodes: Map<string, Map<number, { input: PortItems; output: PortItems; totals?: { input: Record<string, number>; output: Record<string, number> } }>>;
  /** Every node's last output, including data a partial run took over from earlier runs or pins. */
  outputs: Map<string, Outputs>;
}

/** The last runs' items, newest last; runs still going are never dropped. */
export function createRecentRuns() {
  const recent = new Map<string, RunMemory>();
  return {
    get: (runId: string) => recent.get(runId),
    has: (runId: string) => recent.has(runId),
    remember(mem: RunMemory) {
      recent.set(mem.runId, mem);
      for (const [id, m] of recent) {
        if (recent.size <= RUNS_IN_MEMORY) break;
        if (m.isDone) recent.delete(id);
      }
    },
    /** The newest remembered run of a flow; `isDone` ones only when its data must be complete. */
    latest: (flowId: string, onlyDone = false): RunMemory | undefined =>
      [...recent.values()].reverse().find((m) => m.flowId === flowId && (!onlyDone || m.isDone)),
  };
}

/**
 * A run's outputs that a partial run may start from: a streamed node kept only its first items,
 * so it is left out and a partial run that needs it runs it again rather than go on with part of its data.
 */
export function completeOutputs(mem: RunMemory): Map<string, Outputs> {
  const out = new Map(mem.outputs);
  for (const [id, byIteration] of mem.nodes) {
    for (const { output, totals } of byIteration.values()) {
      if (totals && Object.entries(totals.output).some(([port, n]) => n > (output[port]?.length ?? 0))) out.delete(id);
    }
  }
  return out;
}

/** Passes events to the service's listeners without what must stay in process (items, the flow). */
export const toClients = (emit: (event: ApiEvent) => void): RunObserver => (e) => {
  if (e.type === 'node.finished') { const { data: _data, ...rest } = e; emit(rest); }
  else if (e.type === 'run.started') { const { flow: _flow, ...rest } = e; emit(rest); }
  else emit(e);
};
