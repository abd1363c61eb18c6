/** One of the schema's options, shown by its label where the schema gives one; a value from a newer flow that is not an option stays visible. */
import type { ControlProps } from './types';

export function SelectControl({ id, path, spec, value, onChange, describedBy, isInvalid }: ControlProps) {
  const options = spec.options ?? [];
  const current = (value ?? spec.default ?? '') as string;
  const isUnknown = current !== '' && !options.includes(current);
  return (
    <select id={id} className="insp-input insp-select" value={current} aria-describedby={describedBy}
      aria-invalid={isInvalid || isUnknown || undefined} data-testid={`input-${path}`}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
      {(current === '' || !spec.required) && spec.default === undefined && <option value="">—</option>}
      {isUnknown && <option value={current}>{current} (not an option)</option>}
      {options.map((o) => <option key={o} value={o}>{spec.optionLabels?.[o] ?? o}</option>)}
    </select>
  );
}
