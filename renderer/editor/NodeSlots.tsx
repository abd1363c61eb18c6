import { useCallback } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FlowNode } from '../../engine/flow/types';
import { useApi } from '../app/api-context';
import { useCatalog } from '../state/catalog-store';
import { selectSingleNodeId } from '../state/selection-slice';
import { useEditor } from '../state/use-editor';
import { hasDataPanel, hasInspector, InspectorSlot, DataPanelSlot } from './slots';
import { usePanelHeight } from './use-panel-height';

const EMPTY: never[] = [];

/** The one selected node, with its catalog entry and problems, or undefined. */
function useSelectedNode() {
  const id = useEditor(selectSingleNodeId);
  const { flow, problems } = useEditor(useShallow((s) => ({ flow: s.flow, problems: id ? s.problemsByNode[id] : undefined })));
  const node = id ? flow.nodes.find((n) => n.id === id) : undefined;
  const description = useCatalog((s) => (node ? s.byType.get(node.type) : undefined));
  return { flow, node, description, problems: problems ?? EMPTY };
}

/** The inspector column, shown while exactly one node is selected. */
export function InspectorArea() {
  const api = useApi();
  const { flow, node, description, problems } = useSelectedNode();
  const updateNode = useEditor((s) => s.updateNode);
  const readOnly = useEditor((s) => s.readOnly);
  const onChange = useCallback((next: FlowNode) => updateNode(next), [updateNode]);
  if (!node || readOnly || !hasInspector) return null;
  return (
    <aside className="inspector-slot" aria-label="Inspector" data-own-keys>
      <InspectorSlot flow={flow} node={node} description={description} problems={problems}
        onChange={onChange} api={api} />
    </aside>
  );
}

/** The bottom data panel for the selected node, resizable by its top edge. */
export function DataPanelArea() {
  const api = useApi();
  const { flow, node, description } = useSelectedNode();
  const s = useEditor(useShallow((st) => ({
    runId: st.runId, runState: st.runState, nodeRun: node ? st.nodeStatus[node.id] : undefined, readOnly: st.readOnly,
    setPinned: st.setPinned, startRun: st.startRun, cancelRun: st.cancelRun, portLabels: node ? st.ports[node.id]?.labels : undefined,
  })));
  const { height, separatorProps } = usePanelHeight();
  if (!node || !hasDataPanel) return null;
  return (
    <section className="data-panel-slot" style={{ height }} aria-label="Node data" data-own-keys>
      <div className="panel-resizer" {...separatorProps} />
      <DataPanelSlot flow={flow} node={node} description={description} runId={s.runId} nodeRun={s.nodeRun}
        isRunning={s.runState === 'running' || s.runState === 'starting'} pinned={flow.pinned[node.id]}
        readOnly={s.readOnly} portLabels={s.portLabels}
        onPin={(items: Record<string, unknown>[]) => s.setPinned(node.id, items)}
        onUnpin={() => s.setPinned(node.id, undefined)}
        onRunNode={() => void s.startRun('node', node.id)}
        onRunFromHere={() => void s.startRun('from', node.id)}
        onRunFlow={() => void s.startRun('flow')}
        onCancel={() => void s.cancelRun()} api={api} />
    </section>
  );
}
