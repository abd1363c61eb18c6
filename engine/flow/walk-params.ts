import { isExpression, type FieldSpec } from '../sdk/schema';

const FREE_FORM: FieldSpec = { kind: 'value' };

/**
 * Visits every `{{ }}` string in params that its field allows to be an expression, in
 * document order. Iterative: params come from the flow file, however deep it nests.
 */
export function walkExpressions(spec: FieldSpec, value: unknown, path: string, visit: (source: string, path: string) => void): void {
  const pending: { spec: FieldSpec; value: unknown; path: string }[] = [{ spec, value, path }];
  while (pending.length) {
    const { spec: s, value: v, path: at } = pending.pop()!;
    if (v === null || v === undefined) continue;
    if (typeof v === 'string') {
      if (!s.literal && isExpression(v)) visit(v, at);
      continue;
    }
    const next: typeof pending = [];
    if (s.kind === 'list' && Array.isArray(v)) {
      v.forEach((x, i) => next.push({ spec: s.of!, value: x, path: `${at}[${i}]` }));
    } else if ((s.kind === 'object' || s.kind === 'variant') && typeof v === 'object' && !Array.isArray(v)) {
      const fields = s.kind === 'object' ? s.fields! : caseOf(s, v as Record<string, unknown>);
      for (const [k, f] of Object.entries(fields)) next.push({ spec: f, value: (v as Record<string, unknown>)[k], path: `${at}.${k}` });
    } else if ((s.kind === 'keyValue' || s.kind === 'value' || s.kind === 'json') && typeof v === 'object') {
      // Free-form values: any string inside may be a template.
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) next.push({ spec: FREE_FORM, value: x, path: Array.isArray(v) ? `${at}[${k}]` : `${at}.${k}` });
    }
    for (let i = next.length - 1; i >= 0; i--) pending.push(next[i]);
  }
}

/** The fields of a variant's case; a tag that is not text or not one of the cases has none. */
function caseOf(spec: FieldSpec, value: Record<string, unknown>): Record<string, FieldSpec> {
  const tag = value[spec.discriminator!];
  return typeof tag === 'string' && Object.hasOwn(spec.cases!, tag) ? spec.cases![tag] : {};
}
