/**
 * Messages between the service (or CLI) and the processes that run flows and previews.
 * Everything here crosses by structured clone, so it holds data only: no functions, no classes.
 */
import type { EngineEvent, RunMode } from '../exec/events';
import type { CodeBackend } from '../exec/lazy-code-runner';
import type { CredentialReply, CredentialRequest } from './credential-channel';
import type { FlowFile } from '../flow/types';
import type { ErrorInfo } from '../sdk/errors';
import type { Item, Outputs } from '../sdk/types';

export type PortItems = Record<string, Item[]>;

/** Where a run's process finds its node types when they are not the built-in ones (tests, embedders). */
export interface TypesModule {
  /** A file URL of an ES module the thread can import. */
  url: string;
  /** The name of its export holding a NodeRegistry. */
  exportName: string;
}

export type WorkerKind = 'run' | 'preview';

/** One run, as its process receives it (the first message). */
export interface RunJob {
  flow: FlowFile;
  /** The flow's error flow, looked up by the host beforehand. */
  errorFlow?: FlowFile;
  runId: string;
  mode: RunMode;
  usePinned: boolean;
  input?: Record<string, unknown>[];
  previous?: Map<string, Outputs>;
  startAt?: string;
  only?: string;
  /** The trigger node that starts a triggered run. */
  trigger?: string;
  /** False: the run is not written to history (its state and journal still are). */
  isRecorded: boolean;
  /**
   * A poll: history and events wait for the trigger node; when it ends without items the run
   * leaves no trace (its state still commits) and the result says `isEmpty`.
   */
  isQuietWhenEmpty?: boolean;
  /** Node types whose node.finished events cross with their output items (a run's observers read them: respond, outgoing webhooks). */
  eventDataOf?: string[];
  vars: Record<string, unknown>;
  env: Record<string, string>;
  /** Which sandbox runs the flow's Code nodes, and its error flow's: the host resolved each flow's trust. */
  codeBackend: CodeBackend;
  errorFlowBackend: CodeBackend;
  /** The run store the process records history, state and the journal in; none: nothing is kept. */
  storePath?: string;
  typesModule?: TypesModule;
  /** Send every node's items back, with lineage, when each run ends (the editor pages through them); else outputs cross as data only. */
  keepData: boolean;
  /** Nodes whose final outputs the result carries; all of them when absent. */
  outputsOf?: string[];
  maxNodeOutputBytes: number;
  /** Past this much item data, `keepData` sends none (history keeps its samples). */
  maxRunDataBytes: number;
}

/** One node run's items. */
export interface NodeData {
  runId: string; nodeId: string; iteration: number; input: PortItems; output: PortItems;
  /** A streamed node: `input`/`output` hold its first items only; these are the exact counts per port. */
  totals?: { input: Record<string, number>; output: Record<string, number> };
}

/** A run's own summary, without its items. */
export interface RunOutcome {
  runId: string;
  status: 'success' | 'failed' | 'cancelled';
  error?: ErrorInfo;
  durationMs: number;
  /** Items that left through an unconnected error output. */
  failedItems?: number;
  /** The peak resident memory of the run's process so far (KB): the CLI's --json shows it, the benches read it. */
  peakRssKb?: number;
  /** A quiet-when-empty run whose trigger found nothing: nothing was recorded or announced. */
  isEmpty?: boolean;
}

/** A node's final outputs: inline, or the index of the `data` entry (of the main run) holding the same object. */
export type OutputsRef = { outputs: Outputs } | { sameAsEntry: number };

/** What every worker process says once its modules are loaded. */
export interface WorkerReady { type: 'ready' }

/** What one run says; `job` is its run id, since a process may carry several runs at once. */
export type FromRunJob = (
  | { type: 'event'; event: EngineEvent }
  | { type: 'data'; runId: string; entries: NodeData[] }
  | { type: 'fatal'; error: ErrorInfo }
  | {
      type: 'result'; outcome: RunOutcome; errorFlowRun?: RunOutcome; outputs: [string, OutputsRef][];
      /** Nodes whose outputs are a streamed node's first items, with the exact counts per port. */
      samples?: [string, Record<string, number>][];
    }
  | CredentialRequest
) & { job: string };

export type FromRunWorker = WorkerReady | FromRunJob;

export type ToRunWorker = ({ type: 'cancel' } | CredentialReply) & { job: string };

/** The run data a preview reads: the newest run's outputs and node inputs (first iteration). */
export interface PreviewData {
  /** Identifies the snapshot, so the process keeps it across requests until the run changes. */
  key: string;
  runId?: string;
  outputs: Map<string, Outputs>;
  inputs: Map<string, PortItems>;
}

export interface PreviewContext {
  vars: Record<string, unknown>;
  env: Record<string, string>;
  state: Record<string, unknown>;
  nowMs: number;
}

export type ToPreviewWorker =
  | { type: 'data'; id: number; data: PreviewData }
  | { type: 'preview'; id: number; flow: FlowFile; nodeId: string; mainPort: string; expression: string; context: PreviewContext }
  | { type: 'paths'; id: number; flow: FlowFile; nodeId: string };

export type PreviewReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ErrorInfo };
export type FromPreviewWorker = WorkerReady | PreviewReply;
