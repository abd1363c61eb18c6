/** One of several shapes: pick the case, then fill in that case's fields. */
import { switchCase, variantTag, wordsOf } from '../form-model';
import { ObjectFields } from './ObjectControl';
import type { ControlProps } from './types';

export function VariantControl({ id, path, spec, label, value, onChange, describedBy }: ControlProps) {
  const disc = spec.discriminator!;
  const tag = variantTag(spec, value);
  const cases = Object.keys(spec.cases ?? {});
  const fields = spec.cases?.[tag] ?? {};
  return (
    <div className="insp-group" role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy}>
      <select id={id} className="insp-input insp-select" value={tag} aria-label={`${label}: ${wordsOf(disc).toLowerCase()}`}
        data-testid={`input-${path}`} onChange={(e) => onChange(switchCase(spec, value, e.target.value))}>
        {cases.map((c) => <option key={c} value={c}>{wordsOf(c)}</option>)}
      </select>
      {Object.keys(fields).length > 0 && (
        <ObjectFields fields={fields} value={value} base={path} skip={disc} onChange={(obj) => onChange({ [disc]: tag, ...obj })} />
      )}
    </div>
  );
}
