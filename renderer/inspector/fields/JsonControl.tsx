/** JSON in a Monaco JSON editor; text that does not parse yet stays local and is pointed out. */
import { useState } from 'react';
import { LazyEditor } from '../LazyEditor';
import type { ControlProps } from './types';
import { useDraft } from './use-draft';

const pretty = (v: unknown) => (v === undefined ? '' : JSON.stringify(v, null, 2));

export function JsonControl({ path, spec, label, value, onChange, describedBy, isInvalid }: ControlProps) {
  const [text, setText] = useDraft(value, pretty, onChange);
  const [error, setError] = useState<string>();
  const change = (next: string) => {
    if (next.trim() === '') { setError(undefined); return setText(next, { value: undefined }); }
    try {
      const parsed: unknown = JSON.parse(next);
      setError(undefined);
      setText(next, { value: parsed });
    } catch (e) {
      setError((e as Error).message);
      setText(next);
    }
  };
  return (
    <div data-testid={`input-${path}`}>
      <LazyEditor value={text} onChange={change} language="json" mountOn="focus" minLines={3} maxLines={16}
        ariaLabel={`${label} (JSON)`} describedBy={describedBy} invalid={isInvalid || !!error}
        placeholder={spec.placeholder ?? (spec.default !== undefined ? pretty(spec.default) : '{ }')} />
      {error && <div className="insp-local-problem" role="alert">Not valid JSON yet: {error}</div>}
    </div>
  );
}
