import { useCallback, useRef, useState, type DragEvent } from 'react';
import {
  Background, BackgroundVariant, ConnectionMode, Controls, MiniMap, ReactFlow, useReactFlow,
  type Connection, type Edge, type EdgeChange, type FinalConnectionState, type IsValidConnection, type NodeChange,
} from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import type { Position } from '../../engine/flow/types';
import { useTheme } from '../app/theme';
import { useCatalog } from '../state/catalog-store';
import { isNoteKey, noteIdOf } from '../state/flow-ops';
import { toast } from '../state/toast-store';
import { useEditor, useEditorStore } from '../state/use-editor';
import type { CardNode } from './node-card';
import { useKeepInView } from './keep-in-view';
import { NodeMenu, type MenuAt } from './NodeMenu';
import { edgeTypes, nodeTypes } from './node-types';
import type { NoteNode } from './note-card';
import { useFlowEdges, useFlowNodes } from './to-xyflow';
import { NODE_DRAG_TYPE, NOTE_TYPE } from './viewport';

type AnyNode = CardNode | NoteNode;
const selectRunningIds = (s: { nodeStatus: Record<string, { status: string }> }) =>
  Object.keys(s.nodeStatus).filter((id) => s.nodeStatus[id].status === 'running');
const portsOf = (c: Connection | Edge) => ({
  from: { node: c.source, port: c.sourceHandle ?? '' }, to: { node: c.target, port: c.targetHandle ?? '' },
});
const LARGE_FLOW_NODES = 150;
const minimapColor = (n: AnyNode) => (n.type === 'note' ? 'var(--note-border)' : `var(--c-${n.data.desc?.category ?? 'utility'}, var(--danger))`);

/** The flow on an xyflow canvas. The store owns the flow; xyflow only reports changes. */
export function Canvas() {
  const store = useEditorStore();
  const rf = useReactFlow<AnyNode>();
  const theme = useTheme();
  const dragKey = useRef<string | undefined>(undefined);
  const dragCount = useRef(0);
  // Fit only a flow that opens with content; an empty one would zoom onto its first node.
  const [shouldFit] = useState(() => store.getState().flow.nodes.length + store.getState().flow.notes.length > 0);
  const { flow, selected, selectedEdges, sizes, problemsByEdge, readOnly, ports } = useEditor(useShallow((s) => ({
    flow: s.flow, selected: s.selected, selectedEdges: s.selectedEdges, sizes: s.sizes, problemsByEdge: s.problemsByEdge, readOnly: s.readOnly, ports: s.ports,
  })));
  const runningIds = useEditor(useShallow(selectRunningIds));
  const byType = useCatalog((s) => s.byType);
  const [menu, setMenu] = useState<MenuAt>();
  const wrapRef = useRef<HTMLDivElement>(null);
  // The node a person clicked stays in view as the panels open; added or pasted nodes leave the view alone.
  const [clicked, setClicked] = useState<string>();
  useKeepInView(rf, wrapRef, selected.length === 1 && selected[0] === clicked ? clicked : undefined);
  const closeMenu = useCallback(() => setMenu(undefined), []);
  const nodes = useFlowNodes(flow, selected, sizes, byType, readOnly, ports);
  const edges = useFlowEdges(flow, selectedEdges, problemsByEdge, runningIds, ports);

  const onNodesChange = useCallback((changes: NodeChange<AnyNode>[]) => {
    const s = store.getState();
    const moves = new Map<string, Position>();
    const selects: { id: string; selected: boolean }[] = [];
    const sizes: { id: string; size: { width: number; height: number } }[] = [];
    for (const c of changes) {
      if (c.type === 'position' && c.position) moves.set(c.id, c.position);
      else if (c.type === 'select') selects.push(c);
      else if (c.type === 'dimensions' && c.dimensions) {
        if (isNoteKey(c.id) && c.resizing) s.updateNote(noteIdOf(c.id), { size: { width: Math.round(c.dimensions.width), height: Math.round(c.dimensions.height) } }, `resize:${c.id}`);
        else sizes.push({ id: c.id, size: c.dimensions });
      }
    }
    if (moves.size && !s.readOnly) s.moveElements(moves, dragKey.current ?? `move:${[...moves.keys()].join(',')}`);
    if (selects.length) s.applySelectChanges(selects, 'node');
    if (sizes.length) s.setSizes(sizes);
  }, [store]);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const selects = changes.flatMap((c) => (c.type === 'select' ? [c] : []));
    if (selects.length) store.getState().applySelectChanges(selects, 'edge');
  }, [store]);

  const isValidConnection: IsValidConnection = useCallback((c) => {
    const { from, to } = portsOf(c);
    return store.getState().canConnect(from, to).ok;
  }, [store]);

  const onConnect = useCallback((c: Connection) => {
    const { from, to } = portsOf(c);
    store.getState().connect(from, to);
  }, [store]);

  // Say why a drop onto a port was refused, instead of silently doing nothing.
  const onConnectEnd = useCallback((_: MouseEvent | TouchEvent, st: FinalConnectionState) => {
    if (st.isValid || !st.fromHandle || !st.toHandle || st.fromHandle.type === st.toHandle.type) return;
    const [src, dst] = st.fromHandle.type === 'source' ? [st.fromHandle, st.toHandle] : [st.toHandle, st.fromHandle];
    const v = store.getState().canConnect({ node: src.nodeId, port: src.id ?? '' }, { node: dst.nodeId, port: dst.id ?? '' });
    if (!v.ok && v.reason) toast('error', v.reason, undefined, 5000);
  }, [store]);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(NODE_DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback((e: DragEvent) => {
    const type = e.dataTransfer.getData(NODE_DRAG_TYPE);
    if (!type) return;
    e.preventDefault();
    e.stopPropagation();
    const p = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    const s = store.getState();
    if (type === NOTE_TYPE) s.addNote({ x: p.x - 20, y: p.y - 20 });
    else s.addNode(type, { x: p.x - 100, y: p.y - 30 });
  }, [rf, store]);

  return (
    <div className="canvas-wrap" ref={wrapRef} onDragOver={readOnly ? undefined : onDragOver} onDrop={readOnly ? undefined : onDrop}>
      <ReactFlow<AnyNode>
        nodes={nodes} edges={edges} nodeTypes={nodeTypes} edgeTypes={edgeTypes}
        onNodesChange={onNodesChange} onEdgesChange={onEdgesChange}
        onConnect={onConnect} onConnectEnd={onConnectEnd} isValidConnection={isValidConnection}
        onNodeContextMenu={(e, n) => {
          if (n.type !== 'card') return;
          e.preventDefault();
          const box = e.currentTarget.closest('.canvas-wrap')!.getBoundingClientRect();
          store.getState().select([n.id]);
          setMenu({ nodeId: n.id, x: e.clientX - box.left, y: e.clientY - box.top });
        }}
        onNodeClick={(_, n) => setClicked(n.id)}
        onPaneClick={closeMenu} onMoveStart={(e) => { if (e) closeMenu(); }}
        onNodeDragStart={() => { dragKey.current = `drag:${++dragCount.current}`; }}
        onNodeDragStop={() => { dragKey.current = undefined; }}
        connectionMode={ConnectionMode.Strict}
        nodesConnectable={!readOnly} nodesDraggable={!readOnly} edgesReconnectable={false}
        deleteKeyCode={null} selectionKeyCode="Shift" multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        colorMode={theme} fitView={shouldFit} fitViewOptions={{ padding: 0.25, maxZoom: 1 }} minZoom={0.15} maxZoom={2}
        // Large flows draw only what is on screen: panning 500 cards otherwise costs whole frames.
        onlyRenderVisibleElements={flow.nodes.length > LARGE_FLOW_NODES}
        aria-label="Flow canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={18} size={1.4} color="var(--canvas-dot)" />
        {/* Small, and hidden on a short or narrow canvas (CSS), so it never sits on the nodes being worked on. */}
        <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} ariaLabel="Minimap" style={{ width: 150, height: 96 }} />
        <Controls showInteractive={false} aria-label="Zoom controls" />
      </ReactFlow>
      {menu && <NodeMenu at={menu} onClose={closeMenu} />}
      {!readOnly && !flow.nodes.length && !flow.notes.length && (
        <div className="canvas-empty" data-testid="canvas-empty" role="note">
          <p className="canvas-empty-title">Add the first step</p>
          <p>Start with a trigger: drag <b>Manual Trigger</b> from the palette onto the canvas, or type in “Search nodes” and press Enter.</p>
          <p className="muted">Each node you add by keyboard lands next to the selected one, already connected.</p>
        </div>
      )}
    </div>
  );
}
