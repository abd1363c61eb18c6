/** The Code node's JavaScript: a full, tall Monaco editor with what the code can read spelled out. */
import { LazyEditor } from '../LazyEditor';
import type { ControlProps } from './types';

export function CodeControl({ path, spec, label, value, onChange, describedBy }: ControlProps) {
  const code = typeof value === 'string' ? value : typeof spec.default === 'string' ? spec.default : '';
  return (
    <div className="insp-code" data-testid={`input-${path}`}>
      <p className="insp-code-note">
        <code>items</code>: the input items, each <code>{'{ json }'}</code> · <code>$input.all()</code>, <code>.first()</code>,
        {' '}<code>.last()</code>: the same items · return a list of items or plain objects.
      </p>
      <LazyEditor value={code} onChange={(next) => onChange(next === '' ? undefined : next)} language="javascript" mountOn="visible"
        height={340} ariaLabel={`${label} (JavaScript)`} describedBy={describedBy} placeholder="return items;" />
    </div>
  );
}
