import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import type Database from 'better-sqlite3';
import type { EngineEvent } from '../exec/events';
import { canonicalFlow, type FlowFile } from '../flow';
import { sampleJson } from './sample';
import type { AuditStore, NodeLogLine } from './types';

/** Log lines kept per node run, and characters per line: enough to debug, never a log file in the database. */
export const MAX_LOG_LINES = 100;
export const MAX_LOG_CHARS = 1000;

type Of<T extends EngineEvent['type']> = Extract<EngineEvent, { type: T }>;

/**
 * Turns engine events into rows as they happen, so a crash mid-run leaves the finished nodes on
 * disk. Per event: one prepared statement, and per node run only the capped sample is serialized.
 * Events of a run this store never saw start are ignored rather than thrown into the executor.
 */
export function createRecorder(db: Database.Database, audit: AuditStore, sampleBytes: number): (event: EngineEvent) => void {
  const pid = process.pid;
  const host = hostname();
  const insertRun = db.prepare(
    `INSERT INTO runs (id, flow_id, flow_name, "trigger", mode, status, started_at, pid, host, flow_hash)
     VALUES (?, ?, ?, ?, ?, 'running', ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );
  const insertSnapshot = db.prepare('INSERT INTO flow_snapshots (hash, flow, created_at) VALUES (?, ?, ?) ON CONFLICT (hash) DO NOTHING');
  const insertNode = db.prepare(
    `INSERT INTO node_runs (run_id, node_id, node_name, node_type, iteration, status, attempts, started_at, finished_at,
       duration_ms, items_in, items_out, error, sample_in, sample_out, failed_items, logs)
     SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM runs WHERE id = ?)`,
  );
  const finishRun = db.prepare(
    `UPDATE runs SET status = ?, finished_at = ?, duration_ms = ?, items_out = ?, failed_items = ?,
       error_code = ?, error_message = ?, error_node = ?, error_path = ?
     WHERE id = ? RETURNING flow_id`,
  );
  // node.started → its time, until node.finished (keyed by run and node; loops start a node once per iteration).
  const startedAt = new Map<string, string>();
  // node.log lines per node run (same key) until node.finished writes them with the node run.
  const logs = new Map<string, { lines: NodeLogLine[]; dropped: number }>();

  const runStarted = db.transaction((e: Of<'run.started'>) => {
    const hash = e.flow ? snapshot(e.flow, e.at) : null;
    insertRun.run(e.runId, e.flowId, e.flowName, e.trigger, e.mode, e.at, pid, host, hash);
  });

  const snapshot = (flow: FlowFile, at: string): string => {
    const text = JSON.stringify(canonicalFlow({ ...flow, pinned: {} }));
    const hash = createHash('sha256').update(text).digest('hex');
    insertSnapshot.run(hash, text, at);
    return hash;
  };

  const nodeLogged = (e: Of<'node.log'>) => {
    const key = `${e.runId}\u0000${e.nodeId}`;
    let entry = logs.get(key);
    if (!entry) logs.set(key, (entry = { lines: [], dropped: 0 }));
    if (entry.lines.length >= MAX_LOG_LINES) { entry.dropped++; return; }
    const message = e.message.length > MAX_LOG_CHARS ? `${e.message.slice(0, MAX_LOG_CHARS - 1)}…` : e.message;
    entry.lines.push({ level: e.level, message });
  };

  const logsJson = (key: string): string | null => {
    const entry = logs.get(key);
    if (!entry) return null;
    logs.delete(key);
    const lines = entry.dropped ? [...entry.lines, { level: 'info', message: `… ${entry.dropped} more line${entry.dropped === 1 ? '' : 's'} not kept` }] : entry.lines;
    return JSON.stringify(lines);
  };

  const nodeFinished = (e: Of<'node.finished'>) => {
    const key = `${e.runId}\u0000${e.nodeId}`;
    const started = startedAt.get(key) ?? isoMinus(e.at, e.durationMs);
    startedAt.delete(key);
    insertNode.run(
      e.runId, e.nodeId, e.nodeName, e.nodeType, e.iteration, e.status, e.attempts, started, e.at,
      Math.round(e.durationMs), JSON.stringify(e.itemsIn), JSON.stringify(e.itemsOut),
      e.error ? JSON.stringify(e.error) : null,
      sampleJson(e.data?.input, sampleBytes, e.data?.isSample && e.itemsIn), sampleJson(e.data?.output, sampleBytes, e.data?.isSample && e.itemsOut),
      e.failedItems ?? null, logsJson(key),
      e.runId,
    );
  };

  const runFinished = db.transaction((e: Of<'run.finished'>) => {
    const row = finishRun.get(
      e.status, e.at, Math.round(e.durationMs), e.itemsOut, e.failedItems ?? null,
      e.error?.code ?? null, e.error?.message ?? null, e.error?.node ?? null, e.error?.path ?? null,
      e.runId,
    ) as { flow_id: string } | undefined;
    if (!row) return;
    audit.append({ actor: 'engine', action: 'run.finished', target: e.runId, detail: { status: e.status, flowId: row.flow_id } });
  });

  return (event) => {
    switch (event.type) {
      case 'run.started': return runStarted.immediate(event);
      case 'node.started': startedAt.set(`${event.runId}\u0000${event.nodeId}`, event.at); return;
      case 'node.finished': return nodeFinished(event);
      case 'node.log': return event.nodeId ? nodeLogged(event) : undefined;
      case 'run.finished': {
        const prefix = `${event.runId}\u0000`;
        for (const key of startedAt.keys()) if (key.startsWith(prefix)) startedAt.delete(key);
        for (const key of logs.keys()) if (key.startsWith(prefix)) logs.delete(key);
        return runFinished.immediate(event);
      }
      default: return; // retried errors live in the live stream, not in history
    }
  };
}

function isoMinus(at: string, ms: number): string | null {
  const t = Date.parse(at);
  return Number.isNaN(t) ? null : new Date(t - ms).toISOString();
}
