import type { FlowFile, FlowNode } from '../flow/types';
import type { Clock, CodeRunner, JournalEntry, Logger, Outputs } from '../sdk/types';
import type { EngineEvent, RunMode } from './events';
import { nodeFinished, type NodeEnd } from './node-finished';
import type { ScopeSources } from './scope';
import { stagedState, type StateStore } from './state';

export interface RunContextInit {
  flow: FlowFile;
  runId: string;
  mode: RunMode;
  clock: Clock;
  controller: AbortController;
  emit: (e: EngineEvent) => void;
  state: StateStore;
  code: CodeRunner;
  journal?: { append(entry: JournalEntry): void };
  vars: Record<string, unknown>;
  env: Record<string, string>;
  usePinned: boolean;
}

/** Everything one run shares across its nodes. */
export function createRunContext(init: RunContextInit) {
  const { flow, runId, clock, controller } = init;
  const outputs = new Map<string, Outputs>();
  const nodeIdByName = new Map(flow.nodes.map((n) => [n.name, n.id]));
  const state = stagedState(init.state, flow.id);
  const wired = new Set(flow.edges.map((e) => `${e.from.node}\u0000${e.from.port}`));
  let seq = 0;
  const iso = () => new Date(clock.now()).toISOString();
  return {
    runId,
    mode: init.mode,
    clock,
    signal: controller.signal,
    outputs,
    state,
    code: init.code,
    flowInfo: { id: flow.id, name: flow.name, timezone: flow.settings.timezone },
    emit: init.emit,
    iso,
    /** Emits the node's `node.finished`. */
    finished: (node: Pick<FlowNode, 'id' | 'name' | 'type'>, end: NodeEnd) => init.emit(nodeFinished(runId, iso(), node, end)),
    /** Whether an edge leaves this port of the node. */
    isWired: (nodeId: string, port: string) => wired.has(`${nodeId}\u0000${port}`),
    cancelReason: (): unknown => controller.signal.reason,
    pinnedFor: (nodeId: string) => (init.usePinned ? flow.pinned[nodeId] : undefined),
    scopeSources: (node: FlowNode): ScopeSources => ({
      outputs, nodeIdByName, vars: init.vars, env: init.env,
      run: { id: runId, mode: init.mode }, flow: { id: flow.id, name: flow.name },
      node: { id: node.id, name: node.name, type: node.type, version: node.version },
      state: state.snapshot(node.id), nowMs: clock.now(), timezone: flow.settings.timezone,
    }),
    logger(nodeId: string): Logger {
      const log = (level: 'debug' | 'info' | 'warn' | 'error') => (message: string) =>
        init.emit({ type: 'node.log', runId, nodeId, level, message: String(message).slice(0, 4000), at: iso() });
      return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
    },
    journal(nodeId: string, entry: Omit<JournalEntry, 'seq' | 'at' | 'runId' | 'nodeId'>) {
      init.journal?.append({ ...entry, runId, nodeId, seq: ++seq, at: iso() });
    },
  };
}

export type RunContext = ReturnType<typeof createRunContext>;
