/**
 * Local text for controls whose text is not the value they emit: JSON being typed, key-value
 * rows with a half-written name, "1." on its way to a number. The draft follows the value
 * when it changes from outside (undo, another control), never because of our own emit.
 */
import { useState } from 'react';

export function useDraft<D>(value: unknown, toDraft: (v: unknown) => D, onChange: (v: unknown) => void) {
  const [draft, setDraft] = useState(() => toDraft(value));
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setDraft(toDraft(value));
  }
  /** Sets the draft; with `emit`, also reports a new value. */
  const update = (next: D, emit?: { value: unknown }) => {
    setDraft(next);
    if (emit) {
      setSeen(emit.value);
      onChange(emit.value);
    }
  };
  return [draft, update] as const;
}
