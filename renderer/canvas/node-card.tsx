import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { NodeDescription } from '../../engine/api';
import type { FlowNode } from '../../engine/flow/types';
import { formatDuration, plural, STATUS_LABEL, statusText } from '../app/format';
import { Icon } from '../app/icons';
import { NodeIcon } from '../app/node-icons';
import type { NodeRunView } from '../data-panel/types';
import { useEditor } from '../state/use-editor';
import { usePortAdd } from './port-add';
import { showsLabels } from './ports';

export type CardData = { node: FlowNode; desc?: NodeDescription; inputs: string[]; outputs: string[]; labels: Record<string, string>; isPinned: boolean; readOnly?: boolean };
export type CardNode = Node<CardData, 'card'>;

function StatusMark({ view }: { view?: NodeRunView }) {
  if (!view) return null;
  const label = STATUS_LABEL[view.status] ?? view.status;
  if (view.status === 'running') return <span className="spinner node-status-mark" role="img" aria-label={label} />;
  // Drawn icons, not emoji: without an emoji font those render as empty boxes.
  const glyph = view.status === 'success' ? '✓' : view.status === 'failed' ? '✕' : view.status === 'pinned' ? <Icon name="pin" size={12} /> : '–';
  return <span className="node-status-mark" role="img" aria-label={label} title={label}>{glyph}</span>;
}

/** The "+" beside an output: opens the palette search to add a node wired to this port. */
function AddAfter({ nodeId, port, label }: { nodeId: string; port: string; label: string }) {
  const start = usePortAdd((s) => s.start);
  return (
    <button type="button" className="node-add-after nodrag" aria-label={`Add a node after ${label}`} title="Add a node here"
      data-testid={`add-after-${port}`} onClick={(e) => { e.stopPropagation(); start({ node: nodeId, port, label }); }}>+</button>
  );
}

/** A port's accessible name: `Output “true” of “Check amount”`, by the name the node shows. */
const portName = (kind: 'Input' | 'Output', port: string, nodeName: string, labels: Record<string, string>, isOnly: boolean) =>
  isOnly && port === 'main' ? `${kind} of “${nodeName}”` : `${kind} “${labels[port] ?? port}” of “${nodeName}”`;

function PortRows({ nodeId, inputs, outputs, labels, view, labelled, nodeName, canAdd }: { nodeId: string; inputs: string[]; outputs: string[]; labels: Record<string, string>; view?: NodeRunView; labelled: boolean; nodeName: string; canAdd: boolean }) {
  if (!labelled) return null;
  const rows = Math.max(inputs.length, outputs.length);
  return (
    <div className="node-ports">
      {Array.from({ length: rows }, (_, i) => (
        <div className="node-port-row" key={i}>
          <span className="node-port in">
            {inputs[i] !== undefined && <><Handle type="target" position={Position.Left} id={inputs[i]} aria-label={portName('Input', inputs[i], nodeName, labels, false)} />{inputs[i]}</>}
          </span>
          <span className="node-port out">
            {outputs[i] !== undefined && <>
              {labels[outputs[i]] ?? outputs[i]}
              {view?.itemsOut[outputs[i]] !== undefined && <b className="node-port-count">{view.itemsOut[outputs[i]]}</b>}
              <Handle type="source" position={Position.Right} id={outputs[i]} aria-label={portName('Output', outputs[i], nodeName, labels, false)} />
              {canAdd && <AddAfter nodeId={nodeId} port={outputs[i]} label={`“${nodeName}” › ${labels[outputs[i]] ?? outputs[i]}`} />}
            </>}
          </span>
        </div>
      ))}
    </div>
  );
}

function NodeCard({ id, data, selected }: NodeProps<CardNode>) {
  // Subscriptions to this card's own status and problems: a run event re-renders one card.
  const view = useEditor((s) => s.nodeStatus[id]);
  const problems = useEditor((s) => s.problemsByNode[id]);
  const { node, desc, inputs, outputs, labels } = data;
  const labelled = showsLabels(inputs) || showsLabels(outputs);
  const isDisabled = !!node.settings?.disabled;
  const total = view ? Object.values(view.itemsOut).reduce((a, b) => a + b, 0) : undefined;
  // An imported node with no equivalent: drawn apart so it is replaced before the flow runs.
  const placeholderOf = node.type === 'import.placeholder' ? String(node.params.sourceType ?? '') : undefined;
  return (
    <div className="node-card" data-testid={`node-${node.name}`} data-status={view?.status ?? 'idle'} data-failed-items={view?.failedItems || undefined}
      data-category={desc?.category ?? 'unknown'} data-selected={selected || undefined}
      data-disabled={isDisabled || undefined} data-unknown={!desc || undefined}
      data-problems={problems?.length || undefined} data-placeholder={placeholderOf !== undefined || undefined}>
      {!labelled && inputs.length > 0 && <Handle type="target" position={Position.Left} id={inputs[0]} aria-label={portName('Input', inputs[0], node.name, labels, true)} />}
      <div className="node-card-head">
        <span className="node-glyph">{desc ? <NodeIcon icon={desc.icon} category={desc.category} /> : '?'}</span>
        <span className="node-titles">
          <span className="node-name" title={node.name}>{node.name}</span>
          {!desc ? <span className="node-type">Unknown node: {node.type} v{node.version}</span>
            : placeholderOf !== undefined ? <span className="node-type" title="Junction has no equivalent: replace this node or delete it">No equivalent: {placeholderOf}</span>
              : desc.title !== node.name && <span className="node-type">{desc.title}</span>}
        </span>
        <span className="node-marks">
          {data.isPinned && <span className="node-pin" title="Uses pinned data" role="img" aria-label="Pinned data"><Icon name="pin" size={13} /></span>}
          {!!problems?.length && <span className="node-problems" title={problems.map((p) => p.message).join('\n')}>⚠ {problems.length}</span>}
          <StatusMark view={view} />
        </span>
      </div>
      <PortRows nodeId={id} canAdd={!data.readOnly} inputs={inputs} outputs={outputs} labels={labels} view={view} labelled={labelled} nodeName={node.name} />
      {(isDisabled || (view && view.status !== 'running')) && (
        <div className="node-card-foot">
          {isDisabled && <span className="node-tag">Disabled</span>}
          {view && view.status !== 'running' && <>
            <span className={view.failedItems ? 'node-failed-items' : undefined}>{statusText(view.status, view.failedItems)}</span>
            {total !== undefined && view.status !== 'failed' && <span>{plural(total, 'item')}</span>}
            <span>{formatDuration(view.durationMs)}</span>
          </>}
        </div>
      )}
      {view?.error && <div className="node-error nodrag nowheel" role="alert">“{node.name}” failed: {view.error.message}</div>}
      {!labelled && outputs.length > 0 && <Handle type="source" position={Position.Right} id={outputs[0]} aria-label={portName('Output', outputs[0], node.name, labels, true)} />}
      {!labelled && outputs.length > 0 && !data.readOnly && <AddAfter nodeId={id} port={outputs[0]} label={`“${node.name}”`} />}
      {!labelled && outputs.length > 0 && view?.itemsOut[outputs[0]] !== undefined && (
        <span className="node-out-count">{view.itemsOut[outputs[0]]}</span>
      )}
    </div>
  );
}

export const MemoNodeCard = memo(NodeCard);
