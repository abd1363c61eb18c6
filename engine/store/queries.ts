import type Database from 'better-sqlite3';
import type { FlowFile } from '../flow/types';
import type { ErrorInfo } from '../sdk';
import type { NodeLogLine, NodeRunRecord, PortSample, RunDetail, RunFilter, RunSummary } from './types';

const MAX_LIMIT = 1000;

interface RunRow {
  id: string; flow_id: string; flow_name: string; trigger: string; mode: string; status: RunSummary['status'];
  started_at: string; finished_at: string | null; duration_ms: number | null; items_out: number | null; failed_items: number | null;
  error_code: string | null; error_message: string | null; error_node: string | null; error_path: string | null;
}

interface NodeRow {
  node_id: string; node_name: string; node_type: string; iteration: number; status: string; attempts: number;
  started_at: string | null; finished_at: string; duration_ms: number; items_in: string; items_out: string;
  error: string | null; sample_in: string; sample_out: string; failed_items: number | null; logs: string | null;
}

const RUN_COLUMNS = `id, flow_id, flow_name, "trigger", mode, status, started_at, finished_at, duration_ms, items_out, failed_items,
  error_code, error_message, error_node, error_path`;

/** Reads run history: newest first, filtered in SQL against the indexes on (flow_id|status, started_at). */
export function createQueries(db: Database.Database) {
  // One statement per filter combination: an `(? IS NULL OR col = ?)` clause would keep SQLite off the indexes.
  const lists = new Map<string, Database.Statement>();
  const listFor = (byFlow: boolean, byStatus: boolean) => {
    const key = `${byFlow}${byStatus}`;
    let stmt = lists.get(key);
    if (!stmt) {
      const where = [byFlow && 'flow_id = @flowId', byStatus && 'status = @status'].filter(Boolean).join(' AND ');
      stmt = db.prepare(
        `SELECT ${RUN_COLUMNS} FROM runs ${where ? `WHERE ${where}` : ''}
         ORDER BY started_at DESC, rowid DESC LIMIT @limit OFFSET @offset`,
      );
      lists.set(key, stmt);
    }
    return stmt;
  };
  const one = db.prepare(`SELECT ${RUN_COLUMNS}, flow_hash FROM runs WHERE id = ?`);
  const snapshot = db.prepare('SELECT flow FROM flow_snapshots WHERE hash = ?').pluck();
  const nodes = db.prepare(
    `SELECT node_id, node_name, node_type, iteration, status, attempts, started_at, finished_at, duration_ms,
       items_in, items_out, error, sample_in, sample_out, failed_items, logs
     FROM node_runs WHERE run_id = ? ORDER BY id`,
  );

  return {
    listRuns(filter: RunFilter = {}): RunSummary[] {
      const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 50), 0), MAX_LIMIT);
      const offset = Math.max(Math.trunc(filter.offset ?? 0), 0);
      const byFlow = filter.flowId !== undefined;
      const byStatus = filter.status !== undefined;
      const params = { limit, offset, ...(byFlow ? { flowId: filter.flowId } : {}), ...(byStatus ? { status: filter.status } : {}) };
      const rows = listFor(byFlow, byStatus).all(params) as RunRow[];
      return rows.map(toSummary);
    },
    getRun(runId: string): RunDetail | undefined {
      const row = one.get(runId) as (RunRow & { flow_hash: string | null }) | undefined;
      if (!row) return undefined;
      const detail: RunDetail = { ...toSummary(row), nodes: (nodes.all(runId) as NodeRow[]).map(toNodeRun) };
      const flow = row.flow_hash === null ? undefined : (snapshot.get(row.flow_hash) as string | undefined);
      if (flow !== undefined) detail.flow = JSON.parse(flow) as FlowFile;
      return detail;
    },
  };
}

function toSummary(r: RunRow): RunSummary {
  const s: RunSummary = {
    id: r.id, flowId: r.flow_id, flowName: r.flow_name, trigger: r.trigger, mode: r.mode, status: r.status, startedAt: r.started_at,
  };
  if (r.finished_at !== null) s.finishedAt = r.finished_at;
  if (r.duration_ms !== null) s.durationMs = r.duration_ms;
  if (r.items_out !== null) s.itemsOut = r.items_out;
  if (r.failed_items !== null) s.failedItems = r.failed_items;
  if (r.error_code !== null) {
    const error: ErrorInfo = { code: r.error_code, message: r.error_message ?? '' };
    if (r.error_node !== null) error.node = r.error_node;
    if (r.error_path !== null) error.path = r.error_path;
    s.error = error;
  }
  return s;
}

function toNodeRun(r: NodeRow): NodeRunRecord {
  const n: NodeRunRecord = {
    nodeId: r.node_id, nodeName: r.node_name, nodeType: r.node_type, iteration: r.iteration, status: r.status,
    attempts: r.attempts, finishedAt: r.finished_at, durationMs: r.duration_ms,
    itemsIn: JSON.parse(r.items_in) as Record<string, number>,
    itemsOut: JSON.parse(r.items_out) as Record<string, number>,
    sampleIn: JSON.parse(r.sample_in) as Record<string, PortSample>,
    sampleOut: JSON.parse(r.sample_out) as Record<string, PortSample>,
  };
  if (r.started_at !== null) n.startedAt = r.started_at;
  if (r.error !== null) n.error = JSON.parse(r.error) as ErrorInfo;
  if (r.failed_items !== null) n.failedItems = r.failed_items;
  if (r.logs !== null) n.logs = JSON.parse(r.logs) as NodeLogLine[];
  return n;
}
