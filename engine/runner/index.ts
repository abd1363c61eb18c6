import type { FlowFile } from '../flow/types';
import type { NodeLookup } from '../flow/validate';
import { runFlow, type RunOptions, type RunResult } from '../exec/run-flow';
import type { EngineEvent } from '../exec/events';
import type { StateStore } from '../exec/state';
import type { CodeRunner, JournalEntry } from '../sdk/types';

/** What a host (the CLI, the service) provides to run flows: node types, storage, the sandbox. */
export interface Runtime {
  types: NodeLookup;
  code: CodeRunner;
  store?: { record(e: EngineEvent): void; state: StateStore; journal: { append(entry: JournalEntry): void } };
  vars?: Record<string, unknown>;
  env?: Record<string, string>;
  /** Finds another flow of the workspace by id (for error flows). */
  findFlow?(id: string): FlowFile | undefined;
}

export type ExecuteOptions = Omit<RunOptions, 'types' | 'code' | 'state' | 'journal' | 'vars' | 'env'>;

/**
 * Runs a flow with history, state and the journal wired to the store. When the run fails
 * and the flow names an error flow, that flow runs once with the failure as its item.
 */
export async function executeFlow(rt: Runtime, flow: FlowFile, opts: ExecuteOptions = {}): Promise<RunResult & { errorFlowRun?: RunResult }> {
  const onEvent = (e: EngineEvent) => { rt.store?.record(e); opts.onEvent?.(e); };
  const base = { types: rt.types, code: rt.code, state: rt.store?.state, journal: rt.store?.journal, vars: rt.vars, env: rt.env };
  const result = await runFlow(flow, { ...base, ...opts, onEvent });
  const target = flow.settings.errorFlow;
  if (result.status !== 'failed' || !target || !rt.findFlow) return result;
  const errorFlow = rt.findFlow(target);
  if (!errorFlow) {
    opts.onEvent?.({ type: 'node.log', runId: result.runId, nodeId: '', level: 'warn', message: `The error flow "${target}" was not found in this workspace`, at: new Date().toISOString() });
    return result;
  }
  const input = [{ flow: { id: flow.id, name: flow.name }, run: { id: result.runId, status: result.status }, error: result.error ?? null }];
  const errorFlowRun = await runFlow(errorFlow, { ...base, mode: 'trigger', input, onEvent, signal: opts.signal, clock: opts.clock });
  return { ...result, errorFlowRun };
}

/** The `$env` an expression sees: only the names listed in JUNCTION_ENV_ALLOW (comma-separated). */
export function allowedEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const names = (env.JUNCTION_ENV_ALLOW ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return Object.fromEntries(names.filter((n) => env[n] !== undefined).map((n) => [n, env[n]!]));
}
export { rollbackRun, type RollbackResult } from './rollback';
