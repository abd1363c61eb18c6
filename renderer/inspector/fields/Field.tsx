/**
 * One field of the form: label, the fixed/expression toggle, the control for its kind, help
 * text and problems. Nodes ship no UI: every field of every node renders through here.
 */
import { useState, type ReactNode } from 'react';
import { isExpression, type FieldSpec } from '../../../engine/sdk/schema';
import { expressionOf, fieldProblems, fixedValueOf, sentence, takesExpression } from '../form-model';
import { ExpressionEditor } from '../ExpressionEditor';
import { fieldId, useInspectorEnv } from '../inspector-env';
import { BooleanControl } from './BooleanControl';
import { CodeControl } from './CodeControl';
import { JsonControl } from './JsonControl';
import { KeyValueControl } from './KeyValueControl';
import { ListControl } from './ListControl';
import { NumberControl } from './NumberControl';
import { ObjectControl } from './ObjectControl';
import { SelectControl } from './SelectControl';
import { TextControl } from './TextControl';
import type { ControlProps } from './types';
import { VariantControl } from './VariantControl';

export interface FieldProps {
  path: string;
  spec: FieldSpec;
  label: string;
  value: unknown;
  onChange(next: unknown): void;
  /** Row actions drawn in the head (list rows: move, remove). */
  actions?: ReactNode;
}

/** Kinds drawn with one native control carrying the field's id, so the label can point at it. */
const NATIVE = new Set(['string', 'fieldPath', 'value', 'number', 'select', 'boolean']);

// A switch, not a lookup table built at module load: list and object controls import this file back.
function Control(props: ControlProps) {
  switch (props.spec.kind) {
    case 'number': return <NumberControl {...props} />;
    case 'boolean': return <BooleanControl {...props} />;
    case 'select': return <SelectControl {...props} />;
    case 'keyValue': return <KeyValueControl {...props} />;
    case 'json': return <JsonControl {...props} />;
    case 'code': return <CodeControl {...props} />;
    case 'list': return <ListControl {...props} />;
    case 'object': return <ObjectControl {...props} />;
    case 'variant': return <VariantControl {...props} />;
    default: return <TextControl {...props} />; // string, fieldPath, value
  }
}

export function Field({ path, spec, label, value, onChange, actions }: FieldProps) {
  const env = useInspectorEnv();
  const canExpr = takesExpression(spec);
  // "fx" on plain text keeps the text: the field stays an expression field until switched back.
  const [isForcedExpr, setForcedExpr] = useState(spec.kind === 'value' && (value === undefined || value === ''));
  const [shouldFocusExpr, setFocusExpr] = useState(false);
  const isExpr = canExpr && (isExpression(value) || isForcedExpr);

  const id = fieldId(env, path);
  const messages = [...new Set([...env.problemsAt(path).map((p) => p.message), ...fieldProblems(spec, value)])];
  const describedBy = [spec.description ? `${id}-help` : '', messages.length ? `${id}-problems` : ''].filter(Boolean).join(' ') || undefined;
  const isGroup = !isExpr && (spec.kind === 'object' || spec.kind === 'variant' || spec.kind === 'list');
  const hasNativeControl = !isExpr && NATIVE.has(spec.kind);

  const toggle = () => {
    if (isExpr) {
      setForcedExpr(false);
      onChange(fixedValueOf(spec, value));
    } else {
      setForcedExpr(true);
      setFocusExpr(true);
      const next = expressionOf(value);
      if (next !== value) onChange(next);
    }
  };

  return (
    <div className={`insp-field${isGroup ? ' is-group' : ''}`} data-testid={`field-${path}`} data-kind={spec.kind} data-invalid={messages.length > 0 || undefined}>
      <div className="insp-field-head">
        <label id={`${id}-label`} htmlFor={hasNativeControl ? id : undefined}>
          {label}
          {spec.required && <span className="insp-required" aria-label="required">*</span>}
        </label>
        {canExpr && (
          <button type="button" className="insp-fx" data-testid={`fx-${path}`} aria-pressed={isExpr}
            aria-label={isExpr ? `${label}: use a fixed value` : `${label}: use an expression`}
            title={isExpr ? 'Use a fixed value (an expression that needs evaluating is cleared)' : 'Use an expression ({{ … }})'}
            onClick={toggle}>fx</button>
        )}
        {actions}
      </div>
      {isExpr ? (
        <ExpressionEditor path={path} value={typeof value === 'string' ? value : ''} isMultiline={spec.multiline}
          onChange={(text) => onChange(text === '' ? undefined : text)} ariaLabel={label} describedBy={describedBy}
          isInvalid={messages.length > 0} autoFocus={shouldFocusExpr} />
      ) : (
        <Control id={id} path={path} spec={spec} label={label} value={value} onChange={onChange}
          describedBy={describedBy} isInvalid={messages.length > 0} />
      )}
      {spec.description && <div id={`${id}-help`} className="insp-help">{spec.description}</div>}
      {messages.length > 0 && (
        <ul id={`${id}-problems`} className="insp-problems">
          {messages.map((m) => <li key={m}>{sentence(m)}</li>)}
        </ul>
      )}
    </div>
  );
}
