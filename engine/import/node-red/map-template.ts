import { placeholder, single, type Mapped, type MapInput } from './mapping';
import { mustacheCode } from './mustache-code';
import { expression, fieldPath, jsonAccess, literalText } from './values';

/** Splits a mustache template into text and `{{path}}` / `{{{path}}}` tags; undefined when it uses sections, partials or context. */
function mustacheParts(template: string): (string | { path: string })[] | undefined {
  const parts: (string | { path: string })[] = [];
  const re = /\{\{\{\s*([^}]*?)\s*\}\}\}|\{\{\s*([^}]*?)\s*\}\}/g;
  let last = 0;
  for (const m of template.matchAll(re)) {
    const tag = (m[1] ?? m[2] ?? '').replace(/^&\s*/, '');
    if (!jsonAccess(tag) || /^(flow|global|env)\./.test(tag)) return undefined;
    parts.push(template.slice(last, m.index), { path: tag });
    last = m.index! + m[0].length;
  }
  parts.push(template.slice(last));
  return parts.filter((p) => p !== '');
}

/**
 * template → Edit Fields that sets the target property: `{{name}}` becomes `{{ $json.name }}`.
 * With "parsed JSON" output the text is built and parsed in one expression. Sections become a
 * Code node that renders mustache; partials, delimiter changes, context tags and YAML output
 * go to a placeholder with a report line.
 */
export function mapTemplate(m: MapInput): Mapped {
  const n = m.node;
  const template = typeof n.template === 'string' ? n.template : '';
  const field = fieldPath(typeof n.field === 'string' && n.field ? n.field : 'payload');
  if ((n.fieldType ?? 'msg') !== 'msg' || !field) return placeholder(m, `writes to ${String(n.fieldType)} ${JSON.stringify(n.field)}, which Junction cannot`);
  const parts = n.syntax === 'plain' ? [template] : mustacheParts(template);
  const output = n.output === 'json' || n.output === 'yaml' ? n.output : 'str';
  if (output === 'yaml') return placeholder(m, 'parses its result as YAML, which Junction has no expression for');
  if (!parts) {
    // Sections and the like: a Code node renders the template as mustache does.
    if (/\{\{\s*[>=]|\{\{\{?\s*(flow|global|env)\./.test(template)) return placeholder(m, 'uses mustache partials, delimiter changes or context values');
    m.report('info', 'node', `${m.path}.template`, 'uses mustache sections; a Code node renders it as Node-RED does');
    return single(m, 'core.code', { code: mustacheCode(template, field.split('.'), output === 'json'), timeoutMs: 5000, memoryMb: 64 });
  }
  let value: string | undefined;
  if (output === 'json') {
    const concat = parts.map((p) => (typeof p === 'string' ? JSON.stringify(p) : `(${jsonAccess(p.path)} ?? "")`)).join(' + ') || '""';
    value = expression(`JSON.parse(${concat})`);
  } else {
    value = parts.map((p) => (typeof p === 'string' ? literalText(p) : `{{ ${jsonAccess(p.path)} }}`)).join('');
  }
  if (value === undefined) return placeholder(m, 'could not be written as a Junction expression');
  if (parts.some((p) => typeof p !== 'string') && n.syntax !== 'plain') {
    m.report('info', 'expression', `${m.path}.template`, 'mustache tags became {{ $json.… }} expressions: objects are written as JSON and {{ }} no longer escapes HTML characters');
  }
  return single(m, 'core.set', { mode: 'merge', fields: [{ name: field, value, transforms: [] }], remove: [], dotNotation: true });
}
