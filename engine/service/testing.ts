// Helpers for the service and transport tests: a service over a temp workspace and data dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiEvent } from '../api';
import { builtinRegistry, type NodeRegistry } from '../registry';
import { createService, type Service, type ServiceOptions } from './index';

export interface TempService extends Service {
  workspace: string;
  dataDir: string;
  /** Every event since creation, in order. */
  seen: ApiEvent[];
  /** Resolves with the first event (past or future) that matches. */
  waitFor<T extends ApiEvent>(match: (e: ApiEvent) => e is T, timeoutMs?: number): Promise<T>;
  waitFor(match: (e: ApiEvent) => boolean, timeoutMs?: number): Promise<ApiEvent>;
  dispose(): Promise<void>;
}

/**
 * A service over temp folders. Given other `types` than the built-in ones (the test node
 * types), its runs load them from the bundle the unit tests' setup names in JUNCTION_TEST_TYPES_MODULE.
 */
export function tempService(types?: NodeRegistry, extra: Partial<ServiceOptions> = {}, typesExport = 'testTypes'): TempService {
  const root = mkdtempSync(join(tmpdir(), 'junction-service-'));
  const workspace = join(root, 'workspace');
  const dataDir = join(root, 'data');
  const typesUrl = process.env.JUNCTION_TEST_TYPES_MODULE;
  const typesModule = types && types !== builtinRegistry() && typesUrl ? { url: typesUrl, exportName: typesExport } : undefined;
  const service = createService({ workspace, dataDir, types, env: {}, secretsEnv: {}, typesModule, ...extra });
  const seen: ApiEvent[] = [];
  const waiters = new Set<(e: ApiEvent) => void>();
  service.events((e) => { seen.push(e); for (const w of [...waiters]) w(e); });
  const waitFor = (match: (e: ApiEvent) => boolean, timeoutMs = 10_000): Promise<ApiEvent> => {
    const past = seen.find(match);
    if (past) return Promise.resolve(past);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { waiters.delete(check); reject(new Error('timed out waiting for an event')); }, timeoutMs);
      const check = (e: ApiEvent) => { if (match(e)) { clearTimeout(timer); waiters.delete(check); resolve(e); } };
      waiters.add(check);
    });
  };
  return {
    ...service, workspace, dataDir, seen, waitFor: waitFor as TempService['waitFor'],
    async dispose() { await service.close(); rmSync(root, { recursive: true, force: true }); },
  };
}

/** The run.finished event of a run. */
export const finished = (runId: string) => (e: ApiEvent): e is Extract<ApiEvent, { type: 'run.finished' }> =>
  e.type === 'run.finished' && e.runId === runId;
