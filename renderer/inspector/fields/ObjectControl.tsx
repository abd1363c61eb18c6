/** A group of named fields; also the form's root (a node's params are one object). */
import type { FieldSpec } from '../../../engine/sdk/schema';
import { asObject, formRows, withKey } from '../form-model';
import { Field } from './Field';
import type { ControlProps } from './types';

export interface ObjectFieldsProps {
  fields: Record<string, FieldSpec>;
  value: unknown;
  base: string;
  onChange(next: Record<string, unknown>): void;
  /** A variant's tag, drawn by the variant itself. */
  skip?: string;
}

export function ObjectFields({ fields, value, base, onChange, skip }: ObjectFieldsProps) {
  const obj = asObject(value);
  return (
    <>
      {formRows(fields, obj, base, skip).map((row) => (
        <Field key={row.key} path={row.path} spec={row.spec} label={row.label} value={row.value}
          onChange={(v) => onChange(withKey(obj, row.key, v))} />
      ))}
    </>
  );
}

export function ObjectControl({ id, path, spec, value, onChange, describedBy }: ControlProps) {
  return (
    <div className="insp-group" role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy}>
      <ObjectFields fields={spec.fields ?? {}} value={value} base={path} onChange={onChange} />
    </div>
  );
}
