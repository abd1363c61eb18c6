/**
 * The one typed contract between the UI and the engine. Types only: the engine service
 * implements it, Electron's preload and the WebSocket carry it, the renderer calls it.
 */
import type { NodeDescription } from './catalog';
import type { EngineEvent, RunStatus } from './exec/events';
import type { CredentialRef, FlowFile } from './flow/types';
import type { ErrorInfo } from './sdk/errors';
import type { Problem } from './sdk/schema';
import type { NodeRunRecord, RunSummary } from './store/types';

export type { NodeDescription, EngineEvent, FlowFile, Problem, ErrorInfo };

export interface FlowSummary {
  id: string;
  name: string;
  /** File name inside the workspace's flows/ folder. */
  file: string;
  nodeCount: number;
  updatedAt: string;
  lastRun?: { id: string; status: RunStatus; startedAt: string };
}

/** One saved version of a flow in its local history (newest first in `flows.versions`). */
export interface FlowVersion {
  id: string;
  savedAt: string;
  name: string;
  nodeCount: number;
}

/** A run as history lists it (the store's own shape). */
export type RunSummaryDto = RunSummary;

/** One node run, without the stored samples (those are paged through `runs.items`). */
export type NodeRunDto = Omit<NodeRunRecord, 'sampleIn' | 'sampleOut' | 'startedAt' | 'finishedAt'>;

export interface RunDetailDto extends RunSummaryDto {
  nodes: NodeRunDto[];
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
  type: 'string' | 'number' | 'boolean' | 'object' | 'array' | 'null';
  /** Node that produced it. */
  node: string;
  example?: string;
}

export interface Api {
  'workspace.info': { in: Record<string, never>; out: { workspace: string; dataDir: string; version: string } };
  'flows.list': { in: Record<string, never>; out: FlowSummary[] };
  /** Loads a flow even when it has problems (unknown node types stay on the canvas, marked). */
  'flows.get': { in: { id: string }; out: { flow: FlowFile; problems: Problem[] } };
  'flows.create': { in: { name: string }; out: { flow: FlowFile } };
  'flows.save': { in: { flow: FlowFile }; out: { savedAt: string; problems: Problem[] } };
  'flows.rename': { in: { id: string; name: string }; out: { flow: FlowFile } };
  'flows.duplicate': { in: { id: string }; out: { flow: FlowFile } };
  /** Moves the file to the workspace trash; `flows.restore` brings it back (undo). */
  'flows.delete': { in: { id: string }; out: { deleted: true } };
  'flows.restore': { in: { id: string }; out: { flow: FlowFile } };
  /** Imports flow text; a clashing id gets a new one. Lists connections the person must map. */
  'flows.import': { in: { text: string; fileName?: string }; out: { flow: FlowFile; problems: Problem[]; missingConnections: CredentialRef[] } };
  'flows.export': { in: { id: string; includePinned: boolean }; out: { text: string; fileName: string } };
  /** The flow's last saved versions (kept in the data dir, newest first), for restoring after a bad save. */
  'flows.versions': { in: { id: string }; out: FlowVersion[] };
  'flows.version': { in: { id: string; versionId: string }; out: { flow: FlowFile } };
  /** Problems, and each known node's ports as its params make them. */
  'flows.validate': { in: { flow: FlowFile }; out: { problems: Problem[]; ports: Record<string, NodePorts> } };
  'nodes.catalog': { in: Record<string, never>; out: NodeDescription[] };
  /**
   * Starts a run of the editor's current flow (saved or not). `from` runs a node and what
   * follows it; `node` runs one node; both take earlier nodes' data from the last run or pins.
   */
  'runs.start': { in: { flow: FlowFile; mode: 'flow' | 'from' | 'node'; nodeId?: string; input?: Record<string, unknown>[] }; out: { runId: string } };
  'runs.cancel': { in: { runId: string }; out: { cancelled: boolean } };
  'runs.list': { in: { flowId?: string; status?: RunStatus; limit?: number; offset?: number }; out: RunSummaryDto[] };
  'runs.get': { in: { runId: string }; out: RunDetailDto };
  /** A page of one node's items in a run: full data for recent runs, else the history sample. */
  'runs.items': {
    in: { runId: string; nodeId: string; direction: 'input' | 'output'; port: string; offset: number; limit: number; iteration?: number };
    out: { total: number; offset: number; items: Record<string, unknown>[]; isSample: boolean };
  };
  /** Field paths upstream nodes produced (last run or pinned data), for expression autocomplete. */
  'expr.paths': { in: { flow: FlowFile; nodeId: string }; out: { fields: FieldPathInfo[] } };
  /** The value of an expression for the first input item of a node, from the last run's data. */
  'expr.preview': { in: { flow: FlowFile; nodeId: string; expression: string }; out: { value?: unknown; error?: ErrorInfo; hasData: boolean } };
}

export type Method = keyof Api;
export type In<M extends Method> = Api[M]['in'];
export type Out<M extends Method> = Api[M]['out'];
/** What the service implements; a missing method does not compile. */
export type Handlers = { [M in Method]: (input: In<M>) => Promise<Out<M>> };

/** Events a transport carries: the engine's, without item data, plus workspace changes. */
export type ApiEvent = Exclude<EngineEvent, { type: 'node.finished' }> | (Omit<Extract<EngineEvent, { type: 'node.finished' }>, 'data'>) | { type: 'flows.changed' };

/** What every transport provides: one request path and one event stream. */
export interface Wire {
  request(method: Method, input: unknown): Promise<unknown>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** Connection state, for "lost connection to the engine" banners. */
  onStatus?(listener: (status: 'open' | 'closed') => void): () => void;
}

/** How an error crosses a transport. */
export interface WireError { code: string; message: string; path?: string; node?: string }

export const METHODS: readonly Method[] = [
  'workspace.info', 'flows.list', 'flows.get', 'flows.create', 'flows.save', 'flows.rename', 'flows.duplicate',
  'flows.delete', 'flows.restore', 'flows.import', 'flows.export', 'flows.validate', 'flows.versions', 'flows.version', 'nodes.catalog',
  'runs.start', 'runs.cancel', 'runs.list', 'runs.get', 'runs.items', 'expr.paths', 'expr.preview',
];

/** Commands the desktop app's menu sends to the renderer. */
export type DesktopCommand = 'flow.new' | 'flow.open' | 'flow.import' | 'flow.export' | 'flow.save';

/**
 * What Electron's preload exposes beside the API wire, as `window.junctionDesktop`: menu
 * commands and native file dialogs. Absent in a browser, where the renderer uses web APIs.
 */
export interface JunctionDesktop {
  /** Listens for menu commands; returns the unsubscribe. */
  onCommand(listener: (command: DesktopCommand) => void): () => void;
  /** The native open dialog for flow files; null when cancelled. */
  openFile(): Promise<{ fileName: string; text: string } | null>;
  /** The native save dialog with `fileName` proposed, then writes `text`; false when cancelled. */
  saveFile(fileName: string, text: string): Promise<boolean>;
}
