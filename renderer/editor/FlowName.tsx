import { useState } from 'react';
import { useEditor } from '../state/use-editor';

/** The flow's name in the top bar: click (or Enter) to rename, Enter/blur to keep, Escape to cancel. */
export function FlowName() {
  const name = useEditor((s) => s.flow.name);
  const rename = useEditor((s) => s.rename);
  const readOnly = useEditor((s) => s.readOnly);
  const [draft, setDraft] = useState<string | undefined>();
  if (draft === undefined) {
    return (
      <button type="button" className="flow-name" data-testid="flow-name" disabled={readOnly}
        title={readOnly ? name : 'Rename flow'} onClick={() => setDraft(name)}>{name || 'Untitled flow'}</button>
    );
  }
  const commit = () => {
    const next = draft.trim();
    if (next && next !== name) rename(next);
    setDraft(undefined);
  };
  return (
    <input className="input flow-name-input" aria-label="Flow name" autoFocus value={draft} data-testid="flow-name-input"
      onChange={(e) => setDraft(e.target.value)} onBlur={commit} onFocus={(e) => e.target.select()}
      onKeyDown={(e) => { if (e.key === 'Enter') commit(); if (e.key === 'Escape') setDraft(undefined); }} />
  );
}
