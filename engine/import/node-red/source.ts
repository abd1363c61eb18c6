import type { ImportNote } from '../types';

/** One object of a Node-RED export, as the editor writes it. Every field may be missing. */
export interface NrNode {
  id: string;
  type: string;
  z?: string;
  name?: string;
  wires?: unknown;
  x?: number;
  y?: number;
  d?: boolean;
  info?: string;
  [key: string]: unknown;
}

/** A node with its JSON path in the source file, so every report line can point at it. */
export interface Sourced { node: NrNode; path: string }

export type ParsedExport = { ok: true; nodes: Sourced[]; notes: ImportNote[] } | { ok: false; notes: ImportNote[] };

const fileNote = (message: string, path = '$'): ImportNote => ({ severity: 'error', kind: 'file', path, message });

/**
 * Reads the export's text: a JSON array of node objects (what the editor's Export writes), a
 * single node object, or `{ flows: [...] }` (the admin API's shape). Entries that are not node
 * objects are reported and skipped.
 */
export function parseExport(text: string, fileName = 'the file'): ParsedExport {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const end = text.trim().length === 0 || /end of JSON|Unterminated|Unexpected end/i.test((e as Error).message);
    return { ok: false, notes: [fileNote(end
      ? `${fileName} is not a complete Node-RED export: the JSON ends early (truncated file?)`
      : `${fileName} is not JSON, so it cannot be a Node-RED export (${(e as Error).message})`)] };
  }
  let list: unknown[];
  let base = '$';
  if (Array.isArray(doc)) list = doc;
  else if (isObject(doc) && Array.isArray(doc.flows)) { list = doc.flows; base = '$.flows'; }
  else if (isObject(doc) && typeof doc.type === 'string' && typeof doc.id === 'string') { list = [doc]; base = ''; }
  else return { ok: false, notes: [fileNote(`${fileName} is JSON but not a Node-RED export: expected a list of nodes, each with an id and a type`)] };

  const nodes: Sourced[] = [];
  const notes: ImportNote[] = [];
  list.forEach((entry, i) => {
    const path = base ? `${base}[${i}]` : '$';
    if (isObject(entry) && typeof entry.id === 'string' && entry.id && typeof entry.type === 'string' && entry.type) nodes.push({ node: normalized(entry as NrNode), path });
    else notes.push({ severity: 'warning', kind: 'node', path, message: 'is not a Node-RED node (it needs a text id and type); skipped' });
  });
  if (!nodes.length) notes.push(fileNote(`${fileName} holds no Node-RED nodes`));
  return { ok: true, nodes, notes };
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The wires of a node: for each output, the ids it sends to (bad entries ignored). */
export function wiresOf(node: NrNode): string[][] {
  if (!Array.isArray(node.wires)) return [];
  return node.wires.map((out) => (Array.isArray(out) ? out.filter((t): t is string => typeof t === 'string') : []));
}

/** Config nodes and structural objects have no position and no wires; flow nodes have both. */
export function isFlowNode(node: NrNode): boolean {
  return Array.isArray(node.wires) || typeof node.x === 'number';
}

/** The fields every part of the importer reads, with their types made sure; a wrong type reads as missing. */
function normalized(n: NrNode): NrNode {
  const out: NrNode = { ...n };
  for (const key of ['z', 'name', 'info'] as const) if (out[key] !== undefined && typeof out[key] !== 'string') delete out[key];
  for (const key of ['x', 'y'] as const) if (out[key] !== undefined && (typeof out[key] !== 'number' || !Number.isFinite(out[key]))) delete out[key];
  if (out.d !== undefined && typeof out.d !== 'boolean') delete out.d;
  return out;
}
