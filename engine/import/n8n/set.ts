/**
 * Set / Edit Fields, every version → core.set.
 * v1–v2: `values.{string,number,boolean}[]` + keepOnlySet. v3.0–3.2: `fields.values[]` with a
 * typed value key + include (default all). v3.3+: `assignments.assignments[]` + includeOtherFields
 * (default off) and include. "Keep only selected fields" becomes replace mode with those fields
 * copied first; "all except" becomes merge mode with a remove list. Raw JSON mode works when the
 * JSON is fixed text (one field per key).
 */
import type { Mapper, MapContext } from './context';
import { fieldList, read } from './context';

interface Field { name: string; value: unknown }

/** Literal values take the type n8n gives them; expressions stay expressions. */
function typed(c: MapContext, type: string, v: unknown, rel: string): unknown {
  const value = c.value(v, rel);
  if (typeof v !== 'string' || v.startsWith('=')) return value;
  const text = String(value);
  if (type.startsWith('number')) return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : value;
  if (type.startsWith('boolean')) return text === 'true' ? true : text === 'false' ? false : value;
  if (type.startsWith('array') || type.startsWith('object')) {
    try { return JSON.parse(text); } catch { return value; }
  }
  return value;
}

const accessor = (path: string) =>
  (/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(path) ? `$json.${path}` : `$json[${JSON.stringify(path)}]`);

function v1Fields(c: MapContext): Field[] {
  const values = (c.params.values ?? {}) as Record<string, unknown>;
  const out: Field[] = [];
  for (const type of ['boolean', 'number', 'string']) {
    const list = values[type];
    if (!Array.isArray(list)) continue;
    list.forEach((f: Record<string, unknown>, i) => out.push({
      name: String(f?.name ?? 'propertyName'),
      value: typed(c, type, f?.value ?? (type === 'number' ? 0 : type === 'boolean' ? false : ''), `values.${type}[${i}].value`),
    }));
  }
  return out;
}

function v3Fields(c: MapContext): Field[] {
  if (c.params.mode === 'raw') return rawFields(c);
  if (c.version >= 3.3) {
    const list = (read(c.params, 'assignments.assignments') ?? []) as Record<string, unknown>[];
    return list.map((a, i) => ({ name: String(a?.name ?? ''), value: typed(c, String(a?.type ?? 'string'), a?.value ?? '', `assignments.assignments[${i}].value`) }));
  }
  const list = (read(c.params, 'fields.values') ?? []) as Record<string, unknown>[];
  return list.map((f, i) => {
    const key = String(f?.type ?? 'stringValue');
    return { name: String(f?.name ?? ''), value: typed(c, key, f?.[key] ?? '', `fields.values[${i}].${key}`) };
  });
}

/** Raw mode: fixed JSON text gives one field per key; JSON built by expressions has no equivalent. */
function rawFields(c: MapContext): Field[] {
  const json = c.params.jsonOutput;
  if (typeof json !== 'string' || json.startsWith('=')) c.unsupported('Edit Fields in JSON mode with expressions in the JSON has no Junction equivalent; list the fields one by one');
  let parsed: unknown;
  try { parsed = JSON.parse(json); } catch { c.unsupported('Edit Fields in JSON mode holds text that is not JSON'); }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) c.unsupported('Edit Fields in JSON mode must give one object');
  return Object.entries(parsed as Record<string, unknown>).map(([name, value]) => ({ name, value }));
}

/** Junction's field names are fixed text; n8n also allowed expressions there. */
function checkNames(c: MapContext, fields: Field[]): Field[] {
  const bad = fields.find((f) => f.name.startsWith('=') || f.name.includes('{{'));
  if (bad) c.unsupported(`the field name ${JSON.stringify(bad.name)} is an expression; Junction's Edit Fields takes fixed names (use a Code node)`);
  return fields;
}

export const mapSet: Mapper = (c) => {
  const p = c.params;
  const dotNotation = read(p, 'options.dotNotation') !== false;
  if (c.version < 3) {
    return { type: 'core.set', params: { mode: p.keepOnlySet === true ? 'replace' : 'merge', fields: checkNames(c, v1Fields(c)), remove: [], dotNotation } };
  }
  const fields = checkNames(c, v3Fields(c));
  const include = c.version >= 3.3
    ? (p.includeOtherFields === true ? String(p.include ?? 'all') : 'none')
    : String(p.include ?? 'all');
  if (read(p, 'options.includeBinary') === false) c.note('info', 'option', 'options.includeBinary', 'binary data is always kept by Junction\'s Edit Fields');
  switch (include) {
    case 'none': return { type: 'core.set', params: { mode: 'replace', fields, remove: [], dotNotation } };
    case 'selected': {
      const kept = fieldList(p.includeFields).map((f) => ({ name: f, value: `{{ ${accessor(f)} }}` }));
      return { type: 'core.set', params: { mode: 'replace', fields: [...kept, ...fields], remove: [], dotNotation } };
    }
    case 'except': return { type: 'core.set', params: { mode: 'merge', fields, remove: fieldList(p.excludeFields), dotNotation } };
    default: return { type: 'core.set', params: { mode: 'merge', fields, remove: [], dotNotation } };
  }
};

/** Rename Keys: each key set under its new name from the incoming item, the old key removed. */
export const mapRenameKeys: Mapper = (c) => {
  if (read(c.params, 'additionalOptions.regexReplacement') !== undefined) c.unsupported('renaming keys by regular expression has no Junction equivalent');
  const keys = (read(c.params, 'keys.key') ?? []) as { currentKey?: string; newKey?: string }[];
  const pairs = keys.filter((k) => k.currentKey && k.newKey).map((k) => ({ from: String(k.currentKey), to: String(k.newKey) }));
  return {
    type: 'core.set',
    params: { mode: 'merge', fields: checkNames(c, pairs.map((k) => ({ name: k.to, value: `{{ ${accessor(k.from)} }}` }))), remove: pairs.map((k) => k.from), dotNotation: true },
  };
};
