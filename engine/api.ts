/**
 * The one typed contract between the UI and the engine. Types only: the engine service
 * implements it, Electron's preload and the WebSocket carry it, the renderer calls it.
 */
import type { NodeDescription } from './catalog';
import type { EngineEvent, RunStatus } from './exec/events';
import type { ConnectionTypeInfo } from './connections/kinds';
import type { ConnectionUse, TestResult } from './connections/types';
import type { FieldType } from './flow/field-paths';
import type { SecretStoreStatus } from './secrets/types';
import type { CredentialRef, FlowFile } from './flow/types';
import type { ErrorInfo } from './sdk/errors';
import type { Problem } from './sdk/schema';
import type { ImportedNode, ImportNote, ImportSource } from './import/types';
import type { CredentialSlot, DatabaseSchema } from './sdk/types';

export type { DatabaseSchema };
export type { NodeDescription, EngineEvent, FlowFile, Problem, ErrorInfo, ConnectionTypeInfo, ConnectionUse, SecretStoreStatus, TestResult, CredentialRef, CredentialSlot };

/** A connection as the API shows it: its secrets are never sent back, only which ones are set. */
export interface ConnectionDto {
  id: string;
  name: string;
  type: string;
  /** Non-secret fields. */
  fields: Record<string, unknown>;
  /** Names of the secret fields that hold a value. */
  secretsSet: string[];
  /** `reconnect`: the provider refused the saved grant; sign in again. `untested`: new sign-in details. */
  status: 'ok' | 'reconnect' | 'untested';
  statusDetail?: string;
  expiresAt?: string;
  createdAt: string;
  updatedAt: string;
  /** The workspace's nodes that refer to it. */
  usedBy: ConnectionUse[];
}

export interface ConnectionSaveInput {
  /** Absent: a new connection. */
  id?: string;
  name: string;
  type: string;
  fields: Record<string, unknown>;
  /** Secret fields to set or replace; one left out (or empty) keeps its saved value. */
  secrets?: Record<string, string>;
}

export interface FlowSummary {
  id: string;
  name: string;
  /** File name inside the workspace's flows/ folder. */
  file: string;
  nodeCount: number;
  updatedAt: string;
  lastRun?: { id: string; status: RunStatus; startedAt: string };
  /**
   * Whether its Code nodes run on the fast backend: true for flows created here and flows the
   * person trusted (`flows.trust`); imported flows run in the isolated one until trusted.
   */
  trusted: boolean;
}

/** One saved version of a flow in its local history (newest first in `flows.versions`). */
export interface FlowVersion {
  id: string;
  savedAt: string;
  name: string;
  nodeCount: number;
}

/** A run as history lists it. The service maps it from the store's row, field by field. */
export interface RunSummaryDto {
  id: string;
  flowId: string;
  flowName: string;
  trigger: string;
  mode: string;
  status: RunStatus;
  startedAt: string;
  finishedAt?: string;
  durationMs?: number;
  /** Items the run's last nodes put out. */
  itemsOut?: number;
  /** Items that left through an unconnected error output; the run still succeeded. */
  failedItems?: number;
  error?: ErrorInfo;
}

/**
 * One execution of one node (a node inside a loop has one per iteration), without the stored
 * samples: those are paged through `runs.items`.
 */
export interface NodeRunDto {
  nodeId: string;
  nodeName: string;
  nodeType: string;
  iteration: number;
  status: string;
  attempts: number;
  durationMs: number;
  /** Items per port. */
  itemsIn: Record<string, number>;
  itemsOut: Record<string, number>;
  /** Items that left through an unconnected error output. */
  failedItems?: number;
  error?: ErrorInfo;
  /** What the node logged (a Code node's console), bounded in count and size. */
  logs?: { level: 'debug' | 'info' | 'warn' | 'error'; message: string }[];
}

export interface RunDetailDto extends RunSummaryDto {
  nodes: NodeRunDto[];
  /** The flow as it ran (pinned data left out: the node runs hold what it gave); absent for runs recorded before snapshots. */
  flow?: FlowFile;
  /** Whether the full items are still held in memory (the last runs), or only history samples. */
  hasFullData: boolean;
}

/** The ports a node has with its current params (a Switch's depend on its rules). */
export interface NodePorts {
  inputs: string[];
  outputs: string[];
  /** Display names by port id, where a node gives them. */
  labels: Record<string, string>;
}

export interface FieldPathInfo {
  /** Dotted path under $json, e.g. `customer.email`. */
  path: string;
  type: FieldType;
  /** Node that produced it. */
  node: string;
  example?: string;
}

/** An active flow's triggers as the Flows list shows them (`flows.activate`, `triggers.status`). */
export interface TriggerStatusDto {
  flowId: string;
  isActive: boolean;
  /** The next fire instant among its schedules and polls (ISO). */
  nextFireAt?: string;
  /** When its polling triggers last looked for something new (ISO); an empty poll leaves no run. */
  lastPolledAt?: string;
  /** Where its webhooks listen. */
  webhooks: { nodeId: string; method: string; url: string }[];
  /** What its triggers did last: a run started or queued, a firing skipped, a call refused (with its HTTP status). */
  lastEvent?: { at: string; kind?: 'schedule' | 'webhook' | 'poll' | 'event'; outcome: 'started' | 'queued' | 'skipped' | 'rejected'; status?: number; runId?: string; detail?: string };
  /** Why an active flow's triggers are not live. */
  problem?: string;
}

/** An outgoing webhook delivery that failed every attempt. */
export interface DeadLetterDto {
  id: string;
  flowId: string;
  runId: string;
  nodeId: string;
  url: string;
  attempts: number;
  lastError?: string;
  createdAt: string;
  failedAt: string;
  /** The payload (in `dlq.get` only). */
  body?: string;
}

/** One flow made from an n8n workflow or a Node-RED tab, saved in the workspace, with its import report. */
export interface ForeignFlowDto {
  flow: FlowFile;
  problems: Problem[];
  /** What became of each source node (mapped, placeholder, folded into the canvas or left out). */
  nodes: ImportedNode[];
  /** What did not carry over exactly, each with its JSON path in the source file. */
  notes: ImportNote[];
  /** Connections the flow refers to; `exists` says whether one with that id is set up here. */
  connections: (CredentialRef & { exists: boolean })[];
}

export interface ForeignImportDto {
  source: ImportSource;
  flows: ForeignFlowDto[];
  /** Problems of the file as a whole. */
  notes: ImportNote[];
}

export interface Api {
  'workspace.info': { in: Record<string, never>; out: { workspace: string; dataDir: string; version: string } };
  'flows.list': { in: Record<string, never>; out: FlowSummary[] };
  /** Loads a flow even when it has problems (unknown node types stay on the canvas, marked). */
  'flows.get': { in: { id: string }; out: { flow: FlowFile; problems: Problem[]; trusted: boolean } };
  'flows.create': { in: { name: string }; out: { flow: FlowFile } };
  'flows.save': { in: { flow: FlowFile }; out: { savedAt: string; problems: Problem[] } };
  'flows.rename': { in: { id: string; name: string }; out: { flow: FlowFile } };
  'flows.duplicate': { in: { id: string }; out: { flow: FlowFile } };
  /** Moves the file to the workspace trash; `flows.restore` brings it back (undo). */
  'flows.delete': { in: { id: string }; out: { deleted: true } };
  'flows.restore': { in: { id: string }; out: { flow: FlowFile } };
  /** Imports flow text; a clashing id gets a new one. Lists connections the person must map. */
  'flows.import': { in: { text: string; fileName?: string }; out: { flow: FlowFile; problems: Problem[]; missingConnections: CredentialRef[] } };
  /** Imports an n8n workflow or a Node-RED export (a file or clipboard text) as new flows, with the import report. */
  'flows.importForeign': { in: { text: string; fileName?: string; from?: ImportSource }; out: ForeignImportDto };
  'flows.export': { in: { id: string; includePinned: boolean }; out: { text: string; fileName: string } };
  /** The flow's last saved versions (kept in the data dir, newest first), for restoring after a bad save. */
  'flows.versions': { in: { id: string }; out: FlowVersion[] };
  'flows.version': { in: { id: string; versionId: string }; out: { flow: FlowFile } };
  /** Problems, and each known node's ports as its params make them. */
  'flows.validate': { in: { flow: FlowFile }; out: { problems: Problem[]; ports: Record<string, NodePorts> } };
  /**
   * Trusts a flow of this workspace (its Code nodes then run on the fast backend) or takes the
   * trust back. Kept in the local data folder, never in the flow file.
   */
  'flows.trust': { in: { id: string; trusted: boolean }; out: { trusted: boolean } };
  /**
   * Makes a flow's Schedule and Webhook triggers live while the service (or `junction start`)
   * runs; refused with the reason when the flow has no such trigger, does not validate, or a
   * webhook path is taken. Kept in the local data folder.
   */
  'flows.activate': { in: { id: string }; out: TriggerStatusDto };
  'flows.deactivate': { in: { id: string }; out: TriggerStatusDto };
  /** Every active flow's triggers: next fire, webhook URLs, last result. */
  'triggers.status': { in: Record<string, never>; out: TriggerStatusDto[] };
  /** The next fire instants (ISO) of a cron pattern, for the schedule inspector; `error` when the pattern is invalid. */
  'triggers.nextFires': { in: { cron: string; timezone?: string; count?: number }; out: { times: string[]; error?: string } };
  /** Outgoing webhook deliveries that failed every attempt, newest first. */
  'dlq.list': { in: { limit?: number }; out: DeadLetterDto[] };
  'dlq.get': { in: { id: string }; out: DeadLetterDto };
  /** Queues a dead letter again with fresh attempts. */
  'dlq.replay': { in: { id: string }; out: { replayed: true } };
  'dlq.discard': { in: { id: string }; out: { discarded: true } };
  'nodes.catalog': { in: Record<string, never>; out: NodeDescription[] };
  /**
   * Starts a run of the editor's current flow (saved or not). `from` runs a node and what
   * follows it; `node` runs one node; both take earlier nodes' data from the last run or pins,
   * and run the upstream nodes that have neither. `runId` lets the client name the run before it
   * starts, so it can match events that arrive before the reply (8–100 of A–Z a–z 0–9 _ -, unused).
   */
  'runs.start': { in: { flow: FlowFile; mode: 'flow' | 'from' | 'node'; nodeId?: string; input?: Record<string, unknown>[]; runId?: string }; out: { runId: string } };
  'runs.cancel': { in: { runId: string }; out: { cancelled: boolean } };
  'runs.list': { in: { flowId?: string; status?: RunStatus; limit?: number; offset?: number }; out: RunSummaryDto[] };
  'runs.get': { in: { runId: string }; out: RunDetailDto };
  /** A page of one node's items in a run: full data for recent runs, else the history sample. */
  'runs.items': {
    in: { runId: string; nodeId: string; direction: 'input' | 'output'; port: string; offset: number; limit: number; iteration?: number };
    out: { total: number; offset: number; items: Record<string, unknown>[]; isSample: boolean };
  };
  /** The kinds of connection and their fields. */
  'connections.types': { in: Record<string, never>; out: ConnectionTypeInfo[] };
  'connections.list': { in: Record<string, never>; out: ConnectionDto[] };
  'connections.get': { in: { id: string }; out: ConnectionDto };
  'connections.save': { in: ConnectionSaveInput; out: ConnectionDto };
  /** Deletes it and its secrets; `usedBy` lists the nodes that now miss it. */
  'connections.delete': { in: { id: string }; out: { deleted: true; usedBy: ConnectionUse[] } };
  'connections.test': { in: { id: string }; out: TestResult };
  /**
   * OAuth2 authorization code: starts a sign-in and returns the provider's URL for the browser
   * (the engine also opens the system browser when it can). A listener on 127.0.0.1 takes the
   * redirect; the outcome arrives as a `connections.changed` event and the connection's status.
   */
  'connections.signIn': { in: { id: string }; out: { url: string } };
  /** Points a flow's references at this workspace's connections (old id → connection id), e.g. after an import. */
  'connections.map': { in: { flowId: string; mapping: Record<string, string> }; out: { flow: FlowFile; problems: Problem[] } };
  /** Where secrets are kept and whether that works. */
  'connections.store': { in: Record<string, never>; out: SecretStoreStatus };
  /** Chooses the keychain, or the encrypted file with its passphrase (also unlocks it). */
  'connections.useStore': { in: { kind: 'keychain' | 'file'; passphrase?: string }; out: SecretStoreStatus };
  /**
   * Tables and columns (types, keys) of the database a database node reaches through a connection
   * (PostgreSQL, MySQL) or at a file path (SQLite): the inspector's column pickers read it.
   */
  'db.schema': { in: { nodeType: string; connectionId?: string; path?: string; schema?: string }; out: DatabaseSchema };
  /** Field paths upstream nodes produced (last run or pinned data), for expression autocomplete. */
  'expr.paths': { in: { flow: FlowFile; nodeId: string }; out: { fields: FieldPathInfo[] } };
  /** The value of an expression for the first input item of a node, from the last run's data. */
  'expr.preview': { in: { flow: FlowFile; nodeId: string; expression: string }; out: { value?: unknown; error?: ErrorInfo; hasData: boolean } };
  /**
   * The first rows of the file a Read File node's params point at, read with the node's own
   * parsing before any run, with a type per column. Failures come back as problems, not errors.
   */
  'files.preview': { in: { nodeType?: string; params: Record<string, unknown> }; out: FilePreview };
}

export type ColumnKind = 'number' | 'boolean' | 'date' | 'text' | 'object' | 'empty' | 'mixed';

export interface FilePreview {
  columns: { name: string; type: ColumnKind }[];
  rows: Record<string, unknown>[];
  /** The number of rows, when the preview read the whole file. */
  total?: number;
  /** What the reader detected, in words (format, delimiter, encoding, header). */
  detected?: string;
  /** Why there is no preview, and malformed rows met among the first ones (each with its line). */
  problems: Problem[];
}

export type Method = keyof Api;
export type In<M extends Method> = Api[M]['in'];
export type Out<M extends Method> = Api[M]['out'];
/** What the service implements; a missing method does not compile. */
export type Handlers = { [M in Method]: (input: In<M>) => Promise<Out<M>> };

/** Events a transport carries: the engine's, without item data, plus workspace changes. */
export type ApiEvent =
  | Exclude<EngineEvent, { type: 'node.finished' | 'run.started' }>
  | Omit<Extract<EngineEvent, { type: 'node.finished' }>, 'data'>
  | Omit<Extract<EngineEvent, { type: 'run.started' }>, 'flow'>
  | { type: 'flows.changed' }
  | { type: 'connections.changed' };

/** What every transport provides: one request path and one event stream. */
export interface Wire {
  request(method: Method, input: unknown): Promise<unknown>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** Connection state, for "lost connection to the engine" banners. */
  onStatus?(listener: (status: 'open' | 'closed') => void): () => void;
}

/** How an error crosses a transport. */
export interface WireError { code: string; message: string; path?: string; node?: string }

