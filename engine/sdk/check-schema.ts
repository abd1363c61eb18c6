import { checkParams } from './check-params';
import type { FieldSpec } from './schema';

/**
 * Mistakes in a params schema, found when a node type is defined rather than when a person
 * meets them in the editor: a showWhen naming a sibling that does not exist (a typo would hide
 * the field for good) or a value that sibling cannot hold, and a default its own field refuses.
 */
export function schemaMistakes(spec: FieldSpec, path = 'params'): string[] {
  const out: string[] = [];
  if (spec.default !== undefined) {
    const { default: _, ...rules } = spec;
    for (const p of checkParams(rules, spec.default, path).problems) out.push(`${p.path}: the default ${JSON.stringify(spec.default)} breaks the field's own rules (${p.message})`);
  }
  const siblingsOf = (fields: Record<string, FieldSpec>, at: string, skip?: string) => {
    for (const [key, field] of Object.entries(fields)) {
      for (const [name, allowed] of Object.entries(field.showWhen ?? {})) {
        const sibling = name === key || name === skip ? undefined : fields[name];
        if (!sibling) { out.push(`${at}.${key}: showWhen names "${name}", which is not a field beside it (fields: ${Object.keys(fields).filter((k) => k !== key).join(', ') || 'none'})`); continue; }
        for (const v of allowed) {
          const { problems } = checkParams({ ...sibling, required: false, default: undefined }, v, `${at}.${name}`);
          if (problems.length) out.push(`${at}.${key}: showWhen expects ${name} = ${JSON.stringify(v)}, which ${name} cannot hold (${problems[0].message})`);
        }
      }
      out.push(...schemaMistakes(field, `${at}.${key}`));
    }
  };
  if (spec.kind === 'object') siblingsOf(spec.fields ?? {}, path);
  if (spec.kind === 'variant') for (const [tag, fields] of Object.entries(spec.cases ?? {})) siblingsOf(fields, `${path}{${tag}}`, spec.discriminator);
  if (spec.kind === 'list' && spec.of) out.push(...schemaMistakes(spec.of, `${path}[]`));
  return out;
}
