import { capProblems, FLOW_FORMAT, parseFlowText, validateFlow, type CredentialRef, type FlowFile, type NodeLookup } from '../flow';
import { JunctionError } from '../sdk/errors';
import type { Problem } from '../sdk/schema';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/**
 * Reads flow text for the editor: a valid flow as it is, a flawed one repaired just enough to
 * draw (unknown node types kept, missing positions placed) with every problem listed.
 * Only text that is not JSON at all is an error, since nothing could be shown.
 */
export function readFlowText(source: string, types: NodeLookup, where: string): { flow: FlowFile; problems: Problem[] } {
  const parsed = parseFlowText(source, types);
  // Text that is not JSON, or nests too deep to be read safely, leaves nothing to show.
  const fatal = parsed.problems.find((p) => p.code === 'flow.json' || p.code === 'flow.too-deep');
  if (fatal) throw new JunctionError(fatal.code, `${where} ${fatal.message}`);
  if (parsed.flow) return { flow: parsed.flow, problems: parsed.problems };
  const repaired = repairFlow(JSON.parse(source.replace(/^\uFEFF/, '')));
  if (!repaired) throw new JunctionError('flow.shape', `${where} is JSON but not a flow: it must be an object with "nodes" and "edges"`);
  const again = validateFlow(repaired, types);
  const seen = new Set(parsed.problems.map((p) => `${p.path}\u0000${p.message}`));
  const problems = capProblems([...parsed.problems, ...again.problems.filter((p) => !seen.has(`${p.path}\u0000${p.message}`))]);
  return { flow: again.flow ?? repaired, problems };
}

/** Fills what the canvas cannot do without; leaves everything else for the problem list to explain. */
export function repairFlow(doc: unknown): FlowFile | undefined {
  if (!isObj(doc) || (!Array.isArray(doc.nodes) && !Array.isArray(doc.edges))) return undefined;
  const rawNodes = Array.isArray(doc.nodes) ? doc.nodes.filter(isObj) : [];
  const nodes = rawNodes.map((n, i) => {
    const id = text(n.id) ?? `n${i + 1}`;
    const pos = isObj(n.position) ? n.position : {};
    return {
      ...n,
      id, type: text(n.type) ?? 'unknown', name: text(n.name) ?? id,
      version: Number.isInteger(n.version) && (n.version as number) >= 1 ? (n.version as number) : 1,
      position: { x: num(pos.x, i * 260), y: num(pos.y, 0) },
      params: isObj(n.params) ? n.params : {},
      ...(isObj(n.credentials) ? { credentials: n.credentials as Record<string, CredentialRef> } : {}),
      ...(isObj(n.settings) ? { settings: n.settings } : { settings: undefined }),
    };
  });
  const isEnd = (v: unknown): v is { node: string; port: string } => isObj(v) && !!text(v.node) && !!text(v.port);
  const edges = (Array.isArray(doc.edges) ? doc.edges.filter(isObj) : [])
    .filter((e) => isEnd(e.from) && isEnd(e.to))
    .map((e, i) => ({ id: text(e.id) ?? `e${i + 1}`, from: e.from as { node: string; port: string }, to: e.to as { node: string; port: string } }));
  return {
    ...doc,
    format: FLOW_FORMAT,
    id: text(doc.id) ?? '',
    name: text(doc.name) ?? 'Untitled flow',
    nodes,
    edges,
    settings: isObj(doc.settings) ? doc.settings : {},
    pinned: isObj(doc.pinned) ? (Object.fromEntries(Object.entries(doc.pinned).filter(([, v]) => Array.isArray(v))) as FlowFile['pinned']) : {},
    notes: Array.isArray(doc.notes) ? (doc.notes.filter(isObj) as unknown as FlowFile['notes']) : [],
  } as FlowFile;
}

/**
 * Keeps only `{ id, type, name }` of each credential reference: a token pasted into a flow file
 * must never reach the workspace or an export. Returns the references, one per connection id.
 */
export function stripSecrets(flow: FlowFile): { flow: FlowFile; refs: CredentialRef[] } {
  const refs = new Map<string, CredentialRef>();
  const nodes = flow.nodes.map((node) => {
    if (!isObj(node.credentials)) {
      if (node.credentials === undefined) return node;
      const { credentials: _dropped, ...rest } = node;
      return rest;
    }
    const credentials: Record<string, CredentialRef> = {};
    for (const [slot, ref] of Object.entries(node.credentials)) {
      if (!isObj(ref)) continue;
      const clean = { id: String(ref.id ?? ''), type: String(ref.type ?? ''), name: String(ref.name ?? '') };
      credentials[slot] = clean;
      if (clean.id && !refs.has(clean.id)) refs.set(clean.id, clean);
    }
    return { ...node, credentials };
  });
  return { flow: { ...flow, nodes }, refs: [...refs.values()] };
}
