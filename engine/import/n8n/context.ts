/**
 * What a mapping function gets (one n8n node, a way to translate its values and to report) and
 * what it gives back (a Junction node type, its params and how n8n's numbered ports map).
 */
import type { ImportNote } from '../types';
import { translateValue } from './expressions';

/** One node as n8n writes it in a workflow export or a clipboard copy. */
export interface N8nNode {
  id?: string;
  name: string;
  type: string;
  typeVersion?: number;
  position?: [number, number];
  parameters?: Record<string, unknown>;
  credentials?: Record<string, unknown>;
  disabled?: boolean;
  notes?: string;
  retryOnFail?: boolean;
  maxTries?: number;
  waitBetweenTries?: number;
  onError?: string;
  continueOnFail?: boolean;
  alwaysOutputData?: boolean;
  executeOnce?: boolean;
}

export interface Mapped {
  type: string;
  params: Record<string, unknown>;
  /** Junction ports for n8n output `index` (several when n8n rules share one output); default: 0 → main. */
  outputs?: (index: number) => string[];
  /** How many regular outputs the n8n node has: the one after them is its error output. Default 1. */
  outputCount?: number;
  /** Junction input for n8n input `index`; default: every input → main. */
  input?: (index: number) => string | undefined;
  /** The credential slot of the Junction node and the connection kind an n8n credential type becomes. */
  credential?: { slot: string; kind: (n8nType: string) => string };
}

/** A mapper's way to say "no equivalent": the node becomes a placeholder with this reason. */
export class Unsupported extends Error {}

export interface MapContext {
  node: N8nNode;
  /** JSON path of the node in the source file, e.g. `$.nodes[3]`. */
  at: string;
  version: number;
  /** The node's parameters as written (never undefined). */
  params: Record<string, unknown>;
  /** Translates a value (expressions included); `rel` is its path under `parameters`. Untranslatable: kept verbatim and reported. */
  value(v: unknown, rel: string): unknown;
  /** Reports something that did not carry over exactly; `rel` is a path under `parameters`. */
  note(severity: ImportNote['severity'], kind: string, rel: string, message: string): void;
  /** Gives up: the node becomes a placeholder and the report says why. */
  unsupported(reason: string): never;
}

export type Mapper = (c: MapContext) => Mapped;

export function createMapContext(node: N8nNode, at: string, notes: ImportNote[]): MapContext {
  const params = node.parameters && typeof node.parameters === 'object' ? node.parameters : {};
  const pathOf = (rel: string) => (rel ? `${at}.parameters.${rel}` : `${at}.parameters`);
  const note: MapContext['note'] = (severity, kind, rel, message) => notes.push({ severity, kind, path: pathOf(rel), message });
  return {
    node, at, params,
    version: typeof node.typeVersion === 'number' ? node.typeVersion : 1,
    note,
    value(v, rel) {
      return translateDeep(v, rel, (r, text, reason) => note('error', 'expression', r, `the expression ${JSON.stringify(clip(text))} was kept as written: ${reason}`));
    },
    unsupported(reason) { throw new Unsupported(reason); },
  };
}

/** Translates strings anywhere inside a value; calls `failed` with the path of each untranslatable one. */
export function translateDeep(v: unknown, rel: string, failed: (rel: string, text: string, reason: string) => void): unknown {
  if (typeof v === 'string') {
    const t = translateValue(v);
    if (!t.ok) failed(rel, String(t.value), t.reason);
    return t.value;
  }
  if (Array.isArray(v)) return v.map((x, i) => translateDeep(x, `${rel}[${i}]`, failed));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = translateDeep(x, rel ? `${rel}.${k}` : k, failed);
    return out;
  }
  return v;
}

export const clip = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Reads a path under parameters, e.g. `options.timeout` or `rules.values[2].conditions`. */
export function read(params: Record<string, unknown>, path: string): unknown {
  let cur: unknown = params;
  for (const key of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** n8n lists of fields written as "a, b, c" or as an array. */
export const fieldList = (v: unknown): string[] =>
  (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(',') : []).map((s) => s.trim()).filter(Boolean);

/** Reports every parameter the mapper did not read, so nothing disappears silently. */
export function reportUnread(c: MapContext, used: string[], ignore: string[] = []): void {
  for (const [k, v] of Object.entries(c.params)) {
    if (used.includes(k) || ignore.includes(k)) continue;
    if (v === undefined || v === '' || (typeof v === 'object' && v !== null && Object.keys(v).length === 0)) continue;
    c.note('warning', 'option', k, `the option "${k}" has no equivalent in Junction and was left out`);
  }
}
