import type Database from 'better-sqlite3';
import type { WriteOp } from '../sdk';
import type { JournalStore } from './types';

interface JournalRow { run_id: string; node_id: string; seq: number; system: string; key: string; op: WriteOp; before: string | null; after: string | null; at: string }

/**
 * The write journal: one row per change to an outside system, holding the record before and after
 * so a rollback can apply the inverse. `undefined` before/after are stored as null.
 */
export function createJournal(db: Database.Database): JournalStore {
  const insert = db.prepare(
    'INSERT INTO journal (run_id, node_id, seq, system, key, op, before, after, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const byRun = db.prepare('SELECT run_id, node_id, seq, system, key, op, before, after, at FROM journal WHERE run_id = ? ORDER BY seq, id');
  return {
    append(e) {
      insert.run(e.runId, e.nodeId, e.seq, e.system, e.key, e.op, toJson(e.before), toJson(e.after), e.at);
    },
    list(runId) {
      return (byRun.all(runId) as JournalRow[]).map((r) => ({
        runId: r.run_id, nodeId: r.node_id, seq: r.seq, system: r.system, key: r.key, op: r.op,
        before: r.before === null ? null : JSON.parse(r.before),
        after: r.after === null ? null : JSON.parse(r.after),
        at: r.at,
      }));
    },
  };
}

const toJson = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value) ?? null);
