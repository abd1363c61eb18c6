import type { FlowFile } from '../flow/types';
import type { NodeLookup } from '../flow/validate';
import type { CodeBackend } from './lazy-code-runner';
import type { CodeRunner, JournalEntry } from '../sdk/types';
import type { RunObserver } from './events';
import { runFlow, type RunOptions, type RunResult } from './run-flow';
import type { CredentialResolver } from './run-context';
import type { StateStore } from './state';

/** What a host (the CLI, the service) provides to run flows: node types, storage, the sandbox. */
export interface Runtime {
  types: NodeLookup;
  /** The Code node's sandbox for any flow (QuickJS). */
  code: CodeRunner;
  /** The fast sandbox for trusted flows; without it every flow runs on `code`. */
  trustedCode?: CodeRunner;
  /** Whether the person trusts a flow: asked for an error flow, which runs under its own trust. */
  isTrusted?(flow: FlowFile): boolean;
  store?: { record: RunObserver; state: StateStore; journal: { append(entry: JournalEntry): void } };
  vars?: Record<string, unknown>;
  env?: Record<string, string>;
  /** Finds another flow of the workspace by id (for error flows). */
  findFlow?(id: string): FlowFile | undefined;
  /** Resolves connection references from the secret store. */
  credentials?: CredentialResolver;
}

export type ExecuteOptions = Omit<RunOptions, 'types' | 'code' | 'state' | 'journal' | 'vars' | 'env' | 'credentials'> & {
  /** Which sandbox runs this flow's Code nodes; `isolated` unless the host resolved the flow as trusted. */
  codeBackend?: CodeBackend;
};

/**
 * Runs a flow with history, state and the journal wired to the store. When the run fails
 * and the flow names an error flow, that flow runs once with the failure as its item.
 */
export async function executeFlow(rt: Runtime, flow: FlowFile, opts: ExecuteOptions = {}): Promise<RunResult & { errorFlowRun?: RunResult }> {
  const observers = rt.store ? [rt.store.record, ...(opts.observers ?? [])] : opts.observers ?? [];
  const codeFor = (backend: CodeBackend | undefined) => (backend === 'trusted' && rt.trustedCode) || rt.code;
  const { codeBackend, ...runOpts } = opts;
  const base = { types: rt.types, state: rt.store?.state, journal: rt.store?.journal, vars: rt.vars, env: rt.env, credentials: rt.credentials, observers };
  const result = await runFlow(flow, { ...runOpts, ...base, code: codeFor(codeBackend) });
  const target = flow.settings.errorFlow;
  if (result.status !== 'failed' || !target || !rt.findFlow) return result;
  const errorFlow = rt.findFlow(target);
  if (!errorFlow) {
    const warning = { type: 'node.log' as const, runId: result.runId, nodeId: '', level: 'warn' as const, message: `The error flow "${target}" was not found in this workspace`, at: new Date().toISOString() };
    for (const observe of opts.observers ?? []) observe(warning);
    return result;
  }
  const input = [{ flow: { id: flow.id, name: flow.name }, run: { id: result.runId, status: result.status }, error: result.error ?? null }];
  const code = codeFor(rt.isTrusted?.(errorFlow) ? 'trusted' : 'isolated');
  const errorFlowRun = await runFlow(errorFlow, { ...base, code, mode: 'trigger', input, signal: opts.signal, clock: opts.clock });
  return { ...result, errorFlowRun };
}
