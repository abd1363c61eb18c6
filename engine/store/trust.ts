import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { TrustStore } from './types';

/**
 * Which flows run their Code nodes on the fast backend. A flow is trusted in one workspace
 * folder: the same id in a file elsewhere (a copy, a colleague's edit, a download) is not.
 */
export function createTrust(db: Database.Database): TrustStore {
  const get = db.prepare<[string, string], { n: number }>('SELECT 1 AS n FROM trusted_flows WHERE workspace = ? AND flow_id = ?');
  const put = db.prepare<[string, string, string, string]>(
    'INSERT INTO trusted_flows (workspace, flow_id, reason, trusted_at) VALUES (?, ?, ?, ?) ON CONFLICT (workspace, flow_id) DO UPDATE SET reason = excluded.reason, trusted_at = excluded.trusted_at',
  );
  const drop = db.prepare<[string, string]>('DELETE FROM trusted_flows WHERE workspace = ? AND flow_id = ?');
  return {
    isTrusted: (workspace, flowId) => get.get(workspaceKey(workspace), flowId) !== undefined,
    trust(workspace, flowId, reason, at = new Date()) {
      put.run(workspaceKey(workspace), flowId, reason, at.toISOString());
    },
    distrust(workspace, flowId) {
      drop.run(workspaceKey(workspace), flowId);
    },
  };
}

/** One spelling per folder: the same workspace reached through a symlink or a relative path is one key. */
export function workspaceKey(folder: string): string {
  try {
    return realpathSync.native(folder);
  } catch {
    return resolve(folder);
  }
}
