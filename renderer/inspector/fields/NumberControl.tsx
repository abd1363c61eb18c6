/** Numbers: typed as text so "-" or "1." can be on the way to a number; arrows step by one. */
import type { KeyboardEvent } from 'react';
import { toNumber } from '../../../engine/sdk/json-values';
import type { ControlProps } from './types';
import { useDraft } from './use-draft';

const textOf = (v: unknown) => (v === undefined ? '' : String(v));

export function NumberControl({ id, path, spec, value, onChange, describedBy, isInvalid }: ControlProps) {
  const [draft, setDraft] = useDraft(value, textOf, onChange);
  // What counts as a number is the engine's one rule (finite; Infinity is not one).
  const isNotNumber = draft.trim() !== '' && toNumber(draft) === undefined;
  const range = spec.min !== undefined && spec.max !== undefined ? `${spec.min} – ${spec.max}`
    : spec.min !== undefined ? `≥ ${spec.min}` : spec.max !== undefined ? `≤ ${spec.max}` : undefined;

  const change = (text: string) => {
    const n = toNumber(text);
    if (text.trim() === '') setDraft(text, { value: undefined });
    else if (n !== undefined) setDraft(text, { value: n });
    else setDraft(text);
  };
  const step = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    const base = typeof value === 'number' ? value : typeof spec.default === 'number' ? spec.default : spec.min ?? 0;
    let next = base + (e.key === 'ArrowUp' ? 1 : -1);
    if (spec.min !== undefined) next = Math.max(spec.min, next);
    if (spec.max !== undefined) next = Math.min(spec.max, next);
    setDraft(String(next), { value: next });
  };

  return (
    <>
      <input id={id} type="text" inputMode={spec.int ? 'numeric' : 'decimal'} className="insp-input is-number" value={draft}
        placeholder={spec.placeholder ?? (spec.default !== undefined ? String(spec.default) : range)}
        aria-describedby={describedBy} aria-invalid={isInvalid || isNotNumber || undefined} data-testid={`input-${path}`}
        onChange={(e) => change(e.target.value)} onKeyDown={step} />
      {isNotNumber && <div className="insp-local-problem" role="alert">Not a number</div>}
    </>
  );
}
