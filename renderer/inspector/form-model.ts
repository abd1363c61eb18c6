/**
 * The inspector's form, derived from a node's params schema: labels, which fields show,
 * starting values for new rows and variant cases, immutable updates, and the checks the
 * form can make before the engine validates. Pure: no React, no DOM.
 *
 * Form paths are dotted with list indices as segments (`fields.0.value`); they name test
 * ids and match a problem's `field` once `problem-paths.ts` has normalised it.
 */
import { checkParams, isShown } from '../../engine/sdk/check-params';
import { isExpression, type FieldSpec } from '../../engine/sdk/schema';

export type Json = Record<string, unknown>;

export const joinPath = (base: string, key: string | number): string => (base === '' ? String(key) : `${base}.${key}`);

const ACRONYMS = new Set(['id', 'ids', 'url', 'uri', 'api', 'http', 'json', 'csv', 'sql', 'html', 'xml', 'ip', 'ttl', 'utc', 'smtp', 'imap', 'ftp', 'sftp', 'tls', 'ssl', 'jwt', 'sku']);
const UNITS: Record<string, string> = { ms: '(ms)', mb: '(MB)', kb: '(KB)' };

/** `batchSize` → "Batch size", `timeoutMs` → "Timeout (ms)", `apiURL` → "API URL". */
export function wordsOf(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return words
    .map((w, i) => {
      const lower = w.toLowerCase();
      if (ACRONYMS.has(lower)) return lower === 'ids' ? 'IDs' : lower.toUpperCase();
      if (i > 0 && UNITS[lower]) return UNITS[lower];
      return i === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
    })
    .join(' ');
}

export const labelFor = (key: string, spec: FieldSpec): string => spec.label ?? wordsOf(key);

export interface FormRow {
  key: string;
  path: string;
  spec: FieldSpec;
  label: string;
  value: unknown;
}

/** The visible rows of an object's fields, in declaration order; `skip` leaves out a variant's tag. */
export function formRows(fields: Record<string, FieldSpec>, value: unknown, base: string, skip?: string): FormRow[] {
  const obj = asObject(value);
  return Object.entries(fields)
    .filter(([key, spec]) => key !== skip && isShown(spec, obj, fields))
    .map(([key, spec]) => ({ key, path: joinPath(base, key), spec, label: labelFor(key, spec), value: obj[key] }));
}

export const asObject = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});

/** The case a variant value is in: its tag, else the default's, else the first case. */
export function variantTag(spec: FieldSpec, value: unknown): string {
  const cases = Object.keys(spec.cases ?? {});
  const disc = spec.discriminator!;
  const tag = asObject(value)[disc] ?? asObject(spec.default)[disc];
  return typeof tag === 'string' && cases.includes(tag) ? tag : cases[0];
}

/** A value for a new list row or a freshly chosen variant case. */
export function initialValue(spec: FieldSpec): unknown {
  if (spec.default !== undefined) return structuredClone(spec.default);
  switch (spec.kind) {
    case 'string': case 'fieldPath': case 'code': case 'value': return '';
    case 'number': return spec.min ?? 0;
    case 'boolean': return false;
    case 'select': return spec.options?.[0];
    case 'keyValue': return {};
    case 'json': return {};
    case 'list': return [];
    case 'object': return objectOf(spec.fields ?? {});
    case 'variant': {
      const tag = Object.keys(spec.cases ?? {})[0];
      return { [spec.discriminator!]: tag, ...objectOf(spec.cases?.[tag] ?? {}) };
    }
  }
}

// Only required fields are filled: optional ones stay absent so defaults apply at run time.
function objectOf(fields: Record<string, FieldSpec>): Json {
  const out: Json = {};
  for (const [k, f] of Object.entries(fields)) {
    if (!f.required && f.kind !== 'object') continue;
    const v = initialValue(f);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** Switches a variant to another case, keeping values of same-named fields of the same kind. */
export function switchCase(spec: FieldSpec, value: unknown, tag: string): Json {
  const before = asObject(value);
  const oldFields = spec.cases?.[variantTag(spec, value)] ?? {};
  const next: Json = { [spec.discriminator!]: tag, ...objectOf(spec.cases?.[tag] ?? {}) };
  for (const [k, f] of Object.entries(spec.cases?.[tag] ?? {})) {
    if (k in before && oldFields[k]?.kind === f.kind) next[k] = before[k];
  }
  return next;
}

/** An object with one key set; `undefined` removes the key so the flow file stays minimal. */
export function withKey(obj: Json, key: string, v: unknown): Json {
  const next = { ...obj };
  if (v === undefined) delete next[key];
  else next[key] = v;
  return next;
}

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return [...list];
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next;
}

/** Whether a field may switch between a fixed value and an expression. */
export const takesExpression = (spec: FieldSpec): boolean =>
  !spec.literal && spec.kind !== 'code' && spec.kind !== 'object' && spec.kind !== 'variant';

/**
 * What the engine's params check says about this field's own value, so the form shows a
 * problem as soon as it is typed. Nested values are checked by their own fields; a field is
 * rendered only while shown, so "is required" applies exactly when the engine says it does.
 */
export function fieldProblems(spec: FieldSpec, value: unknown): string[] {
  return checkParams(spec, value, '').problems.filter((p) => p.path === '').map((p) => p.message);
}

/** "is required" → "Is required": engine messages are predicates, shown under their field. */
export const sentence = (message: string): string => message.charAt(0).toUpperCase() + message.slice(1);

const fits = (spec: FieldSpec, v: unknown): boolean => {
  switch (spec.kind) {
    case 'string': case 'fieldPath': case 'code': return typeof v === 'string';
    case 'number': return typeof v === 'number';
    case 'boolean': return typeof v === 'boolean';
    case 'select': return (spec.options ?? []).includes(v as string);
    case 'list': return Array.isArray(v);
    case 'keyValue': return v !== null && typeof v === 'object' && !Array.isArray(v);
    default: return true;
  }
};

/**
 * The fixed value a field keeps when its expression is switched off: a sole literal such as
 * `{{ 42 }}` becomes 42; anything that needs evaluating is dropped (the shell's undo restores it).
 */
export function fixedValueOf(spec: FieldSpec, value: unknown): unknown {
  if (typeof value !== 'string' || !isExpression(value)) return value === undefined || fits(spec, value) ? value : undefined;
  const sole = /^\s*\{\{\s*([\s\S]*?)\s*\}\}\s*$/.exec(value);
  if (!sole) return undefined;
  try {
    const literal: unknown = JSON.parse(sole[1].replace(/^'(.*)'$/, '"$1"'));
    return fits(spec, literal) ? literal : undefined;
  } catch {
    return undefined;
  }
}

/** The expression a fixed value becomes under "fx": text stays text (a template), other values a sole literal. */
export function expressionOf(value: unknown): string {
  if (value === undefined || value === null || value === '') return '{{  }}';
  return typeof value === 'string' ? value : `{{ ${JSON.stringify(value)} }}`;
}

/** Labels along a params path, for sentences: `fields.0.value` → "Fields › #1 › Value". */
export function labelPath(root: FieldSpec | undefined, path: string): string {
  const parts: string[] = [];
  let spec = root;
  for (const seg of path.split('.').filter(Boolean)) {
    let next: FieldSpec | undefined;
    if (spec?.kind === 'object') next = spec.fields?.[seg];
    else if (spec?.kind === 'variant') next = Object.values(spec.cases ?? {}).find((c) => c[seg])?.[seg];
    else if (spec?.kind === 'list' && /^\d+$/.test(seg)) { parts.push(`#${Number(seg) + 1}`); spec = spec.of; continue; }
    parts.push(next ? labelFor(seg, next) : seg);
    spec = next;
  }
  return parts.join(' › ');
}
