/** A switch; an unset boolean shows its default. */
import type { ControlProps } from './types';

export function BooleanControl({ id, path, spec, value, onChange, describedBy }: ControlProps) {
  const isOn = typeof value === 'boolean' ? value : spec.default === true;
  return (
    <button id={id} type="button" role="switch" className="ui-switch" aria-checked={isOn} aria-labelledby={`${id}-label`}
      aria-describedby={describedBy} data-testid={`input-${path}`} onClick={() => onChange(!isOn)}>
      <span className="ui-switch-track" aria-hidden><span className="ui-switch-thumb" /></span>
      <span className="ui-switch-text">{isOn ? 'On' : 'Off'}</span>
    </button>
  );
}
