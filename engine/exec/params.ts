import { compileTemplate, type ExprScope } from '../expr';
import { checkParams } from '../sdk/check-params';
import { JunctionError } from '../sdk/errors';
import { isExpression, type FieldSpec } from '../sdk/schema';

/**
 * Params compiled once per node: static parts are kept as they are and shared by every
 * item; only fields holding `{{ }}` are evaluated per item. A resolved value is coerced
 * and checked against its field, so a number field fed "42" by an expression gets 42.
 */
export interface ParamResolver {
  readonly isStatic: boolean;
  resolve(scope: ExprScope): Record<string, unknown>;
  /** One field of the params (path as keys): its value when nothing under it varies, else how to compute it. */
  part(path: readonly (string | number)[]): ParamPart;
}

export type ParamPart = { isStatic: true; value: unknown } | { isStatic: false; compute: (scope: ExprScope) => unknown };

// A dynamic node keeps its compiled children so `part()` can reach one field without computing its siblings.
type Compiled = { isStatic: true; value: unknown } | { isStatic: false; compute: (scope: ExprScope) => unknown; children?: Map<string, Compiled> };

const failAt = (path: string, e: unknown): never => {
  if (e instanceof JunctionError) throw new JunctionError(e.code, e.message, { path, retryable: false });
  throw new JunctionError('expr.runtime', (e as Error).message, { path });
};

function compileLeaf(spec: FieldSpec, source: string, path: string): Compiled {
  let template;
  try { template = compileTemplate(source); } catch (e) { return failAt(path, e); }
  const coerce = spec.kind === 'value' || spec.kind === 'json' ? null : spec;
  return {
    isStatic: false,
    compute(scope) {
      let v: unknown;
      try { v = template.evaluate(scope); } catch (e) { failAt(path, e); }
      if (coerce === null || (coerce.kind === 'string' && typeof v === 'string')) return v;
      const { value, problems } = checkParams(coerce, v, path, { resolved: true });
      if (problems.length) {
        throw new JunctionError('param.invalid', `${problems[0].message} (the expression gave ${JSON.stringify(v)?.slice(0, 80) ?? 'undefined'})`, { path });
      }
      return value;
    },
  };
}

function compile(spec: FieldSpec, value: unknown, path: string): Compiled {
  if (typeof value === 'string') return !spec.literal && isExpression(value) ? compileLeaf(spec, value, path) : { isStatic: true, value };
  if (value === null || typeof value !== 'object') return { isStatic: true, value };
  const isList = Array.isArray(value);
  const entries: [string, Compiled][] = isList
    ? value.map((v, i) => [String(i), compile(spec.kind === 'list' ? spec.of! : { kind: 'value' }, v, `${path}[${i}]`)])
    : Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, compile(childSpec(spec, value as Record<string, unknown>, k), v, `${path}.${k}`)]);
  if (entries.every(([, c]) => c.isStatic)) return { isStatic: true, value };
  // Hot path: runs once per item. Parallel arrays and an indexed loop, no destructuring.
  const keys = entries.map(([k]) => k);
  const statics = entries.map(([, c]) => (c.isStatic ? c.value : undefined));
  const evals = entries.map(([, c]) => (c.isStatic ? null : c.compute));
  const n = keys.length;
  return {
    isStatic: false,
    children: new Map(entries),
    compute: isList
      ? (scope) => {
          const out = new Array(n);
          for (let i = 0; i < n; i++) { const f = evals[i]; out[i] = f === null ? statics[i] : f(scope); }
          return out;
        }
      : (scope) => {
          const out: Record<string, unknown> = {};
          for (let i = 0; i < n; i++) { const f = evals[i]; out[keys[i]] = f === null ? statics[i] : f(scope); }
          return out;
        },
  };
}

function childSpec(spec: FieldSpec, value: Record<string, unknown>, key: string): FieldSpec {
  if (spec.kind === 'object') return spec.fields?.[key] ?? { kind: 'value' };
  if (spec.kind === 'variant') return spec.cases?.[value[spec.discriminator!] as string]?.[key] ?? { kind: 'value' };
  if (spec.kind === 'keyValue') return { kind: 'string' };
  return { kind: 'value' };
}

function partAt(root: Compiled, path: readonly (string | number)[]): ParamPart {
  let cur = root;
  for (const k of path) {
    const key = String(k);
    if (!cur.isStatic) { cur = cur.children?.get(key) ?? { isStatic: true, value: undefined }; continue; }
    const v = cur.value;
    cur = { isStatic: true, value: v !== null && typeof v === 'object' && Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined };
  }
  return cur;
}

export function compileParams(spec: FieldSpec, params: Record<string, unknown>): ParamResolver {
  const c = compile(spec, params, 'params');
  const part = (path: readonly (string | number)[]) => partAt(c, path);
  if (c.isStatic) return { isStatic: true, resolve: () => params, part };
  return { isStatic: false, resolve: (scope) => c.compute(scope) as Record<string, unknown>, part };
}
