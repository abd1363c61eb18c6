import { single, type Mapped, type MapInput } from './mapping';
import { fieldPath, jsonAccess, typedValue } from './values';

interface Rule { t?: string; p?: string; pt?: string; to?: unknown; tot?: string; from?: unknown; fromt?: string }

/** `a.b[0]["c d"]` as its segments, or undefined when it is not a plain path. */
export function pathSegments(path: string): (string | number)[] | undefined {
  if (!jsonAccess(path)) return undefined;
  const out: (string | number)[] = [];
  const re = /([A-Za-z_$][\w$]*)|\[(\d+)\]|\["([^"\\]*)"\]|\['([^'\\]*)'\]/g;
  for (const m of path.trim().replace(/^msg\./, '').matchAll(re)) out.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (m[3] ?? m[4])));
  return out;
}

/** Rules Edit Fields expresses exactly: set/move/delete on plain paths, each reading only what no earlier rule wrote. */
function fitsEditFields(rules: Rule[]): boolean {
  const written: string[] = [];
  const touches = (p: string) => written.some((w) => p === w || p.startsWith(`${w}.`) || w.startsWith(`${p}.`));
  for (const r of rules) {
    if (r.pt !== undefined && r.pt !== 'msg') return false;
    if (!r.p || !fieldPath(r.p)) return false;
    if (r.t === 'set' && (r.tot === 'msg' || r.tot === 'jsonata') && touches(String(r.to ?? ''))) return false;
    if (r.t === 'move' && (!fieldPath(String(r.to ?? '')) || touches(r.p))) return false;
    if (r.t === 'change' || (r.t === 'delete' && written.length)) return false;
    if (r.t !== 'set' && r.t !== 'move' && r.t !== 'delete') return false;
    written.push(r.p);
    if (r.t === 'move') written.push(String(r.to));
  }
  return true;
}

/** change → Edit Fields when its rules fit (see above), else a Code node that applies them in order. */
export function mapChange(m: MapInput): Mapped {
  const rules: Rule[] = Array.isArray(m.node.rules) ? (m.node.rules as Rule[]) : legacyRules(m);
  const at = (i: number) => `${m.path}.rules[${i}]`;
  if (fitsEditFields(rules)) {
    const fields: { name: string; value: unknown; transforms: [] }[] = [];
    const remove: string[] = [];
    rules.forEach((r, i) => {
      const p = fieldPath(r.p!)!;
      if (r.t === 'delete') remove.push(p);
      else if (r.t === 'move') { fields.push({ name: fieldPath(String(r.to))!, value: `{{ ${jsonAccess(p)} }}`, transforms: [] }); remove.push(p); }
      else fields.push({ name: p, value: typedValue(r.to, r.tot, `${at(i)}.to`, m.report), transforms: [] });
    });
    return single(m, 'core.set', { mode: 'merge', fields, remove, dotNotation: true });
  }
  const lines: string[] = [];
  rules.forEach((r, i) => {
    const target = r.p ? pathSegments(r.p) : undefined;
    if (r.pt !== undefined && r.pt !== 'msg') { m.report('warning', 'option', `${at(i)}.pt`, `changes ${r.pt} context, which Junction flows do not have; rule left out`); return; }
    if (!target) { m.report('warning', 'option', `${at(i)}.p`, `the property ${JSON.stringify(r.p)} is not a plain path; rule left out`); return; }
    const t = JSON.stringify(target);
    if (r.t === 'delete') lines.push(`__del(msg, ${t});`);
    else if (r.t === 'set') lines.push(`__set(msg, ${t}, ${jsValue(r.to, r.tot, `${at(i)}.to`, m)});`);
    else if (r.t === 'move') {
      const to = pathSegments(String(r.to ?? ''));
      if (!to) { m.report('warning', 'option', `${at(i)}.to`, `moves to ${JSON.stringify(r.to)}, which is not a plain path; rule left out`); return; }
      lines.push(`{ const v = __get(msg, ${t}); __del(msg, ${t}); __set(msg, ${JSON.stringify(to)}, v); }`);
    } else if (r.t === 'change') {
      const from = r.fromt === 're' ? `new RegExp(${JSON.stringify(String(r.from ?? ''))}, "g")` : jsValue(r.from, r.fromt, `${at(i)}.from`, m);
      const to = jsValue(r.to, r.tot, `${at(i)}.to`, m);
      // Node-RED: text is searched and replaced; any other value is replaced when it equals "from" exactly.
      lines.push(`{ const v = __get(msg, ${t}), f = ${from}, r = ${to}; if (typeof v === "string") __set(msg, ${t}, f instanceof RegExp ? v.replace(f, String(r)) : typeof f === "string" && f !== "" ? v.split(f).join(String(r)) : v); else if (v === f) __set(msg, ${t}, r); }`);
    } else m.report('warning', 'option', `${at(i)}.t`, `the rule type ${JSON.stringify(r.t)} is not known; rule left out`);
  });
  const code = [
    '// Node-RED change rules, applied in order to each item\'s json (msg).',
    'const __get = (o, p) => p.reduce((v, k) => (v === null || v === undefined ? undefined : v[k]), o);',
    'const __set = (o, p, v) => { let t = o; for (let i = 0; i < p.length - 1; i++) { if (t[p[i]] === null || typeof t[p[i]] !== "object") t[p[i]] = typeof p[i + 1] === "number" ? [] : {}; t = t[p[i]]; } t[p[p.length - 1]] = v; };',
    'const __del = (o, p) => { const parent = __get(o, p.slice(0, -1)); if (parent !== null && typeof parent === "object") delete parent[p[p.length - 1]]; };',
    'return items.map((item) => {',
    '  const msg = item.json;',
    ...lines.map((l) => `  ${l}`),
    '  return { json: msg };',
    '});',
  ].join('\n');
  return single(m, 'core.code', { code, timeoutMs: 5000, memoryMb: 64 });
}

/** A Node-RED typed value as JavaScript source inside the generated Code node (msg in scope). */
function jsValue(value: unknown, type: string | undefined, path: string, m: MapInput): string {
  if (type === 'msg' || (type === 'jsonata' && pathSegments(String(value ?? '')))) {
    const seg = pathSegments(String(value ?? ''));
    if (seg) return `__get(msg, ${JSON.stringify(seg)})`;
  }
  if (type === 'date') return 'Date.now()';
  if (type === 'msg' || type === 'jsonata' || type === 'env') {
    m.report('warning', 'expression', path, `the ${type} value ${JSON.stringify(String(value ?? '').slice(0, 500))} was not translated; null is used, translate it by hand`);
    return 'null';
  }
  const v = typedValue(value, type, path, m.report);
  return JSON.stringify(typeof v === 'string' ? String(value ?? '') : v) ?? 'null';
}

/** Node-RED before 0.x wrote one rule as action/property/from/to on the node itself. */
function legacyRules(m: MapInput): Rule[] {
  const n = m.node;
  const action = { replace: 'set', change: 'change', delete: 'delete' }[String(n.action)];
  if (!action || typeof n.property !== 'string') return [];
  return [{ t: action, p: n.property, to: n.to, from: n.from, fromt: n.reg ? 're' : 'str', tot: 'str' }];
}
