/**
 * Which tool a file comes from. n8n: an object with a `nodes` list (and usually `connections`),
 * as exported or copied to the clipboard. Node-RED: a list of objects with `id` and `type` where
 * nodes carry `z` or `wires` (or `{ flows: [...] }` as Node-RED's own flow file stores it).
 * Anything else is refused with one sentence.
 */
import { JunctionError } from '../sdk/errors';
import type { ImportSource } from './types';

export type Detected = { source: 'n8n'; doc: { nodes: unknown[]; connections?: unknown; [k: string]: unknown } } | { source: 'node-red'; doc: unknown[] };

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function parse(text: string): unknown {
  const clean = text.replace(/^\uFEFF/, '').trim();
  if (!clean) throw new JunctionError('import.empty', 'The file is empty.');
  try {
    return JSON.parse(clean);
  } catch (e) {
    const at = Number(/position (\d+)/.exec((e as Error).message)?.[1] ?? -1);
    const truncated = /Unexpected end|Unterminated/i.test((e as Error).message) || at >= clean.length - 1;
    if (truncated) throw new JunctionError('import.truncated', 'The file ends in the middle of its JSON: the export looks cut off; export or copy it again.');
    if (!/^[[{]/.test(clean)) throw new JunctionError('import.format', 'This is not an n8n workflow or a Node-RED export: it is not JSON.');
    throw new JunctionError('import.json', `The file is not valid JSON (${(e as Error).message}).`);
  }
}

const looksNodeRed = (list: unknown[]) =>
  list.length > 0 && list.every((n) => isObj(n) && typeof n.id === 'string' && typeof n.type === 'string')
  && list.some((n) => isObj(n) && ('z' in n || 'wires' in n || n.type === 'tab'));

export function detect(text: string, from?: ImportSource): Detected {
  const doc = parse(text);
  const n8n = isObj(doc) && Array.isArray(doc.nodes) ? doc : isObj(doc) && isObj(doc.workflow) && Array.isArray(doc.workflow.nodes) ? doc.workflow : undefined;
  const red = Array.isArray(doc) ? doc : isObj(doc) && Array.isArray(doc.flows) ? doc.flows : undefined;
  if (from === 'n8n' && !n8n) throw new JunctionError('import.format', 'This is not an n8n workflow: n8n exports are an object with "nodes" and "connections".');
  if (from === 'node-red' && !(red && looksNodeRed(red))) throw new JunctionError('import.format', 'This is not a Node-RED export: Node-RED exports are a list of nodes with "id", "type" and "wires".');
  if (n8n && from !== 'node-red') return { source: 'n8n', doc: n8n as { nodes: unknown[] } };
  if (red && looksNodeRed(red)) return { source: 'node-red', doc: red };
  throw new JunctionError('import.format', 'This is neither an n8n workflow (an object with "nodes" and "connections") nor a Node-RED export (a list of nodes with "id", "type" and "wires").');
}
