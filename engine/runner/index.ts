import type { FlowFile } from '../flow/types';
import type { NodeLookup } from '../flow/validate';
import { runFlow, type RunOptions, type RunResult } from '../exec/run-flow';
import type { EngineEvent } from '../exec/events';
import type { CodeBackend } from '../exec/lazy-code-runner';
import type { StateStore } from '../exec/state';
import type { CodeRunner, JournalEntry } from '../sdk/types';

/** What a host (the CLI, the service) provides to run flows: node types, storage, the sandbox. */
export interface Runtime {
  types: NodeLookup;
  /** The Code node's sandbox for any flow (QuickJS). */
  code: CodeRunner;
  /** The fast sandbox for trusted flows; without it every flow runs on `code`. */
  trustedCode?: CodeRunner;
  /** Whether the person trusts a flow: asked for an error flow, which runs under its own trust. */
  isTrusted?(flow: FlowFile): boolean;
  store?: { record(e: EngineEvent): void; state: StateStore; journal: { append(entry: JournalEntry): void } };
  vars?: Record<string, unknown>;
  env?: Record<string, string>;
  /** Finds another flow of the workspace by id (for error flows). */
  findFlow?(id: string): FlowFile | undefined;
}

export type ExecuteOptions = Omit<RunOptions, 'types' | 'code' | 'state' | 'journal' | 'vars' | 'env'> & {
  /** Which sandbox runs this flow's Code nodes; `isolated` unless the host resolved the flow as trusted. */
  codeBackend?: CodeBackend;
};

/**
 * Runs a flow with history, state and the journal wired to the store. When the run fails
 * and the flow names an error flow, that flow runs once with the failure as its item.
 */
export async function executeFlow(rt: Runtime, flow: FlowFile, opts: ExecuteOptions = {}): Promise<RunResult & { errorFlowRun?: RunResult }> {
  const onEvent = (e: EngineEvent) => { rt.store?.record(e); opts.onEvent?.(e); };
  const codeFor = (backend: CodeBackend | undefined) => (backend === 'trusted' && rt.trustedCode) || rt.code;
  const { codeBackend, ...runOpts } = opts;
  const base = { types: rt.types, state: rt.store?.state, journal: rt.store?.journal, vars: rt.vars, env: rt.env };
  const result = await runFlow(flow, { ...base, code: codeFor(codeBackend), ...runOpts, onEvent });
  const target = flow.settings.errorFlow;
  if (result.status !== 'failed' || !target || !rt.findFlow) return result;
  const errorFlow = rt.findFlow(target);
  if (!errorFlow) {
    opts.onEvent?.({ type: 'node.log', runId: result.runId, nodeId: '', level: 'warn', message: `The error flow "${target}" was not found in this workspace`, at: new Date().toISOString() });
    return result;
  }
  const input = [{ flow: { id: flow.id, name: flow.name }, run: { id: result.runId, status: result.status }, error: result.error ?? null }];
  const code = codeFor(rt.isTrusted?.(errorFlow) ? 'trusted' : 'isolated');
  const errorFlowRun = await runFlow(errorFlow, { ...base, code, mode: 'trigger', input, onEvent, signal: opts.signal, clock: opts.clock });
  return { ...result, errorFlowRun };
}

/** The `$env` an expression sees: only the names listed in JUNCTION_ENV_ALLOW (comma-separated). */
export function allowedEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const names = (env.JUNCTION_ENV_ALLOW ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return Object.fromEntries(names.filter((n) => env[n] !== undefined).map((n) => [n, env[n]!]));
}
export { rollbackRun, type RollbackResult } from './rollback';
