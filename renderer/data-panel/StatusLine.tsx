/** How the node did in the shown run: status, items per port, time, and the error as a sentence. */
import type { NodeDescription } from '../../engine/api';
import type { FlowNode } from '../../engine/flow/types';
import { labelPath } from '../inspector/form-model';
import { dotted } from '../inspector/problem-paths';
import { duration, portCounts } from './ports';
import type { NodeRunView } from './types';

const LABELS: Record<NodeRunView['status'], string> = {
  running: 'Running…', success: 'Succeeded', failed: 'Failed', skipped: 'Skipped', disabled: 'Disabled: input passed on',
  cancelled: 'Cancelled', pinned: 'Used pinned data',
};

/** `"HTTP Request" failed at URL: connection refused`. */
export function errorSentence(node: FlowNode, description: NodeDescription | undefined, error: NonNullable<NodeRunView['error']>): string {
  // A node's run error names its field inside the node (`params.fields[0].value`).
  const rel = dotted(error.path ?? '');
  const field = rel.startsWith('params.') ? labelPath(description?.params, rel.slice('params.'.length)) : rel;
  return `"${node.name}" failed${field ? ` at ${field}` : ''}: ${error.message}`;
}

export function StatusLine({ node, description, nodeRun, portLabels }: { node: FlowNode; description: NodeDescription | undefined; nodeRun: NodeRunView; portLabels?: Record<string, string> }) {
  const hasInputs = (description?.inputs.length ?? 1) > 0;
  return (
    <div className="dp-status-wrap">
      <div className="dp-status" data-testid="dp-status" data-status={nodeRun.status}>
        <span className="dp-dot" aria-hidden />
        <span className="dp-status-label">{LABELS[nodeRun.status]}</span>
        {hasInputs && nodeRun.status !== 'running' && <span>in {portCounts(nodeRun.itemsIn)}</span>}
        {nodeRun.status !== 'running' && <span>out {portCounts(nodeRun.itemsOut, portLabels)}</span>}
        {nodeRun.durationMs !== undefined && <span>{duration(nodeRun.durationMs)}</span>}
      </div>
      {nodeRun.error && (
        <div className="dp-error" role="alert" data-testid="dp-error" title={nodeRun.error.code}>
          {errorSentence(node, description, nodeRun.error)}
        </div>
      )}
    </div>
  );
}
