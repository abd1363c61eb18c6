/**
 * What to suggest while someone types an expression, from the text before the cursor and
 * the field paths upstream nodes produced (`expr.paths`). Pure, so the rules are tested
 * without Monaco; `monaco.ts` turns these into Monaco completion items.
 */
import type { FieldPathInfo } from '../../engine/api';

export interface ExprContext {
  fields: readonly FieldPathInfo[];
  /** Names of the nodes wired straight into this one: `$json` reads their items. */
  parentNames: readonly string[];
  /** Names of every node upstream, for `$('Name')`. */
  upstreamNames: readonly string[];
}

export type SuggestionKind = 'variable' | 'field' | 'method' | 'property' | 'node' | 'keyword';

export interface Suggestion {
  label: string;
  insertText: string;
  kind: SuggestionKind;
  detail?: string;
  documentation?: string;
  /** How many characters before the cursor the insertion replaces. */
  replace: number;
  /** Text Monaco filters against when it differs from the label (bracketed keys). */
  filterText?: string;
  sortText?: string;
}

const ROOTS: [string, string][] = [
  ['$json', "the current item's data"],
  ['$input', 'this node\'s input: .item, .all(), .first(), .last()'],
  ['$now', 'the current date and time (luxon DateTime)'],
  ['$today', 'today at midnight (luxon DateTime)'],
  ['$vars', 'workspace variables'],
  ['$env', 'allow-listed environment variables'],
  ['$index', "the item's position in the input"],
  ['$binary', "the current item's binary data"],
  ['$run', 'this run: id, mode'],
  ['$flow', 'this flow: id, name'],
  ['$node', 'this node: id, name, type'],
  ['$state', "this node's saved state (e.g. a sync cursor)"],
  ['Math', 'round, floor, ceil, abs, min, max, …'],
  ['JSON', 'stringify, parse'],
];

const m = (names: string): string[] => names.split(' ');
/** Methods the expression language lists for each receiver type (DESIGN §4); `()` marks a call. */
export const MEMBERS: Record<string, string[]> = {
  string: m('length toUpperCase() toLowerCase() trim() split() replace() replaceAll() includes() startsWith() endsWith() slice() substring() indexOf() padStart() padEnd() charAt() at()'),
  number: m('toFixed() toString() toPrecision()'),
  boolean: m('toString()'),
  array: m('length map() filter() find() findIndex() some() every() reduce() join() includes() indexOf() slice() concat() flat() at() sort() reverse()'),
  date: m('toISO() toISODate() toFormat() toMillis() toSeconds() plus() minus() startOf() endOf() setZone() diff() year month day hour minute second weekday'),
  source: m('item all() first() last()'),
  item: m('json binary'),
  Math: m('round() floor() ceil() abs() min() max() pow() sqrt() random()'),
  JSON: m('stringify() parse()'),
};

/** Whether the cursor sits inside an open `{{ … }}`; returns the expression text before it. */
export function openExpression(before: string): string | undefined {
  const open = before.lastIndexOf('{{');
  if (open < 0 || before.lastIndexOf('}}') > open) return undefined;
  return before.slice(open + 2);
}

/** `lines[0].sku`, `lines[].sku` and `a["first name"]` (the engine's spelling) → segments. */
export function segmentsOf(path: string): string[] {
  const out: string[] = [];
  for (const m of path.matchAll(/\[(\d*)\]|\[("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')\]|([^.[\]]+)/g)) {
    if (m[1] !== undefined) out.push(m[1] || '0');
    else if (m[2] !== undefined) out.push(m[2][0] === '"' ? (JSON.parse(m[2]) as string) : m[2].slice(1, -1));
    else out.push(m[3]);
  }
  return out;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

type JsonReceiver = { type: 'json'; nodes: readonly string[] | undefined; prefix: string[] };
type Receiver = JsonReceiver | { type: 'source' | 'item'; node: string | undefined } | { type: 'date' | 'Math' | 'JSON' };

// A member chain ending in `.partial` at the cursor: $json.a.b[0].c.pa
const CHAIN = /((?:\$\(\s*(?:'[^']*'|"[^"]*")\s*\)|[$A-Za-z_][\w$]*)(?:\s*\.\s*[\w$]+(?:\(\))?|\[\d+\]|\[(?:'[^']*'|"[^"]*")\])*)\s*\.([\w$]*)$/;

function receiverOf(chain: string, ctx: ExprContext): Receiver | undefined {
  const head = /^(\$\(\s*(['"])(.*?)\2\s*\)|[$A-Za-z_][\w$]*)/.exec(chain)!;
  const segs = [...chain.slice(head[0].length).matchAll(/\.\s*([\w$]+)(\(\))?|\[(\d+)\]|\[['"]([^'"]*)['"]\]/g)].map((s) => s[1] ?? s[3] ?? s[4]);
  const parents = ctx.parentNames.length ? ctx.parentNames : undefined;
  let r: Receiver;
  if (head[3] !== undefined) r = { type: 'source', node: head[3] };
  else if (head[1] === '$input') r = { type: 'source', node: undefined };
  else if (head[1] === '$json') r = { type: 'json', nodes: parents, prefix: [] };
  else if (head[1] === '$now' || head[1] === '$today') r = { type: 'date' };
  else if (head[1] === 'Math' || head[1] === 'JSON') r = { type: head[1] };
  else return undefined;
  for (const seg of segs) {
    if (r.type === 'source' && ['item', 'first', 'last'].includes(seg)) r = { type: 'item', node: r.node };
    else if (r.type === 'item' && seg === 'json') r = { type: 'json', nodes: r.node ? [r.node] : parents, prefix: [] };
    else if (r.type === 'json') r = { ...r, prefix: [...r.prefix, seg] };
    else return undefined;
  }
  return r;
}

function fieldsOf(ctx: ExprContext, nodes: readonly string[] | undefined): FieldPathInfo[] {
  if (!nodes) return [...ctx.fields];
  const own = ctx.fields.filter((f) => nodes.includes(f.node));
  return own.length ? own : [...ctx.fields]; // the engine may name nodes by id: better all fields than none
}

function jsonMembers(r: JsonReceiver, ctx: ExprContext, partial: string): Suggestion[] {
  const out = new Map<string, Suggestion>();
  const depth = r.prefix.length;
  let ownType: string | undefined;
  for (const f of fieldsOf(ctx, r.nodes)) {
    const segs = segmentsOf(f.path);
    if (segs.length <= depth || r.prefix.some((p, i) => segs[i] !== p)) {
      if (segs.length === depth && r.prefix.every((p, i) => segs[i] === p)) ownType ??= f.type;
      continue;
    }
    const key = segs[depth];
    if (out.has(key)) continue;
    const exact = segs.length === depth + 1;
    const type = exact ? f.type : /^\d+$/.test(segs[depth + 1] ?? '') ? 'array' : 'object';
    const isIndex = /^\d+$/.test(key);
    const plain = IDENT.test(key);
    out.set(key, {
      label: isIndex ? `[${key}]` : key,
      insertText: isIndex ? `[${key}]` : plain ? key : `[${JSON.stringify(key).replace(/^"|"$/g, "'")}]`,
      kind: 'field',
      detail: `${type} · ${f.node}`,
      ...(exact && f.example !== undefined ? { documentation: `Example: ${f.example}` } : {}),
      replace: plain && !isIndex ? partial.length : partial.length + 1,
      ...(plain && !isIndex ? {} : { filterText: `.${key}` }),
      sortText: `0${key}`,
    });
  }
  const methods = ownType && MEMBERS[ownType] ? members(ownType, partial) : [];
  return [...out.values(), ...methods];
}

function members(type: string, partial: string): Suggestion[] {
  return (MEMBERS[type] ?? []).map((name) => {
    const call = name.endsWith('()');
    return { label: name, insertText: call ? `${name.slice(0, -2)}(` : name, kind: call ? 'method' : 'property', detail: type, replace: partial.length, sortText: `1${name}` } satisfies Suggestion;
  });
}

/** Suggestions at the end of `before` (the text of the field up to the cursor). */
export function suggest(before: string, ctx: ExprContext): Suggestion[] {
  const expr = openExpression(before);
  if (expr === undefined) return [];

  const nodeRef = /\$\(\s*(['"]?)([^'")]*)$/.exec(expr);
  if (nodeRef) {
    const [, quote, typed] = nodeRef;
    return ctx.upstreamNames.map((name) => ({
      label: name, kind: 'node', detail: 'upstream node',
      insertText: quote ? `${name}${quote})` : `'${name.replace(/'/g, "\\'")}')`,
      replace: typed.length, sortText: `0${name}`,
    }));
  }

  const chain = CHAIN.exec(expr);
  if (chain) {
    const r = receiverOf(chain[1], ctx);
    if (!r) return [];
    return r.type === 'json' ? jsonMembers(r, ctx, chain[2]) : members(r.type, chain[2]);
  }

  const word = /(?:^|[^\w$.'"\]])([$A-Za-z_][\w$]*)?$/.exec(expr);
  if (!word) return [];
  const partial = word[1] ?? '';
  const roots: Suggestion[] = ROOTS.map(([name, doc]) => ({ label: name, insertText: name, kind: name.startsWith('$') ? 'variable' : 'keyword', documentation: doc, replace: partial.length, sortText: `1${name}` }));
  const nodes: Suggestion[] = ctx.upstreamNames.map((name) => ({
    label: `$('${name}')`, insertText: `$('${name.replace(/'/g, "\\'")}')`, kind: 'node', detail: 'upstream node',
    documentation: `Items of "${name}": .item, .all(), .first(), .last()`, replace: partial.length, sortText: `2${name}`,
  }));
  return [...roots, ...nodes];
}
