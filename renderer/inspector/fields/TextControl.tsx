/** Text fields: plain or multi-line strings, field paths (with upstream paths offered), fixed values. */
import { useInspectorEnv } from '../inspector-env';
import { PickList } from './PickList';
import type { ControlProps } from './types';

export function TextControl({ id, path, spec, label, value, onChange, describedBy, isInvalid }: ControlProps) {
  const env = useInspectorEnv();
  // A `value` field may hold a number or an object in the flow file: edit it as JSON, keep its type.
  const isJsonValue = spec.kind === 'value' && value !== undefined && typeof value !== 'string';
  const text = value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  const set = (next: string) => {
    if (next === '') return onChange(undefined);
    if (isJsonValue) {
      try { return onChange(JSON.parse(next)); } catch { /* not JSON (yet): keep it as text */ }
    }
    onChange(next);
  };
  const common = {
    id,
    value: text,
    placeholder: spec.placeholder ?? (spec.default !== undefined ? String(spec.default) : undefined),
    'aria-describedby': describedBy,
    'aria-invalid': isInvalid || undefined,
    'data-testid': `input-${path}`,
    spellCheck: spec.kind === 'string',
  };
  if (spec.multiline) {
    return <textarea {...common} className="insp-input insp-textarea" rows={Math.min(10, Math.max(3, text.split('\n').length))} onChange={(e) => set(e.target.value)} />;
  }
  const paths = spec.kind === 'fieldPath' ? [...new Set(env.exprContext().fields.map((f) => f.path))].map((p) => ({ value: p, label: undefined as string | undefined })) : [];
  const known = env.suggestionsFor?.(path) ?? [];
  const offered = [...paths, ...known];
  return (
    <>
      <input {...common} type="text" className={`insp-input${spec.kind === 'fieldPath' ? ' is-mono' : ''}`}
        list={offered.length ? `${id}-paths` : undefined} autoComplete="off" onChange={(e) => set(e.target.value)} />
      {offered.length > 0 && (
        <datalist id={`${id}-paths`} data-testid={`offered-${path}`}>
          {offered.map((p) => <option key={p.value} value={p.value} label={p.label} />)}
        </datalist>
      )}
      {known.length > 0 && <PickList path={path} label={label} options={known} value={text} onPick={set} />}
    </>
  );
}
