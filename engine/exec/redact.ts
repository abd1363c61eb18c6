/**
 * Keeps the secret values of the connections a run used out of what the run emits: log lines,
 * errors, and the items that run history samples. Only runs that resolved a credential pay for
 * it; the walk copies only what changes and leaves the items that flow on untouched.
 */
import type { Item } from '../sdk/types';
import type { EngineEvent } from './events';

const MASK = '[redacted]';
/** Nested data deeper than this is sampled by the store anyway; beyond it strings are left as they are. */
const MAX_DEPTH = 64;

export function createRedactor() {
  const secrets = new Set<string>();
  const text = (s: string): string => {
    let out = s;
    for (const v of secrets) if (out.includes(v)) out = out.split(v).join(MASK);
    return out;
  };
  const value = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return text(v);
    if (v === null || typeof v !== 'object' || depth > MAX_DEPTH) return v;
    let copy: Record<string, unknown> | unknown[] | undefined;
    const entries = Array.isArray(v) ? v.entries() : Object.entries(v);
    for (const [k, inner] of entries) {
      const next = value(inner, depth + 1);
      if (next === inner) continue;
      copy ??= Array.isArray(v) ? [...v] : { ...(v as Record<string, unknown>) };
      (copy as Record<string | number, unknown>)[k] = next;
    }
    return copy ?? v;
  };
  const items = (ports: Record<string, Item[]>): Record<string, Item[]> => {
    const out: Record<string, Item[]> = {};
    for (const [port, list] of Object.entries(ports)) out[port] = list.map((item) => { const json = value(item.json, 0) as Record<string, unknown>; return json === item.json ? item : { ...item, json }; });
    return out;
  };
  const error = <E extends { message: string }>(e: E): E => ({ ...e, message: text(e.message) });
  return {
    /** Values to hide from now on (each connection's, as it is resolved). */
    add(values: string[]) { for (const v of values) if (v) secrets.add(v); },
    text,
    event(e: EngineEvent): EngineEvent {
      if (secrets.size === 0) return e;
      switch (e.type) {
        case 'node.log': return { ...e, message: text(e.message) };
        case 'node.error': return { ...e, error: error(e.error) };
        case 'run.finished': return e.error ? { ...e, error: error(e.error) } : e;
        case 'node.finished': return {
          ...e, ...(e.error ? { error: error(e.error) } : {}),
          ...(e.data ? { data: { input: items(e.data.input), output: items(e.data.output) } } : {}),
        };
        default: return e;
      }
    },
  };
}
