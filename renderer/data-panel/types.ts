import type { FlowFile, NodeDescription } from '../../engine/api';
import type { FlowNode } from '../../engine/flow/types';
import type { ApiClient } from '../api/client';

/** Live status of a node in the shown run, from engine events. */
export interface NodeRunView {
  status: 'running' | 'success' | 'failed' | 'skipped' | 'disabled' | 'cancelled' | 'pinned';
  itemsIn: Record<string, number>;
  itemsOut: Record<string, number>;
  durationMs?: number;
  /** Items that left through an unconnected error port: the node succeeded, they did not. */
  failedItems?: number;
  /** What the node logged (a Code node's console output), in order. */
  logs?: { level: string; message: string }[];
  error?: { code: string; message: string; path?: string };
}

export interface DataPanelProps {
  flow: FlowFile;
  node: FlowNode;
  description: NodeDescription | undefined;
  /** The run whose data to show: the editor's last run, or a history run opened from Runs. */
  runId?: string;
  nodeRun?: NodeRunView;
  isRunning: boolean;
  /** Pinned test data of this node, if any (flow.pinned[node.id]). */
  pinned?: Record<string, unknown>[];
  onPin(items: Record<string, unknown>[]): void;
  onUnpin(): void;
  onRunNode(): void;
  onRunFromHere(): void;
  onRunFlow(): void;
  onCancel(): void;
  /** Display names of ports where the node gives them (a Switch's rule names), as on the card. */
  portLabels?: Record<string, string>;
  /** A recorded run: data only, no run or pin buttons (those live in the flow's editor). */
  readOnly?: boolean;
  api: ApiClient;
}
