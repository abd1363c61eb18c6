import type { NodeDescription, NodePorts } from '../../engine/api';
import { withErrorPort } from '../../engine/flow/ports';
import type { FlowFile, FlowNode } from '../../engine/flow/types';

/**
 * Ports a card draws: what the engine computed from the node's params at the last check,
 * else the catalog's defaults. Ports that edges already use are kept too, so a node whose
 * outputs depend on its params (or an unknown type) never loses a connection on screen.
 */
export function outputPortsOf(node: FlowNode, desc: NodeDescription | undefined, flow: FlowFile, known?: NodePorts): string[] {
  const ports = withErrorPort(known?.outputs ?? desc?.outputs ?? [], node.settings);
  for (const e of flow.edges) if (e.from.node === node.id && !ports.includes(e.from.port)) ports.push(e.from.port);
  return ports;
}

export function inputPortsOf(node: FlowNode, desc: NodeDescription | undefined, flow: FlowFile): string[] {
  const ports = [...(desc?.inputs ?? [])];
  for (const e of flow.edges) if (e.to.node === node.id && !ports.includes(e.to.port)) ports.push(e.to.port);
  return ports;
}

/** Labels show only when a side has more than the plain 'main' port. */
export const showsLabels = (ports: string[]) => ports.length > 1 || (ports.length === 1 && ports[0] !== 'main');
