import type Database from 'better-sqlite3';
import { workspaceKey } from './trust';

export type TriggerOutcome = 'started' | 'queued' | 'skipped' | 'rejected';
/** What started (or was refused): a schedule, a webhook call, a poll, or an event trigger's event. */
export type TriggerKind = 'schedule' | 'webhook' | 'poll' | 'event';

export interface TriggerEvent {
  flowId: string;
  nodeId: string;
  kind: TriggerKind;
  at: string;
  outcome: TriggerOutcome;
  /** The HTTP status a webhook call got. */
  status?: number;
  runId?: string;
  /** Why a call was refused or a firing skipped. */
  detail?: string;
}

/** Which flows are active (per workspace folder), and what their triggers did. */
export interface TriggerStore {
  activeFlows(workspace: string): string[];
  setActive(workspace: string, flowId: string, isActive: boolean, at?: Date): void;
  record(event: TriggerEvent): void;
  /** A flow's trigger history, newest first. */
  history(flowId: string, limit?: number): TriggerEvent[];
}

interface EventRow { flow_id: string; node_id: string; kind: TriggerKind; at: string; outcome: TriggerOutcome; status: number | null; run_id: string | null; detail: string | null }

export function createTriggerStore(db: Database.Database): TriggerStore {
  const list = db.prepare<[string], { flow_id: string }>('SELECT flow_id FROM active_flows WHERE workspace = ? ORDER BY flow_id');
  const put = db.prepare<[string, string, string]>('INSERT OR REPLACE INTO active_flows (workspace, flow_id, activated_at) VALUES (?, ?, ?)');
  const drop = db.prepare<[string, string]>('DELETE FROM active_flows WHERE workspace = ? AND flow_id = ?');
  const insert = db.prepare('INSERT INTO trigger_events (flow_id, node_id, kind, at, outcome, status, run_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const select = db.prepare<[string, number], EventRow>('SELECT * FROM trigger_events WHERE flow_id = ? ORDER BY seq DESC LIMIT ?');
  return {
    activeFlows: (workspace) => list.all(workspaceKey(workspace)).map((r) => r.flow_id),
    setActive(workspace, flowId, isActive, at = new Date()) {
      if (isActive) put.run(workspaceKey(workspace), flowId, at.toISOString());
      else drop.run(workspaceKey(workspace), flowId);
    },
    record: (e) => { insert.run(e.flowId, e.nodeId, e.kind, e.at, e.outcome, e.status ?? null, e.runId ?? null, e.detail?.slice(0, 500) ?? null); },
    history: (flowId, limit = 20) => select.all(flowId, limit).map((r) => ({
      flowId: r.flow_id, nodeId: r.node_id, kind: r.kind, at: r.at, outcome: r.outcome,
      ...(r.status !== null ? { status: r.status } : {}), ...(r.run_id ? { runId: r.run_id } : {}), ...(r.detail ? { detail: r.detail } : {}),
    })),
  };
}
