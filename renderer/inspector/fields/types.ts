import type { FieldSpec } from '../../../engine/sdk/schema';

/** What every control gets from its field row. `value` is raw: undefined means "use the default". */
export interface ControlProps {
  id: string;
  path: string;
  spec: FieldSpec;
  label: string;
  value: unknown;
  onChange(next: unknown): void;
  describedBy?: string;
  isInvalid: boolean;
}
