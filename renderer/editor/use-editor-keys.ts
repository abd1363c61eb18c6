import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { parseFragment, rememberedFragment, rememberFragment } from '../canvas/fragment';
import { centreOfView } from '../canvas/viewport';
import { noteKey } from '../state/flow-ops';
import type { EditorStore } from '../state/editor-store';
import { toast } from '../state/toast-store';
import { plural } from '../app/format';
import { EDITOR_COMMAND } from '../app/use-desktop-commands';

export interface EditorKeyActions {
  onHelp(): void;
  onLayout(): void;
  root: React.RefObject<HTMLElement | null>;
}

/** Text fields and the inspector/data panel keep their own keys (undo in a field is the field's). */
function keepsOwnKeys(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.closest) return false;
  if (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) return true;
  return !!el.closest('[data-own-keys], .monaco-editor');
}

/**
 * Editor shortcuts (listed in the "?" overlay) and copy/paste through the clipboard events,
 * which reach the system clipboard without a permission prompt.
 */
export function useEditorKeys(store: EditorStore, actions: EditorKeyActions) {
  const rf = useReactFlow();
  useEffect(() => {
    // Focus can lag behind the pointer (an editor still loading takes the keyboard only once
    // it exists), so a press into the inspector already counts as being there: until the
    // next press or focus elsewhere, canvas shortcuts such as Ctrl+A and Delete stay off.
    let isPointerInPanel = false;
    const onPointerDown = (e: PointerEvent) => { isPointerInPanel = keepsOwnKeys(e.target); };
    const onFocusIn = (e: FocusEvent) => { if (!keepsOwnKeys(e.target)) isPointerInPanel = false; };

    const onKey = (e: KeyboardEvent) => {
      const s = store.getState();
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 's') { e.preventDefault(); void s.save(); return; }
      if (keepsOwnKeys(e.target) || isPointerInPanel || e.defaultPrevented) return;
      const editable = !s.readOnly;
      const run = (fn: () => void) => { e.preventDefault(); fn(); };
      if (mod && key === 'z' && !e.shiftKey && editable) return run(s.undo);
      if (mod && ((key === 'z' && e.shiftKey) || key === 'y') && editable) return run(s.redo);
      if (mod && key === 'a') return run(() => s.select([...s.flow.notes.map((n) => noteKey(n.id)), ...s.flow.nodes.map((n) => n.id)], s.flow.edges.map((x) => x.id)));
      if (mod && key === 'd' && editable) return run(() => { const f = s.copySelection(); if (f) s.paste(f); });
      if (mod && key === 'enter' && editable) return run(() => void (s.runState === 'running' ? s.cancelRun() : s.startRun('flow')));
      if (mod || e.altKey) return;
      if ((e.key === 'Delete' || e.key === 'Backspace') && editable) return run(s.removeSelection);
      if (e.key === '?') return run(actions.onHelp);
      if (e.key === 'Escape') return run(s.clearSelection);
      if (key === 'f' && !e.shiftKey) return run(() => void rf.fitView({ padding: 0.25, duration: 200, maxZoom: 1 }));
      if (e.key === 'L' && e.shiftKey && editable) return run(actions.onLayout);
    };

    const onCopy = (e: ClipboardEvent) => {
      // Selected text (an error message on a card, say) copies as text, not as nodes.
      if (keepsOwnKeys(e.target) || window.getSelection()?.toString()) return;
      const s = store.getState();
      const fragment = s.copySelection();
      if (!fragment) return;
      const text = JSON.stringify(fragment, null, 2);
      rememberFragment(text);
      if (e.clipboardData) { e.clipboardData.setData('text/plain', text); e.preventDefault(); }
      else void navigator.clipboard?.writeText(text).catch(() => undefined);
      if (e.type === 'cut' && !s.readOnly) s.removeSelection();
      toast('info', `${e.type === 'cut' ? 'Cut' : 'Copied'} ${plural(fragment.nodes.length, 'node')}${fragment.notes?.length ? ` and ${plural(fragment.notes.length, 'note')}` : ''}`);
    };

    const onPaste = (e: ClipboardEvent) => {
      const s = store.getState();
      if (keepsOwnKeys(e.target) || s.readOnly) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      // Empty system clipboard (or no access): fall back to what this app last copied.
      const fragment = parseFragment(text) ?? (text.trim() ? undefined : parseFragment(rememberedFragment() ?? ''));
      if (!fragment) return;
      e.preventDefault();
      const known = new Set(s.flow.nodes.map((n) => n.id));
      const fromHere = fragment.nodes.some((n) => known.has(n.id));
      s.paste(fragment, fromHere ? undefined : centreOfView(rf, actions.root.current));
    };

    const onCommand = (e: Event) => { if ((e as CustomEvent).detail === 'flow.save') void store.getState().save(); };

    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('focusin', onFocusIn, true);
    window.addEventListener(EDITOR_COMMAND, onCommand);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('focusin', onFocusIn, true);
      window.removeEventListener(EDITOR_COMMAND, onCommand);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [store, rf, actions]);
}
