/**
 * One n8n workflow (an export or a clipboard copy) as a Junction flow: nodes through the mapping
 * table (placeholders for the rest), edges from n8n's connections, sticky notes, pinned data,
 * settings and connection references, with a report line for everything that did not carry over.
 */
import { FLOW_FORMAT, type CredentialRef, type FlowEdge, type FlowFile, type FlowNode, type StickyNote } from '../../flow/types';
import type { ImportedFlow, ImportedNode, ImportNote } from '../types';
import { PLACEHOLDER_TYPE } from '../types';
import { connectEdges } from './edges';
import { fileReadPairs } from './connectors/file-pairs';
import { createMapContext, Unsupported, type Mapped, type Mapper, type N8nNode } from './context';
import { scrubSecrets } from './secrets';
import { credentialsOf, settingsOf } from './settings';
import { knowsType, mapperFor, STICKY_NOTE } from './table';

export interface N8nWorkflow { id?: unknown; name?: unknown; nodes: unknown[]; connections?: unknown; pinData?: unknown; settings?: unknown }

const STICKY_COLORS: Record<number, string> = { 1: 'yellow', 2: 'pink', 3: 'pink', 4: 'green', 5: 'blue', 6: 'purple', 7: 'gray' };

const slug = (s: string) => s.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);

function uniqueId(base: string, used: Set<string>): string {
  let id = base || 'node';
  for (let n = 2; used.has(id); n++) id = `${base || 'node'}-${n}`;
  used.add(id);
  return id;
}

/** n8n draws nodes as 100 px squares, Junction as cards about 210 px wide: spread positions so cards do not overlap. */
const SPREAD = 1.5;
const positionOf = (n: N8nNode) => (Array.isArray(n.position) && n.position.length >= 2
  ? { x: Math.round((Number(n.position[0]) || 0) * SPREAD), y: Math.round((Number(n.position[1]) || 0) * SPREAD) }
  : { x: 0, y: 0 });

/** What the importer knows per Junction node while wiring edges. */
export interface Placed { node: FlowNode; source: N8nNode; mapped?: Mapped; at: string }

function stickyNote(n: N8nNode, id: string): StickyNote {
  const p = n.parameters ?? {};
  const color = STICKY_COLORS[Number(p.color ?? 1)] ?? 'yellow';
  return { id, text: String(p.content ?? ''), position: positionOf(n), size: { width: Math.round(Number(p.width ?? 240) * SPREAD), height: Math.round(Number(p.height ?? 160) * SPREAD) }, color };
}

function placeholder(n: N8nNode, params: unknown, reason: string): FlowNode['params'] {
  // Kept as JSON text: n8n's expressions inside are for reference and never evaluated.
  return { sourceTool: 'n8n', sourceType: n.type, sourceVersion: n.typeVersion ?? 1, reason, parameters: JSON.stringify(params ?? {}, null, 2), outputs: 1 };
}

/** Maps one node; a mapper's refusal (or a crash on odd input) becomes a placeholder with its reason. */
function mapNode(n: N8nNode, at: string, notes: ImportNote[], override?: Mapper): { type: string; params: Record<string, unknown>; mapped?: Mapped; reason?: string } {
  const version = typeof n.typeVersion === 'number' ? n.typeVersion : 1;
  const mapper = override ?? mapperFor(n.type, version);
  if (!mapper) {
    const reason = knowsType(n.type)
      ? `version ${version} of the n8n node "${n.type}" is not one Junction can map`
      : `the n8n node "${n.type}" has no Junction equivalent`;
    return { type: PLACEHOLDER_TYPE, params: placeholder(n, n.parameters, reason), reason };
  }
  const own: ImportNote[] = [];
  try {
    const mapped = mapper(createMapContext(n, at, own));
    notes.push(...own);
    return { type: mapped.type, params: mapped.params, mapped };
  } catch (e) {
    const reason = e instanceof Unsupported ? e.message : `its parameters could not be read (${(e as Error)?.message ?? String(e)})`;
    return { type: PLACEHOLDER_TYPE, params: placeholder(n, n.parameters, reason), reason };
  }
}

function isNode(v: unknown): v is N8nNode {
  return !!v && typeof v === 'object' && typeof (v as N8nNode).name === 'string' && typeof (v as N8nNode).type === 'string';
}

export function convertWorkflow(wf: N8nWorkflow, fallbackName: string): ImportedFlow {
  const notes: ImportNote[] = [];
  const report: ImportedNode[] = [];
  const nodes: FlowNode[] = [];
  const stickies: StickyNote[] = [];
  const placed = new Map<string, Placed>();
  const ids = new Set<string>();
  const connections = new Map<string, CredentialRef>();
  const pairs = fileReadPairs(wf.nodes, wf.connections);

  wf.nodes.forEach((raw, i) => {
    const at = `$.nodes[${i}]`;
    if (!isNode(raw)) {
      notes.push({ severity: 'error', kind: 'node', path: at, message: 'is not a node (it needs a name and a type) and was left out' });
      report.push({ sourceName: String((raw as N8nNode)?.name ?? `#${i}`), sourceType: String((raw as N8nNode)?.type ?? ''), path: at, outcome: 'dropped' });
      return;
    }
    if (placed.has(raw.name)) {
      notes.push({ severity: 'error', kind: 'node', path: at, message: `a second node named "${raw.name}" was left out (names must be unique)` });
      report.push({ sourceName: raw.name, sourceType: raw.type, path: at, outcome: 'dropped' });
      return;
    }
    const id = uniqueId(slug(raw.name), ids);
    if (raw.type === STICKY_NOTE) {
      stickies.push(stickyNote(raw, id));
      report.push({ sourceName: raw.name, sourceType: raw.type, path: at, outcome: 'folded' });
      return;
    }
    const source: N8nNode = { ...raw, parameters: scrubSecrets(raw.parameters ?? {}, `${at}.parameters`, notes) as Record<string, unknown> };
    const { type, params, mapped, reason } = mapNode(source, at, notes, pairs.get(raw.name));
    if (reason) notes.push({ severity: 'warning', kind: 'node', path: at, message: `"${raw.name}" became a placeholder: ${reason}`, nodeId: id });
    const node: FlowNode = { id, type, version: 1, name: raw.name, position: positionOf(raw), params };
    const settings = settingsOf(raw, at, notes);
    if (settings) node.settings = settings;
    const creds = credentialsOf(raw, at, notes, mapped?.credential);
    if (creds) {
      node.credentials = creds;
      for (const ref of Object.values(creds)) connections.set(`${ref.type}\u0000${ref.id}`, ref);
    }
    nodes.push(node);
    placed.set(raw.name, { node, source, mapped, at });
    report.push({ sourceName: raw.name, sourceType: raw.type, path: at, nodeId: id, junctionType: type, outcome: mapped ? 'mapped' : 'placeholder' });
  });

  const edges: FlowEdge[] = connectEdges(wf.connections, placed, notes);
  const pinned = pinnedOf(wf.pinData, placed, notes);
  const flow: FlowFile = {
    format: FLOW_FORMAT,
    id: `n8n-${slug(String(wf.id ?? '')) || slug(String(wf.name ?? fallbackName)) || 'workflow'}`,
    name: typeof wf.name === 'string' && wf.name.trim() ? wf.name : fallbackName,
    nodes, edges, settings: settingsOfFlow(wf.settings, notes), pinned, notes: stickies,
  };
  for (const n of notes) if (!n.nodeId) n.nodeId = nodeIdAt(n.path, report);
  return { flow, nodes: report, notes, connections: [...connections.values()] };
}

/** The node a note's source path points into, so the editor can show the note on it. */
function nodeIdAt(path: string, report: ImportedNode[]): string | undefined {
  const m = /^\$\.nodes\[(\d+)\]/.exec(path);
  return m ? report.find((r) => r.path === `$.nodes[${m[1]}]`)?.nodeId : undefined;
}

function pinnedOf(pinData: unknown, placed: Map<string, Placed>, notes: ImportNote[]): FlowFile['pinned'] {
  const out: FlowFile['pinned'] = {};
  if (!pinData || typeof pinData !== 'object') return out;
  for (const [name, items] of Object.entries(pinData as Record<string, unknown>)) {
    const path = `$.pinData[${JSON.stringify(name)}]`;
    const target = placed.get(name);
    if (!target || !Array.isArray(items)) {
      notes.push({ severity: 'warning', kind: 'option', path, message: `pinned data for "${name}", which is not a node of this workflow, was left out` });
      continue;
    }
    out[target.node.id] = items.map((x) => {
      const json = x && typeof x === 'object' && 'json' in x ? (x as { json: unknown }).json : x;
      return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : { value: json };
    });
  }
  return out;
}

function settingsOfFlow(s: unknown, notes: ImportNote[]): FlowFile['settings'] {
  const out: FlowFile['settings'] = {};
  if (!s || typeof s !== 'object') return out;
  const v = s as Record<string, unknown>;
  if (typeof v.timezone === 'string' && v.timezone !== 'DEFAULT') out.timezone = v.timezone;
  if (typeof v.executionTimeout === 'number' && v.executionTimeout > 0) out.timeoutMs = v.executionTimeout * 1000;
  if (typeof v.errorWorkflow === 'string' && v.errorWorkflow) {
    notes.push({ severity: 'info', kind: 'option', path: '$.settings.errorWorkflow', message: `the error workflow (n8n id ${v.errorWorkflow}) was not linked: import it and choose it as the error flow in the flow's settings` });
  }
  return out;
}
