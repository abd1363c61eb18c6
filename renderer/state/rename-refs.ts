/**
 * Expressions and Code refer to other nodes by name (`$('Fetch orders').item`), so renaming
 * a node rewrites those references in every node of the flow, as n8n does.
 */
import type { FlowFile, FlowNode } from '../../engine/flow/types';

const QUOTES = [`'`, `"`, '`'] as const;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const quoted = (name: string, q: string) => `${q}${name.replace(/\\/g, '\\\\').replaceAll(q, `\\${q}`)}${q}`;

/** `$('from')` with any quote and spacing, as a pattern per quote kind. */
const patterns = (from: string) => QUOTES.map((q) => ({ q, re: new RegExp(`\\$\\(\\s*${escapeRe(quoted(from, q))}\\s*\\)`, 'g') }));

function mapStrings(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) {
    const out = value.map((v) => mapStrings(v, fn));
    return out.every((v, i) => v === value[i]) ? value : out;
  }
  if (value && typeof value === 'object') {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) { out[k] = mapStrings(v, fn); changed ||= out[k] !== v; }
    return changed ? out : value;
  }
  return value;
}

/** Rewrites `$('from')` to `$('to')` in every node's params; untouched nodes stay the same objects. */
export function renameReferences(flow: FlowFile, from: string, to: string): FlowFile {
  if (from === to) return flow;
  const pats = patterns(from);
  const rewrite = (s: string) => (s.includes(from.slice(0, 1)) && s.includes('$(')
    ? pats.reduce((acc, { q, re }) => acc.replace(re, `$(${quoted(to, q)})`), s) : s);
  let changed = false;
  const nodes = flow.nodes.map((n): FlowNode => {
    const params = mapStrings(n.params, rewrite) as FlowNode['params'];
    if (params === n.params) return n;
    changed = true;
    return { ...n, params };
  });
  return changed ? { ...flow, nodes } : flow;
}

/** The names used by more than one node, for the save guard. */
export function duplicateNames(flow: FlowFile): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const n of flow.nodes) (seen.has(n.name) ? dup : seen).add(n.name);
  return [...dup];
}
