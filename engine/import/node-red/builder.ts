import { FLOW_FORMAT, type CredentialRef, type FlowEdge, type FlowNode, type NodeSettings, type PortRef } from '../../flow';
import type { ImportedFlow, ImportedNode, ImportNote } from '../types';

export interface NewNode {
  id: string;
  type: string;
  name: string;
  x?: number;
  y?: number;
  params: Record<string, unknown>;
  settings?: NodeSettings;
  credentials?: Record<string, CredentialRef>;
}

/** Collects one Junction flow: nodes with unique names, edges, report lines and connections. */
export class FlowBuilder {
  readonly nodes: FlowNode[] = [];
  readonly edges: FlowEdge[] = [];
  readonly notes: ImportNote[] = [];
  readonly imported: ImportedNode[] = [];
  private readonly connections = new Map<string, CredentialRef>();
  private readonly names = new Set<string>();
  private readonly byId = new Map<string, FlowNode>();
  private readonly edgeKeys = new Set<string>();

  constructor(readonly id: string, readonly name: string) {}

  /** Node-RED names are optional and may repeat; Junction names are unique per flow. */
  uniqueName(base: string): string {
    const clean = base.replace(/\s+/g, ' ').trim().slice(0, 120) || 'Node';
    let name = clean;
    for (let n = 2; this.names.has(name); n++) name = `${clean} ${n}`;
    this.names.add(name);
    return name;
  }

  add(spec: NewNode): string {
    let id = spec.id;
    for (let n = 2; this.byId.has(id); n++) id = `${spec.id}-${n}`;
    const node: FlowNode = {
      id, type: spec.type, version: 1, name: this.uniqueName(spec.name),
      position: { x: Math.round(spec.x ?? 0), y: Math.round(spec.y ?? 0) }, params: spec.params,
    };
    if (spec.credentials) node.credentials = spec.credentials;
    if (spec.settings && Object.keys(spec.settings).length) node.settings = spec.settings;
    this.nodes.push(node);
    this.byId.set(id, node);
    return id;
  }

  node(id: string): FlowNode | undefined {
    return this.byId.get(id);
  }

  connect(from: PortRef, to: string): void {
    const key = `${from.node}\0${from.port}\0${to}`;
    if (this.edgeKeys.has(key)) return;
    this.edgeKeys.add(key);
    this.edges.push({ id: `e${this.edges.length + 1}`, from, to: { node: to, port: 'main' } });
  }

  note(severity: ImportNote['severity'], kind: string, path: string, message: string, nodeId?: string): void {
    this.notes.push({ severity, kind, path, message, ...(nodeId ? { nodeId } : {}) });
  }

  connection(ref: CredentialRef): CredentialRef {
    if (!this.connections.has(ref.id)) this.connections.set(ref.id, ref);
    return ref;
  }

  result(): ImportedFlow {
    return {
      flow: { format: FLOW_FORMAT, id: this.id, name: this.name, nodes: this.nodes, edges: this.edges, settings: {}, pinned: {}, notes: [] },
      nodes: this.imported, notes: this.notes, connections: [...this.connections.values()],
    };
  }
}
