import type { CredentialRef, FlowFile } from '../flow/types';

/** The tools whose exports Junction imports. */
export type ImportSource = 'n8n' | 'node-red';

/** What became of one source node. */
export interface ImportedNode {
  /** The node's name (n8n) or id and name (Node-RED) in the source file. */
  sourceName: string;
  sourceType: string;
  /** JSON path of the node in the source file, e.g. `$.nodes[3]`. */
  path: string;
  /** What it became: a Junction node id, or none when it was folded away (a link pair, a config node). */
  nodeId?: string;
  junctionType?: string;
  outcome: 'mapped' | 'placeholder' | 'folded' | 'dropped';
}

/** One thing that did not carry over exactly, with where it is in the source file. */
export interface ImportNote {
  severity: 'info' | 'warning' | 'error';
  /** 'node' (unsupported type), 'option', 'expression', 'connection', 'credential', 'file'. */
  kind: string;
  /** JSON path in the source file, e.g. `$.nodes[3].parameters.conditions`. */
  path: string;
  message: string;
  /** The Junction node it concerns, when there is one. */
  nodeId?: string;
}

export interface ImportedFlow {
  flow: FlowFile;
  nodes: ImportedNode[];
  notes: ImportNote[];
  /** Connections the flow refers to, for the person to map to theirs (never with secret values). */
  connections: CredentialRef[];
}

/** An importer's answer for one file: one flow (n8n) or one per tab (Node-RED). */
export interface ImportResult {
  source: ImportSource;
  flows: ImportedFlow[];
  /** Problems of the file as a whole (not JSON, a truncated export). */
  notes: ImportNote[];
}

/** The node type that stands in for a source node Junction has no equivalent of; it refuses to run. */
export const PLACEHOLDER_TYPE = 'import.placeholder';
