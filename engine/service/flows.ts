import type { Api, FlowSummary, Handlers, NodePorts } from '../api';
import { FLOW_FORMAT, outputPorts, serializeFlow, validateFlow, type FlowFile, type NodeLookup } from '../flow';
import type { RunSummary } from '../store';
import { JunctionError } from '../sdk/errors';
import type { Clock } from '../sdk/types';
import { readFlowText, repairFlow, stripSecrets } from './flow-text';
import { parseImport } from './import-check';
import { kebab, newFlowId, type FlowEntry, type Workspace } from './workspace';

/** The trust store, for this workspace's flows (see engine/store/trust.ts). */
export interface FlowTrust {
  isTrusted(flowId: string): boolean;
  trust(flowId: string, reason: 'created' | 'trusted'): void;
  distrust(flowId: string): void;
}

export interface FlowDeps {
  ws: Workspace;
  types: NodeLookup;
  clock: Clock;
  lastRun(flowId: string): RunSummary | undefined;
  trust: FlowTrust;
}

type FlowHandlers = Pick<Handlers, 'flows.list' | 'flows.get' | 'flows.create' | 'flows.save' | 'flows.rename' | 'flows.duplicate'
  | 'flows.delete' | 'flows.restore' | 'flows.import' | 'flows.export' | 'flows.validate' | 'flows.trust'>;

/** The flows.* methods over the workspace folder. */
export function flowHandlers({ ws, types, clock, lastRun, trust }: FlowDeps): FlowHandlers {
  const load = (entry: FlowEntry) => {
    const result = readFlowText(ws.readText(entry.file), types, entry.file);
    // A file without a readable id is known by its file name until it is saved with a real one.
    if (entry.id.startsWith('file:')) result.flow.id = entry.id;
    return result;
  };

  /** Writes a flow canonically, moving its file when `rename` says its name may have changed. */
  const persist = (flow: FlowFile, entry: FlowEntry | undefined, rename: boolean): FlowFile => {
    const clean = stripSecrets(flow).flow;
    const file = entry && !rename ? entry.file : ws.fileFor(clean.name, entry?.file);
    ws.write(file, serializeFlow(clean), entry?.file);
    return clean;
  };

  /** The file's own content (no defaults filled in), for operations that rewrite it. */
  const raw = (entry: FlowEntry): FlowFile => {
    const text = ws.readText(entry.file);
    let doc: unknown;
    try { doc = JSON.parse(text.replace(/^\uFEFF/, '')); } catch { readFlowText(text, types, entry.file); }
    const flow = repairFlow(doc);
    if (!flow) throw new JunctionError('flow.shape', `${entry.file} is JSON but not a flow: it must be an object with "nodes" and "edges"`);
    if (entry.id.startsWith('file:')) flow.id = newFlowId();
    return flow;
  };

  const reread = (flow: FlowFile) => readFlowText(serializeFlow(flow), types, 'the flow');

  const uniqueName = (name: string): string => {
    const names = new Set(ws.list().map((e) => e.name));
    if (!names.has(name)) return name;
    for (let i = 2; ; i++) if (!names.has(`${name} ${i}`)) return `${name} ${i}`;
  };

  return {
    async 'flows.list'() {
      return ws.list().map((e): FlowSummary => {
        const run = e.id.startsWith('file:') ? undefined : lastRun(e.id);
        return {
          id: e.id, name: e.name, file: e.file, nodeCount: e.nodeCount, updatedAt: e.updatedAt, trusted: trust.isTrusted(e.id),
          ...(run ? { lastRun: { id: run.id, status: run.status, startedAt: run.startedAt } } : {}),
        };
      });
    },

    async 'flows.get'({ id }) {
      return { ...load(ws.get(id)), trusted: trust.isTrusted(id) };
    },

    async 'flows.create'({ name }) {
      const flow: FlowFile = { format: FLOW_FORMAT, id: newFlowId(), name: name.trim() || 'Untitled flow', nodes: [], edges: [], settings: {}, pinned: {}, notes: [] };
      trust.trust(flow.id, 'created');
      return { flow: reread(persist(flow, undefined, true)).flow };
    },

    async 'flows.save'({ flow: input }) {
      const flow = repairFlow(input);
      if (!flow) throw new JunctionError('flow.shape', 'The flow to save has no list of nodes or edges', { path: 'flow' });
      const entry = flow.id ? ws.find(flow.id) : undefined;
      if (!flow.id || flow.id.startsWith('file:')) flow.id = newFlowId();
      persist(flow, entry, !entry || entry.name !== flow.name);
      return { savedAt: new Date(clock.now()).toISOString(), problems: validateFlow(flow, types).problems };
    },

    async 'flows.rename'({ id, name }) {
      const entry = ws.get(id);
      const flow = raw(entry);
      flow.name = name.trim() || flow.name;
      return { flow: reread(persist(flow, entry, true)).flow };
    },

    async 'flows.duplicate'({ id }) {
      const entry = ws.get(id);
      const copy = { ...raw(entry), id: newFlowId(), name: uniqueName(`${entry.name} (copy)`) };
      // A copy is as trusted as its original: duplicating an imported flow must not trust it.
      if (trust.isTrusted(id)) trust.trust(copy.id, 'created');
      return { flow: reread(persist(copy, undefined, true)).flow };
    },

    async 'flows.delete'({ id }) {
      ws.trash(ws.get(id).file);
      return { deleted: true as const };
    },

    async 'flows.restore'({ id }) {
      const trashed = ws.findTrashed(id);
      if (!trashed) throw new JunctionError('flow.not-in-trash', `There is no deleted flow with the id "${id}" to restore`);
      if (ws.find(id)) throw new JunctionError('flow.exists', `A flow with the id "${id}" is already in the workspace`);
      const { flow } = readFlowText(trashed.text, types, trashed.originalName);
      ws.untrash(trashed.trashFile, ws.fileFor(flow.name, trashed.originalName));
      return { flow };
    },

    async 'flows.import'({ text, fileName }) {
      const doc = parseImport(text, fileName);
      const repaired = repairFlow(doc)!;
      const { flow, refs } = stripSecrets(repaired);
      if (!flow.id || ws.find(flow.id) || flow.id.startsWith('file:')) flow.id = newFlowId();
      if (typeof doc.name !== 'string' || !doc.name) flow.name = fileName ? fileName.replace(/(\.flow)?\.json$/i, '') : 'Imported flow';
      // Checked before the file is written: a flow the editor could not open again must not enter the workspace.
      const unreadable = validateFlow(flow, types).problems.find((p) => p.code === 'flow.too-deep');
      if (unreadable) throw new JunctionError('flow.import', `${fileName ? `"${fileName}"` : 'This file'} ${unreadable.message} (at ${unreadable.path}); it is not imported`);
      // From elsewhere, so not trusted, even when its id is one this workspace trusted before.
      trust.distrust(flow.id);
      // Two flows of one name cannot be told apart in the list: an import that clashes gets "Name 2".
      flow.name = uniqueName(flow.name);
      persist(flow, undefined, true);
      // Connections live in the keychain of whoever exported the flow; none travel with it, so each must be mapped here.
      return { ...reread(flow), missingConnections: refs };
    },

    async 'flows.export'({ id, includePinned }) {
      const { flow } = stripSecrets(raw(ws.get(id)));
      if (!includePinned) flow.pinned = {};
      return { text: serializeFlow(flow), fileName: `${kebab(flow.name)}.flow.json` };
    },

    async 'flows.trust'({ id, trusted }) {
      const entry = ws.get(id);
      if (entry.id.startsWith('file:')) throw new JunctionError('flow.no-id', `${entry.file} has no flow id yet; save it once, then trust it`, { path: 'id' });
      if (trusted) trust.trust(entry.id, 'trusted');
      else trust.distrust(entry.id);
      return { trusted };
    },

    async 'flows.validate'({ flow }) {
      const { problems, flow: checked } = validateFlow(flow, types);
      const ports: Record<string, NodePorts> = {};
      for (const node of (checked ?? flow).nodes ?? []) {
        const type = types.get(node.type, node.version);
        if (!type) continue;
        const params = type.validate(node.params).value;
        ports[node.id] = { inputs: [...type.inputs], outputs: outputPorts(type, { ...node, params }), labels: type.labelsFor(params) };
      }
      return { problems, ports };
    },
  } satisfies { [M in keyof FlowHandlers]: (input: Api[M]['in']) => Promise<Api[M]['out']> };
}
