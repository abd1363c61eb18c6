import { useCallback, useMemo, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { layoutFlow } from '../canvas/auto-layout';
import { Canvas } from '../canvas/Canvas';
import { Palette } from '../canvas/Palette';
import { besideNode } from '../canvas/placement';
import { usePortAdd } from '../canvas/port-add';
import { centreOfView, NOTE_TYPE } from '../canvas/viewport';
import { selectSingleNodeId } from '../state/selection-slice';
import { connectNext } from './connect-next';
import { ShortcutHelp } from '../app/ShortcutHelp';
import { errorText, toast } from '../state/toast-store';
import { useEditorStore } from '../state/use-editor';
import { EmptyFlowNotice } from './EmptyFlowNotice';
import { DataPanelArea, InspectorArea } from './NodeSlots';
import { TopBar } from './TopBar';
import { useEditorKeys } from './use-editor-keys';

/** Top bar over palette | canvas (with the data panel below) | inspector. */
export function EditorLayout({ notice }: { notice?: React.ReactNode }) {
  const store = useEditorStore();
  const rf = useReactFlow();
  const root = useRef<HTMLDivElement>(null);
  const [isHelpOpen, setHelpOpen] = useState(false);

  const fit = useCallback(() => void rf.fitView({ padding: 0.25, duration: 200, maxZoom: 1 }), [rf]);
  const add = useCallback((type: string) => {
    const s = store.getState();
    if (type === NOTE_TYPE) return void s.addNote(centreOfView(rf, root.current));
    // After a port's "+", or with one node selected, the new one is its next step: placed to its right and wired to it.
    const port = usePortAdd.getState().from;
    usePortAdd.getState().clear();
    const from = port?.node ?? selectSingleNodeId(s);
    const id = s.addNode(type, (from && besideNode(s.flow, s.sizes, from)) || centreOfView(rf, root.current));
    if (from && id) connectNext(store, from, id, port?.port);
  }, [rf, store]);
  const layout = useCallback(async () => {
    const s = store.getState();
    if (!s.flow.nodes.length) return;
    try {
      s.moveElements(await layoutFlow(s.flow, s.sizes));
      setTimeout(fit, 50);
    } catch (e) {
      toast('error', `Auto-layout failed: ${errorText(e)}`);
    }
  }, [store, fit]);
  const keyActions = useMemo(() => ({ onHelp: () => setHelpOpen(true), onLayout: () => void layout(), root }), [layout]);
  useEditorKeys(store, keyActions);

  return (
    <div className="editor" ref={root}>
      <TopBar onHelp={() => setHelpOpen(true)} onLayout={() => void layout()} onAddNote={() => add(NOTE_TYPE)} onFit={fit} />
      {notice}
      <EmptyFlowNotice />
      <div className="editor-body">
        <Palette onAdd={add} />
        <div className="editor-main">
          <Canvas />
          <DataPanelArea />
        </div>
        <InspectorArea />
      </div>
      {isHelpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
