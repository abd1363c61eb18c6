/**
 * Starts every real server once for all `*.server.test.ts` files and hands their details on
 * through inject('servers'). A server that cannot start here is handed on as an error sentence:
 * its tests skip with that sentence locally and fail under CI (which installs every package).
 */
import type { TestProject } from 'vitest/node';
import { SERVERS } from './index';
import type { RunningServer, ServerInfo } from './types';

declare module 'vitest' {
  export interface ProvidedContext { servers: Record<string, ServerInfo> }
}

export default async function setup(project: TestProject) {
  const running: RunningServer[] = [];
  const provided: Record<string, ServerInfo> = {};
  await Promise.all(SERVERS.map(async (server) => {
    const missing = server.missing();
    if (missing) { provided[server.name] = { error: missing }; return; }
    try {
      const r = await server.start();
      running.push(r);
      provided[server.name] = { info: r.info };
    } catch (e) {
      provided[server.name] = { error: `${server.name} did not start: ${(e as Error).message}` };
    }
  }));
  project.provide('servers', provided);
  return async () => { await Promise.allSettled(running.map((r) => r.stop())); };
}
