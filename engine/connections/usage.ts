import type { FlowFile } from '../flow/types';
import type { ConnectionUse } from './types';

export type { ConnectionUse } from './types';


/** Where flows refer to connections, by connection id. */
export function connectionUses(flows: FlowFile[]): Map<string, ConnectionUse[]> {
  const uses = new Map<string, ConnectionUse[]>();
  for (const flow of flows) {
    for (const node of flow.nodes) {
      for (const [slot, ref] of Object.entries(node.credentials ?? {})) {
        if (!ref || typeof ref.id !== 'string') continue;
        const list = uses.get(ref.id) ?? [];
        list.push({ flowId: flow.id, flowName: flow.name, nodeId: node.id, nodeName: node.name, slot });
        uses.set(ref.id, list);
      }
    }
  }
  return uses;
}

/** The flow with each referenced connection id swapped per `mapping` (old id → the person's connection). */
export function remapConnections(flow: FlowFile, mapping: Record<string, { id: string; type: string; name: string }>): FlowFile {
  return {
    ...flow,
    nodes: flow.nodes.map((node) => {
      if (!node.credentials) return node;
      const credentials = Object.fromEntries(Object.entries(node.credentials).map(([slot, ref]) => [slot, Object.hasOwn(mapping, ref.id) ? mapping[ref.id] : ref]));
      return { ...node, credentials };
    }),
  };
}
