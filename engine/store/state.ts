import type Database from 'better-sqlite3';
import type { StateStore } from './types';

/**
 * Per-node persisted state (sync cursors, checkpoints). The executor stages changes during a run
 * and commits them here only once the node's output is accepted, so a crash keeps the old state.
 */
export function createState(db: Database.Database, now: () => string = () => new Date().toISOString()): StateStore {
  const select = db.prepare('SELECT value FROM node_state WHERE flow_id = ? AND node_id = ?');
  const upsert = db.prepare(
    `INSERT INTO node_state (flow_id, node_id, value, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (flow_id, node_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare('DELETE FROM node_state WHERE flow_id = ? AND node_id = ?');

  // Serializing inside the transaction: a value that cannot be stored rolls back the whole commit.
  const commitTx = db.transaction((flowId: string, changes: Record<string, Record<string, unknown>>) => {
    const at = now();
    for (const nodeId of Object.keys(changes)) {
      const value = changes[nodeId];
      if (!value || Object.keys(value).length === 0) remove.run(flowId, nodeId);
      else upsert.run(flowId, nodeId, JSON.stringify(value), at);
    }
  });

  return {
    load(flowId, nodeId) {
      const row = select.get(flowId, nodeId) as { value: string } | undefined;
      return row ? (JSON.parse(row.value) as Record<string, unknown>) : {};
    },
    commit: (flowId, changes) => commitTx.immediate(flowId, changes),
  };
}
