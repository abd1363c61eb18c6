import type { DeliveryStore } from './deliveries';
import type { TriggerStore } from './triggers';
import type { EngineEvent, LogLevel } from '../exec/events';
import type { FlowFile } from '../flow/types';
import type { ErrorInfo, JournalEntry } from '../sdk';

/** What one port of one node run keeps: the first items' JSON until the byte cap, and how many there were. */
export interface PortSample {
  total: number;
  kept: number;
  items: unknown[];
}

export interface RunSummary {
  id: string;
  flowId: string;
  flowName: string;
  trigger: string;
  mode: string;
  status: 'running' | 'success' | 'failed' | 'cancelled' | 'crashed';
  startedAt: string;
  finishedAt?: string;
  durationMs?: number;
  itemsOut?: number;
  /** Items that left a node through an unconnected error port; absent when none did. */
  failedItems?: number;
  error?: ErrorInfo;
}

/** One line a node logged during its run. */
export interface NodeLogLine {
  level: LogLevel;
  message: string;
}

/** One execution of one node; a node inside a loop has one record per iteration. */
export interface NodeRunRecord {
  nodeId: string;
  nodeName: string;
  nodeType: string;
  iteration: number;
  status: string;
  attempts: number;
  startedAt?: string;
  finishedAt: string;
  durationMs: number;
  itemsIn: Record<string, number>;
  itemsOut: Record<string, number>;
  failedItems?: number;
  error?: ErrorInfo;
  /** What the node logged (the first lines, each cut to a length; see recorder.ts); absent when nothing. */
  logs?: NodeLogLine[];
  sampleIn: Record<string, PortSample>;
  sampleOut: Record<string, PortSample>;
}

export interface RunDetail extends RunSummary {
  nodes: NodeRunRecord[];
  /** The flow as it ran, without pinned data; absent for runs recorded before snapshots. */
  flow?: FlowFile;
}

export interface RunFilter {
  flowId?: string;
  status?: string;
  /** Default 50, at most 1000. */
  limit?: number;
  offset?: number;
}

export interface AuditInput {
  actor: string;
  action: string;
  target: string;
  detail?: unknown;
}

export interface AuditRecord extends AuditInput {
  seq: number;
  at: string;
  prevHash: string;
  hash: string;
}

export type AuditVerdict = { ok: true } | { ok: false; brokenAt: number };

export interface StateStore {
  /** The node's committed state, `{}` when it has none. */
  load(flowId: string, nodeId: string): Record<string, unknown>;
  /** Replaces the state of each node named in `changes` (an empty record clears it), all in one transaction. */
  commit(flowId: string, changes: Record<string, Record<string, unknown>>): void;
}

export interface JournalStore {
  append(entry: JournalEntry): void;
  /** A run's writes in `seq` order (then insertion order). */
  list(runId: string): JournalEntry[];
}

export interface AuditStore {
  append(entry: AuditInput): AuditRecord;
  /** Newest first; default 100. */
  list(limit?: number): AuditRecord[];
  /** Walks the chain from the first row; reports the first seq whose link or hash does not hold. */
  verify(): AuditVerdict;
}

export interface RunStore {
  /** A listener for engine events (safe to pass unbound): writes runs and node runs as they happen. */
  record(event: EngineEvent): void;
  listRuns(filter?: RunFilter): RunSummary[];
  getRun(runId: string): RunDetail | undefined;
  /** Marks runs left 'running' by a process that is gone as 'crashed'; returns how many. */
  recoverCrashed(): number;
  state: StateStore;
  journal: JournalStore;
  audit: AuditStore;
  trust: TrustStore;
  connections: ConnectionStore;
  settings: SettingsStore;
  /** Active flows and what their triggers did. */
  triggers: TriggerStore;
  /** Outgoing webhook deliveries and the dead-letter list. */
  deliveries: DeliveryStore;
  close(): void;
}

/** `reconnect`: the stored grant was refused (expired or revoked); the person must sign in again. */
export type ConnectionStatus = 'ok' | 'reconnect' | 'untested';

/** A connection's metadata as stored: never a secret value, only the names of the secrets it holds. */
export interface ConnectionRecord {
  id: string;
  name: string;
  type: string;
  fields: Record<string, unknown>;
  secretNames: string[];
  status: ConnectionStatus;
  statusDetail?: string;
  /** When the current access token expires (OAuth2), ISO-8601. */
  expiresAt?: string;
  createdAt: string;
  updatedAt: string;
}

export interface ConnectionStore {
  list(): ConnectionRecord[];
  get(id: string): ConnectionRecord | undefined;
  save(record: ConnectionRecord): void;
  setStatus(id: string, status: ConnectionStatus, detail: string | undefined, at: string): void;
  setExpiry(id: string, expiresAt: string | undefined): void;
  delete(id: string): boolean;
}

/** App-wide choices kept in the store (JSON values); setting undefined removes the key. */
export interface SettingsStore {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
}

/** Flows whose Code nodes run on the fast backend, per workspace folder (see trust.ts). */
export interface TrustStore {
  isTrusted(workspace: string, flowId: string): boolean;
  /** `created`: made in this workspace (flows.create, flows.duplicate); `trusted`: the person said so. */
  trust(workspace: string, flowId: string, reason: 'created' | 'trusted', at?: Date): void;
  distrust(workspace: string, flowId: string): void;
}

export interface RunStoreOptions {
  /** Byte cap of the JSON kept per port per node run; default 32 KB. */
  sampleBytes?: number;
}
