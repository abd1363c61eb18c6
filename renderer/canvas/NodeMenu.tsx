/**
 * A node's right-click menu: run it, pin or unpin its output, disable or enable it, rename,
 * duplicate, delete. Every action goes through the editor store, so each one is undoable
 * like the same action anywhere else.
 */
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../app/api-context';
import { loadOutputItems } from '../data-panel/use-pin';
import { errorText, toast } from '../state/toast-store';
import { useEditorStore } from '../state/use-editor';

export interface MenuAt { nodeId: string; x: number; y: number }

export function NodeMenu({ at, onClose }: { at: MenuAt; onClose(): void }) {
  const store = useEditorStore();
  const api = useApi();
  const ref = useRef<HTMLDivElement>(null);
  const [isRenaming, setRenaming] = useState(false);
  const s = store.getState();
  const node = s.flow.nodes.find((n) => n.id === at.nodeId);
  useEffect(() => {
    const close = (e: MouseEvent) => { if (!ref.current?.contains(e.target as Node)) onClose(); };
    document.addEventListener('mousedown', close);
    ref.current?.querySelector<HTMLElement>('.menu-item, input')?.focus();
    return () => document.removeEventListener('mousedown', close);
  }, [onClose, isRenaming]);
  if (!node) return null;

  const view = s.nodeStatus[node.id];
  const isPinned = !!s.flow.pinned[node.id];
  const port = Object.keys(view?.itemsOut ?? {})[0];
  const canPin = !isPinned && !!s.runId && port !== undefined && (view?.itemsOut[port] ?? 0) > 0;
  const act = (run: () => void) => () => { onClose(); run(); };

  const pin = async () => {
    try {
      const items = await loadOutputItems({ api, runId: s.runId!, nodeId: node.id, port: port!, total: view!.itemsOut[port!] });
      store.getState().setPinned(node.id, items);
    } catch (e) {
      toast('error', `Could not pin the output: ${errorText(e)}`);
    }
  };
  const duplicate = () => {
    const st = store.getState();
    st.select([node.id]);
    const fragment = st.copySelection();
    if (fragment) store.getState().paste(fragment, { x: node.position.x + 40, y: node.position.y + 120 });
  };
  const remove = () => {
    store.getState().select([node.id]);
    store.getState().removeSelection();
  };
  const toggleDisabled = () => {
    const { disabled: _, ...rest } = node.settings ?? {};
    store.getState().updateNode({ ...node, settings: node.settings?.disabled ? (Object.keys(rest).length ? rest : undefined) : { ...rest, disabled: true } });
  };
  const rename = (name: string) => {
    const next = name.trim();
    const taken = store.getState().flow.nodes.some((n) => n.id !== node.id && n.name === next);
    if (!next || next === node.name) return onClose();
    if (taken) return toast('error', `Another node is already named “${next}”.`);
    store.getState().updateNode({ ...node, name: next });
    onClose();
  };

  return (
    <div ref={ref} className="menu node-menu" role="menu" aria-label={`Actions for “${node.name}”`} data-testid="node-menu" data-own-keys
      style={{ left: at.x, top: at.y }} onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onClose(); } }}>
      {isRenaming ? (
        <input className="input" aria-label="New name" defaultValue={node.name} data-testid="node-menu-rename-input"
          onKeyDown={(e) => { if (e.key === 'Enter') rename(e.currentTarget.value); }} />
      ) : <>
        <button type="button" role="menuitem" className="menu-item" disabled={s.readOnly} onClick={act(() => void store.getState().startRun('node', node.id))}>Run this node</button>
        {isPinned
          ? <button type="button" role="menuitem" className="menu-item" disabled={s.readOnly} onClick={act(() => store.getState().setPinned(node.id, undefined))}>Unpin output</button>
          : <button type="button" role="menuitem" className="menu-item" disabled={s.readOnly || !canPin} title={canPin ? undefined : 'Run the node first'} onClick={act(() => void pin())}>Pin output</button>}
        <button type="button" role="menuitem" className="menu-item" disabled={s.readOnly} onClick={act(toggleDisabled)}>{node.settings?.disabled ? 'Enable' : 'Disable'}</button>
        <button type="button" role="menuitem" className="menu-item" disabled={s.readOnly} onClick={() => setRenaming(true)}>Rename…</button>
        <button type="button" role="menuitem" className="menu-item" disabled={s.readOnly} onClick={act(duplicate)}>Duplicate</button>
        <div className="menu-sep" role="separator" />
        <button type="button" role="menuitem" className="menu-item danger" disabled={s.readOnly} onClick={act(remove)}>Delete</button>
      </>}
    </div>
  );
}
