import type { FlowFile, FlowNode } from '../flow/types';
import type { CredentialRef } from '../flow/types';
import { JunctionError } from '../sdk/errors';
import type { BinaryStore, Clock, CodeRunner, JournalEntry, Logger, Outputs, ResolvedCredential } from '../sdk/types';
import type { EngineEvent, RunMode } from './events';
import { processBinaryStore } from './binary-store';
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
  credentials?: CredentialResolver;
  redactor: { add(values: string[]): void };
  /** Where nodes keep binary data; the process's store when absent. */
  binary?: BinaryStore;
}

/** Looks a connection up by the reference a node holds (the service resolves from the keychain). */
export type CredentialResolver = (ref: CredentialRef) => Promise<ResolvedCredential>;

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
    binary: init.binary ?? processBinaryStore(),
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
    /** The connection in a node's slot; its secret values are redacted from this run's events from then on. */
    async credential(node: FlowNode, slot: string): Promise<ResolvedCredential | undefined> {
      const ref = node.credentials?.[slot];
      if (!ref) return undefined;
      if (!init.credentials) throw new JunctionError('connection.unavailable', `Connections are not available where this run executes; "${ref.name}" cannot be used.`);
      const resolved = await init.credentials(ref);
      const watch = () => init.redactor.add(resolved.secrets());
      watch();
      // Tokens change on renewal: what a renewal brings is hidden too.
      return {
        ...resolved,
        apply: async (req) => { await resolved.apply(req); watch(); },
        ...(resolved.refresh ? { refresh: async () => { const ok = await resolved.refresh!(); watch(); return ok; } } : {}),
      };
    },
    journal(nodeId: string, entry: Omit<JournalEntry, 'seq' | 'at' | 'runId' | 'nodeId'>) {
      init.journal?.append({ ...entry, runId, nodeId, seq: ++seq, at: iso() });
    },
  };
}

export type RunContext = ReturnType<typeof createRunContext>;
