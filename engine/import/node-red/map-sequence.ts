import { placeholder, single, type Mapped, type MapInput } from './mapping';
import { fieldPath } from './values';

const code = (m: MapInput, lines: string[]) => single(m, 'core.code', { code: lines.join('\n'), timeoutMs: 5000, memoryMb: 64 });

/** Node-RED writes "\n" in split/join/csv settings as the two characters backslash and n. */
const unescape = (s: unknown) => String(s ?? '').replace(/\\n/g, '\n').replace(/\\r/g, '\r').replace(/\\t/g, '\t');

/**
 * split → Code: what Node-RED splits depends on the payload's type at run time (text by a
 * separator, a list into chunks, an object into its values), so one Code node does all three
 * and writes msg.parts as Node-RED does, for a join in automatic mode.
 */
export function mapSplit(m: MapInput): Mapped {
  const n = m.node;
  if (n.spltType === 'bin') return placeholder(m, 'splits binary buffers');
  const sep = n.spltType === 'len' ? Number(n.splt) || 1 : unescape(n.splt ?? '\\n');
  const chunk = n.arraySpltType === 'len' || n.arraySpltType === undefined ? Math.max(1, Number(n.arraySplt) || 1) : 1;
  const addname = typeof n.addname === 'string' ? fieldPath(n.addname) : undefined;
  return code(m, [
    '// Node-RED split: text by a separator (or fixed length), a list into chunks, an object into one item per key.',
    `const sep = ${JSON.stringify(sep)}, chunk = ${chunk}, addname = ${JSON.stringify(addname ?? '')};`,
    'const out = [];',
    'let seq = 0;',
    'for (const item of items) {',
    '  const msg = item.json, v = msg.payload, id = `split-${Date.now()}-${seq++}`;',
    '  let values, keys = [], type, extra = {};',
    '  if (typeof v === "string") { type = "string"; values = typeof sep === "number" ? (v.match(new RegExp(`[\\\\s\\\\S]{1,${sep}}`, "g")) ?? []) : v.split(sep); extra = typeof sep === "number" ? { len: sep } : { ch: sep }; }',
    '  else if (Array.isArray(v)) { type = "array"; values = []; for (let i = 0; i < v.length; i += chunk) values.push(chunk === 1 ? v[i] : v.slice(i, i + chunk)); extra = { len: chunk }; }',
    '  else if (v !== null && typeof v === "object") { type = "object"; keys = Object.keys(v); values = keys.map((k) => v[k]); }',
    '  else { out.push({ json: msg }); continue; }',
    '  values.forEach((p, index) => {',
    '    const json = { ...msg, payload: p, parts: { id, index, count: values.length, type, ...extra, ...(type === "object" ? { key: keys[index] } : {}) } };',
    '    if (type === "object" && addname) json[addname] = keys[index];',
    '    out.push({ json });',
    '  });',
    '}',
    'return out;',
  ]);
}

/**
 * join → Code. Automatic mode rebuilds what a split took apart from msg.parts; manual mode
 * builds a list, text, object (keyed by a property) or merged object from every `count` items
 * (all items of the run when no count is set). Reduce mode has no equivalent.
 */
export function mapJoin(m: MapInput): Mapped {
  const n = m.node;
  if (n.mode === 'reduce') return placeholder(m, 'reduces with a JSONata expression');
  const prop = fieldPath(String(n.property || 'payload'));
  const key = fieldPath(String(n.key || 'topic'));
  if (n.mode === 'custom' && (n.propertyType ?? 'msg') === 'msg' && !prop && n.build !== 'merged') return placeholder(m, `joins the property ${JSON.stringify(n.property)}, which is not a plain path`);
  if (n.timeout) m.report('info', 'option', `${m.path}.timeout`, 'its timeout has no equivalent: a Junction run hands the node all items at once');
  if (n.accumulate) m.report('warning', 'option', `${m.path}.accumulate`, 'keeps accumulating across messages; Junction joins within one run');
  const count = Number(n.count) || 0;
  if (n.mode === 'custom' && !count) m.report('info', 'option', `${m.path}.count`, 'has no message count: the items of a run are joined into one (or up to each item with msg.complete)');
  if (n.mode === 'custom' && count) m.report('info', 'option', `${m.path}.count`, `joins every ${count} items; items left over at the end of a run are not sent`);
  const joiner = n.joinerType === 'bin' ? '' : unescape(n.joiner ?? '\\n');
  return code(m, [
    '// Node-RED join: automatic mode rebuilds from msg.parts; manual mode groups every `count` items.',
    `const mode = ${JSON.stringify(n.mode === 'custom' ? 'custom' : 'auto')}, build = ${JSON.stringify(n.build ?? 'array')}, count = ${count};`,
    `const prop = ${JSON.stringify(prop ?? 'payload')}, key = ${JSON.stringify(key ?? 'topic')}, joiner = ${JSON.stringify(joiner)};`,
    'const get = (o, p) => p.split(".").reduce((v, k) => (v === null || v === undefined ? undefined : v[k]), o);',
    'const out = [];',
    'const emit = (group, how, ch) => {',
    '  const last = { ...group[group.length - 1].json };',
    '  delete last.parts; delete last.complete;',
    '  const values = group.map((i) => (mode === "auto" ? i.json.payload : get(i.json, prop)));',
    '  if (how === "string") last.payload = values.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(ch);',
    '  else if (how === "object") last.payload = Object.fromEntries(group.map((i, k) => [mode === "auto" ? i.json.parts.key : get(i.json, key), values[k]]));',
    '  else if (how === "merged") last.payload = Object.assign({}, ...group.map((i) => i.json.payload));',
    '  else last.payload = values;',
    '  out.push({ json: last });',
    '};',
    'if (mode === "auto") {',
    '  const groups = new Map();',
    '  for (const item of items) { const id = item.json.parts?.id ?? ""; if (!groups.has(id)) groups.set(id, []); groups.get(id).push(item); }',
    '  for (const group of groups.values()) {',
    '    const parts = group[0].json.parts;',
    '    if (!parts) { for (const i of group) out.push({ json: i.json }); continue; }',
    '    group.sort((a, b) => a.json.parts.index - b.json.parts.index);',
    '    emit(group, parts.type === "string" ? "string" : parts.type === "object" ? "object" : "array", parts.ch ?? "");',
    '  }',
    '} else {',
    '  // A group is complete after `count` items or at an item with msg.complete; with no count, the run\'s end completes it.',
    '  let group = [];',
    '  for (const item of items) { group.push(item); if ((count > 0 && group.length === count) || item.json.complete !== undefined) { emit(group, build, joiner); group = []; } }',
    '  if (group.length && count === 0) emit(group, build, joiner);',
    '}',
    'return out;',
  ]);
}

/** csv → Code: text to one item per row (or one list), objects to CSV text; Node-RED's options that change the result are carried. */
export function mapCsv(m: MapInput): Mapped {
  const n = m.node;
  const sep = unescape(n.sep ?? ',');
  const columns = String(n.temp ?? '').split(',').map((c) => c.trim().replace(/^"|"$/g, '')).filter(Boolean);
  m.report('info', 'node', m.path, 'csv became a Code node that converts msg.payload between CSV text and objects (Read File reads CSV files, not text in a field)');
  return code(m, [
    '// Node-RED csv: CSV text in msg.payload becomes objects; objects become CSV text.',
    `const sep = ${JSON.stringify(sep)}, header = ${n.hdrin === true}, each = ${n.multi !== 'mult'}, typed = ${n.strings !== false}, skip = ${Number(n.skip) || 0};`,
    `let columns = ${JSON.stringify(columns)};`,
    `const newline = ${JSON.stringify(unescape(n.ret ?? '\\n'))}, writeHeader = ${n.hdrout === 'all' || n.hdrout === 'once' || n.hdrout === true};`,
    'const rowsOf = (text) => { const rows = []; let row = [], cell = "", quoted = false;',
    '  for (let i = 0; i < text.length; i++) { const c = text[i];',
    '    if (quoted) { if (c === "\\"" && text[i + 1] === "\\"") { cell += c; i++; } else if (c === "\\"") quoted = false; else cell += c; }',
    '    else if (c === "\\"") quoted = true; else if (c === sep) { row.push(cell); cell = ""; }',
    '    else if (c === "\\n" || c === "\\r") { if (c === "\\r" && text[i + 1] === "\\n") i++; row.push(cell); rows.push(row); row = []; cell = ""; }',
    '    else cell += c; }',
    '  if (cell !== "" || row.length) { row.push(cell); rows.push(row); } return rows; };',
    'const value = (s) => (typed && s.trim() !== "" && !isNaN(Number(s)) ? Number(s) : s);',
    'const quote = (v) => { const s = v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v); return /[",\\n\\r]/.test(s) || s.includes(sep) ? `"${s.replace(/"/g, "\\"\\"")}"` : s; };',
    'const out = [];',
    'for (const item of items) {',
    '  const msg = item.json, v = msg.payload;',
    '  if (typeof v === "string") {',
    '    let rows = rowsOf(v).slice(skip);',
    '    if (header && rows.length) { columns = rows[0]; rows = rows.slice(1); }',
    '    const objects = rows.map((r) => Object.fromEntries(r.map((c, i) => [columns[i] || `col${i + 1}`, value(c)])));',
    '    if (each) objects.forEach((o, index) => out.push({ json: { ...msg, payload: o, columns: columns.join(","), parts: { index, count: objects.length } } }));',
    '    else out.push({ json: { ...msg, payload: objects, columns: columns.join(",") } });',
    '  } else {',
    '    const list = Array.isArray(v) ? v : [v];',
    '    const cols = columns.length ? columns : Object.keys(list[0] ?? {});',
    '    const lines = list.map((o) => (Array.isArray(o) ? o : cols.map((c) => o?.[c])).map(quote).join(sep));',
    '    out.push({ json: { ...msg, payload: (writeHeader ? [cols.map(quote).join(sep), ...lines] : lines).join(newline) + newline } });',
    '  }',
    '}',
    'return out;',
  ]);
}
