import { JunctionError } from '../sdk/errors';
import { MAX_FLOW_DEPTH, valueNestingOver } from './limits';
import type { FlowFile } from './types';

/**
 * Canonical flow text: structural keys in a fixed order, other object keys sorted, 2-space
 * indent, trailing newline. A git diff then shows what a person changed, nothing else.
 * Pinned items keep their own key order: they are data a person reads as a table.
 */
const ORDER: Record<string, string[]> = {
  flow: ['format', 'id', 'name', 'description', 'nodes', 'edges', 'settings', 'pinned', 'notes'],
  node: ['id', 'type', 'version', 'name', 'position', 'params', 'credentials', 'settings'],
  edge: ['id', 'from', 'to'],
  port: ['node', 'port'],
  position: ['x', 'y'],
  note: ['id', 'text', 'position', 'size', 'color'],
};

const sorted = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  return Object.fromEntries(Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => [k, sorted(o[k])]));
};

const ordered = (o: Record<string, unknown>, keys: string[], inner: (k: string, v: unknown) => unknown = (_, v) => sorted(v)) => {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = inner(k, o[k]);
  for (const k of Object.keys(o).sort()) if (!(k in out) && o[k] !== undefined) out[k] = sorted(o[k]);
  return out;
};

/** The flow with its keys in canonical order. Refuses a flow nested deeper than a flow may be: the sort recurses. */
export function canonicalFlow(flow: FlowFile): Record<string, unknown> {
  const deep = valueNestingOver(flow);
  if (deep) throw new JunctionError('flow.too-deep', `The flow nests objects and lists more than ${MAX_FLOW_DEPTH} levels deep (at ${deep}); a flow file may not`, { path: deep });
  const f = flow as unknown as Record<string, unknown>;
  return ordered(f, ORDER.flow, (k, v) => {
    if (k === 'nodes') return (v as Record<string, unknown>[]).map((n) => ordered(n, ORDER.node, (nk, nv) => (nk === 'position' ? ordered(nv as Record<string, unknown>, ORDER.position) : sorted(nv))));
    if (k === 'edges') return (v as Record<string, unknown>[]).map((e) => ordered(e, ORDER.edge, (ek, ev) => (ek === 'id' ? ev : ordered(ev as Record<string, unknown>, ORDER.port))));
    if (k === 'notes') return (v as Record<string, unknown>[]).map((n) => ordered(n, ORDER.note));
    if (k === 'pinned') return Object.fromEntries(Object.keys(v as object).sort().map((id) => [id, (v as Record<string, unknown>)[id]]));
    return sorted(v);
  });
}

export const serializeFlow = (flow: FlowFile): string => `${JSON.stringify(canonicalFlow(flow), null, 2)}\n`;
