/**
 * Seeded mutations of flow files, as an attacker or a broken tool would write them. Each
 * takes a parsed example flow (a fresh copy) and returns flow text. `scale` sets how far
 * the heavy mutations go: the test suite uses sizes just past each limit, the longer run
 * the sizes a security review used (10,000 levels, 2,000,000 characters, 3,000 nodes).
 */
export interface Scale { depth: number; chars: number; nodes: number }
export const TEST_SCALE: Scale = { depth: 200, chars: 20_000, nodes: 150 };
export const FULL_SCALE: Scale = { depth: 10_000, chars: 2_000_000, nodes: 3_000 };

/** mulberry32: small, fast, and the same sequence for a seed on every machine. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)] };
}
export type Random = ReturnType<typeof random>;

type Json = Record<string, unknown>;
interface Spot { parent: Json | unknown[]; key: string | number; value: unknown }

/** Up to 5,000 places in a document (iteratively: the document may already be deep). */
function spots(doc: unknown): Spot[] {
  const out: Spot[] = [];
  const todo: unknown[] = [doc];
  while (todo.length && out.length < 5_000) {
    const v = todo.pop();
    if (v === null || typeof v !== 'object') continue;
    for (const [k, x] of Object.entries(v)) {
      out.push({ parent: v as Json, key: Array.isArray(v) ? Number(k) : k, value: x });
      todo.push(x);
    }
  }
  return out;
}
const set = (s: Spot, value: unknown) => { (s.parent as Json)[s.key as string] = value; };
const nodesOf = (doc: Json): Json[] => (Array.isArray(doc.nodes) ? (doc.nodes as Json[]).filter((n) => n && typeof n === 'object') : []);

const CONTROL = ['\u001b]0;owned\u0007', '\u001b[2J', '\u001b[32mRun succeeded\u001b[0m', '\u0000', '\u009b31m', '\r', '\u202e'];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const BAD_EXPRESSIONS = [
  '{{ (((( }}', '{{ $json.constructor.constructor("return process")() }}', "{{ 'x'.repeat(1e9) }}", '{{ while (true) {} }}',
  '{{ $("Nope").item.json.x }}', '{{ [].map.call }}', '{{ $json[`__proto__`] }}', '{{ {{ }}', '{{ }}', '{{ $json.a.b.c.d.e.f }}',
  '{{ (() => { for(;;); })() }}', '{{ Array(1e9).fill(0) }}', '{{ JSON.parse("[".repeat(100000)) }}',
];

/** The mutations, by name, so a report can say which kind found a fault. */
type Mutation = (doc: Json, r: Random, scale: Scale, raw: (json: string) => string) => Json | string;

/** JSON text `levels` deep around `leaf`, built as text: JSON.stringify would overflow on it. */
const deepJson = (levels: number, leaf: string, r: Random) => {
  const open: string[] = [];
  for (let i = 0; i < levels; i++) open.push(r.next() < 0.5 ? '[' : '{"a":');
  return `${open.join('')}${leaf}${open.reverse().map((o) => (o === '[' ? ']' : '}')).join('')}`;
};

export const MUTATIONS: Record<string, Mutation> = {
  deepValue(doc, r, { depth }, raw) {
    const s = r.pick(spots(doc));
    if (s) set(s, raw(deepJson(65 + r.int(depth), JSON.stringify(typeof s.value === 'object' ? 1 : s.value ?? 1), r)));
    return doc;
  },
  deepText(doc, r, { depth }) {
    const text = JSON.stringify(doc);
    const at = r.int(text.length);
    const n = 65 + r.int(depth * 3);
    return r.next() < 0.5 ? `${text.slice(0, at)}${'['.repeat(n)}${text.slice(at)}` : `${text.slice(0, at)}${'{"a":'.repeat(n)}1${'}'.repeat(n)}${text.slice(at)}`;
  },
  hugeString(doc, r, { chars }) {
    const s = r.pick(spots(doc).filter((x) => typeof x.value === 'string'));
    if (s) set(s, r.pick(['x', '{{ $json.x }} ', '\u001b[2J', 'é']).repeat(1 + r.int(chars)));
    return doc;
  },
  controlChars(doc, r) {
    for (const s of spots(doc).filter((x) => typeof x.value === 'string')) if (r.next() < 0.3) set(s, `${s.value as string}${r.pick(CONTROL)}`);
    return doc;
  },
  protoKeys(doc, r) {
    // Written into the text, so that parsing makes them own keys as reading a file does.
    const objects = spots(doc).filter((x) => x.value && typeof x.value === 'object' && !Array.isArray(x.value));
    const s = r.pick(objects);
    if (s) (s.value as Json)[`@@${r.pick(PROTO_KEYS)}`] = r.pick([{ polluted: true }, 'toString', null, [1]]);
    const tagged = objects.filter((x) => typeof (x.value as Json).mode === 'string' || typeof (x.value as Json).by === 'string');
    const t = r.pick(tagged);
    if (t) { const o = t.value as Json; o[typeof o.mode === 'string' ? 'mode' : 'by'] = r.pick(PROTO_KEYS); }
    return doc;
  },
  cycle(doc, r) {
    const nodes = nodesOf(doc);
    const edges = Array.isArray(doc.edges) ? doc.edges as unknown[] : (doc.edges = []) as unknown[];
    const a = r.pick(nodes);
    const b = r.pick(nodes);
    if (a && b) edges.push({ id: `fz${edges.length}`, from: { node: a.id, port: r.pick(['main', 'done', 'batch', 'error', 'x']) }, to: { node: b.id, port: 'main' } });
    return doc;
  },
  bigCycle(doc, r, { nodes: n }) {
    const count = 2 + r.int(n * 3);
    const ids = Array.from({ length: count }, (_, i) => `cy${i}`);
    doc.nodes = [...nodesOf(doc), ...ids.map((id, i) => ({ id, type: 'core.noop', version: 1, name: id, position: { x: i, y: 0 }, params: {} }))];
    doc.edges = [...(Array.isArray(doc.edges) ? doc.edges : []), ...ids.map((id, i) => ({ id: `ce${i}`, from: { node: id, port: 'main' }, to: { node: ids[(i + 1) % count], port: 'main' } }))];
    return doc;
  },
  chainedLoops(doc, r, { nodes: n }) {
    const count = 2 + r.int(n);
    const ids = Array.from({ length: count }, (_, i) => `lp${i}`);
    doc.nodes = [...nodesOf(doc), ...ids.map((id, i) => ({ id, type: 'core.loop', version: 1, name: id, position: { x: i, y: 0 }, params: { batchSize: 1 } }))];
    doc.edges = [...(Array.isArray(doc.edges) ? doc.edges : []), ...ids.slice(1).flatMap((id, i) => ['batch', 'done'].map((port) => ({ id: `le${i}${port}`, from: { node: ids[i], port }, to: { node: id, port: 'main' } })))];
    return doc;
  },
  manyNodes(doc, r, { nodes: n }) {
    const base = nodesOf(doc);
    // Deep copies (a later mutation changes one node, not all), and a node already holding a huge string
    // is copied without its params, or the text would pass V8's string limit.
    const small = (node: Json | undefined) => (node && JSON.stringify(node).length > 10_000 ? { ...node, params: {} } : node);
    const copies = Array.from({ length: 1 + r.int(n) }, (_, i) => ({ ...structuredClone(small(r.pick(base))), id: `cp${i}`, name: r.next() < 0.1 ? 'dup' : `cp${i}` }));
    doc.nodes = [...base, ...copies];
    return doc;
  },
  wrongType(doc, r) {
    const s = r.pick(spots(doc));
    if (s) set(s, r.pick([null, 0, -1, 1e308, NaN, true, '', 'text', [], {}, [[]], { nodes: [] }]));
    return doc;
  },
  deleteKey(doc, r) {
    const s = r.pick(spots(doc).filter((x) => !Array.isArray(x.parent)));
    if (s) delete (s.parent as Json)[s.key as string];
    return doc;
  },
  unknownType(doc, r) {
    const node = r.pick(nodesOf(doc));
    if (node) { if (r.next() < 0.5) node.type = r.pick(['acme.teleport', '', 'core.code.v2', '__proto__', 'x'.repeat(300)]); else node.version = r.pick([0, 2, 99, 1.5, -1]); }
    return doc;
  },
  badExpression(doc, r, { depth }) {
    const s = r.pick(spots(doc).filter((x) => typeof x.value === 'string'));
    const deep = `{{ ${'('.repeat(depth)}1${')'.repeat(depth)} }}`;
    if (s) set(s, r.next() < 0.15 ? deep : r.pick(BAD_EXPRESSIONS));
    return doc;
  },
  duplicateIds(doc, r) {
    const nodes = nodesOf(doc);
    const a = r.pick(nodes);
    const b = r.pick(nodes);
    if (a && b) { if (r.next() < 0.5) b.id = a.id; else b.name = a.name; }
    return doc;
  },
  danglingEdge(doc, r) {
    const edges = Array.isArray(doc.edges) ? doc.edges as Json[] : [];
    const e = r.pick(edges);
    if (e && e.to && typeof e.to === 'object') (e.to as Json).node = r.pick(['ghost', '', '__proto__']);
    return doc;
  },
  pinnedData(doc, r, { depth, chars }, raw) {
    const node = r.pick(nodesOf(doc));
    const v = raw(deepJson(r.int(depth), JSON.stringify('x'.repeat(r.int(chars / 10))), r));
    if (node) doc.pinned = { [String(node.id)]: [{ v }, { '@@__proto__': { polluted: true } }] };
    return doc;
  },
  settings(doc, r) {
    const node = r.pick(nodesOf(doc));
    if (node) node.settings = r.pick([{ onError: 'errorPort' }, { onError: 'continue' }, { retry: { attempts: 20, delayMs: 0 } }, { timeoutMs: 1 }, { disabled: true }, { onError: 'nope' }, 'x']);
    if (r.next() < 0.3) doc.settings = { errorFlow: r.pick(['f_other', '../../etc/passwd', null]), timeoutMs: r.pick([1, 1_000, -5]) };
    return doc;
  },
  truncateText(doc, r) {
    const text = JSON.stringify(doc);
    return text.slice(0, r.int(text.length));
  },
  noiseText(doc, r) {
    const chars = [...JSON.stringify(doc)];
    for (let i = 0, n = 1 + r.int(8); i < n; i++) chars.splice(r.int(chars.length), r.int(2), r.pick(['{', '}', '[', ']', '"', '\\', ',', ':', '\u0000', '\ud800', 'é', '1e999']));
    return chars.join('');
  },
};

/**
 * One mutated flow text: one to three mutations over a copy of an example. Keys written
 * `@@name` become `name` in the text, so parsing makes `__proto__` an own key as reading
 * a file does; values made with `raw` are spliced in as JSON text.
 */
export function mutate(example: Json, r: Random, scale: Scale): { text: string; kinds: string[] } {
  let doc: Json = structuredClone(example);
  const parts: string[] = [];
  const raw = (json: string) => { parts.push(json); return `@@raw${parts.length - 1}`; };
  const finish = (text: string) => text.replace(/"@@raw(\d+)"/g, (_, i: string) => parts[Number(i)]).replace(/"@@([A-Za-z_]+)"/g, '"$1"');
  const names = Object.keys(MUTATIONS);
  const kinds: string[] = [];
  for (let i = 0, n = 1 + r.int(3); i < n; i++) {
    const kind = r.pick(names);
    kinds.push(kind);
    const out = MUTATIONS[kind](doc, r, scale, raw);
    if (typeof out === 'string') return { text: finish(out), kinds };
    doc = out;
  }
  return { text: finish(JSON.stringify(doc, null, r.next() < 0.5 ? 2 : undefined)), kinds };
}
