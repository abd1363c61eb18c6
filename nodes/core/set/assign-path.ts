import { FORBIDDEN_KEYS } from '../../../engine/sdk';

/** Why a field name cannot be written, or undefined when it can. */
export function pathProblem(name: string, isDotted: boolean): string | undefined {
  const parts = isDotted ? name.split('.') : [name];
  if (parts.some((s) => s === '')) return `"${name}" has an empty part; write names like customer.email`;
  const bad = parts.find((s) => FORBIDDEN_KEYS.has(s));
  return bad === undefined ? undefined : `"${bad}" cannot be used as a field name`;
}

/**
 * A name split once per run; null when it has no dot, so the hot loop assigns directly.
 * Set splits on dots only: a name like `lines[0]` is one key, as the person typed it.
 */
export const splitPath = (name: string, isDotted: boolean): string[] | null => (isDotted && name.includes('.') ? name.split('.') : null);
