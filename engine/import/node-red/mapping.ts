import type { NodeSettings, PortRef } from '../../flow';
import { PLACEHOLDER_TYPE } from '../types';
import type { FlowBuilder } from './builder';
import { SECRET_KEY } from './config';
import type { NrNode } from './source';
import type { Report } from './values';

/** What a mapper needs: the flow being built, the source node and where it sits in the file. */
export interface MapInput {
  b: FlowBuilder;
  node: NrNode;
  /** JSON path of the node in the source file. */
  path: string;
  /** The id the node's main Junction node gets (the Node-RED id, prefixed inside a subflow instance). */
  id: string;
  /** The name to start from: the Node-RED name, else a readable label of the type. */
  name: string;
  settings: NodeSettings;
  report: Report;
  /** Config nodes of the file by id, for the nodes that refer to one. */
  config: Map<string, NrNode>;
}

/** What a source node became: where its input goes and which Junction port feeds each Node-RED output. */
export interface Mapped {
  /** The Junction node that receives the node's input; none for triggers and notes. */
  input?: string;
  /** Index i: the Junction port that Node-RED's output i becomes. */
  outputs: PortRef[];
  /** The node that stands for the source node in the report. */
  primary: string;
  type: string;
  outcome: 'mapped' | 'placeholder';
}

export type Mapper = (m: MapInput) => Mapped;

/** Adds the main node of a one-node mapping: its input is the node, its outputs the given ports. */
export function single(m: MapInput, type: string, params: Record<string, unknown>, ports: string[] = ['main'], hasInput = true, extra: { credentials?: Record<string, import('../../flow').CredentialRef> } = {}): Mapped {
  const id = m.b.add({ id: m.id, type, name: m.name, x: m.node.x, y: m.node.y, params, settings: m.settings, ...extra });
  return { ...(hasInput ? { input: id } : {}), outputs: ports.map((port) => ({ node: id, port })), primary: id, type, outcome: 'mapped' };
}

/** Node-RED's own properties: everything but identity, position, wiring, grouping and secrets (at any depth). */
export function sourceParams(node: NrNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (['id', 'type', 'z', 'x', 'y', 'wires', 'g', 'd', 'l'].includes(k) || SECRET_KEY.test(k)) continue;
    out[k] = withoutSecrets(v, 0);
  }
  return out;
}

function withoutSecrets(v: unknown, depth: number): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (depth > 50) return null;
  if (Array.isArray(v)) return v.map((x) => withoutSecrets(x, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (!SECRET_KEY.test(k)) out[k] = withoutSecrets(x, depth + 1);
  return out;
}

/**
 * A stand-in for a node Junction has no equivalent of (the placeholder type's params: source
 * tool and type, the reason, the settings as JSON text that is never evaluated, the output
 * count). Its outputs are numbered as Node-RED's were ("main", "output2", …), so wiring survives.
 */
export function placeholder(m: MapInput, why: string): Mapped {
  const wired = Math.max(Array.isArray(m.node.wires) ? m.node.wires.length : 0, typeof m.node.outputs === 'number' ? m.node.outputs : 0);
  const count = Math.min(Math.max(wired, 1), MAX_PLACEHOLDER_OUTPUTS);
  const reason = `${JSON.stringify(m.node.type)} ${why}`;
  m.report('warning', 'node', m.path, `${reason}; kept as a placeholder that holds its settings and refuses to run`);
  if (wired > MAX_PLACEHOLDER_OUTPUTS) m.report('warning', 'connection', `${m.path}.wires`, `has ${wired} outputs; the wires of outputs past ${MAX_PLACEHOLDER_OUTPUTS} were left out`);
  const id = m.b.add({
    id: m.id, type: PLACEHOLDER_TYPE, name: m.name, x: m.node.x, y: m.node.y, settings: m.settings,
    params: { sourceTool: 'node-red', sourceType: m.node.type, sourceVersion: 1, reason, parameters: JSON.stringify(sourceParams(m.node), null, 2), outputs: count },
  });
  return { input: id, outputs: Array.from({ length: count }, (_, i) => ({ node: id, port: i === 0 ? 'main' : `output${i + 1}` })), primary: id, type: PLACEHOLDER_TYPE, outcome: 'placeholder' };
}

/** The most outputs the placeholder type draws. */
const MAX_PLACEHOLDER_OUTPUTS = 64;
