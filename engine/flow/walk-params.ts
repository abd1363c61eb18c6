import { isExpression, type FieldSpec } from '../sdk/schema';

/** Visits every `{{ }}` string in params that its field allows to be an expression. */
export function walkExpressions(spec: FieldSpec, value: unknown, path: string, visit: (source: string, path: string) => void): void {
  if (value === null || value === undefined) return;
  if (typeof value === 'string') {
    if (!spec.literal && isExpression(value)) visit(value, path);
    return;
  }
  if (spec.kind === 'list' && Array.isArray(value)) {
    value.forEach((v, i) => walkExpressions(spec.of!, v, `${path}[${i}]`, visit));
  } else if ((spec.kind === 'object' || spec.kind === 'variant') && typeof value === 'object' && !Array.isArray(value)) {
    const fields = spec.kind === 'object' ? spec.fields! : spec.cases![(value as Record<string, unknown>)[spec.discriminator!] as string] ?? {};
    for (const [k, f] of Object.entries(fields)) walkExpressions(f, (value as Record<string, unknown>)[k], `${path}.${k}`, visit);
  } else if ((spec.kind === 'keyValue' || spec.kind === 'value' || spec.kind === 'json') && typeof value === 'object') {
    // Free-form values: any string inside may be a template.
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      walkExpressions({ kind: 'value' }, v, Array.isArray(value) ? `${path}[${k}]` : `${path}.${k}`, visit);
    }
  }
}
