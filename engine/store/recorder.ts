import { hostname } from 'node:os';
import type Database from 'better-sqlite3';
import type { EngineEvent } from '../exec/events';
import { sampleJson } from './sample';
import type { AuditStore } from './types';

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
    `INSERT INTO runs (id, flow_id, flow_name, "trigger", mode, status, started_at, pid, host)
     VALUES (?, ?, ?, ?, ?, 'running', ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );
  const insertNode = db.prepare(
    `INSERT INTO node_runs (run_id, node_id, node_name, node_type, iteration, status, attempts, started_at, finished_at,
       duration_ms, items_in, items_out, error, sample_in, sample_out)
     SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM runs WHERE id = ?)`,
  );
  const finishRun = db.prepare(
    `UPDATE runs SET status = ?, finished_at = ?, duration_ms = ?, items_out = ?,
       error_code = ?, error_message = ?, error_node = ?, error_path = ?
     WHERE id = ? RETURNING flow_id`,
  );
  // node.started → its time, until node.finished (keyed by run and node; loops start a node once per iteration).
  const startedAt = new Map<string, string>();

  const runStarted = (e: Of<'run.started'>) => {
    insertRun.run(e.runId, e.flowId, e.flowName, e.trigger, e.mode, e.at, pid, host);
  };

  const nodeFinished = (e: Of<'node.finished'>) => {
    const key = `${e.runId}\u0000${e.nodeId}`;
    const started = startedAt.get(key) ?? isoMinus(e.at, e.durationMs);
    startedAt.delete(key);
    insertNode.run(
      e.runId, e.nodeId, e.nodeName, e.nodeType, e.iteration, e.status, e.attempts, started, e.at,
      Math.round(e.durationMs), JSON.stringify(e.itemsIn), JSON.stringify(e.itemsOut),
      e.error ? JSON.stringify(e.error) : null,
      sampleJson(e.data?.input, sampleBytes), sampleJson(e.data?.output, sampleBytes),
      e.runId,
    );
  };

  const runFinished = db.transaction((e: Of<'run.finished'>) => {
    const row = finishRun.get(
      e.status, e.at, Math.round(e.durationMs), e.itemsOut,
      e.error?.code ?? null, e.error?.message ?? null, e.error?.node ?? null, e.error?.path ?? null,
      e.runId,
    ) as { flow_id: string } | undefined;
    if (!row) return;
    audit.append({ actor: 'engine', action: 'run.finished', target: e.runId, detail: { status: e.status, flowId: row.flow_id } });
  });

  return (event) => {
    switch (event.type) {
      case 'run.started': return runStarted(event);
      case 'node.started': startedAt.set(`${event.runId}\u0000${event.nodeId}`, event.at); return;
      case 'node.finished': return nodeFinished(event);
      case 'run.finished':
        for (const key of startedAt.keys()) if (key.startsWith(`${event.runId}\u0000`)) startedAt.delete(key);
        return runFinished.immediate(event);
      default: return; // logs and retried errors live in the live stream, not in history
    }
  };
}

function isoMinus(at: string, ms: number): string | null {
  const t = Date.parse(at);
  return Number.isNaN(t) ? null : new Date(t - ms).toISOString();
}
