/** The flow file, `junction/flow@1`: a plain, canonical, git-friendly JSON document. */

export const FLOW_FORMAT = 'junction/flow@1';

export interface Position { x: number; y: number }

export interface RetrySettings {
  attempts: number;
  backoff?: 'fixed' | 'exponential';
  delayMs?: number;
  maxDelayMs?: number;
  /** Retry only errors with these codes or HTTP statuses; all retryable errors when absent. */
  on?: (string | number)[];
}

export interface NodeSettings {
  retry?: RetrySettings;
  timeoutMs?: number;
  onError?: 'stop' | 'continue' | 'errorPort';
  disabled?: boolean;
  notes?: string;
}

export interface CredentialRef { id: string; type: string; name: string }

export interface FlowNode {
  id: string;
  type: string;
  version: number;
  name: string;
  position: Position;
  params: Record<string, unknown>;
  credentials?: Record<string, CredentialRef>;
  settings?: NodeSettings;
}

export interface PortRef { node: string; port: string }

export interface FlowEdge { id: string; from: PortRef; to: PortRef }

export interface StickyNote { id: string; text: string; position: Position; size?: { width: number; height: number }; color?: string }

export interface FlowSettings {
  /** Id of a flow in the same workspace that runs when this one fails. */
  errorFlow?: string | null;
  timezone?: string;
  timeoutMs?: number;
  /** What a trigger does while a run of this flow is still going. */
  concurrency?: 'queue' | 'skip' | 'parallel';
}

export interface FlowFile {
  format: typeof FLOW_FORMAT;
  id: string;
  name: string;
  description?: string;
  nodes: FlowNode[];
  edges: FlowEdge[];
  settings: FlowSettings;
  /** Test data per node id: used instead of running the node in the editor. */
  pinned: Record<string, Record<string, unknown>[]>;
  notes: StickyNote[];
}
