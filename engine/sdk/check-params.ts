import { toNumber } from './json-values';
import { putKey } from './paths';
import { isExpression, type FieldSpec, type Problem } from './schema';

/**
 * Fills defaults and checks a params value against its field spec, collecting every
 * problem with its JSON path. Strings holding `{{ }}` are accepted wherever expressions
 * are allowed; `checkParams` runs again on the resolved values with `resolved: true`.
 */
export interface CheckOptions {
  /** Values come from resolved expressions: coerce "42" to 42 and "true" to true. */
  resolved?: boolean;
  /** Plain data, not node params (an API request): no field takes expressions. */
  plain?: boolean;
  /** What an undeclared key is told; node params say it is not a parameter of the node. */
  unknownKey?: string;
}

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);

export function checkParams(spec: FieldSpec, value: unknown, path: string, opts: CheckOptions = {}): { value: unknown; problems: Problem[] } {
  const problems: Problem[] = [];
  const out = check(spec, value, path, problems, opts, undefined);
  return { value: out, problems };
}

const isBlank = (v: unknown) => v === undefined || v === null || v === '';

/**
 * Whether a field shows, judged on its siblings as the person sees them: a sibling left
 * empty counts with its default. The inspector and the engine both ask this one function.
 */
export function isShown(spec: FieldSpec, siblings: Record<string, unknown>, siblingSpecs: Record<string, FieldSpec>): boolean {
  if (!spec.showWhen) return true;
  return Object.entries(spec.showWhen).every(([k, allowed]) => {
    const v = siblings[k];
    return allowed.includes(isBlank(v) && siblingSpecs[k]?.default !== undefined ? siblingSpecs[k].default : v);
  });
}

function check(spec: FieldSpec, value: unknown, path: string, problems: Problem[], opts: CheckOptions, shown = true): unknown {
  const add = (message: string, code = 'param.invalid') => { problems.push({ path, message, code }); };
  if (isBlank(value)) {
    if (spec.default !== undefined) return structuredClone(spec.default);
    if (spec.required && shown) add('is required', 'param.required');
    return value === '' && spec.kind !== 'string' ? undefined : value;
  }
  if (!spec.literal && !opts.resolved && !opts.plain && isExpression(value)) return value;
  if (spec.literal && !opts.plain && isExpression(value) && spec.kind !== 'code' && spec.kind !== 'string') {
    add('does not take expressions', 'param.literal');
    return value;
  }
  switch (spec.kind) {
    case 'string': case 'fieldPath': case 'code':
      if (typeof value === 'number' || typeof value === 'boolean') return opts.resolved ? String(value) : (add(`must be text, not ${typeName(value)}`), value);
      if (typeof value !== 'string') add(`must be text, not ${typeName(value)}`);
      else if (spec.max !== undefined && value.length > spec.max) add(`is longer than ${spec.max.toLocaleString('en-US')} characters`, 'param.range');
      return value;
    case 'number': {
      const n = typeof value === 'string' && opts.resolved ? (toNumber(value) ?? value) : value;
      if (typeof n !== 'number') { add(`must be a number, not ${typeName(value)}`); return value; }
      if (!Number.isFinite(n)) { add(`must be a finite number, not ${n}`); return value; }
      if (spec.int && !Number.isInteger(n)) add('must be a whole number');
      if (spec.min !== undefined && n < spec.min) add(`must be at least ${spec.min}`, 'param.range');
      if (spec.max !== undefined && n > spec.max) add(`must be at most ${spec.max}`, 'param.range');
      return n;
    }
    case 'boolean':
      if (opts.resolved && (value === 'true' || value === 'false')) return value === 'true';
      if (typeof value !== 'boolean') add(`must be true or false, not ${typeName(value)}`);
      return value;
    case 'select':
      if (!spec.options!.includes(value as string)) add(`must be one of ${spec.options!.map((o) => `"${o}"`).join(', ')}, not ${typeof value === 'string' ? JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value) : typeName(value)}`);
      return value;
    case 'keyValue':
      if (typeof value !== 'object' || Array.isArray(value)) { add(`must be an object of names to values, not ${typeName(value)}`); return value; }
      return value;
    case 'json': case 'value':
      return value;
    case 'list': {
      if (!Array.isArray(value)) { add(`must be a list, not ${typeName(value)}`); return value; }
      if (spec.min !== undefined && value.length < spec.min) add(`add at least ${spec.min} ${spec.min === 1 ? 'entry' : 'entries'}`, 'param.range');
      if (spec.max !== undefined && value.length > spec.max) add(`has more than ${spec.max} entries`, 'param.range');
      return value.map((v, i) => check(spec.of!, v, `${path}[${i}]`, problems, opts));
    }
    case 'object':
      return checkObject(spec.fields!, value, path, problems, opts, add, undefined, spec.open === true);
    case 'variant': {
      if (typeof value !== 'object' || Array.isArray(value)) { add(`must be an object, not ${typeName(value)}`); return value; }
      const tag = (value as Record<string, unknown>)[spec.discriminator!];
      const fields = typeof tag === 'string' && Object.hasOwn(spec.cases!, tag) ? spec.cases![tag] : undefined;
      if (!fields) {
        problems.push({ path: `${path}.${spec.discriminator}`, code: 'param.invalid', message: `must be one of ${Object.keys(spec.cases!).map((o) => `"${o}"`).join(', ')}` });
        return value;
      }
      const body = checkObject(fields, value, path, problems, opts, add, spec.discriminator) as Record<string, unknown>;
      return { [spec.discriminator!]: tag, ...body };
    }
  }
}

function checkObject(fields: Record<string, FieldSpec>, value: unknown, path: string, problems: Problem[], opts: CheckOptions, add: (m: string) => void, skip?: string, open = false): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) { add(`must be an object, not ${typeName(value)}`); return value; }
  const input = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    if (key === skip || Object.hasOwn(fields, key)) continue;
    if (open) putKey(out, key, input[key]);
    else problems.push({ path: `${path}.${key}`, code: 'param.unknown', message: opts.unknownKey ?? 'is not a parameter of this node' });
  }
  for (const [key, field] of Object.entries(fields)) {
    const v = check(field, input[key], `${path}.${key}`, problems, opts, isShown(field, input, fields));
    if (v !== undefined) out[key] = v;
  }
  return out;
}
